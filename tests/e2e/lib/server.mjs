// A loopback HTTP server for the browser tests: pages registered from the test (with any headers, e.g.
// a strict Content-Security-Policy), optional static directories, and a log of every request it saw.
//
//   const server = await serveFixtures({ static: { '/pkg/': 'dist/pkg' } });
//   server.page('/article.html', html, { 'content-security-policy': "default-src 'none'" });
//   await page.goto(server.url('/article.html'));
//   server.requests   // [{ method, path, headers }]
//   await server.close();
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { CONTENT_TYPES as TYPES } from '../../../tools/serve.mjs';

/**
 * Starts the server on 127.0.0.1 (random port unless `port` is given).
 * `static`: { urlPrefix: directory } served as files (index.html for '/').
 */
export async function serveFixtures({ static: statics = {}, port = 0 } = {}) {
  const pages = new Map();
  const requests = [];
  const mounts = Object.entries(statics).map(([prefix, dir]) => [prefix, path.resolve(dir)]);

  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    requests.push({ method: req.method, path: url.pathname + url.search, headers: req.headers });
    const registered = pages.get(url.pathname);
    if (registered) {
      res.writeHead(registered.status ?? 200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store', ...registered.headers });
      res.end(registered.body);
      return;
    }
    for (const [prefix, dir] of mounts) {
      if (!url.pathname.startsWith(prefix)) continue;
      let file = path.join(dir, decodeURIComponent(url.pathname.slice(prefix.length)));
      if (!file.startsWith(dir)) break;
      if (file.endsWith(path.sep) || url.pathname.endsWith('/')) file = path.join(file, 'index.html');
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
        res.end(body);
        return;
      } catch {
        break;
      }
    }
    // Browsers ask for this on their own; answer quietly so it does not look like a page error.
    if (url.pathname === '/favicon.ico') {
      res.writeHead(204).end();
      return;
    }
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;

  return {
    origin,
    host: new URL(origin).host,
    requests,
    /** Absolute URL of a path on this server. */
    url: (pathname) => origin + pathname,
    /** Registers (or replaces) a page body at `pathname` with extra response headers. */
    page(pathname, body, headers = {}) {
      pages.set(pathname, { body, headers });
      return origin + pathname;
    },
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** The strict Content-Security-Policy from issue 3: nothing but same-origin scripts. */
export const STRICT_CSP = "default-src 'none'; script-src 'self'";
