// A static file server for 127.0.0.1 only: the playground from `./build.sh serve`, and the pages the
// browser tests load. No dependencies, so it runs on a bare Node.
//
// usage: node tools/serve.mjs DIR [PORT]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** Content types by file extension, for this server and the test server. */
export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
  '.md': 'text/plain; charset=utf-8', // shown as text rather than offered as a download
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** Serves files under `dir`; resolves to the listening server. Paths outside `dir` are refused. */
export function serveDirectory(dir, port = 0, host = '127.0.0.1') {
  const base = path.resolve(dir);
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let file = path.join(base, decodeURIComponent(url.pathname));
    if (!file.startsWith(base)) {
      res.writeHead(403).end();
      return;
    }
    if (url.pathname.endsWith('/')) file = path.join(file, 'index.html');
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    }
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

if (process.argv[1] === new URL(import.meta.url).pathname) {
  const [dir, port = '8080'] = process.argv.slice(2);
  const server = await serveDirectory(dir, Number(port));
  console.log(`serving ${dir} on http://127.0.0.1:${server.address().port}/`);
}
