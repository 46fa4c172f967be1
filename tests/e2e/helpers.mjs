// Shared pieces of the end-to-end tests: Debian's Chromium, the static server, fresh
// browser contexts, a guard that catches console errors and requests leaving the site,
// and a polling assertion helper (playwright-core has no `expect`).
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));

/** The built app under test: `PPG_DIST`, or the repository's `dist/`. */
export const DIST = resolve(process.env.PPG_DIST ?? resolve(here, '../../dist'));

/** An optional second build made with a sub-path public URL, and that sub-path. */
export const DIST_SUBPATH = process.env.PPG_DIST_SUBPATH ? resolve(process.env.PPG_DIST_SUBPATH) : null;
export const SUBPATH_BASE = normalizeBase(process.env.PPG_SUBPATH_BASE ?? '/pp/');

function normalizeBase(base) {
  let b = base.startsWith('/') ? base : `/${base}`;
  if (!b.endsWith('/')) b += '/';
  return b;
}

/** Patience for anything the app does in response to the user. */
export const TIMEOUT = 10_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** Launches Debian's Chromium (never a downloaded browser). */
export function launchBrowser() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
  });
}

/** Serves a built app directory; resolves to {url, origin, close}. */
export async function startServer(root = DIST, { base = '/' } = {}) {
  const s = await serve(root, { base });
  return { ...s, origin: new URL(s.url).origin };
}

/**
 * A fresh browser context: empty storage, the given locale and viewport, downloads allowed.
 * `locale` also sets the Accept-Language and navigator.languages the app reads.
 */
export async function newContext(browser, { locale = 'zh-CN', viewport = { width: 1280, height: 900 } } = {}) {
  const context = await browser.newContext({ locale, viewport, acceptDownloads: true });
  context.setDefaultTimeout(TIMEOUT);
  context.setDefaultNavigationTimeout(20_000);
  return context;
}

/**
 * Watches a page for what must never happen: console errors, uncaught exceptions, dialogs
 * (e.g. an injected `alert`) and requests to anywhere but `origin`.
 */
export function guardPage(page, origin) {
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [], dialogs: [] };
  page.on('console', (msg) => {
    // Chromium's warning about `integrity` on the stylesheet link is type 'warning': not counted.
    if (msg.type() === 'error') {
      const loc = msg.location();
      problems.consoleErrors.push(`${msg.text()}${loc?.url ? ` (${loc.url}:${loc.lineNumber})` : ''}`);
    }
  });
  page.on('pageerror', (err) => problems.pageErrors.push(String(err?.stack ?? err)));
  page.on('request', (req) => {
    const url = req.url();
    if (url.startsWith('data:') || url.startsWith('blob:')) return;
    let reqOrigin;
    try {
      reqOrigin = new URL(url).origin;
    } catch {
      reqOrigin = url;
    }
    if (reqOrigin !== origin) problems.foreignRequests.push(url);
  });
  page.on('dialog', (dialog) => {
    problems.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return {
    problems,
    /** Fails the test on an uncaught exception (a panic) or a request leaving the site: for
     * pages whose fetches fail on purpose, which log console errors of their own. */
    assertNoCrash() {
      assert.deepEqual(problems.pageErrors, [], 'no uncaught exception or panic');
      assert.deepEqual(problems.foreignRequests, [], 'no requests outside the site');
    },
    /** Fails the test if anything bad was recorded. */
    assertClean() {
      assert.deepEqual(problems.consoleErrors, [], 'no console errors');
      assert.deepEqual(problems.pageErrors, [], 'no uncaught exceptions');
      assert.deepEqual(problems.foreignRequests, [], 'no requests outside the site');
      assert.deepEqual(problems.dialogs, [], 'no dialogs (alert/confirm/prompt)');
    },
  };
}

/** Chunk files of the release build: every wasm file but the main module (`…_bg.wasm`). */
export const isChunk = (url) => /\.wasm$/.test(new URL(url).pathname) && !/_bg\.wasm$/.test(new URL(url).pathname);

/** A split point's own chunk, `split_<name>-<hash>.wasm` (the chunks it shares with others
 * have numbered names). */
export const isOwnChunk = (name) => (url) =>
  new RegExp(`^split_${name}-[0-9a-f]{16}\\.wasm$`).test(new URL(url).pathname.split('/').pop());

/**
 * A fresh context with one guarded page (not navigated yet) whose chunk requests fail while
 * `net.offline` is set, as when the network goes away; `requested` collects every URL the
 * page asks for.
 */
export async function openWithChunkSwitch(browser, server, { locale } = {}) {
  const context = await newContext(browser, { locale });
  const net = { offline: false };
  await context.route(
    (url) => isChunk(url.href),
    (route) => (net.offline ? route.abort('internetdisconnected') : route.continue()),
  );
  const page = await context.newPage();
  const guard = guardPage(page, server.origin);
  const requested = [];
  page.on('request', (r) => requested.push(r.url()));
  return { context, page, guard, net, requested };
}

/** Waits until the app has mounted (the header's navigation is on screen). */
export async function waitForApp(page) {
  await page.locator('[data-testid=nav-policy]').waitFor({ state: 'visible', timeout: 20_000 });
}

/**
 * A fresh context with one guarded page, navigated to `url` (the server's root unless
 * given) and waited on until the app is mounted.
 */
export async function openApp(browser, server, { path = '', locale, viewport, init } = {}) {
  const context = await newContext(browser, { locale, viewport });
  if (init) await context.addInitScript(init);
  const page = await context.newPage();
  const guard = guardPage(page, server.origin);
  await page.goto(server.url + path);
  await waitForApp(page);
  return { context, page, guard };
}

/**
 * Retries `fn` (which asserts) until it passes or `timeout` ms have passed; then throws
 * the last assertion error. Like Playwright Test's `expect.poll`.
 */
export async function eventually(fn, { timeout = TIMEOUT, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await fn();
    } catch (err) {
      if (Date.now() >= deadline) throw err;
      await new Promise((ok) => setTimeout(ok, interval));
    }
  }
}

/** The editor row, textarea and preview block of one clause. */
export function clause(page, id) {
  const row = page.locator(`[data-testid=clause-edit][data-clause-id="${id}"]`);
  return {
    row,
    body: row.locator('textarea[data-testid=clause-body]'),
    preview: page.locator(`[data-testid=preview] [data-clause-id="${id}"]`),
  };
}

/** Waits until the autosave has stored `text` as the body of clause `id` of the open workspace. */
export async function storedClause(page, id, text) {
  await eventually(async () => {
    const body = await page.evaluate((id) => {
      const current = localStorage.getItem('ppg.workspaces.current');
      const ws = JSON.parse(localStorage.getItem(`ppg.workspace.${current}`) ?? 'null');
      return ws?.policy.chapters.flatMap((c) => c.clauses).find((c) => c.id === id)?.body ?? null;
    }, id);
    assert.equal(body, text);
  });
}

/** Asserts (with polling) that a clause's textarea and preview show `text`. */
export async function expectClauseText(page, id, text, { previewText = text } = {}) {
  const c = clause(page, id);
  await eventually(async () => {
    assert.equal(await c.body.inputValue(), text, `textarea of ${id}`);
    const shown = await c.preview.locator('.md').innerText();
    assert.ok(shown.includes(previewText), `preview of ${id} shows ${JSON.stringify(previewText)}; got ${JSON.stringify(shown.slice(0, 200))}`);
  });
}

/**
 * One browser, one server for the built app and one temporary directory for a test file,
 * started before its tests and closed after them. Returns an object whose `browser`,
 * `server` and `tmp` are set once the tests run, and `withApp(opts, body)`: a fresh guarded
 * page (see `openApp`) for `body`, whose guard must be clean when the body passed.
 */
export function useApp(tmpPrefix) {
  const env = {
    browser: null,
    server: null,
    tmp: null,
    async withApp(opts, body) {
      const { context, page, guard } = await openApp(env.browser, env.server, opts);
      try {
        await body({ context, page, guard });
        guard.assertClean();
      } finally {
        await context.close();
      }
    },
  };
  before(async () => {
    env.browser = await launchBrowser();
    env.server = await startServer(DIST);
    env.tmp = await mkdtemp(join(tmpdir(), tmpPrefix));
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
    if (env.tmp) await rm(env.tmp, { recursive: true, force: true });
  });
  return env;
}
