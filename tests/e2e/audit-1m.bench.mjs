// Benchmark (issue 3): the naming area's mass audit of the 1,000,000-name benchmark file
// (target/bench/names-1m.txt, made by tests/bench/naming_audit.sh) in the release build in
// headless Chromium. Reports names per second, the longest main-thread task (the app's own
// longest slice, and Chromium's long-task entries over 50 ms), and memory. Run by
// `make bench`; writes target/naming-audit-browser-1m.json.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { DIST, launchBrowser, openApp, startServer } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const NAMES = resolve(here, '../../target/bench/names-1m.txt');

test('mass audit of 1,000,000 names in the browser', { timeout: 600_000 }, async () => {
  assert.ok(existsSync(NAMES), `${NAMES} is missing: run tests/bench/naming_audit.sh first`);
  const browser = await launchBrowser();
  const server = await startServer(DIST);
  try {
    const { page, context } = await openApp(browser, server, {
      path: 'naming',
      locale: 'en-US',
      init: () => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      },
    });
    await page.locator('[data-testid=tab-audit]').click();
    await page.evaluate(() => { window.__longTasks.length = 0; });
    const t0 = Date.now();
    await page.locator('[data-testid=audit-file]').setInputFiles(NAMES);
    await page.locator('[data-testid=audit-summary]').waitFor({ timeout: 600_000 });
    const wallMs = Date.now() - t0;
    const total = Number(await page.locator('[data-testid=audit-total]').innerText());
    const stats = await page.locator('[data-testid=audit-stats]').innerText();
    const longTasks = await page.evaluate(() => window.__longTasks.slice().sort((a, b) => b - a));
    const heapMb = await page.evaluate(() => Math.round((performance.memory?.usedJSHeapSize ?? 0) / 1e6));
    const report = {
      names: total,
      wall_ms_from_choosing_the_file: wallMs,
      app_stats: stats,
      long_tasks_over_50ms: longTasks.length,
      longest_task_ms: Math.round(longTasks[0] ?? 0),
      js_heap_mb: heapMb,
    };
    console.log(`in-browser audit of 1M names: ${JSON.stringify(report)}`);
    await writeFile(join(here, '../../target/naming-audit-browser-1m.json'), JSON.stringify(report, null, 2));
    assert.equal(total, 1_000_000);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
