// Issue 7, security and failure, in Chromium and Firefox with the built extension: page text that
// looks like markup stays text; a page cannot reach the extension (no messaging, no events, no
// files, no replaced built-ins getting into the content script's world, no readable settings); when
// the analyzer fails (a copy of the extension with a broken wasm), the failure is logged once, the
// button says so and the page is left as it was. All of it behind a trap proxy: no request leaves.
// See docs/ROBUSTNESS.md.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BROWSER_NAMES, EXTENSION_DIRS, launch, unavailable } from './lib/browsers.mjs';
import { HIGHLIGHT_NAMES, covers, mutationLog, parseLikeBrowser, readHighlights, recordMutations, serialiseDom } from './lib/highlights.mjs';
import { ARTICLE_PAGE, HOSTILE_GLOBALS_PAGE, HOSTILE_GLOBALS_SCRIPT, MARKUP_PAGE, MARKUP_TEXTS } from './lib/hostile-pages.mjs';
import { startTrapProxy } from './lib/proxy.mjs';
import { serveFixtures } from './lib/server.mjs';
import { pointOnRange, readUi, waitForUi } from './lib/ui.mjs';
import { pause, toggleCycle, watchLogs } from './lib/watch.mjs';

const isOn = ({ badge }) => /^\d+$/.test(badge);
const isOff = ({ badge }) => badge === '';
const isFailed = ({ badge, title }) => badge === '!' && /failed/i.test(title);
// Firefox's own remote-settings sync (see network.test.mjs); every other outside host is a leak.
const BROWSER_OWN_HOSTS = new Set(['firefox.settings.services.mozilla.com']);
const hostOf = (r) => (r.method === 'CONNECT' ? r.url.split(':')[0] : new URL(r.url).hostname);

/** Chromium: img/script/svg/iframe elements anywhere in the page, closed shadow roots included (CDP pierce). */
async function elementsMadeFromText(page) {
  const cdp = await page.createCDPSession();
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const found = [];
    const walk = (node) => {
      if (['IMG', 'SCRIPT', 'SVG', 'IFRAME'].includes(node.nodeName.toUpperCase())) found.push(node.nodeName);
      for (const child of [...(node.shadowRoots ?? []), ...(node.children ?? [])]) walk(child);
    };
    walk(root);
    return found;
  } finally {
    await cdp.detach();
  }
}

/** Fails if anything but the browser's own services tried to leave the machine. */
function assertNoLeaks(trap) {
  assert.deepEqual(trap.requests.filter((r) => !BROWSER_OWN_HOSTS.has(hostOf(r))), [], 'requests that tried to leave the machine');
}

for (const name of BROWSER_NAMES) {
  const skip = unavailable(name, { extension: true });
  describe(`hostile pages in ${name}`, { skip: skip || false, timeout: 120_000 }, () => {
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

    test('page text that looks like markup is highlighted as text and never becomes markup', async () => {
      const page = await session.newPage();
      const logs = await watchLogs(session, page);
      const dialogs = [];
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        d.dismiss().catch(() => {});
      });
      await recordMutations(page);
      await page.goto(server.page('/markup.html', MARKUP_PAGE));
      const state = await session.waitForAction(page, isOn);
      const highlights = await readHighlights(page);
      const texts = Object.values(highlights).flat();
      for (const fragment of ['<img src=x onerror=', '<script>window.__pwned', '<svg onload=', '"><iframe src=javascript:']) {
        assert.ok(texts.some((t) => t.includes(fragment)), `"${fragment}" is highlighted as text: ${JSON.stringify(texts)}`);
      }
      assert.ok(covers(highlights, 'allegedly-cue', 'claimed'));

      // The explanation card of each claim (the panel's own test covers the panel): shown, and no
      // element made from page text anywhere, closed shadow roots included (Chromium can look in).
      for (const cue of highlights['allegedly-cue']) {
        const point = await pointOnRange(page, 'allegedly-cue', cue);
        await page.mouse.move(point.x, point.y);
        const ui = await waitForUi(session, page, (u) => u.card !== null);
        assert.ok(ui.lines.length > 0, 'the card explains the claim');
        if (name === 'chromium') assert.deepEqual(await elementsMadeFromText(page), [], 'no element from page text, shadow roots included');
        await page.mouse.move(2, 2);
        await page.waitForFunction(() => !document.querySelector('[data-allegedly-ui]'));
      }
      assert.equal((await readUi(session, page)).host, 0);
      await toggleCycle(session, page);
      assert.equal(await page.evaluate(() => window.__pwned), undefined, 'no page text ever ran');
      assert.deepEqual(dialogs, []);
      assert.equal(await page.evaluate(() => document.querySelectorAll('img, script, svg, iframe').length), 0, 'no element made from text');
      // The toolbar shows a number and the host name: nothing of the page's text.
      assert.equal(state.title.includes('<'), false, `toolbar title: ${state.title}`);
      // The card's host (a closed shadow root on <html>, while a card shows) is the only node ever added.
      const log = await mutationLog(page);
      assert.deepEqual(log.filter((m) => !(m.target === 'html' && m.type === 'childList')), [], 'nothing else was mutated');
      assert.ok(log.every((m) => [...m.added, ...m.removed].every((n) => n === 'DIV')), JSON.stringify(log));
      assert.equal(await serialiseDom(page), await parseLikeBrowser(page, MARKUP_PAGE));
      assert.deepEqual(logs.errors, []);
      assert.equal(MARKUP_TEXTS.length, 4);
      await page.close();
    });

    test('a page cannot turn the extension off, change or read its settings, or make it work', async () => {
      const page = await session.newPage();
      const logs = await watchLogs(session, page);
      await page.goto(server.page('/hostile-messages.html', ARTICLE_PAGE));
      const state = await session.waitForAction(page, isOn);
      const highlights = await readHighlights(page);
      const storedBefore = name === 'chromium' ? await session.evaluateInBackground(() => chrome.storage.local.get(null)) : null;
      if (name === 'chromium') {
        // Count what reaches the background from now on.
        await session.evaluateInBackground(() => {
          self.__seen = [];
          chrome.runtime.onMessage.addListener((msg) => void self.__seen.push(msg?.type));
        });
      }

      const attempt = await page.evaluate(async (extensionId) => {
        const names = ['allegedly:toggle', 'allegedly:state', 'allegedly:analyze', 'allegedly', 'toggle-highlights', 'message'];
        for (const type of names) {
          for (const payload of [{ type }, { type, state: 'off' }, type, { type, blocks: ['x'.repeat(100_000)] }]) {
            window.postMessage(payload, '*');
            window.dispatchEvent(new CustomEvent(type, { detail: payload }));
            document.dispatchEvent(new CustomEvent(type, { detail: payload, bubbles: true }));
            document.documentElement.dispatchEvent(new MessageEvent('message', { data: payload }));
          }
        }
        // A restored-from-cache signal, many times: the content script re-reports only for the real one.
        for (let i = 0; i < 200; i++) window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
        // A pointer move over the first claim, synthesised: the explanation card follows only real ones.
        const claim = document.querySelector('p').getBoundingClientRect();
        const at = { clientX: claim.left + 20, clientY: claim.top + claim.height / 2, bubbles: true, pointerType: 'mouse' };
        document.querySelector('p').dispatchEvent(new PointerEvent('pointermove', at));
        await new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
        const cardShown = document.querySelector('[data-allegedly-ui]') !== null;
        // The shortcut's keys, synthesised: browser commands do not listen to page events.
        for (const type of ['keydown', 'keyup']) {
          document.dispatchEvent(new KeyboardEvent(type, { key: 'L', code: 'KeyL', altKey: true, shiftKey: true, bubbles: true }));
        }
        const result = { runtime: typeof window.chrome?.runtime, browser: typeof window.browser, fetched: [], cardShown };
        for (const scheme of ['chrome-extension', 'moz-extension']) {
          for (const file of ['manifest.json', 'content.js', 'pkg/allegedly_bg.wasm']) {
            try {
              const response = await fetch(`${scheme}://${extensionId}/${file}`);
              result.fetched.push(`${scheme}:${file}:${response.status}`);
            } catch {
              // refused: what we want
            }
          }
        }
        result.globals = Object.keys(window).filter((k) => /allegedly/i.test(k));
        result.storage = [...Object.keys(localStorage), ...Object.keys(sessionStorage)].filter((k) => /allegedly/i.test(k));
        result.cookie = document.cookie;
        return result;
      }, session.extensionId);

      await pause(700); // anything the page set off has had its chance (longer than the debounce)
      assert.equal(attempt.runtime, 'undefined', 'no extension messaging API on the page');
      assert.equal(attempt.browser, 'undefined');
      assert.deepEqual(attempt.fetched, [], 'no extension file can be loaded by the page');
      assert.deepEqual(attempt.globals, [], 'nothing of the extension on the page\'s window');
      assert.deepEqual(attempt.storage, []);
      assert.equal(attempt.cookie, '');

      const now = await session.actionState(page);
      assert.equal(attempt.cardShown, false, 'no card for a synthetic pointer move');
      assert.equal(now.badge, state.badge, 'still on, same count');
      assert.deepEqual(await readHighlights(page), highlights, 'same highlights');
      if (name === 'chromium') {
        assert.deepEqual(await session.evaluateInBackground(() => chrome.storage.local.get(null)), storedBefore, 'settings unchanged');
        assert.deepEqual(await session.evaluateInBackground(() => self.__seen), [], 'the page made the extension send nothing');
      }
      await page.reload();
      assert.ok(isOn(await session.waitForAction(page, isOn)), 'still on after a reload: the stored choice is unchanged');
      assert.deepEqual(logs.errors, []);
      assert.deepEqual(logs.ours(), []);
      await page.close();
    });

    test('built-ins and globals replaced by the page do not reach the content script', async () => {
      const page = await session.newPage();
      await page.evaluateOnNewDocument(HOSTILE_GLOBALS_SCRIPT);
      await page.goto(server.page('/hostile-globals.html', HOSTILE_GLOBALS_PAGE));
      const state = await session.waitForAction(page, isOn);
      await session.clickToolbarButton(page);
      await session.waitForAction(page, isOff);
      await session.clickToolbarButton(page);
      await session.waitForAction(page, isOn);
      await page.evaluate('window.__restoreBuiltins()');
      const highlights = await readHighlights(page);
      assert.ok(Number(state.badge) >= 2, `claims found: ${state.badge}`);
      assert.ok(covers(highlights, 'allegedly-distancing', 'built-ins replaced by the page do not matter'));
      assert.ok(covers(highlights, 'allegedly-attributed', 'the isolated world holds'));
      await page.close();
    });

    test('no request left the machine during these tests', () => assertNoLeaks(trap));
  });
}

// A copy of the built extension whose wasm is garbage: the analyzer cannot start.
for (const name of BROWSER_NAMES) {
  const skip = unavailable(name, { extension: true });
  describe(`${name} with a broken analyzer`, { skip: skip || false, timeout: 120_000 }, () => {
    let session;
    let server;
    let dir;
    let trap;
    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'allegedly-broken-'));
      cpSync(EXTENSION_DIRS[name], dir, { recursive: true });
      writeFileSync(path.join(dir, 'pkg/allegedly_bg.wasm'), Buffer.from('\0asm this is not a module'));
      trap = await startTrapProxy();
      server = await serveFixtures();
      session = await launch(name, { extension: dir, proxy: trap.port });
    });
    after(async () => {
      await session?.close();
      await server?.close();
      await trap?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('logs once, shows the failure on the button, leaves the page as it was; retries on toggle', async () => {
      const page = await session.newPage();
      const logs = await watchLogs(session, page);
      await recordMutations(page);
      await page.goto(server.page('/broken.html', ARTICLE_PAGE));
      await session.waitForAction(page, isFailed);
      const registered = () => page.evaluate((names) => names.filter((n) => CSS.highlights.has(n)), HIGHLIGHT_NAMES);
      assert.deepEqual(await registered(), [], 'nothing registered in the page\'s highlight registry');

      // More text, and the reader trying again: still failing, still one line per context.
      for (let i = 0; i < 3; i++) {
        await page.evaluate((n) => {
          const p = document.createElement('p');
          p.textContent = `The governor claimed that attempt ${n} fails as well.`;
          document.getElementById('area').append(p);
        }, i);
        await pause(600);
      }
      await session.clickToolbarButton(page);
      await session.waitForAction(page, isOff);
      await session.clickToolbarButton(page);
      await session.waitForAction(page, isFailed);
      await pause(300);

      const ours = logs.ours();
      const fromPage = ours.filter((l) => l.from === 'page');
      const fromBackground = ours.filter((l) => l.from === 'background');
      assert.ok(fromPage.length <= 1 && fromBackground.length <= 1, `one line per context at most: ${JSON.stringify(ours)}`);
      if (name === 'chromium') {
        // Chromium shows both consoles to the test; Firefox shows neither over BiDi.
        assert.equal(fromPage.length, 1, 'the content script said why');
        assert.equal(fromBackground.length, 1, 'the background said why');
      }
      assert.deepEqual(await registered(), []);
      assert.deepEqual(logs.errors, []);
      assert.deepEqual(await mutationLog(page), [], 'the DOM was never touched');
      const parsed = await parseLikeBrowser(page, ARTICLE_PAGE);
      const withoutArea = (html) => html.replace(/<main id="area"[\s\S]*<\/main>/, '');
      assert.equal(withoutArea(await serialiseDom(page)), withoutArea(parsed), 'outside the test area, the page is as served');
      assertNoLeaks(trap);
      await page.close();
    });
  });
}
