// End-to-end tests of the batch tab (批量模拟, issue 5, items 3 and 4) in the release build:
// 2,000 generated requests run with a summary and both charts; a small CSV with one bad row
// reported by line; change impact against an imported workspace file whose leave threshold
// differs; the CSV export.
import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

import { DIST, TIMEOUT, eventually, launchBrowser, openApp, startServer } from './helpers.mjs';

const TEST_TIMEOUT = { timeout: 180_000 };
const here = dirname(fileURLToPath(import.meta.url));
const STARTER_ZH = resolve(here, '../fixtures/starter-zh.json');

let browser;
let server;
let tmp;

before(async () => {
  browser = await launchBrowser();
  server = await startServer(DIST);
  tmp = await mkdtemp(join(tmpdir(), 'ppg-batch-'));
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (tmp) await rm(tmp, { recursive: true, force: true });
});

const testid = (page, id) => page.locator(`[data-testid="${id}"]`);

async function text(locator) {
  return (await locator.innerText()).trim();
}

async function withBatch(body, opts = {}) {
  const { context, page, guard } = await openApp(browser, server, { path: 'approvals', ...opts });
  try {
    await testid(page, 'tab-batch').click();
    await testid(page, 'batch').waitFor();
    await body({ context, page, guard });
    guard.assertClean();
  } finally {
    await context.close();
  }
}

/** Imports a CSV file with these lines into the batch tab. */
async function importCsv(page, name, lines) {
  const path = join(tmp, name);
  await writeFile(path, lines.join('\n') + '\n');
  await page.setInputFiles('[data-testid=batch-import]', path);
}

async function stat(page, key) {
  return text(page.locator(`[data-testid=batch-summary] [data-stat="${key}"] dd`));
}

/** The number of bars in the chart `id`. */
async function bars(page, id) {
  return page.locator(`[data-testid=${id}] svg rect.bar`).count();
}

describe('batch simulation', () => {
  it('generates 2,000 requests and runs them: summary, charts, rows', TEST_TIMEOUT, async () => {
    await withBatch(async ({ page }) => {
      await testid(page, 'batch-generate-n').fill('2000');
      await testid(page, 'batch-generate').click();
      await eventually(async () => assert.equal(await text(testid(page, 'batch-read-count')), '2000'));
      await testid(page, 'batch-run').click();
      await eventually(async () => assert.equal(await stat(page, 'count'), '2000'), { timeout: 60_000 });
      assert.match(await stat(page, 'pass_rate'), /%$/);
      assert.ok((await bars(page, 'batch-histogram')) > 0, 'histogram has bars');
      assert.ok((await bars(page, 'batch-load-chart')) > 0, 'load chart has bars');
      assert.ok((await bars(page, 'batch-load-chart')) <= 15, 'at most 15 approvers');
      // The first 200 rows, and a note that there are more.
      assert.equal(await page.locator('[data-testid=batch-rows] tbody tr').count(), 200);
      // The state survives a tab switch.
      await testid(page, 'tab-simulate').click();
      await testid(page, 'tab-batch').click();
      assert.equal(await stat(page, 'count'), '2000');
    });
  });

  it('reports a bad row by line and runs the others', TEST_TIMEOUT, async () => {
    await withBatch(async ({ page }) => {
      await importCsv(page, 'small.csv', [
        'template,requester,submitted_at,leave_type,days,handover',
        'leave,zhang,2026-03-02T09:00,annual,2,',
        'leave,zhang,2026-02-30T09:00,annual,1,',
        'leave,zheng,2026-03-03T10:00,sick,1,',
      ]);
      await eventually(async () => assert.equal(await text(testid(page, 'batch-read-count')), '2'));
      const errors = testid(page, 'batch-errors');
      const item = errors.locator('li[data-line="3"]');
      await eventually(async () => assert.equal(await item.count(), 1));
      assert.equal(await item.getAttribute('data-code'), 'bad_time');
      assert.ok((await item.innerText()).includes('2026-02-30'), 'the error quotes the value');
      await testid(page, 'batch-run').click();
      await eventually(async () => assert.equal(await stat(page, 'count'), '2'));
      // The import's error is still listed after the run.
      assert.equal(await errors.locator('li[data-line="3"]').count(), 1);
    });
  });

  it('shows the change impact against an imported workspace file', TEST_TIMEOUT, async () => {
    const starter = JSON.parse(await readFile(STARTER_ZH, 'utf8'));
    // The old rules: leave needs the department head only above 5 days (now: above 3).
    const leave = starter.approvals.templates.find((t) => t.id === 'leave');
    let changed = 0;
    const walk = (v) => {
      if (Array.isArray(v)) return v.forEach(walk);
      if (v && typeof v === 'object') {
        if (v.subject?.field === 'days' && v.op === 'gt' && v.value === 3) {
          v.value = 5;
          changed += 1;
        }
        Object.values(v).forEach(walk);
      }
    };
    walk(leave.flow);
    assert.equal(changed, 1, 'the starter has one `days > 3` condition');
    const oldPath = join(tmp, 'old-rules.json');
    await writeFile(oldPath, JSON.stringify(starter));

    await withBatch(async ({ page }) => {
      await importCsv(page, 'leave.csv', [
        'template,requester,submitted_at,leave_type,days,handover',
        'leave,zhang,2026-03-02T09:00,annual,2,sun',
        'leave,zheng,2026-03-02T09:00,sick,3.5,sun',
        'leave,feng,2026-03-02T10:30,annual,4,sun',
        'leave,zhang,2026-03-03T09:00,annual,5,sun',
      ]);
      await eventually(async () => assert.equal(await text(testid(page, 'batch-read-count')), '4'));
      await page.setInputFiles('[data-testid=impact-file]', oldPath);
      await eventually(async () => assert.equal(await testid(page, 'impact-base').inputValue(), 'file'));
      await testid(page, 'impact-run').click();
      const rows = page.locator('[data-testid=impact-changed] tbody tr');
      await eventually(async () => assert.equal(await rows.count(), 3), { timeout: 30_000 });
      const lines = await rows.evaluateAll((trs) => trs.map((tr) => tr.dataset.line));
      assert.deepEqual(lines, ['3', '4', '5']);
      assert.equal(await text(testid(page, 'impact-changed-count')), '3');
      // Now HR approves too (the department head is 郑爽's supervisor already); before, not.
      const row = rows.first();
      assert.ok((await row.locator('td.new').innerText()).includes('人事专员'));
      assert.ok(!(await row.locator('td.old').innerText()).includes('人事专员'));
      // Every metric, old and new, with how it moved.
      const metrics = await testid(page, 'impact-metrics').innerText();
      assert.ok(metrics.includes('↑'), 'the average time goes up');
    });
  });

  it('says why a workspace file cannot be used', TEST_TIMEOUT, async () => {
    const bad = join(tmp, 'bad.json');
    await writeFile(bad, '{"schema_version": 1, "org": 3');
    await withBatch(async ({ page }) => {
      await page.setInputFiles('[data-testid=impact-file]', bad);
      await eventually(async () =>
        assert.ok((await text(testid(page, 'impact-file-problems'))).includes('JSON')),
      );
    });
  });

  it('exports every row as CSV', TEST_TIMEOUT, async () => {
    await withBatch(async ({ page }) => {
      await testid(page, 'batch-generate-n').fill('50');
      await testid(page, 'batch-generate').click();
      await testid(page, 'batch-run').click();
      await eventually(async () => assert.equal(await stat(page, 'count'), '50'), { timeout: 30_000 });
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: TIMEOUT }),
        testid(page, 'batch-export').click(),
      ]);
      assert.match(download.suggestedFilename(), /^batch-\d{8}\.csv$/);
      const path = join(tmp, download.suggestedFilename());
      await download.saveAs(path);
      const csv = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '');
      const lines = csv.trim().split(/\r?\n/);
      assert.ok(lines[0].startsWith('line,template,requester,submitted_at'), lines[0]);
      assert.equal(lines.length, 51);
    });
  });

  it('does not scroll sideways at phone width, with results and an impact shown', TEST_TIMEOUT, async () => {
    await withBatch(
      async ({ page }) => {
        await testid(page, 'batch-generate-n').fill('300');
        await testid(page, 'batch-generate').click();
        await testid(page, 'batch-run').click();
        await eventually(async () => assert.equal(await stat(page, 'count'), '300'), { timeout: 30_000 });
        await page.setInputFiles('[data-testid=impact-file]', STARTER_ZH);
        await eventually(async () => assert.equal(await testid(page, 'impact-base').inputValue(), 'file'));
        await testid(page, 'impact-run').click();
        await testid(page, 'impact-metrics').waitFor();
        const [scroll, client] = await page.evaluate(() => [
          document.documentElement.scrollWidth,
          document.documentElement.clientWidth,
        ]);
        assert.ok(scroll <= client, `page is ${scroll}px wide in a ${client}px window`);
      },
      { locale: 'zh-CN', viewport: { width: 390, height: 800 } },
    );
  });
});
