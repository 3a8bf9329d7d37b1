// Reaching the reader UI of issue 4 from a test, without the extension exposing anything to pages:
//
// - The card and the live region live in a closed shadow root. Chromium: CDP's DOM.getDocument with
//   pierce: true walks closed shadow roots. Firefox: the accessibility tree, read from the browser's
//   chrome context (what a screen reader gets): the card is the `note`, the live region the
//   `statusbar` (role=status) of the selected tab's document.
// - Extension pages (panel.html, options.html) in a tab. Chromium: plain navigation to
//   chrome-extension://ID/. Firefox: BiDi cannot navigate to moz-extension:// (PLATFORM.md), so the
//   add-on's UUID is pinned by a pref at launch and the tab is opened from the chrome context; BiDi
//   then sees it as a page (its url() reads about:blank, its document is the extension page).
import { FIREFOX_ADDON_ID } from './browsers.mjs';

/** Pass to launch('firefox', { prefs }) so the add-on's moz-extension:// origin is known. */
export const FIREFOX_UUID = '0a11e6ed-0000-4000-8000-a11e6ed0a11e';
export const FIREFOX_PREFS = { 'extensions.webextensions.uuids': JSON.stringify({ [FIREFOX_ADDON_ID]: FIREFOX_UUID }) };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** The extension's base URL in this session (Firefox sessions must be launched with FIREFOX_PREFS). */
export function extensionBase(session) {
  return session.name === 'firefox' ? `moz-extension://${FIREFOX_UUID}/` : `chrome-extension://${session.extensionId}/`;
}

/** The extensions API tab id of `page` (brought to the front). */
export async function tabIdOf(session, page) {
  await page.bringToFront();
  if (session.name === 'firefox') {
    return session.evaluateInChrome(`(() => {
      const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
      return ExtensionParent.apiManager.global.tabTracker.getId(gBrowser.selectedTab);
    })()`);
  }
  return session.evaluateInBackground(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0].id);
}

/** Opens an extension page (`panel.html?tab=3`) in a new tab; resolves to its puppeteer Page. */
export async function openExtensionPage(session, file) {
  const url = extensionBase(session) + file;
  if (session.name !== 'firefox') {
    const page = await session.newPage();
    await page.goto(url);
    return page;
  }
  const before = new Set(await session.browser.pages());
  await session.evaluateInChrome(`(() => {
    gBrowser.selectedTab = gBrowser.addTab(${JSON.stringify(url)}, { triggeringPrincipal: Services.scriptSecurityManager.getSystemPrincipal() });
    return true;
  })()`);
  const deadline = Date.now() + 10_000;
  for (;;) {
    const page = (await session.browser.pages()).find((p) => !before.has(p));
    if (page) {
      // Wait until the extension page (not the initial about:blank) has loaded its scripts.
      const ready = await page.evaluate(() => document.readyState === 'complete' && !!document.querySelector('h1')).catch(() => false);
      if (ready) return page;
    }
    if (Date.now() > deadline) throw new Error(`could not open ${url}`);
    await sleep(100);
  }
}

/**
 * What the extension's shadow UI shows in `page` now: { host, card, cardBox, lines, live } where
 * `host` is whether the host element exists, `card` the card's accessible label (its one-line
 * explanation) or null, `cardBox` its size (Chromium: and client position x, y), `lines` its visible
 * lines, `live` the live region's text or null.
 */
export async function readUi(session, page) {
  const host = await page.evaluate(() => document.querySelectorAll('[data-allegedly-ui]').length);
  if (!host) return { host: 0, card: null, lines: [], live: null };
  return session.name === 'firefox' ? readUiFirefox(session, page, host) : readUiChromium(page, host);
}

async function readUiChromium(page, host) {
  const cdp = await page.createCDPSession();
  try {
    const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
    const attrs = (n) => Object.fromEntries((n.attributes ?? []).reduce((pairs, v, i, a) => (i % 2 ? pairs : [...pairs, [v, a[i + 1]]]), []));
    const kids = (n) => [...(n.shadowRoots ?? []), ...(n.children ?? [])];
    const find = (n, test) => {
      if (test(n)) return n;
      for (const c of kids(n)) {
        const f = find(c, test);
        if (f) return f;
      }
      return null;
    };
    const text = (n) => (n.nodeType === 3 ? n.nodeValue : kids(n).map(text).join(''));
    const hostNode = find(root, (n) => 'data-allegedly-ui' in attrs(n));
    const shadow = hostNode?.shadowRoots?.[0];
    if (!shadow) return { host, card: null, lines: [], live: null, shadowType: null };
    const card = find(shadow, (n) => attrs(n).role === 'note');
    const live = find(shadow, (n) => attrs(n).role === 'status');
    let cardBox = null;
    if (card) {
      const { model } = await cdp.send('DOM.getBoxModel', { backendNodeId: card.backendNodeId });
      const [x, y] = model.border;
      cardBox = { x, y, width: model.width, height: model.height };
    }
    return {
      host,
      cardBox,
      shadowType: shadow.shadowRootType,
      card: card ? attrs(card)['aria-label'] : null,
      lines: card ? (card.children ?? []).map(text) : [],
      live: live ? text(live) : null,
    };
  } finally {
    await cdp.detach();
  }
}

async function readUiFirefox(session, page, host) {
  await page.bringToFront();
  const json = await session.evaluateInChrome(`(() => {
    const svc = Cc["@mozilla.org/accessibilityService;1"].getService(Ci.nsIAccessibilityService);
    const out = { card: null, cardBox: null, lines: [], live: null };
    const children = (acc) => { const list = []; for (let c = acc.firstChild; c; c = c.nextSibling) list.push(c); return list; };
    const text = (acc) => svc.getStringRole(acc.role) === 'text leaf' ? acc.name ?? '' : children(acc).map(text).join('');
    const walk = (acc, depth) => {
      if (depth > 60) return;
      const role = svc.getStringRole(acc.role);
      if (role === 'note' && out.card === null) {
        out.card = acc.name;
        const [x, y, w, h] = [{}, {}, {}, {}];
        acc.getBounds(x, y, w, h); // screen pixels: only the size is comparable with CSS pixels
        out.cardBox = { width: w.value / window.devicePixelRatio, height: h.value / window.devicePixelRatio };
        out.lines = children(acc).map(text);
        return;
      }
      if (role === 'statusbar' && out.live === null) {
        out.live = text(acc);
        return;
      }
      for (const c of children(acc)) walk(c, depth + 1);
    };
    // The first call starts the accessibility service; the tab's tree may come a moment later.
    const root = svc.getAccessibleFor(gBrowser.selectedBrowser);
    if (root) walk(root, 0);
    return JSON.stringify(out);
  })()`);
  return { host, shadowType: 'closed', ...JSON.parse(json) };
}

/** Polls readUi until `predicate(ui)` holds; returns the last reading (throws on timeout). */
export async function waitForUi(session, page, predicate, { timeout = 8_000 } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    last = await readUi(session, page);
    if (predicate(last)) return last;
    if (Date.now() > deadline) throw new Error(`timed out waiting for the extension UI; last: ${JSON.stringify(last)}`);
    await sleep(150);
  }
}

/** The client point in the middle of the first line box of the first `name` range containing `phrase`. */
export function pointOnRange(page, name, phrase) {
  return page.evaluate(
    (n, p) => {
      const range = [...(CSS.highlights.get(n) ?? [])].find((r) => r.toString().includes(p));
      if (!range) return null;
      const box = [...range.getClientRects()].find((r) => r.width > 4);
      return box && { x: box.left + Math.min(12, box.width / 2), y: box.top + box.height / 2, text: range.toString() };
    },
    name,
    phrase,
  );
}

/** Polls `fn()` (async) until it returns a truthy value; returns it. */
export async function until(fn, what, { timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(120);
  }
}
