// Budgets of the release build, measured in real Chromium and reported as figures:
//  - first-load transfer: every file the page fetches on a first visit, gzipped (level 9)
//    as a static host would send it; wasm + js + css must stay within issue 2's 350 KB
//    budget (and so within issue 6's 450 KB);
//  - what opening each area fetches afterwards (its chunks, loaded on demand), what the
//    first edit fetches (the preview's Markdown renderer), and what a returning visit
//    fetches (the workspace reader and the renderer besides the first load);
//  - typing latency: time from one keystroke in a clause of a ~100 KB policy until the
//    preview shows it (reported, not asserted: timings depend on the machine).
// The report is printed and written to target/budget-report.json.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile, mkdir } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { DIST, launchBrowser, startServer } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const REPORT = path.resolve(here, '../../target/budget-report.json');
/** First-load transfer budget for wasm + js + css, gzipped (issue 2; issue 6's, with all
 * export code, is 450 KB), asserted: the build fails if the first load grows past it. Every
 * area but the policy page is loaded on demand (src/ui/areas.rs), and so are the workspace
 * reader (src/ui/codec.rs) and the preview's Markdown renderer (src/ui/rendering.rs), which
 * a first visit does not need: the first load went from 1169.3 KB to 520.6, 441.3 and then
 * about 330 KB (README, "Bundle size"). */
const BUDGET_KB = 350;
const POLICY_BYTES = 100 * 1024;
const KEYSTROKES = 40;

let browser;
let server;
const report = {};

before(async () => {
  server = await startServer(DIST);
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await server?.close();
  await mkdir(path.dirname(REPORT), { recursive: true });
  await writeFile(REPORT, JSON.stringify(report, null, 2));
  console.log('\n=== budget report ===\n' + JSON.stringify(report, null, 2));
});

test('first-load transfer of the release build', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const urls = new Set();
  page.on('request', (r) => urls.add(r.url()));
  await page.goto(server.url);
  await page.getByTestId('doc-title').waitFor();
  await page.waitForLoadState('networkidle');
  const origin = new URL(server.url).origin;
  const files = [];
  for (const url of urls) {
    assert.equal(new URL(url).origin, origin, `request left the origin: ${url}`);
    let rel = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
    if (rel === '' || rel.endsWith('/')) rel += 'index.html';
    const body = await readFile(path.join(DIST, rel));
    files.push({ file: rel, bytes: body.length, gzip: gzipSync(body, { level: 9 }).length });
  }
  const kind = (f) => path.extname(f.file).slice(1);
  const sum = (list) => list.reduce((n, f) => n + f.gzip, 0);
  const counted = files.filter((f) => ['wasm', 'js', 'css'].includes(kind(f)));
  const totalKb = sum(counted) / 1024;
  report.first_load = {
    files,
    wasm_js_css_gzip_kb: Number(totalKb.toFixed(1)),
    all_files_gzip_kb: Number((sum(files) / 1024).toFixed(1)),
    budget_kb: BUDGET_KB,
    under_budget_kb: Number((BUDGET_KB - totalKb).toFixed(1)),
  };
  await context.close();
  assert.ok(counted.some((f) => kind(f) === 'wasm'), 'the wasm module was fetched');
  assert.ok(totalKb <= BUDGET_KB, `first-load transfer ${totalKb.toFixed(1)} KB gzipped grew past the ${BUDGET_KB} KB budget`);
});

test('what opening each area fetches after the first load', async () => {
  // Release builds load every area but the policy page on demand (src/ui/areas.rs): its
  // WebAssembly chunks are fetched when it is first opened. Reported per area, in the
  // order a user might visit them (chunks shared with an area visited before are not
  // fetched again), and asserted to come from this site only.
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  let urls = [];
  let pending = 0;
  page.on('request', (r) => {
    urls.push(r.url());
    pending += 1;
  });
  page.on('requestfinished', () => (pending -= 1));
  page.on('requestfailed', () => (pending -= 1));
  // Until no request has been open for half a second. (Not 'networkidle': the export
  // page's print preview is an iframe, which Playwright's load states follow.)
  const settled = async () => {
    for (let quiet = 0; quiet < 5; ) {
      await new Promise((r) => setTimeout(r, 100));
      quiet = pending === 0 ? quiet + 1 : 0;
    }
  };
  await page.goto(server.url);
  await page.getByTestId('doc-title').waitFor();
  await page.waitForLoadState('networkidle');
  const origin = new URL(server.url).origin;
  const areas = {};
  for (const area of ['naming', 'approvals', 'training', 'export']) {
    urls = [];
    await page.getByTestId(`nav-${area}`).click();
    await page.waitForURL(`**/${area}`);
    await page.locator('main h1').first().waitFor();
    assert.equal(await page.getByTestId('area-loading').count(), 0);
    assert.equal(await page.getByTestId('area-unavailable').count(), 0);
    await settled();
    let gzip = 0;
    let files = 0;
    for (const url of urls) {
      assert.equal(new URL(url).origin, origin, `request left the origin: ${url}`);
      const rel = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
      if (!rel.endsWith('.wasm')) continue;
      files += 1;
      gzip += gzipSync(await readFile(path.join(DIST, rel)), { level: 9 }).length;
    }
    areas[area] = { wasm_files: files, wasm_gzip_kb: Number((gzip / 1024).toFixed(1)) };
  }
  report.areas_on_demand = areas;
  await context.close();
  assert.ok(areas.naming.wasm_files > 0, 'the naming area came in its own chunks');
});

/** What the wasm, js and css among `urls` weigh gzipped (level 9), and the chunks among them. */
async function transfer(urls) {
  let gzip = 0;
  let chunkGzip = 0;
  let chunks = 0;
  for (const url of urls) {
    const rel = decodeURIComponent(new URL(url).pathname).replace(/^\//, '');
    if (!['wasm', 'js', 'css'].includes(path.extname(rel).slice(1))) continue;
    const size = gzipSync(await readFile(path.join(DIST, rel)), { level: 9 }).length;
    gzip += size;
    if (rel.endsWith('.wasm') && !rel.endsWith('_bg.wasm')) {
      chunks += 1;
      chunkGzip += size;
    }
  }
  return { gzip, chunkGzip, chunks };
}

test('the first edit: taking the editor fetches the preview renderer', async () => {
  // A first visit shows the starter's preview from renderings made at build time; the
  // Markdown renderer (src/ui/rendering.rs) comes when the editor takes the focus.
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('doc-title').waitFor();
  await page.waitForLoadState('networkidle');
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.locator('[data-clause-id="c-general-purpose"] textarea').focus();
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  const { chunkGzip, chunks } = await transfer(urls);
  report.first_edit = {
    renderer_chunks: chunks,
    renderer_chunks_gzip_kb: Number((chunkGzip / 1024).toFixed(1)),
  };
  await context.close();
  assert.ok(chunkGzip > 0, 'taking the editor fetched the renderer');
});

test('a returning visit: the stored workspace needs the reader and the renderer', async () => {
  // A first visit opens on the starter and needs no workspace reader (src/ui/codec.rs) and
  // no renderer (src/ui/rendering.rs); a visit that finds a stored workspace fetches both,
  // the reader before the app shows. Reported as if nothing were cached (a browser usually
  // has the main module cached by then).
  const context = await browser.newContext({ locale: 'zh-CN' });
  const first = await context.newPage();
  await first.goto(server.url);
  await first.getByTestId('doc-title').waitFor();
  await first.locator('[data-clause-id="c-general-purpose"] textarea').fill('再次访问');
  await first.waitForFunction(() => (localStorage.getItem(`ppg.workspace.${localStorage.getItem('ppg.workspaces.current')}`) ?? '').includes('再次访问'));
  await first.close();
  const page = await context.newPage();
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(server.url);
  await page.getByTestId('doc-title').waitFor();
  await page.waitForLoadState('networkidle');
  const { gzip, chunkGzip } = await transfer(urls);
  report.returning_visit = {
    wasm_js_css_gzip_kb_uncached: Number((gzip / 1024).toFixed(1)),
    reader_and_renderer_chunks_gzip_kb: Number((chunkGzip / 1024).toFixed(1)),
  };
  await context.close();
  assert.ok(chunkGzip > 0, 'the returning visit fetched the reader');
});

test("the employee's quiz page, opened on its own", async () => {
  // What a phone downloads to take a quiz from a link: the main module and the quiz
  // page's chunks (no other area's).
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const urls = [];
  page.on('request', (r) => urls.push(r.url()));
  await page.goto(`${server.url}quiz`);
  await page.getByTestId('take').waitFor();
  await page.waitForLoadState('networkidle');
  const { gzip, chunks } = await transfer(urls);
  report.quiz_page = { chunks, wasm_js_css_gzip_kb: Number((gzip / 1024).toFixed(1)) };
  await context.close();
  assert.ok(chunks > 0, 'the quiz page came in its own chunks');
});

test('preview latency after one keystroke in a 100 KB policy', async () => {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByTestId('doc-title').waitFor();
  // Grow the starter to ~100 KB of clause text by repeating its chapters with fresh ids,
  // then open it the way a user would: through "Open file".
  const starter = await page.evaluate(async () => {
    const area = document.querySelector('[data-clause-id="c-general-purpose"] textarea');
    area.value = area.value + ' ';
    area.dispatchEvent(new Event('input'));
    await new Promise((r) => setTimeout(r, 800));
    // Each workspace is stored under its own key (issue 6); read the open one.
    return localStorage.getItem(`ppg.workspace.${localStorage.getItem('ppg.workspaces.current')}`);
  });
  const bundle = JSON.parse(starter);
  const originals = [...bundle.policy.chapters];
  const textBytes = (b) => b.policy.chapters.flatMap((c) => c.clauses).reduce((n, c) => n + Buffer.byteLength(c.body), 0);
  for (let copy = 1; textBytes(bundle) < POLICY_BYTES; copy++) {
    for (const ch of originals) {
      bundle.policy.chapters.push({
        id: `${ch.id}-copy${copy}`,
        title: `${ch.title} (${copy})`,
        clauses: ch.clauses.map((c) => ({ ...c, id: `${c.id}-copy${copy}` })),
      });
    }
  }
  const clauses = bundle.policy.chapters.flatMap((c) => c.clauses);
  const file = path.resolve(here, '../../target/budget-100k.ppg.json');
  await writeFile(file, JSON.stringify(bundle));
  await page.setInputFiles('[data-testid=open-file-input]', file);
  const target = clauses[Math.floor(clauses.length / 2)].id;
  await page.locator(`[data-testid=preview] [data-clause-id="${target}"]`).waitFor();
  // Opening the file fetched the preview's renderer (src/ui/rendering.rs); every keystroke
  // below is rendered by it, not shown as plain text while it comes.
  await page.locator(`[data-clause-id="${target}"] textarea`).focus();
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => !document.querySelector('[data-testid=md-pending]'));

  const samples = await page.evaluate(async ({ target, keystrokes }) => {
    const area = document.querySelector(`[data-clause-id="${target}"] textarea`);
    const preview = document.querySelector('[data-testid=preview]');
    const out = [];
    for (let i = 0; i < keystrokes; i++) {
      const marker = `k${i}x`;
      const t0 = performance.now();
      const shown = new Promise((resolve) => {
        const check = () => {
          const el = document.querySelector(`[data-testid=preview] [data-clause-id="${target}"]`);
          if (el && el.textContent.includes(marker)) {
            observer.disconnect();
            resolve(performance.now());
          }
        };
        const observer = new MutationObserver(check);
        observer.observe(preview, { childList: true, subtree: true, characterData: true });
      });
      area.value = area.value + ' ' + marker;
      area.dispatchEvent(new Event('input', { bubbles: true }));
      const t1 = await shown;
      // And until the browser can paint it.
      await new Promise((r) => requestAnimationFrame(() => r()));
      out.push({ dom_ms: t1 - t0, frame_ms: performance.now() - t0 });
      await new Promise((r) => setTimeout(r, 30));
    }
    return out;
  }, { target, keystrokes: KEYSTROKES });

  const stats = (xs) => {
    const s = [...xs].sort((a, b) => a - b);
    const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
    return { median: Number(q(0.5).toFixed(2)), p95: Number(q(0.95).toFixed(2)), max: Number(s[s.length - 1].toFixed(2)) };
  };
  report.typing = {
    policy_text_kb: Number((textBytes(bundle) / 1024).toFixed(1)),
    clauses: clauses.length,
    keystrokes: KEYSTROKES,
    keystroke_to_preview_dom_ms: stats(samples.map((s) => s.dom_ms)),
    keystroke_to_next_frame_ms: stats(samples.map((s) => s.frame_ms)),
  };
  await context.close();
  assert.equal(samples.length, KEYSTROKES);
});
