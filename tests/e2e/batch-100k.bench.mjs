// Benchmark (issue 5): 100,000 generated requests routed and timed in the batch tab of the
// release build in headless Chromium. Reports the time from pressing Run to the results,
// the longest main-thread task (Chromium's long-task entries over 50 ms), the JS heap and
// the WebAssembly memory.
// Run by `make bench`; writes target/batch-browser-100k.json.
import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';

import { DIST, launchBrowser, openApp, startServer } from './helpers.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const N = 100_000;

test('batch of 100,000 requests in the browser', { timeout: 600_000 }, async () => {
  const browser = await launchBrowser();
  const server = await startServer(DIST);
  try {
    const { page, context } = await openApp(browser, server, {
      path: 'approvals',
      locale: 'en-US',
      init: () => {
        window.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) window.__longTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      },
    });
    await page.locator('[data-testid=tab-batch]').click();
    await page.locator('[data-testid=batch-generate-n]').fill(String(N));
    const g0 = Date.now();
    await page.locator('[data-testid=batch-generate]').click();
    await page.locator('[data-testid=batch-read-count]', { hasText: String(N) }).waitFor({ timeout: 600_000 });
    const generateMs = Date.now() - g0;
    await page.evaluate(() => { window.__longTasks.length = 0; });
    const t0 = Date.now();
    await page.locator('[data-testid=batch-run]').click();
    await page.locator('[data-testid=batch-summary]').waitFor({ timeout: 600_000 });
    const runMs = Date.now() - t0;
    const summary = await page.locator('[data-testid=batch-summary]').innerText();
    const longTasks = await page.evaluate(() => window.__longTasks.slice().sort((a, b) => b - a));
    const heapMb = await page.evaluate(() => Math.round((performance.memory?.usedJSHeapSize ?? 0) / 1e6));
    const wasmMb = Math.round(Number(await page.locator('[data-testid=batch-summary]').getAttribute('data-wasm-memory')) / 1e6);
    const report = {
      requests: N,
      generate_ms: generateMs,
      run_ms_from_pressing_run: runMs,
      requests_per_sec: Math.round(N / (runMs / 1000)),
      long_tasks_over_50ms: longTasks.length,
      longest_task_ms: Math.round(longTasks[0] ?? 0),
      js_heap_mb: heapMb,
      wasm_memory_mb: wasmMb,
      summary,
    };
    console.log(`in-browser batch of ${N}: ${JSON.stringify(report)}`);
    await writeFile(join(here, '../../target/batch-browser-100k.json'), JSON.stringify(report, null, 2));
    assert.ok(summary.replace(/[,\s]/g, '').includes(String(N)), `the summary counts ${N} requests: ${summary}`);
    await context.close();
  } finally {
    await browser.close();
    await server.close();
  }
});
