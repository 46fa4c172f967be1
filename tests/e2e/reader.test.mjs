// The workspace reader loaded on demand (src/ui/codec.rs), release build in real Chromium:
// reading workspace JSON (schema check, migration, deserialization, validation) is in a
// chunk of its own, fetched only when something has to be read. A first visit never
// fetches it; a returning visit fetches it before the app shows; a first visit that opens
// another stored workspace fetches it then. When it cannot be fetched, a translated notice
// says so, and nothing stored or shown changes.
// Run: cd tests/e2e && PPG_DIST=… node --test --test-concurrency=1 reader.test.mjs
//
// data-testids used here:
//   start-unavailable   stands in for the app when the reader cannot be fetched at start-up,
//                       with start-retry
//   reader-unavailable  the notice when a workspace operation could not get the reader
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { clause, eventually, expectClauseText, isChunk, isOwnChunk, newContext, openWithChunkSwitch, storedClause, useApp, waitForApp } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };
const FIRST = 'c-general-purpose';
const ZH_TITLE = '企业微信办公使用规范';
const NEW_ZH = '新工作区';

const env = useApp('ppg-reader-');

const isReader = isOwnChunk('reader');
/** Everything the app keeps in this browser's storage. */
const storage = (page) =>
  page.evaluate(() => Object.fromEntries(Object.keys(localStorage).sort().map((k) => [k, localStorage.getItem(k)])));

async function openPanel(page) {
  if ((await page.getByTestId('workspace-list').count()) === 0) await page.getByTestId('workspace-menu').click();
  await page.getByTestId('workspace-list').waitFor();
}

const item = (page, name) =>
  page.locator('[data-testid=workspace-item]').filter({
    has: page.locator('[data-testid=workspace-name]', { hasText: new RegExp(`^${name}$`) }),
  });

const currentName = async (page) => (await page.getByTestId('workspace-current-name').innerText()).trim();

describe('The workspace reader, loaded on demand (release build in Chromium)', () => {
  it('a first visit does without it; a returning visit fetches it before showing the stored work', TEST_TIMEOUT, async () => {
    const { context, page, guard, requested } = await openWithChunkSwitch(env.browser, env.server);
    try {
      await page.goto(env.server.url);
      await waitForApp(page);
      const edited = '第一次访问不读取工作区；再次访问时读取。';
      await clause(page, FIRST).body.fill(edited);
      await expectClauseText(page, FIRST, edited);
      await storedClause(page, FIRST, edited);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(requested.filter(isReader), [], 'the first visit fetched no reader');

      await page.reload();
      await waitForApp(page);
      await expectClauseText(page, FIRST, edited);
      assert.equal(requested.filter(isReader).length, 1, 'the returning visit fetched the reader once');
      guard.assertClean();
    } finally {
      await context.close();
    }
  });

  it('the reader unreachable at start-up: a translated notice, storage untouched, a retry that works', TEST_TIMEOUT, async () => {
    const { context, page, guard, net } = await openWithChunkSwitch(env.browser, env.server);
    try {
      await page.goto(env.server.url);
      await waitForApp(page);
      const edited = '断网时重新打开，已保存的工作区不能被改动。';
      await clause(page, FIRST).body.fill(edited);
      await storedClause(page, FIRST, edited);
      const before = await storage(page);

      net.offline = true;
      await page.reload();
      const notice = page.getByTestId('start-unavailable');
      await notice.waitFor();
      assert.equal(await notice.getAttribute('role'), 'alert');
      assert.match(await notice.innerText(), /这一部分暂时无法载入/);
      assert.match(await notice.innerText(), /已保存的工作区原样留在本浏览器中/);
      assert.equal(await page.getByTestId('nav-policy').count(), 0, 'no app over unread work');
      assert.deepEqual(await storage(page), before, 'storage is exactly as it was');

      net.offline = false;
      await page.getByTestId('start-retry').click();
      await waitForApp(page);
      await expectClauseText(page, FIRST, edited);
      // The failed fetches log console errors (the browser's and the loader's); uncaught
      // exceptions and panics must not happen.
      guard.assertNoCrash();
    } finally {
      await context.close();
    }
  });

  it('in English too, the start-up notice follows the browser language', TEST_TIMEOUT, async () => {
    const context = await newContext(env.browser, { locale: 'en-US' });
    try {
      await context.addInitScript(() => {
        // A workspace stored by an earlier visit (its content is read only by the reader).
        if (!localStorage.getItem('ppg.workspace.w-earlier')) localStorage.setItem('ppg.workspace.w-earlier', '{"schema_version": 1}');
      });
      await context.route(
        (url) => isChunk(url.href),
        (route) => route.abort('internetdisconnected'),
      );
      const page = await context.newPage();
      await page.goto(env.server.url);
      const notice = page.getByTestId('start-unavailable');
      await notice.waitFor();
      assert.match(await notice.innerText(), /could not be loaded/);
      assert.match(await notice.innerText(), /still in this browser, untouched/);
      assert.equal(await page.evaluate(() => localStorage.getItem('ppg.workspace.w-earlier')), '{"schema_version": 1}');
    } finally {
      await context.close();
    }
  });

  it('a first visit switching back to a stored workspace fetches the reader then; unreachable, nothing changes', TEST_TIMEOUT, async () => {
    const { context, page, guard, net, requested } = await openWithChunkSwitch(env.browser, env.server);
    try {
      await page.goto(env.server.url);
      await waitForApp(page);
      const edited = '切换回来时才读取这个工作区。';
      await clause(page, FIRST).body.fill(edited);
      await storedClause(page, FIRST, edited);

      await openPanel(page);
      await page.getByTestId('workspace-new-zh').click();
      const input = page.getByTestId('workspace-name-input');
      await input.waitFor();
      await input.press('Escape');
      await eventually(async () => assert.equal(await currentName(page), NEW_ZH));
      assert.deepEqual(requested.filter(isReader), [], 'creating a workspace reads nothing');

      // Offline: the switch cannot read the stored workspace, says so, and changes nothing.
      net.offline = true;
      const before = await storage(page);
      await openPanel(page);
      await item(page, ZH_TITLE).getByTestId('workspace-switch').click();
      const notice = page.getByTestId('reader-unavailable');
      await notice.waitFor();
      assert.match(await notice.innerText(), /什么都没有改变/);
      assert.equal(await currentName(page), NEW_ZH);
      assert.ok((await clause(page, FIRST).body.inputValue()).startsWith('为规范员工'), 'the new workspace is still open');
      assert.deepEqual(await storage(page), before, 'storage is exactly as it was');

      // Online: the same click fetches the reader and opens the stored workspace.
      net.offline = false;
      await openPanel(page);
      await item(page, ZH_TITLE).getByTestId('workspace-switch').click();
      await eventually(async () => assert.equal(await currentName(page), ZH_TITLE));
      await expectClauseText(page, FIRST, edited);
      assert.ok(requested.filter(isReader).length >= 1, 'the switch fetched the reader');
      guard.assertNoCrash();
    } finally {
      await context.close();
    }
  });
});
