// A trap for outgoing traffic: an HTTP proxy on 127.0.0.1 that answers nothing and records every
// request and CONNECT tunnel it is asked for. A browser launched with `proxy: trap.port` sends all
// non-loopback traffic here, so `trap.requests` lists whatever tried to leave the machine (pages,
// extension, browser services alike) while loopback test servers are reached directly.
import { createServer } from 'node:http';

export async function startTrapProxy() {
  const requests = [];
  const server = createServer((req, res) => {
    requests.push({ method: req.method, url: req.url });
    res.writeHead(403, { 'content-type': 'text/plain' }).end('blocked by the test proxy');
  });
  server.on('connect', (req, socket) => {
    requests.push({ method: 'CONNECT', url: req.url });
    socket.end('HTTP/1.1 403 Forbidden\r\n\r\n');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: server.address().port,
    requests,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** Chromium flags routing everything but loopback (bypassed implicitly) through the proxy on `port`. */
export function chromiumProxyArgs(port) {
  return [`--proxy-server=http://127.0.0.1:${port}`];
}

/** Firefox prefs doing the same (loopback is never proxied: allow_hijacking_localhost stays off). */
export function firefoxProxyPrefs(port) {
  return {
    'network.proxy.type': 1,
    'network.proxy.http': '127.0.0.1',
    'network.proxy.http_port': port,
    'network.proxy.ssl': '127.0.0.1',
    'network.proxy.ssl_port': port,
    'network.proxy.share_proxy_settings': true,
    'network.proxy.no_proxies_on': '127.0.0.1',
    'network.proxy.allow_hijacking_localhost': false,
  };
}
