// No request leaves the machine: the browsers run with every non-loopback request routed to a trap
// proxy that records and refuses it, while a session loads pages, analyses, toggles and follows a
// page change. The test server's own log shows the extension fetched nothing from the page's origin
// either: only the pages themselves (and the browser's favicon probe) were asked for.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSER_NAMES, launch, unavailable } from './lib/browsers.mjs';
import { readHighlights } from './lib/highlights.mjs';
import { htmlDocument, loadSeeds, seedPage } from './lib/pages.mjs';
import { startTrapProxy } from './lib/proxy.mjs';
import { STRICT_CSP, serveFixtures } from './lib/server.mjs';

const seeds = loadSeeds();

// Firefox's own remote-settings sync: it happens the same without the extension, and release builds
// offer no pref to point it elsewhere. Every other host counts as a leak. (Chromium's own services
// are pointed at a closed loopback port by the launch flags in lib/browsers.mjs.)
const BROWSER_OWN_HOSTS = new Set(['firefox.settings.services.mozilla.com']);
const PROBE_HOST = 'allegedly-trap-check.invalid'; // the test's own self-check (its favicon may come late)
const hostOf = (request) => (request.method === 'CONNECT' ? request.url.split(':')[0] : new URL(request.url).hostname);
const isOn = ({ badge, title }) => /^\d+$/.test(badge) && /click to hide/i.test(title);
const isOff = ({ badge }) => badge === '';

for (const name of BROWSER_NAMES) {
  const skip = unavailable(name, { extension: true }) || (seeds.length ? '' : 'no seed articles');
  describe(`network in ${name}`, { skip: skip || false, timeout: 120_000 }, () => {
    let session;
    let server;
    let trap;
    before(async () => {
      trap = await startTrapProxy();
      server = await serveFixtures();
      session = await launch(name, { extension: true, proxy: trap.port });
    });
    after(async () => {
      await session?.close();
      await server?.close();
      await trap?.close();
    });

    test('no request goes anywhere but the test server', async () => {
      // Self-check: the trap does catch traffic to other hosts (otherwise the test could not fail).
      const probe = await session.newPage();
      await probe.goto(`http://${PROBE_HOST}/`).catch(() => {});
      assert.ok(trap.requests.some((r) => r.url.includes(PROBE_HOST)), `the trap proxy sees outside traffic: ${JSON.stringify(trap.requests)}`);
      await probe.close();
      trap.requests.length = 0;
      server.requests.length = 0;

      const pages = [];
      for (const seed of seeds) pages.push(server.page(`/net/${seed.name}.html`, seedPage(seed)));
      pages.push(server.page('/net/csp.html', seedPage(seeds[0]), { 'content-security-policy': STRICT_CSP }));
      const feed = server.page('/net/feed.html', htmlDocument({ body: '<main id="feed"><p>Quiet start.</p></main>' }));

      for (const url of pages) {
        const page = await session.newPage();
        await page.goto(url);
        await session.waitForAction(page, isOn);
        await session.clickToolbarButton(page);
        await session.waitForAction(page, isOff);
        await session.clickToolbarButton(page);
        await session.waitForAction(page, isOn);
        await page.close();
      }
      const page = await session.newPage();
      await page.goto(feed);
      await session.waitForAction(page, isOn);
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'The ministry claimed that the network stayed quiet.';
        document.getElementById('feed').append(p);
      });
      await session.waitForAction(page, (s) => s.badge === '1');
      assert.ok((await readHighlights(page))['allegedly-cue'].length === 1);
      await page.close();

      const leaks = trap.requests.filter((r) => !BROWSER_OWN_HOSTS.has(hostOf(r)) && hostOf(r) !== PROBE_HOST);
      assert.deepEqual(leaks, [], 'requests that tried to leave the machine');
      const paths = new Set(server.requests.map((r) => r.path));
      const expected = new Set([...pages, feed].map((u) => new URL(u).pathname));
      for (const path of paths) {
        assert.ok(expected.has(path) || path === '/favicon.ico', `unexpected request to the test server: ${path}`);
      }
    });
  });
}
