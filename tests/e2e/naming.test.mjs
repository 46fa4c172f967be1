// End-to-end tests of the naming area (issue 3) in the release build: the live checker,
// the generator, the scheme editor, the mass audit of 100,000 names with its CSV report,
// and the group inventory audit. Figures of the in-browser audit go to
// target/naming-audit-browser.json.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';

import { DIST, TIMEOUT, eventually, launchBrowser, openApp, startServer } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const TEST_TIMEOUT = { timeout: 180_000 };
const GOOD = '【技术部】-【ERP升级】-【项目群】';

let browser;
let server;
let tmp;

before(async () => {
  browser = await launchBrowser();
  server = await startServer(DIST);
  tmp = await mkdtemp(join(tmpdir(), 'ppg-naming-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

async function withNaming(opts, body) {
  const { context, page, guard } = await openApp(browser, server, { path: 'naming', ...opts });
  try {
    await page.locator('[data-testid=name-input]').waitFor();
    await body({ context, page, guard });
    guard.assertClean();
  } finally {
    await context.close();
  }
}

const verdict = (page) => page.locator('[data-testid=verdict]');

async function expectVerdict(page, ok) {
  await eventually(async () => assert.equal(await verdict(page).getAttribute('data-ok'), String(ok)));
}

/** Clicks `button` and returns the downloaded file's name and text. */
async function download(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download', { timeout: 60_000 }), button.click()]);
  const path = join(tmp, d.suggestedFilename());
  await d.saveAs(path);
  return { name: d.suggestedFilename(), text: await readFile(path, 'utf8') };
}

/** Splits CSV text into records (quotes, doubled quotes and line breaks inside quotes). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r') { /* part of CRLF */ }
    else if (c === '\n') { row.push(field); rows.push(row); row = []; field = ''; }
    else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  return rows;
}

describe('Naming area (release build in Chromium)', () => {
  it('N1. the live checker marks a non-compliant name, explains it and applies the suggestion', TEST_TIMEOUT, async () => {
    await withNaming({ locale: 'zh-CN' }, async ({ page }) => {
      const input = page.locator('[data-testid=name-input]');
      await input.fill('技术部-ERP升级-项目群');
      await expectVerdict(page, false);
      const items = page.locator('[data-testid=violations] li');
      assert.ok((await items.count()) > 0, 'violations are listed');
      const listed = await page.locator('[data-testid=violations]').innerText();
      assert.ok(listed.includes('此处应为“【”'), `Chinese message for the missing bracket; got ${listed}`);
      assert.ok((await page.locator('[data-testid=name-highlight] mark').count()) > 0, 'offending parts are marked');
      assert.ok((await page.locator('.verdict .cite').innerText()).includes('依据'), 'the clause stating the rule is cited');
      assert.equal(await page.locator('[data-testid=suggestion]').innerText(), GOOD);
      await page.locator('[data-testid=apply-suggestion]').click();
      assert.equal(await input.inputValue(), GOOD);
      await expectVerdict(page, true);
      assert.equal(await page.locator('[data-testid=name-highlight] mark').count(), 0, 'nothing marked once it passes');

      // An alias: one precise mark on the department, and the fix.
      await input.fill('【技术部门】-【ERP升级】-【项目群】');
      await expectVerdict(page, false);
      const marks = page.locator('[data-testid=name-highlight] mark.bad');
      assert.equal(await marks.count(), 1);
      assert.equal(await marks.innerText(), '技术部门');
      assert.equal(await page.locator('[data-testid=suggestion]').innerText(), GOOD);

      // Hostile text is shown as text, and nothing runs (the guard fails on dialogs).
      await input.fill('<img src=x onerror=alert(1)>【技术部】');
      await expectVerdict(page, false);
      assert.ok((await page.locator('[data-testid=name-highlight]').innerText()).includes('<img src=x'));
      assert.equal(await page.locator('[data-testid=name-highlight] img').count(), 0);
    });
  });

  it('N2. in English the messages are English and the checker keeps its name across tabs', TEST_TIMEOUT, async () => {
    await withNaming({ locale: 'en-US' }, async ({ page }) => {
      const input = page.locator('[data-testid=name-input]');
      await input.fill('【技术部】—【ERP升级】—【项目群】');
      await expectVerdict(page, false);
      const listed = await page.locator('[data-testid=violations]').innerText();
      assert.ok(listed.includes('expected “】-【” here'), `English message; got ${listed}`);
      await page.locator('[data-testid=tab-edit]').click();
      await page.locator('[data-testid=tab-check]').click();
      assert.equal(await page.locator('[data-testid=name-input]').inputValue(), '【技术部】—【ERP升级】—【项目群】');
    });
  });

  it('N3. the generator makes names that pass, from aliases and untidy input', TEST_TIMEOUT, async () => {
    await withNaming({ locale: 'zh-CN' }, async ({ page }) => {
      const field = (id) => page.locator(`[data-testid=gen-field][data-component=${id}]`);
      await field('dept').fill('技术部门');
      await field('topic').fill(' ERP升级 ');
      await field('type').fill('项目群');
      await eventually(async () => assert.equal(await page.locator('[data-testid=generated]').innerText(), GOOD));
      await page.locator('[data-testid=generated-check]').click();
      assert.equal(await page.locator('[data-testid=name-input]').inputValue(), GOOD);
      await expectVerdict(page, true);

      await field('topic').fill('A】-【B');
      await eventually(async () => assert.equal(await page.locator('[data-testid=generated]').count(), 0));
      assert.ok((await page.locator('.gen-field .field-error').first().innerText()).length > 0 ||
        (await page.locator('[data-testid=generated-none]').count()) === 1);

      // The reference panel: valid and invalid examples, each judged by the engine.
      const examples = page.locator('[data-testid=example]');
      assert.ok((await page.locator('[data-testid=example][data-ok=true]').count()) >= 2);
      assert.ok((await page.locator('[data-testid=example][data-ok=false]').count()) >= 3);
      await examples.filter({ has: page.locator('[data-ok=false]') }).count();
    });
  });

  it('N4. editing the scheme changes what the checker accepts, and undo restores it', TEST_TIMEOUT, async () => {
    await withNaming({ locale: 'zh-CN' }, async ({ page }) => {
      await page.locator('[data-testid=name-input]').fill('【技术部】-【测试项目】-【项目群】');
      await expectVerdict(page, true);
      await page.locator('[data-testid=tab-edit]').click();
      const words = page.locator('[data-testid=rule-forbidden-words]');
      await words.fill(`${await words.inputValue()}、测试`);
      await page.locator('[data-testid=tab-check]').click();
      await expectVerdict(page, false);
      assert.ok((await page.locator('[data-testid=violations]').innerText()).includes('测试'));
      await page.keyboard.press('Control+z');
      await expectVerdict(page, true);

      // A new component right after a value gets a separator, and an empty list is flagged.
      await page.locator('[data-testid=tab-edit]').click();
      const rows = page.locator('[data-testid=component-row]');
      const before = await rows.count();
      await page.locator('[data-testid=add-dictionary]').click();
      await eventually(async () => assert.equal(await rows.count(), before + 1));
      assert.ok((await page.locator('[data-testid=scheme-problems]').innerText()).length > 0, 'empty dictionary is reported');
      await rows.last().locator('[data-testid=component-values]').fill('甲\n乙 = 乙方, 乙组');
      await eventually(async () => assert.equal(await page.locator('[data-testid=scheme-problems]').count(), 0));
      assert.equal(await rows.last().locator('[data-testid=component-values]').inputValue(), '甲\n乙 = 乙方, 乙组', 'typed text kept');

      // An id another scheme has is flagged at once: a file with it could not be opened.
      await page.locator('[data-testid=scheme-id]').fill('document');
      await eventually(async () => assert.ok((await page.locator('[data-testid=scheme-file-problems]').innerText()).includes('$.naming[0]')));
      await page.locator('[data-testid=scheme-id]').fill('group2');
      await eventually(async () => assert.equal(await page.locator('[data-testid=scheme-file-problems]').count(), 0));
      // The inventory rules follow the rename.
      await page.locator('[data-testid=tab-inventory]').click();
      assert.equal(await page.locator('[data-testid=inventory-scheme]').inputValue(), 'group2');
    });
  });

  it('N5. a 100,000-name file is audited with progress, filtered and exported as CSV', TEST_TIMEOUT, async () => {
    const names = [];
    const depts = ['技术部', '人事部', '市场部', '销售部'];
    for (let i = 0; i < 100_000; i++) {
      const good = `【${depts[i % 4]}】-【项目${i}】-【项目群】`;
      names.push(i % 2 === 0 ? good : good.replace('【', '['));
    }
    const file = join(tmp, 'names-100k.txt');
    await writeFile(file, names.join('\n') + '\n');
    await withNaming({ locale: 'zh-CN' }, async ({ page }) => {
      await page.locator('[data-testid=tab-audit]').click();
      const t0 = Date.now();
      await page.locator('[data-testid=audit-file]').setInputFiles(file);
      await page.locator('[data-testid=audit-summary]').waitFor({ timeout: 120_000 });
      const wall = Date.now() - t0;
      assert.equal(await page.locator('[data-testid=audit-total]').innerText(), '100000');
      assert.equal(await page.locator('[data-testid=audit-ok]').innerText(), '50000');
      assert.equal(await page.locator('[data-testid=audit-bad]').innerText(), '50000');
      const stats = await page.locator('[data-testid=audit-stats]').innerText();

      await page.locator('[data-testid=filter-bad]').click();
      await eventually(async () => assert.ok((await page.locator('[data-testid=audit-matching]').innerText()).startsWith('50000')));
      const first = page.locator('[data-testid=audit-rows] tr').first();
      const firstText = await first.innerText();
      assert.ok(firstText.includes('【人事部】-【项目1】-【项目群】'), `suggested fix shown; got ${firstText}`);

      const { name, text } = await download(page, page.locator('[data-testid=audit-export]'));
      assert.match(name, /^naming-audit-group-\d{8}\.csv$/);
      const rows = parseCsv(text.replace(/^\uFEFF/, ''));
      assert.equal(rows.length, 1 + 50_000, 'header + the filtered rows');
      assert.equal(rows[1][1], '[人事部】-【项目1】-【项目群】');
      assert.equal(rows[1][5], '【人事部】-【项目1】-【项目群】');

      const memory = await page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0);
      const report = { names: 100_000, wall_ms: wall, app_stats: stats, js_heap_mb: Math.round(memory / 1e6) };
      console.log(`in-browser audit: ${JSON.stringify(report)}`);
      const out = resolve(here, '../../target');
      await mkdir(out, { recursive: true });
      await writeFile(join(out, 'naming-audit-browser.json'), JSON.stringify(report, null, 2));
    });
  });

  it('N6. a CSV column is chosen and bad rows are skipped by line', TEST_TIMEOUT, async () => {
    const file = join(tmp, 'groups.csv');
    await writeFile(file, 'id,群名称\n1,【技术部】-【ERP升级】-【项目群】\n2,"[市场部]-[双十一活动]-[临时群]"\n3,\n');
    await withNaming({ locale: 'zh-CN' }, async ({ page }) => {
      await page.locator('[data-testid=tab-audit]').click();
      await page.locator('[data-testid=audit-file]').setInputFiles(file);
      const chooser = page.locator('[data-testid=csv-column] select');
      await eventually(async () => assert.equal(await chooser.inputValue(), '1', 'the 群名称 column is preselected'));
      await page.locator('[data-testid=csv-column-run]').click();
      await page.locator('[data-testid=audit-summary]').waitFor();
      assert.equal(await page.locator('[data-testid=audit-total]').innerText(), '2');
      assert.equal(await page.locator('[data-testid=audit-bad]').innerText(), '1');
      assert.ok((await page.locator('[data-testid=audit-skipped]').innerText()).includes('4'), 'the empty row 4 is named');

      // Another scheme: the results say they are stale, and run again on request.
      await page.locator('[data-testid=scheme-select]').selectOption({ label: '文件名称 (document)' });
      await page.locator('[data-testid=audit-stale]').waitFor();
      await page.locator('[data-testid=audit-rerun]').click();
      await eventually(async () => assert.equal(await page.locator('[data-testid=audit-stale]').count(), 0));
      assert.equal(await page.locator('[data-testid=audit-total]').innerText(), '2');
      assert.equal(await page.locator('[data-testid=audit-ok]').innerText(), '0');
    });
  });

  it('N7. the group inventory: findings per group, bad rows by line, thresholds and export', TEST_TIMEOUT, async () => {
    await withNaming({ locale: 'zh-CN' }, async ({ page }) => {
      await page.locator('[data-testid=tab-inventory]').click();
      await page.locator('[data-testid=inventory-as-of]').fill('2025-07-01');
      await page.locator('[data-testid=inventory-example]').click();
      await page.locator('[data-testid=inventory-report]').waitFor();
      const count = async (code) => {
        const cell = page.locator(`[data-testid=finding-count][data-code=${code}]`);
        return (await cell.count()) ? Number(await cell.innerText()) : 0;
      };
      assert.ok((await count('member_left')) >= 1, 'members who left are found');
      assert.ok((await count('owner_left')) >= 1, 'an owner who left is found');
      const inactive = await count('inactive');
      const rows = page.locator('[data-testid=inventory-row]');
      assert.ok((await rows.count()) > 0);

      // A longer inactivity threshold finds fewer inactive groups.
      await page.locator('[data-testid=inventory-inactive_days]').fill('3000');
      await eventually(async () => assert.equal(await count('inactive'), 0));
      assert.ok(inactive > 0, 'the example has inactive groups at 90 days');
      await page.keyboard.press('Control+z');
      await eventually(async () => assert.equal(await count('inactive'), inactive));

      const { text } = await download(page, page.locator('[data-testid=inventory-export]'));
      const csv = parseCsv(text.replace(/^\uFEFF/, ''));
      assert.equal(csv[0][0], '行号');
      assert.ok(csv.some((r) => r[4] === 'member_left'), 'findings are exported by code');
    });
  });

  it('N8. deleting a scheme others refer to survives a reload, with the problem shown', TEST_TIMEOUT, async () => {
    await withNaming({ locale: 'zh-CN' }, async ({ page }) => {
      const options = page.locator('[data-testid=scheme-select] option');
      assert.equal(await options.count(), 2);
      await page.locator('[data-testid=scheme-delete]').click();
      await eventually(async () => assert.equal(await options.count(), 1));
      await eventually(async () => assert.equal(await page.locator('[data-testid=save-status]').innerText(), '已保存在本浏览器'));
      await page.reload();
      await page.locator('[data-testid=scheme-select]').waitFor();
      assert.equal(await options.count(), 1, 'the deletion was kept, not replaced by the example');
      assert.ok((await page.locator('[data-testid=open-problems]').innerText()).includes('$.inventory.scheme'));
      await page.locator('[data-testid=tab-inventory]').click();
      await page.locator('[data-testid=inventory-example]').click();
      await page.locator('[data-testid=inventory-report]').waitFor();
      assert.ok((await page.locator('[data-testid=inventory-report] .notice').innerText()).includes('group'), 'names not checked: unknown scheme');
    });
  });

  it('N9. a GBK-encoded file (as Excel writes in China) is read correctly', TEST_TIMEOUT, async () => {
    // 【技术部】-【ERP升级】-【项目群】 and [市场部]-[双十一活动]-[临时群], CRLF, in GBK.
    const gbk = Buffer.from('a1bebcbccaf5b2bfa1bf2da1be455250c9fdbcb6a1bf2da1becfeec4bfc8baa1bf0d0a5bcad0b3a1b2bf5d2d5bcbabcaaed2bbbbeeb6af5d2d5bc1d9cab1c8ba5d0d0a', 'hex');
    const file = join(tmp, 'names-gbk.txt');
    await writeFile(file, gbk);
    await withNaming({ locale: 'zh-CN' }, async ({ page }) => {
      await page.locator('[data-testid=tab-audit]').click();
      await page.locator('[data-testid=audit-file]').setInputFiles(file);
      await page.locator('[data-testid=audit-summary]').waitFor();
      assert.equal(await page.locator('[data-testid=audit-total]').innerText(), '2');
      assert.equal(await page.locator('[data-testid=audit-ok]').innerText(), '1');
      const rows = await page.locator('[data-testid=audit-rows]').innerText();
      assert.ok(rows.includes('【市场部】-【双十一活动】-【临时群】'), `decoded and fixed; got ${rows}`);
    });
  });

  it('N10. at phone width no tab of the naming area scrolls sideways', TEST_TIMEOUT, async () => {
    await withNaming({ locale: 'zh-CN', viewport: { width: 390, height: 800 } }, async ({ page }) => {
      await page.locator('[data-testid=name-input]').fill('技术部-ERP升级-项目群-一个很长很长的名称用来测试换行是否正常');
      for (const tab of ['tab-check', 'tab-edit', 'tab-audit', 'tab-inventory']) {
        await page.locator(`[data-testid=${tab}]`).click();
        if (tab === 'tab-inventory') {
          await page.locator('[data-testid=inventory-example]').click();
          await page.locator('[data-testid=inventory-report]').waitFor();
        }
        const [scroll, client] = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
        assert.ok(scroll <= client, `${tab}: page is ${scroll}px wide in a ${client}px window`);
      }
    });
  });
});
