// End-to-end tests of the release build in Chromium: what a user sees and does.
// Run: cd tests/e2e && node --test --test-concurrency=1 *.test.mjs
// Env: PPG_DIST (the build to test, default ../../dist); PPG_DIST_SUBPATH + PPG_SUBPATH_BASE
// (a build made with a sub-path public URL, e.g. /pp/) for the sub-path deep-link test.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

import {
  DIST,
  DIST_SUBPATH,
  SUBPATH_BASE,
  TIMEOUT,
  clause,
  eventually,
  expectClauseText,
  launchBrowser,
  openApp,
  startServer,
  waitForApp,
} from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 90_000 };

const ZH_TITLE = '企业微信办公使用规范';
const EN_TITLE = 'Office Messaging Usage Code';
const FIRST = 'c-general-purpose';
/** The start of the starter's first clause, in Chinese and English. */
const ZH_FIRST_START = '为规范员工使用企业微信开展日常办公';
const EN_FIRST_START = 'Example Tech Co.';
const NAV_IDS = ['nav-policy', 'nav-naming', 'nav-approvals', 'nav-training', 'nav-export'];
const SAVED_ZH = '已保存在本浏览器';
const SAVING_ZH = '正在保存…';

let browser;
let server;
let tmp;

before(async () => {
  browser = await launchBrowser();
  server = await startServer(DIST);
  tmp = await mkdtemp(join(tmpdir(), 'ppg-e2e-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

/**
 * Runs `body` with a fresh context and guarded page at the app's root (or `opts.path`),
 * closes the context afterwards, and requires the guard to be clean when the body passed.
 */
async function withApp(opts, body) {
  const { context, page, guard } = await openApp(browser, opts.server ?? server, opts);
  try {
    await body({ context, page, guard });
    guard.assertClean();
  } finally {
    await context.close();
  }
}

/** Types into a clause's textarea the way Playwright's fill does (one input event). */
async function editClause(page, id, text) {
  await clause(page, id).body.fill(text);
}

async function text(locator) {
  return (await locator.innerText()).trim();
}

/** Saves the workspace to a file through the app's button; returns {path, name, json}. */
async function saveToFile(page, dir = tmp) {
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: TIMEOUT }),
    page.locator('[data-testid=save-file]').click(),
  ]);
  const name = download.suggestedFilename();
  const path = join(dir, name);
  await download.saveAs(path);
  const json = JSON.parse(await readFile(path, 'utf8'));
  return { path, name, json };
}

describe('Policy Playground (release build in Chromium)', () => {
  it('1. first load in zh-CN shows the Chinese starter', TEST_TIMEOUT, async () => {
    await withApp({ locale: 'zh-CN' }, async ({ page }) => {
      await eventually(async () => assert.equal(await text(page.locator('[data-testid=doc-title]')), ZH_TITLE));
      const preview = await page.locator('[data-testid=preview]').innerText();
      assert.ok(preview.includes('第一章'), 'preview numbers chapters 第一章…');
      assert.ok(preview.includes('第1条'), 'preview numbers articles 第1条…');
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');

      const nav = page.locator('[data-testid^="nav-"]');
      assert.equal(await nav.count(), 5, 'five navigation links');
      const ids = await nav.evaluateAll((els) => els.map((e) => e.dataset.testid));
      assert.deepEqual(ids, NAV_IDS);
      for (const id of NAV_IDS) assert.ok(await page.locator(`[data-testid=${id}]`).isVisible(), `${id} visible`);

      const policy = page.locator('[data-testid=nav-policy]');
      assert.equal(await text(policy), '制度');
      assert.equal(await policy.getAttribute('aria-current'), 'page', 'the policy link is marked as the current page on first load');
    });
  });

  it('2. switching to English swaps the untouched starter and is remembered', TEST_TIMEOUT, async () => {
    await withApp({ locale: 'zh-CN' }, async ({ page }) => {
      await eventually(async () => assert.equal(await text(page.locator('[data-testid=doc-title]')), ZH_TITLE));
      await page.locator('[data-testid=lang-toggle]').click();

      const expectEnglish = async () => {
        await eventually(async () => {
          assert.equal(await text(page.locator('[data-testid=doc-title]')), EN_TITLE);
          const preview = await page.locator('[data-testid=preview]').innerText();
          assert.ok(preview.includes('Chapter 1'), 'preview shows Chapter 1');
          assert.ok(preview.includes('Article 1'), 'preview shows Article 1');
          assert.equal(await text(page.locator('[data-testid=nav-policy]')), 'Policy');
          assert.equal(await page.evaluate(() => document.documentElement.lang), 'en');
        });
      };
      await expectEnglish();

      await page.reload();
      await waitForApp(page);
      await expectEnglish();
      assert.equal(await text(page.locator('[data-testid=lang-toggle]')), '中文', 'the toggle now offers Chinese');
    });
  });

  it('3. editing a clause updates the preview; raw HTML stays text', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const c = clause(page, FIRST);
      await eventually(async () => assert.ok((await c.body.inputValue()).startsWith(ZH_FIRST_START)));
      assert.ok((await c.preview.innerText()).includes(ZH_FIRST_START));

      await editClause(page, FIRST, '测试修改 **加粗文字** 123');
      await eventually(async () => {
        const strong = c.preview.locator('strong');
        assert.equal(await strong.count(), 1, 'the bold Markdown becomes one <strong>');
        assert.equal(await text(strong), '加粗文字');
        const shown = await c.preview.innerText();
        assert.ok(shown.includes('测试修改'), 'new text in the preview');
        assert.ok(shown.includes('123'));
        assert.ok(!shown.includes('**'), 'Markdown markers are rendered, not shown');
        assert.ok(!shown.includes(ZH_FIRST_START), 'old text gone from the preview');
      });

      const html = '<img src=x onerror=alert(1)>';
      await editClause(page, FIRST, html);
      await eventually(async () => {
        assert.ok((await c.preview.innerText()).includes(html), 'raw HTML is shown literally');
      });
      assert.equal(await page.locator('[data-testid=preview] img').count(), 0, 'no <img> element is created');
      assert.equal(await page.locator('img').count(), 0, 'no <img> anywhere on the page');
      // Give a would-be onerror handler a moment to fire (the guard records any dialog).
      await page.waitForTimeout(300);
    });
  });

  it('4. edits survive a reload, after autosave and immediately after typing', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const c = clause(page, FIRST);
      await c.body.waitFor();
      // Record every text the save status shows, so the "saving" → "saved" round is seen.
      await page.evaluate(() => {
        const el = document.querySelector('[data-testid=save-status]');
        window.__statusSeen = [el.textContent];
        new MutationObserver(() => window.__statusSeen.push(el.textContent)).observe(el, {
          childList: true,
          characterData: true,
          subtree: true,
        });
      });
      const first = '重新加载测试 甲 ' + Date.now();
      await editClause(page, FIRST, first);
      await eventually(async () => {
        const seen = await page.evaluate(() => window.__statusSeen);
        assert.ok(seen.includes(SAVING_ZH), `status showed ${SAVING_ZH}; saw ${JSON.stringify(seen)}`);
        assert.equal(await text(page.locator('[data-testid=save-status]')), SAVED_ZH);
      });
      await page.reload();
      await waitForApp(page);
      await expectClauseText(page, FIRST, first);

      // Now reload right after typing, before the debounced autosave could run.
      const second = '立即重新加载 乙 ' + Date.now();
      await editClause(page, FIRST, second);
      await page.reload();
      await waitForApp(page);
      await expectClauseText(page, FIRST, second);
    });
  });

  it('5. undo and redo, by button and keyboard', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const c = clause(page, FIRST);
      await c.body.waitFor();
      const original = await c.body.inputValue();
      assert.ok(original.startsWith(ZH_FIRST_START));
      const undo = page.locator('[data-testid=undo]');
      const redo = page.locator('[data-testid=redo]');
      assert.ok(await undo.isDisabled(), 'nothing to undo at first');

      const edited = '撤销测试 **文字**';
      await editClause(page, FIRST, edited);
      await expectClauseText(page, FIRST, edited, { previewText: '撤销测试 文字' });

      await undo.click();
      await expectClauseText(page, FIRST, original);
      await redo.click();
      await expectClauseText(page, FIRST, edited, { previewText: '撤销测试 文字' });

      // Keyboard, with the cursor in the textarea as after typing.
      await c.body.focus();
      await page.keyboard.press('Control+z');
      await expectClauseText(page, FIRST, original);
      await page.keyboard.press('Control+Shift+z');
      await expectClauseText(page, FIRST, edited, { previewText: '撤销测试 文字' });
      await page.keyboard.press('Control+z');
      await expectClauseText(page, FIRST, original);
      await page.keyboard.press('Control+y');
      await expectClauseText(page, FIRST, edited, { previewText: '撤销测试 文字' });
    });
  });

  it('6. save to file, then open it: the workspace round-trips', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const dir = await mkdtemp(join(tmp, 't6-'));
      const saved = '存档测试 ' + Date.now();
      await editClause(page, FIRST, saved);
      await expectClauseText(page, FIRST, saved);

      const file = await saveToFile(page, dir);
      assert.match(file.name, /\.json$/, 'a .json file is offered');
      assert.equal(file.json.schema_version, 1);
      assert.equal(file.json.policy.chapters[0].clauses[0].id, FIRST);
      assert.equal(file.json.policy.chapters[0].clauses[0].body, saved, 'the edit is in the file');
      await eventually(async () => assert.ok((await text(page.locator('[data-testid=notice]'))).includes(file.name)));

      const other = '存档后又改了 ' + Date.now();
      await editClause(page, FIRST, other);
      await expectClauseText(page, FIRST, other);

      await page.setInputFiles('[data-testid=open-file-input]', file.path);
      await expectClauseText(page, FIRST, saved);
      await eventually(async () => {
        const notice = page.locator('[data-testid=notice]');
        const shown = await text(notice);
        assert.ok(shown.includes(file.name), `notice names the file; got ${JSON.stringify(shown)}`);
        assert.ok(shown.includes('已打开文件'), 'notice says the file was opened');
        assert.notEqual(await notice.getAttribute('role'), 'alert', 'success is not announced as an error');
      });
    });
  });

  it('7. opening a broken, invalid or newer file reports it and keeps the workspace', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const dir = await mkdtemp(join(tmp, 't7-'));
      const kept = '不应被覆盖 ' + Date.now();
      await editClause(page, FIRST, kept);
      await expectClauseText(page, FIRST, kept);
      const { json } = await saveToFile(page, dir);

      const unchanged = async () => {
        await expectClauseText(page, FIRST, kept);
        assert.equal(await text(page.locator('[data-testid=doc-title]')), ZH_TITLE);
      };
      const alertFor = async (name) => {
        const alert = page.locator('[data-testid=notice][role=alert]');
        await eventually(async () => {
          assert.equal(await alert.count(), 1, 'an error notice (role=alert) is shown');
          assert.ok((await text(alert)).includes(name), `the notice names ${name}`);
        });
        return alert;
      };

      // (a) Not JSON at all.
      const broken = join(dir, 'broken.ppg.json');
      await writeFile(broken, '{ "schema_version": 1, ');
      await page.setInputFiles('[data-testid=open-file-input]', broken);
      await alertFor('broken.ppg.json');
      await unchanged();

      // (b) Valid JSON, but a person in a department that does not exist. The file's own
      // text and title differ, so replacing the workspace would show.
      const bad = structuredClone(json);
      bad.org.people[2].dept = 'nowhere';
      bad.policy.chapters[0].clauses[0].body = '来自有问题的文件';
      bad.policy.meta.title = '有问题的文件标题';
      const badPath = join(dir, 'bad-dept.ppg.json');
      await writeFile(badPath, JSON.stringify(bad, null, 2));
      await page.setInputFiles('[data-testid=open-file-input]', badPath);
      const alertB = await alertFor('bad-dept.ppg.json');
      await eventually(async () => {
        const problems = await text(alertB.locator('[data-testid=open-problems]'));
        assert.ok(problems.includes('$.org.people[2].dept'), `problems list the path; got ${JSON.stringify(problems)}`);
        assert.ok(problems.includes('nowhere'), 'problems name the unknown department');
      });
      await unchanged();

      // (c) A file from a newer version of the playground.
      const newer = structuredClone(json);
      newer.schema_version = 99;
      newer.policy.chapters[0].clauses[0].body = '来自未来的文件';
      const newerPath = join(dir, 'future.ppg.json');
      await writeFile(newerPath, JSON.stringify(newer, null, 2));
      await page.setInputFiles('[data-testid=open-file-input]', newerPath);
      const alertC = await alertFor('future.ppg.json');
      await eventually(async () => {
        const shown = await text(alertC);
        assert.ok(shown.includes('99'), `notice mentions version 99; got ${JSON.stringify(shown)}`);
        assert.ok(shown.includes('更新版本'), 'notice says the file is from a newer version');
      });
      await unchanged();
    });
  });

  it('8. reset to the example asks first, and can be undone', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const edited = '重置前的修改 ' + Date.now();
      await editClause(page, FIRST, edited);
      await expectClauseText(page, FIRST, edited);

      const dialog = page.locator('[data-testid=reset-dialog]');
      await page.locator('[data-testid=reset]').click();
      await dialog.waitFor({ state: 'visible' });
      await dialog.getByRole('button', { name: '取消' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await expectClauseText(page, FIRST, edited);
      assert.equal(await text(page.locator('[data-testid=doc-title]')), ZH_TITLE);

      await page.locator('[data-testid=reset]').click();
      await dialog.waitFor({ state: 'visible' });
      await dialog.locator('input[name=reset-lang][value=en]').check();
      await page.locator('[data-testid=reset-confirm]').click();
      await dialog.waitFor({ state: 'hidden' });
      await eventually(async () => {
        assert.equal(await text(page.locator('[data-testid=doc-title]')), EN_TITLE);
        assert.ok((await clause(page, FIRST).body.inputValue()).startsWith(EN_FIRST_START));
        const preview = await page.locator('[data-testid=preview]').innerText();
        assert.ok(preview.includes('Chapter 1') && preview.includes('Article 1'));
      });

      await page.keyboard.press('Control+z');
      await expectClauseText(page, FIRST, edited);
      await eventually(async () => assert.equal(await text(page.locator('[data-testid=doc-title]')), ZH_TITLE));
    });
  });

  it('9. deep links work on a static host, unknown paths show not-found', TEST_TIMEOUT, async () => {
    await withApp({ path: 'approvals' }, async ({ page }) => {
      const current = async (id) =>
        eventually(async () => assert.equal(await page.locator(`[data-testid=${id}]`).getAttribute('aria-current'), 'page', `${id} is current`));

      // The simulator opens first; the org chart is a tab away.
      await page.locator('[data-testid=simulator]').waitFor();
      await page.locator('[data-testid=tab-org]').click();
      const people = page.locator('[data-testid=people]');
      await people.waitFor();
      assert.equal(await people.locator('tbody tr').count(), 15, '15 people');
      await page.locator('[data-testid=tab-fixtures]').click();
      assert.ok(await page.locator('[data-testid=fixtures]').isVisible(), 'expected routes table');
      await current('nav-approvals');

      await page.goto(server.url + 'naming');
      await waitForApp(page);
      await eventually(async () => assert.equal(await page.locator('[data-testid=scheme-select] option').count(), 2, 'two naming schemes'));
      await current('nav-naming');

      await page.goto(server.url + 'training');
      await waitForApp(page);
      await eventually(async () => assert.equal(await page.locator('[data-testid=questions] > li').count(), 8, 'eight questions'));
      await current('nav-training');

      await page.goto(server.url + 'export');
      await waitForApp(page);
      await page.locator('[data-testid=workspace-summary]').waitFor();
      await current('nav-export');

      await page.goto(server.url + 'nope');
      await waitForApp(page);
      await eventually(async () => assert.ok((await page.locator('main').innerText()).includes('找不到该页面')));
      for (const id of NAV_IDS) assert.ok(await page.locator(`[data-testid=${id}]`).isVisible(), `${id} still there`);

      // The navigation still works from the not-found page.
      await page.locator('[data-testid=nav-naming]').click();
      await eventually(async () => assert.equal(await page.locator('[data-testid=scheme-select] option').count(), 2));
      assert.equal(new URL(page.url()).pathname, '/naming');
    });
  });

  it('9b. deep links under a sub-path build (PPG_DIST_SUBPATH)', TEST_TIMEOUT, async (t) => {
    if (!DIST_SUBPATH) {
      t.skip('PPG_DIST_SUBPATH is not set');
      return;
    }
    const sub = await startServer(DIST_SUBPATH, { base: SUBPATH_BASE });
    try {
      assert.equal(new URL(sub.url).pathname, SUBPATH_BASE);
      await withApp({ server: sub, path: 'approvals' }, async ({ page }) => {
        await page.locator('[data-testid=tab-org]').click();
        await page.locator('[data-testid=people]').waitFor();
        assert.equal(await page.locator('[data-testid=people] tbody tr').count(), 15);
        const prefix = SUBPATH_BASE.replace(/\/$/, '');
        for (const id of NAV_IDS) {
          const href = await page.locator(`[data-testid=${id}]`).getAttribute('href');
          assert.ok(href.startsWith(prefix + '/'), `${id} href ${href} is under ${prefix}`);
        }
        assert.equal(await page.locator('[data-testid=nav-naming]').getAttribute('href'), `${prefix}/naming`);
        await eventually(async () =>
          assert.equal(await page.locator('[data-testid=nav-approvals]').getAttribute('aria-current'), 'page'),
        );
        await page.locator('[data-testid=nav-naming]').click();
        await eventually(async () => assert.equal(await page.locator('[data-testid=scheme-select] option').count(), 2));
        assert.equal(new URL(page.url()).pathname, `${prefix}/naming`);
        await page.reload();
        await waitForApp(page);
        await eventually(async () => assert.equal(await page.locator('[data-testid=scheme-select] option').count(), 2));
      });
    } finally {
      await sub.close();
    }
  });

  it('10. search finds clauses and results can be clicked', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const search = page.locator('[data-testid=search]');
      await search.fill('30');
      const count = page.locator('[data-testid=search-count]');
      let n = 0;
      await eventually(async () => {
        const m = (await text(count)).match(/(\d+)/);
        assert.ok(m, `count shows a number; got ${JSON.stringify(await text(count))}`);
        n = Number(m[1]);
        assert.ok(n > 0, 'at least one match for 30');
      });
      const results = page.locator('.search-results li button');
      assert.equal(await results.count(), n, 'one result per matching clause');
      assert.equal(await page.locator('[data-testid=preview] .doc-clause.match').count(), n, 'matches are highlighted');
      const firstResult = await text(results.first());
      assert.match(firstResult, /^第\d+条/, 'results name the article');
      await results.first().click();
      await page.waitForTimeout(500);

      await search.fill('这段文字绝不会出现在制度里');
      await eventually(async () => assert.equal(await text(count), '没有匹配的条款'));
      assert.equal(await results.count(), 0);
    });
  });

  it('11. adding a clause focuses it and keeps numbering contiguous', TEST_TIMEOUT, async () => {
    await withApp({}, async ({ page }) => {
      const rows = page.locator('[data-testid=clause-edit]');
      await rows.first().waitFor();
      const before = await rows.evaluateAll((els) => els.map((e) => e.dataset.clauseId));

      await page.locator('[data-testid=add-clause]').first().click();
      await eventually(async () => assert.equal(await rows.count(), before.length + 1, 'one more clause row'));
      const afterIds = await rows.evaluateAll((els) => els.map((e) => e.dataset.clauseId));
      const added = afterIds.filter((id) => !before.includes(id));
      assert.equal(added.length, 1, 'exactly one new clause id');
      const newId = added[0];

      await eventually(async () => {
        const focused = await page.evaluate(() => {
          const el = document.activeElement;
          return {
            testid: el?.getAttribute('data-testid'),
            tag: el?.tagName,
            clause: el?.closest('[data-testid=clause-edit]')?.dataset.clauseId,
          };
        });
        assert.deepEqual(focused, { testid: 'clause-body', tag: 'TEXTAREA', clause: newId }, 'the new textarea has focus');
      });

      await eventually(async () => {
        const nums = await page.locator('[data-testid=preview] .doc-clause-head .num').allInnerTexts();
        const expected = Array.from({ length: afterIds.length }, (_, i) => `第${i + 1}条`);
        assert.deepEqual(nums.map((s) => s.trim()), expected, 'preview articles are 第1条…第N条 in order');
      });
      assert.equal(await clause(page, newId).preview.count(), 1, 'the new clause is in the preview');

      // Typing into the focused new clause goes into that clause.
      await page.keyboard.type('新条款内容');
      await expectClauseText(page, newId, '新条款内容');
    });
  });

  it('12. phone width: no sideways scrolling, editor/preview switch', TEST_TIMEOUT, async () => {
    await withApp({ locale: 'zh-CN', viewport: { width: 390, height: 844 } }, async ({ page }) => {
      const editor = page.locator('[data-testid=editor]');
      const preview = page.locator('[data-testid=preview]');
      await editor.waitFor({ state: 'visible' });
      const noSideways = async (what) => {
        const { scrollWidth, bodyScrollWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          bodyScrollWidth: document.body.scrollWidth,
        }));
        assert.ok(scrollWidth <= 391, `${what}: page is ${scrollWidth}px wide in a 390px viewport`);
        assert.ok(bodyScrollWidth <= 391, `${what}: body is ${bodyScrollWidth}px wide in a 390px viewport`);
      };
      await noSideways('editor pane');
      for (const id of NAV_IDS) {
        const link = page.locator(`[data-testid=${id}]`);
        assert.ok(await link.isVisible(), `${id} visible`);
        const box = await link.boundingBox();
        assert.ok(box && box.x >= 0 && box.x + box.width <= 391, `${id} lies within the screen width`);
      }
      assert.ok(await preview.isHidden(), 'the preview is hidden while editing on a phone');

      await page.locator('[data-testid=show-preview]').click();
      await eventually(async () => {
        assert.ok(await preview.isVisible(), 'preview shown');
        assert.ok(await editor.isHidden(), 'editor hidden');
      });
      assert.equal(await text(page.locator('[data-testid=doc-title]')), ZH_TITLE);
      await noSideways('preview pane');
    });
  });

  it('13. when storage fails, a banner warns and the edit stays on screen', TEST_TIMEOUT, async () => {
    const init = () => {
      Storage.prototype.setItem = function setItem() {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
    };
    await withApp({ init }, async ({ page }) => {
      const banner = page.locator('[data-testid=storage-banner]');
      assert.equal(await banner.count(), 0, 'no banner before anything needs saving');
      const edited = '存储失败测试 **仍然可见** ' + Date.now();
      await editClause(page, FIRST, edited);
      await banner.waitFor({ state: 'visible' });
      assert.equal(await banner.getAttribute('role'), 'alert');
      const shown = await text(banner);
      assert.ok(shown.includes('已满'), `the banner says storage is full; got ${JSON.stringify(shown)}`);
      assert.ok(shown.includes('保存到文件'), 'the banner points to Save to file');
      await expectClauseText(page, FIRST, edited, { previewText: '仍然可见' });
      assert.equal(await text(clause(page, FIRST).preview.locator('strong')), '仍然可见');
      assert.notEqual(await text(page.locator('[data-testid=save-status]')), SAVED_ZH, 'the status does not claim it saved');
    });
  });
});
