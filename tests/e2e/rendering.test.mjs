// The Markdown renderer of the policy preview, loaded on demand (src/ui/rendering.rs),
// release build in real Chromium. A first visit shows the starter's preview from renderings
// made at build time and fetches no renderer; taking the editor fetches it, so an edit is
// formatted at once; a returning visit fetches it at start-up. When it cannot be fetched,
// a changed clause shows as plain text, the preview says so in the interface language,
// the edit is still saved, and a retry formats it.
// Run: cd tests/e2e && PPG_DIST=… node --test --test-concurrency=1 rendering.test.mjs
//
// data-testids used here:
//   md-pending                    a clause body shown as plain text until the renderer is in
//   preview-renderer-unavailable  the preview's alert when the renderer cannot be fetched,
//                                 with preview-renderer-retry
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';

import { clause, eventually, expectClauseText, isOwnChunk, openWithChunkSwitch, storedClause, useApp, waitForApp } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };
const LIST = 'c-general-use';
const FIRST = 'c-general-purpose';

const env = useApp('ppg-rendering-');

const isRenderer = isOwnChunk('markdown');

describe('The preview renderer, loaded on demand (release build in Chromium)', () => {
  it('a first visit shows the formatted starter without it; taking the editor fetches it and an edit is formatted', TEST_TIMEOUT, async () => {
    const { context, page, guard, requested } = await openWithChunkSwitch(env.browser, env.server);
    try {
      await page.goto(env.server.url);
      await waitForApp(page);
      await page.waitForLoadState('networkidle');
      // The starter's Markdown, formatted: a list with bold lead-ins, nothing left as text.
      const list = clause(page, LIST).preview;
      assert.equal(await list.locator('.md ul > li').count(), 4);
      assert.equal(await list.locator('.md li strong').first().innerText(), '即时沟通');
      assert.equal(await page.getByTestId('md-pending').count(), 0);
      assert.deepEqual(requested.filter(isRenderer), [], 'the first visit fetched no renderer');

      await clause(page, FIRST).body.focus();
      await eventually(() => assert.equal(requested.filter(isRenderer).length, 1, 'taking the editor fetched the renderer'));
      await clause(page, FIRST).body.fill('**加粗**与 <b>原样显示的标签</b>');
      const preview = clause(page, FIRST).preview;
      await eventually(async () => assert.equal(await preview.locator('.md strong').innerText(), '加粗'));
      // Raw HTML stays text, rendered or not.
      assert.equal(await preview.locator('.md b').count(), 0);
      assert.match(await preview.locator('.md').innerText(), /<b>原样显示的标签<\/b>/);
      assert.equal(await page.getByTestId('md-pending').count(), 0);
      guard.assertClean();
    } finally {
      await context.close();
    }
  });

  it('a returning visit fetches it at start-up and shows the stored edit formatted', TEST_TIMEOUT, async () => {
    const { context, page, guard, requested } = await openWithChunkSwitch(env.browser, env.server);
    try {
      await page.goto(env.server.url);
      await waitForApp(page);
      const edited = '返回时：\n\n1. 第一项\n2. 第二项';
      await clause(page, FIRST).body.fill(edited);
      await storedClause(page, FIRST, edited);

      requested.length = 0;
      await page.reload();
      await waitForApp(page);
      await eventually(async () => assert.equal(await clause(page, FIRST).preview.locator('.md ol > li').count(), 2));
      assert.equal(requested.filter(isRenderer).length, 1, 'the returning visit fetched the renderer');
      guard.assertClean();
    } finally {
      await context.close();
    }
  });

  it('offline: a changed clause shows as plain text with a translated alert, the edit is saved, a retry formats it', TEST_TIMEOUT, async () => {
    const { context, page, guard, net } = await openWithChunkSwitch(env.browser, env.server);
    try {
      await page.goto(env.server.url);
      await waitForApp(page);
      net.offline = true;
      const edited = '断网时**也能**编辑';
      await clause(page, FIRST).body.fill(edited);

      const alert = page.getByTestId('preview-renderer-unavailable');
      await alert.waitFor();
      assert.equal(await alert.getAttribute('role'), 'alert');
      assert.match(await alert.innerText(), /预览的排版程序取不到/);
      assert.match(await alert.innerText(), /你的编辑照常保存/);
      const preview = clause(page, FIRST).preview;
      assert.equal(await preview.getByTestId('md-pending').innerText(), edited, 'the text as typed');
      assert.equal(await preview.locator('.md strong').count(), 0);
      // Other clauses keep the starter's formatting.
      assert.equal(await clause(page, LIST).preview.locator('.md ul > li').count(), 4);
      await storedClause(page, FIRST, edited);

      // In English, the alert follows the interface language.
      await page.getByTestId('lang-toggle').click();
      await eventually(async () => assert.match(await alert.innerText(), /could not be fetched/));
      await page.getByTestId('lang-toggle').click();

      net.offline = false;
      await page.getByTestId('preview-renderer-retry').click();
      await eventually(async () => assert.equal(await preview.locator('.md strong').innerText(), '也能'));
      assert.equal(await alert.count(), 0);
      assert.equal(await page.getByTestId('md-pending').count(), 0);
      await expectClauseText(page, FIRST, edited, { previewText: '断网时也能编辑' });
      // The failed fetch logs console errors (the browser's and the loader's); uncaught
      // exceptions and panics must not happen.
      guard.assertNoCrash();
    } finally {
      await context.close();
    }
  });
});
