// End-to-end tests of the export area (issue 6): documents download in every format, the
// preview prints the document alone, Markdown goes to the clipboard, and share links open
// as a new workspace in a fresh browser profile while the workspace there stays intact.
// Run: cd tests/e2e && node --test --test-concurrency=1 export.test.mjs
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';

import { TIMEOUT, clause, eventually, expectClauseText, useApp, waitForApp } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 120_000 };
const FIRST = 'c-general-purpose';

const env = useApp('ppg-export-');
const withApp = env.withApp;

/** Clicks `testid` and returns the download's name and bytes. */
async function download(page, testid) {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: TIMEOUT }),
    page.locator(`[data-testid=${testid}]`).click(),
  ]);
  const name = d.suggestedFilename();
  const path = join(env.tmp, name);
  await d.saveAs(path);
  return { name, bytes: await readFile(path) };
}

/** The text of the export preview's document. */
async function previewText(page) {
  return page.frameLocator('[data-testid=export-preview]').locator('body').innerText();
}

describe('Export area (release build in Chromium)', () => {
  it('E1. Word, HTML and Markdown download in Chinese and English', TEST_TIMEOUT, async () => {
    await withApp({ path: 'export' }, async ({ page }) => {
      const md = await download(page, 'export-md');
      assert.equal(md.name, 'EXT-ADM-2025-007-V1.0-zh.md');
      const mdText = md.bytes.toString('utf8');
      assert.ok(mdText.startsWith('# 企业微信办公使用规范'), mdText.slice(0, 80));
      assert.ok(mdText.includes('## 第一章　总则'));
      assert.ok(mdText.includes('附录B　审批模板'));

      const html = await download(page, 'export-html');
      const htmlText = html.bytes.toString('utf8');
      assert.ok(htmlText.includes('<html lang="zh-CN">'));
      assert.ok(!/<script/i.test(htmlText), 'no scripts in the HTML file');
      assert.ok(htmlText.includes('<svg'), 'flow drawings as SVG');

      const docx = await download(page, 'export-docx');
      assert.equal(docx.name, 'EXT-ADM-2025-007-V1.0-zh.docx');
      assert.equal(docx.bytes.subarray(0, 4).toString('binary'), 'PK\x03\x04', 'a ZIP package');
      assert.ok(docx.bytes.length > 5_000, `${docx.bytes.length} bytes`);

      // English labels, policy only.
      await page.locator('[data-testid=doc-lang]').selectOption('en');
      for (const s of ['naming', 'approvals', 'roles']) {
        await page.locator(`[data-testid=section-${s}]`).uncheck();
      }
      await eventually(async () => {
        const text = await previewText(page);
        assert.ok(text.includes('Chapter 1'), 'English labels in the preview');
        assert.ok(!text.includes('Appendix'), 'no appendices');
      });
      const en = await download(page, 'export-md');
      assert.equal(en.name, 'EXT-ADM-2025-007-V1.0-en.md');
      const enText = en.bytes.toString('utf8');
      assert.ok(enText.includes('## Chapter 1'));
      assert.ok(!enText.includes('Appendix'));
    });
  });

  it('E2. the preview follows edits and prints the document alone', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      await clause(page, FIRST).body.fill('导出预览测试 <script>alert(1)</script>');
      await page.locator('[data-testid=nav-export]').click();
      await eventually(async () => assert.ok((await previewText(page)).includes('导出预览测试 <script>alert(1)</script>')));
      // The preview runs nothing: the hostile text is text.
      const scripts = await page.frameLocator('[data-testid=export-preview]').locator('script').count();
      assert.equal(scripts, 0);
      // Printing prints the preview's document (its own window), not the app.
      await page.evaluate(() => {
        const frame = document.getElementById('export-preview');
        frame.contentWindow.print = () => { window.__printed = true; };
      });
      await page.locator('[data-testid=export-print]').click();
      assert.equal(await page.evaluate(() => window.__printed), true);
    });
  });

  it('E3. the HTML file prints as A4 pages, a chapter per page', TEST_TIMEOUT, async () => {
    await withApp({ path: 'export' }, async ({ context, page }) => {
      const html = await download(page, 'export-html');
      const doc = await context.newPage();
      await doc.setContent(html.bytes.toString('utf8'));
      await doc.emulateMedia({ media: 'print' });
      const breaks = await doc.locator('h2.chapter').evaluateAll((hs) => hs.map((h) => getComputedStyle(h).breakBefore));
      assert.ok(breaks.length >= 10, `${breaks.length} chapters`);
      assert.ok(breaks.every((b) => b === 'page'), breaks.join());
      const pdf = await doc.pdf({ preferCSSPageSize: true });
      const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
      assert.ok(pages > breaks.length, `${pages} pages for ${breaks.length} chapters and appendices`);
      await doc.close();
    });
  });

  it('E4. copy as Markdown puts the document on the clipboard', TEST_TIMEOUT, async () => {
    await withApp({ path: 'export' }, async ({ context, page, guard }) => {
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
      await page.locator('[data-testid=copy-markdown]').click();
      await eventually(async () => {
        const status = await page.locator('[data-testid=export-status]').innerText();
        assert.ok(status.includes('已复制'), status);
      });
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      assert.ok(copied.startsWith('# 企业微信办公使用规范'), copied.slice(0, 60));
      guard.assertClean();
    });
  });

  it('E5. a share link opens in a fresh profile as a new workspace, the one there intact', TEST_TIMEOUT, async () => {
    const SHARED = '分享链接里的条款文字';
    const MINE = '对方浏览器里原有的条款';
    let url;
    await withApp({}, async ({ context, page }) => {
      await clause(page, FIRST).body.fill(SHARED);
      await page.locator('[data-testid=nav-export]').click();
      await page.locator('[data-testid=share-create]').click();
      url = await page.locator('[data-testid=share-url]').inputValue();
      assert.ok(url.startsWith(`${env.server.origin}/#share=v1.`), url.slice(0, 60));
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.origin });
      await page.locator('[data-testid=share-copy]').click();
      await eventually(async () => assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url));
    });
    // Another browser profile, with work of its own.
    await withApp({}, async ({ page }) => {
      await clause(page, FIRST).body.fill(MINE);
      await expectClauseText(page, FIRST, MINE);
      await page.goto(url);
      await waitForApp(page);
      const prompt = page.locator('[data-testid=share-prompt]');
      await prompt.waitFor();
      assert.equal((await page.locator('[data-testid=share-title]').innerText()).trim(), '企业微信办公使用规范');
      assert.ok(!page.url().includes('#share='), 'the link leaves the address bar once read');
      await page.locator('[data-testid=share-open]').click();
      await prompt.waitFor({ state: 'detached' });
      await expectClauseText(page, FIRST, SHARED);
      // The workspace that was there is still there, unchanged.
      const stored = await page.evaluate((first) => {
        const list = JSON.parse(localStorage.getItem('ppg.workspaces') ?? '[]');
        return list.map((e) => JSON.parse(localStorage.getItem(`ppg.workspace.${e.id}`) ?? 'null')
          ?.policy.chapters[0].clauses.find((c) => c.id === first)?.body);
      }, FIRST);
      assert.deepEqual(stored, [MINE, SHARED]);
      // A reload does not offer the link again.
      await page.reload();
      await waitForApp(page);
      await expectClauseText(page, FIRST, SHARED);
      assert.equal(await page.locator('[data-testid=share-prompt]').count(), 0);
    });
  });

  it('E6. a damaged share link says so and changes nothing', TEST_TIMEOUT, async () => {
    await withApp({ path: 'export' }, async ({ page }) => {
      await page.locator('[data-testid=share-create]').click();
      const url = await page.locator('[data-testid=share-url]').inputValue();
      const damaged = url.slice(0, -30) + (url.at(-30) === 'A' ? 'B' : 'A') + url.slice(-29);
      const cut = url.slice(0, url.length - 100);
      for (const [link, reason] of [[damaged, '校验码'], [cut, '']]) {
        await page.goto(link);
        await waitForApp(page);
        const error = page.locator('[data-testid=share-error]');
        await error.waitFor();
        const text = await error.innerText();
        assert.ok(text.includes('无法打开这个分享链接'), text);
        if (reason) assert.ok(text.includes(reason) || text.includes('损坏'), text);
        await page.locator('[data-testid=share-dismiss]').click();
        await error.waitFor({ state: 'detached' });
      }
      const count = await page.evaluate(() => JSON.parse(localStorage.getItem('ppg.workspaces') ?? '[]').length);
      assert.ok(count <= 1, `no workspace added (${count})`);
    });
  });
});
