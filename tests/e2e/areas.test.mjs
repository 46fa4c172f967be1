// End-to-end tests of the areas loaded on demand (src/ui/areas.rs, .ci/split-wasm.sh), on
// the release build in Chromium: the first load fetches the main module only; an area's
// chunks come when it is opened, from this site; a deep link opens an area directly; a
// chunk that cannot be fetched gives a translated notice with a retry, and the workspace
// is untouched; leaving an area before its chunks arrive does no harm. The workspaces
// panel is loaded the same way, when first opened.
// Run: cd tests/e2e && PPG_DIST=… node --test --test-concurrency=1 areas.test.mjs
//
// data-testids used here:
//   area-loading       the line shown while an area's chunks are on the way
//   area-unavailable   the notice when they cannot be fetched, with area-retry
import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { describe, it } from 'node:test';

import {
  DIST,
  clause,
  expectClauseText,
  guardPage,
  isChunk,
  newContext,
  openWithChunkSwitch,
  useApp,
  waitForApp,
} from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };
const FIRST = 'c-general-purpose';

const env = useApp('ppg-areas-');
const withApp = env.withApp;


/** Opens an area from the header and waits for its page (not the loading line). */
async function openArea(page, area) {
  await page.getByTestId(`nav-${area}`).click();
  await page.waitForURL(`**/${area}`);
  await page.locator('main h1').first().waitFor();
}

describe('Areas loaded on demand (release build in Chromium)', () => {
  it('the release build has chunks besides the main module', async () => {
    const files = await readdir(DIST);
    assert.equal(files.filter((f) => f.endsWith('_bg.wasm')).length, 1, 'one main module');
    assert.ok(files.filter((f) => f.endsWith('.wasm') && !f.endsWith('_bg.wasm')).length >= 6, 'a chunk per area at least');
    assert.equal(files.filter((f) => /^__wasm_split-[0-9a-f]{16}\.js$/.test(f)).length, 1, 'one loader, named by its content');
  });

  it('the first load fetches no chunk; each area fetches its own when opened, once', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const requested = [];
      page.on('request', (r) => requested.push(r.url()));
      // The policy page came with the first load (waitForApp saw the header).
      await page.getByTestId('doc-title').waitFor();
      await page.waitForLoadState('networkidle');
      assert.deepEqual(requested.filter(isChunk), [], 'the policy page needs no chunk');

      requested.length = 0;
      await openArea(page, 'naming');
      const naming = requested.filter(isChunk);
      assert.ok(naming.length > 0, 'opening naming fetched its chunks');
      // The area works: the live checker answers.
      await page.getByTestId('name-input').fill('【项目】示例');
      await page.locator('[data-testid=verdict][data-ok=false]').waitFor();

      requested.length = 0;
      await openArea(page, 'policy');
      await openArea(page, 'naming');
      assert.deepEqual(requested.filter(isChunk), [], 'a second visit fetches nothing');
    });
  });

  it('a deep link opens an area directly, in English too', TEST_TIMEOUT, async () => {
    await withApp({ path: 'approvals', locale: 'en-US' }, async ({ page }) => {
      await page.locator('main h1').first().waitFor();
      assert.equal(await page.getByTestId('area-loading').count(), 0);
      assert.equal(await page.getByTestId('nav-approvals').getAttribute('aria-current'), 'page');
      await page.getByTestId('fixtures-badge').waitFor();
    });
  });

  it('the workspaces panel comes in its own chunk when first opened, and offline says so', TEST_TIMEOUT, async () => {
    const { context, page, guard, net, requested } = await openWithChunkSwitch(env.browser, env.server);
    try {
      await page.goto(env.server.url);
      await waitForApp(page);
      await page.waitForLoadState('networkidle');
      assert.deepEqual(requested.filter(isChunk), [], 'the first load fetched no chunk');

      // Offline, the panel's place says it could not be loaded; online, the retry opens it.
      net.offline = true;
      await page.getByTestId('workspace-menu').click();
      const notice = page.getByTestId('area-unavailable');
      await notice.waitFor();
      assert.match(await notice.innerText(), /这一部分暂时无法载入/);
      net.offline = false;
      await page.getByTestId('area-retry').click();
      await page.getByTestId('workspace-list').waitFor();
      assert.ok(requested.filter(isChunk).length > 0, 'the panel came in chunks');
      assert.equal(await page.locator('[data-testid=workspace-item]').count(), 1);
      guard.assertNoCrash();
    } finally {
      await context.close();
    }
  });

  it('leaving an area before its chunks arrive is harmless', TEST_TIMEOUT, async () => {
    const context = await newContext(env.browser);
    try {
      const page = await context.newPage();
      const guard = guardPage(page, env.server.origin);
      // Slow chunks: the user is back on the policy page before they are in.
      let held = [];
      await context.route(
        (url) => isChunk(url.href),
        (route) => held.push(route),
      );
      await page.goto(env.server.url);
      await waitForApp(page);
      await page.getByTestId('nav-naming').click();
      await page.getByTestId('area-loading').waitFor();
      await page.getByTestId('nav-policy').click();
      await page.getByTestId('doc-title').waitFor();
      // Now let them through, and the ones asked for after them.
      await context.unroute((url) => isChunk(url.href));
      for (const route of held) await route.continue();
      held = [];
      await page.waitForTimeout(1000);
      assert.deepEqual(guard.problems.pageErrors, [], 'no panic when the chunks land after the area was left');
      // The app still works, and the area opens.
      await openArea(page, 'naming');
      await page.getByTestId('name-input').fill('【项目】示例');
      await page.locator('[data-testid=verdict]').waitFor();
      guard.assertClean();
    } finally {
      await context.close();
    }
  });

  it('a chunk that cannot be fetched: a translated notice, a retry that works, the workspace kept', TEST_TIMEOUT, async () => {
    // The failed fetches log console errors (the browser's and the loader's); uncaught
    // exceptions and panics must not happen.
    const { context, page, guard, net } = await openWithChunkSwitch(env.browser, env.server);
    try {
      await page.goto(env.server.url);
      await waitForApp(page);
      const edited = '在线编辑后断网，这段文字不能丢。';
      await clause(page, FIRST).body.fill(edited);
      await expectClauseText(page, FIRST, edited);

      net.offline = true;
      await page.getByTestId('nav-training').click();
      const notice = page.getByTestId('area-unavailable');
      await notice.waitFor();
      assert.match(await notice.innerText(), /这一部分暂时无法载入/);
      assert.equal(await notice.getAttribute('role'), 'alert');
      assert.deepEqual(guard.problems.pageErrors, [], 'no uncaught exception or panic');

      // Back online: the retry loads the area in place.
      net.offline = false;
      await page.getByTestId('area-retry').click();
      await page.getByTestId('bank-tab').waitFor();
      assert.equal(await notice.count(), 0);

      // The edit made before is still there, in the page and after a reload.
      await openArea(page, 'policy');
      await expectClauseText(page, FIRST, edited);
      await page.reload();
      await waitForApp(page);
      await expectClauseText(page, FIRST, edited);
      guard.assertNoCrash();
    } finally {
      await context.close();
    }
  });
});
