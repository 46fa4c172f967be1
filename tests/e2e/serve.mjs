// A static file server for the built app, like any static host: files from `dist/`,
// index.html for unknown paths (deep links), optionally under a sub-path. Loopback only.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.webmanifest': 'application/manifest+json',
};

/** Starts a server for `root`, mounted at `base` ('/' or '/sub/'). Resolves to {url, close}. */
export async function serve(root, { base = '/', port = 0 } = {}) {
  const rootDir = resolve(root);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (!path.startsWith(base)) {
      res.writeHead(404).end('outside the base path');
      return;
    }
    path = path.slice(base.length);
    const file = normalize(join(rootDir, path));
    let target = file.startsWith(rootDir) ? file : join(rootDir, 'index.html');
    try {
      const s = await stat(target);
      if (s.isDirectory()) target = join(target, 'index.html');
    } catch {
      // Unknown path: a deep link into the app.
      target = join(rootDir, 'index.html');
    }
    try {
      const body = await readFile(target);
      res.writeHead(200, { 'content-type': TYPES[extname(target)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(port, '127.0.0.1', ok));
  const { port: actual } = server.address();
  return {
    url: `http://127.0.0.1:${actual}${base}`,
    close: () => new Promise((ok) => server.close(ok)),
  };
}

// `node serve.mjs DIR [PORT] [BASE]` serves a directory by hand.
if (import.meta.url === `file://${process.argv[1]}`) {
  const [dir = '../../dist', port = '8081', base = '/'] = process.argv.slice(2);
  const s = await serve(dir, { port: Number(port), base });
  console.log(`serving ${dir} at ${s.url}`);
}
