// Launching Debian's Chromium and Firefox ESR headless, with or without the built extension, and the
// few browser-specific tricks the tests need (a real toolbar click, the badge, the extension's own
// context). Everything here follows ../shared/PLATFORM.md; read it before changing a flag.
//
//   const session = await launchChromium({ extension: 'dist/chrome' });   // or launchFirefox(...)
//   const page = await session.newPage();
//   await session.clickToolbarButton(page);   // action.onClicked, as a real click would
//   await session.badgeText(page);            // what the toolbar badge shows for that tab
//   await session.close();
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import puppeteer from 'puppeteer-core';
import { chromiumProxyArgs, firefoxProxyPrefs } from './proxy.mjs';

export const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../../..');
export const DIST = path.resolve(process.env.ALLEGEDLY_DIST ?? path.join(ROOT, 'dist'));
export const EXTENSION_DIRS = { chromium: path.join(DIST, 'chrome'), firefox: path.join(DIST, 'firefox') };

const EXECUTABLES = {
  chromium: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  firefox: process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr',
};

/** The Firefox add-on id from extension/manifest.json (firefox_browser_specific_settings). */
export const FIREFOX_ADDON_ID = 'allegedly@allegedly.invalid';

/** Why a browser cannot be used for a test, or '' when it can (for `{ skip: … }` in node:test). */
export function unavailable(name, { extension = false } = {}) {
  if (!existsSync(EXECUTABLES[name])) return `${EXECUTABLES[name]} is not installed`;
  if (extension && !existsSync(path.join(EXTENSION_DIRS[name], 'manifest.json'))) {
    return `${EXTENSION_DIRS[name]} is missing: run ./build.sh first`;
  }
  return '';
}

// No background traffic of the browser's own: the "no request leaves" tests must see only ours.
const CHROMIUM_ARGS = [
  '--no-sandbox', // root in CI containers
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-features=Translate,OptimizationHints,MediaRouter,DialMediaRouteProvider,NetworkTimeServiceQuerying,AutofillServerCommunication',
  '--no-pings',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-default-apps',
  // Google services the browser calls on its own (sign-in, component and extension updates): pointed
  // at a closed loopback port, so the trap proxy of the network test sees only what pages and the
  // extension ask for.
  '--gaia-url=http://127.0.0.1:9',
  '--google-apis-url=http://127.0.0.1:9',
  '--lso-url=http://127.0.0.1:9',
  '--component-updater=url-source=http://127.0.0.1:9/',
  '--hide-scrollbars',
  '--force-color-profile=srgb',
];

/**
 * Chromium, headless, fresh profile. `extension`: true for dist/chrome, or a directory. `proxy`: the
 * port of a trap proxy (./proxy.mjs) for all non-loopback traffic. Resolves to a Session.
 */
export async function launchChromium({ extension, args = [], viewport, proxy } = {}) {
  const extensionDir = extension === true ? EXTENSION_DIRS.chromium : extension;
  const userDataDir = mkdtempSync(path.join(tmpdir(), 'allegedly-chromium-'));
  const browser = await puppeteer.launch({
    executablePath: EXECUTABLES.chromium,
    headless: true,
    pipe: true,
    userDataDir,
    enableExtensions: extensionDir ? [extensionDir] : false,
    defaultViewport: viewport ?? { width: 1100, height: 900 },
    args: [...CHROMIUM_ARGS, ...(proxy ? chromiumProxyArgs(proxy) : []), ...args],
  });
  let extensionId = null;
  if (extensionDir) {
    // browser.extensions() is empty until the extension has loaded; its service worker says when.
    const worker = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
      { timeout: 15_000 },
    );
    extensionId = new URL(worker.url()).host;
  }
  return new ChromiumSession(browser, extensionId, userDataDir);
}

/**
 * Firefox ESR over WebDriver BiDi, headless, fresh profile. `extension`: true for dist/firefox, or a
 * directory (installed as a temporary add-on). Launched with --remote-allow-system-access so the
 * tests can reach the browser chrome for a real toolbar action (PLATFORM.md). `proxy` as for Chromium.
 */
export async function launchFirefox({ extension, args = [], prefs = {}, viewport, proxy } = {}) {
  const extensionDir = extension === true ? EXTENSION_DIRS.firefox : extension;
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: EXECUTABLES.firefox,
    headless: true,
    defaultViewport: viewport ?? { width: 1100, height: 900 },
    args: ['--remote-allow-system-access', ...args],
    extraPrefsFirefox: {
      // Keep Firefox's own services quiet so only the page's requests remain.
      'app.normandy.enabled': false,
      'browser.safebrowsing.malware.enabled': false,
      'browser.safebrowsing.phishing.enabled': false,
      'browser.safebrowsing.downloads.enabled': false,
      'network.captive-portal-service.enabled': false,
      'network.connectivity-service.enabled': false,
      'browser.newtabpage.activity-stream.feeds.topsites': false,
      'extensions.getAddons.cache.enabled': false,
      'media.gmp-manager.url': '',
      'datareporting.healthreport.uploadEnabled': false,
      'toolkit.telemetry.enabled': false,
      ...(proxy ? firefoxProxyPrefs(proxy) : {}),
      ...prefs,
    },
  });
  let extensionId = null;
  if (extensionDir) extensionId = await browser.installExtension(extensionDir);
  return new FirefoxSession(browser, extensionId);
}

/** `launch('chromium' | 'firefox', options)`. */
export function launch(name, options) {
  return name === 'firefox' ? launchFirefox(options) : launchChromium(options);
}

/** The browsers the tests run in; ALLEGEDLY_BROWSERS=firefox (or chromium) narrows it for debugging. */
export const BROWSER_NAMES = ['chromium', 'firefox'].filter(
  (name) => !process.env.ALLEGEDLY_BROWSERS || process.env.ALLEGEDLY_BROWSERS.split(',').includes(name),
);

class Session {
  constructor(name, browser, extensionId) {
    this.name = name;
    this.browser = browser;
    this.extensionId = extensionId;
  }

  /** A new tab, brought to the front (toolbar actions apply to the active tab). */
  async newPage() {
    const page = await this.browser.newPage();
    await page.bringToFront();
    return page;
  }

  /**
   * Polls the toolbar state ({ badge, title }) of the page's tab until `predicate` holds; returns it.
   * E.g. `waitForAction(page, ({ badge }) => /^\d+$/.test(badge))` waits for a finished analysis.
   */
  async waitForAction(page, predicate, { timeout = 20_000 } = {}) {
    const deadline = Date.now() + timeout;
    for (;;) {
      const state = await this.actionState(page);
      if (predicate(state)) return state;
      if (Date.now() > deadline) throw new Error(`timed out waiting for the toolbar button; last: ${JSON.stringify(state)}`);
      await new Promise((r) => setTimeout(r, 150));
    }
  }

  async close() {
    await this.browser.close().catch(() => {});
  }
}

class ChromiumSession extends Session {
  constructor(browser, extensionId, userDataDir) {
    super('chromium', browser, extensionId);
    this.userDataDir = userDataDir;
  }

  /** The extension's service worker (woken by the caller's activity if it had stopped). */
  async serviceWorker() {
    const target = await this.browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${this.extensionId}/`),
      { timeout: 10_000 },
    );
    return target.worker();
  }

  /** Evaluates `fn(...args)` in the extension's background (service worker). */
  async evaluateInBackground(fn, ...args) {
    const worker = await this.serviceWorker();
    return worker.evaluate(fn, ...args);
  }

  /** A real toolbar click: dispatches action.onClicked for the page's tab. */
  async clickToolbarButton(page) {
    const ext = (await this.browser.extensions()).get(this.extensionId);
    if (!ext) throw new Error(`extension ${this.extensionId} is not loaded`);
    await page.bringToFront();
    await page.triggerExtensionAction(ext);
  }

  /** Badge text and title the toolbar shows for the page's (active) tab. */
  async actionState(page) {
    await page.bringToFront();
    return this.evaluateInBackground(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return {
        badge: await chrome.action.getBadgeText({ tabId: tab.id }),
        title: await chrome.action.getTitle({ tabId: tab.id }),
      };
    });
  }

  async badgeText(page) {
    return (await this.actionState(page)).badge;
  }

  /** The keyboard shortcuts Chromium assigned to the extension's commands: { name: 'Alt+Shift+L' }. */
  async shortcuts() {
    const all = await this.evaluateInBackground(() => chrome.commands.getAll());
    return Object.fromEntries(all.map((c) => [c.name, c.shortcut]));
  }

  /**
   * Extension shortcuts are browser accelerators, which headless Chromium's CDP key events never
   * reach (they go to the page). Tests check the assignment with shortcuts() instead.
   */
  async pressShortcut() {
    throw new Error('headless Chromium cannot deliver a browser keyboard shortcut');
  }

  async close() {
    await super.close();
    rmSync(this.userDataDir, { recursive: true, force: true });
  }
}

class FirefoxSession extends Session {
  constructor(browser, extensionId) {
    super('firefox', browser, extensionId);
  }

  /**
   * Evaluates a JavaScript expression in the browser window's chrome context (privileged) over raw
   * BiDi; needs --remote-allow-system-access. Returns the BiDi remote value's plain value.
   */
  async evaluateInChrome(expression) {
    const connection = this.browser.connection;
    const { result: tree } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
    const window = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('no chrome://browser/content/browser.xhtml context');
    const { result } = await connection.send('script.evaluate', {
      expression,
      target: { context: window.context },
      awaitPromise: true,
      resultOwnership: 'none',
    });
    if (result.type === 'exception') throw new Error(`chrome-context evaluation failed: ${result.exceptionDetails.text}`);
    return deserialize(result.result);
  }

  /** A chrome-context expression prefix defining `ext` (the Extension object) and `browserAction`. */
  #extensionPrelude() {
    return `const { ExtensionParent } = ChromeUtils.importESModule("resource://gre/modules/ExtensionParent.sys.mjs");
      const ext = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(this.extensionId)});
      const browserAction = ExtensionParent.apiManager.global.browserActionFor(ext);`;
  }

  /** A real toolbar click on the active tab (the page is brought to the front first). */
  async clickToolbarButton(page) {
    await page.bringToFront();
    await this.evaluateInChrome(`(() => { ${this.#extensionPrelude()} browserAction.triggerAction(window); return true; })()`);
  }

  /** Badge text and title the toolbar shows for the selected tab of the window. */
  async actionState(page) {
    await page.bringToFront();
    return this.evaluateInChrome(`(() => { ${this.#extensionPrelude()}
      const tab = window.gBrowser.selectedTab;
      const action = browserAction.action ?? browserAction;
      return JSON.stringify({
        badge: action.getProperty(tab, 'badgeText') ?? '',
        title: action.getProperty(tab, 'title') ?? '',
      });
    })()`).then((json) => JSON.parse(json));
  }

  async badgeText(page) {
    return (await this.actionState(page)).badge;
  }

  /**
   * Presses a shortcut like 'Alt+Shift+L' as real key events in the browser window (through
   * nsITextInputProcessor, what Firefox's own tests use), so the extension's <key> handler fires as
   * for a person at the keyboard. The page is brought to the front first.
   */
  async pressShortcut(page, shortcut) {
    await page.bringToFront();
    const parts = shortcut.split('+');
    const letter = parts.pop().toUpperCase();
    const MODIFIERS = { Alt: ['Alt', 'AltLeft', 18], Shift: ['Shift', 'ShiftLeft', 16], Ctrl: ['Control', 'ControlLeft', 17] };
    const keys = [...parts.map((m) => MODIFIERS[m]), [letter, `Key${letter}`, letter.charCodeAt(0)]];
    const sent = await this.evaluateInChrome(`(() => {
      const tip = Cc["@mozilla.org/text-input-processor;1"].createInstance(Ci.nsITextInputProcessor);
      if (!tip.beginInputTransactionForTests(window)) return false;
      const keys = ${JSON.stringify(keys)}.map(([key, code, keyCode]) => new window.KeyboardEvent('', { key, code, keyCode }));
      for (const k of keys) tip.keydown(k);
      for (const k of keys.reverse()) tip.keyup(k);
      return true;
    })()`);
    if (!sent) throw new Error('could not start a keyboard input transaction in the browser window');
  }
}

/** BiDi remote values → plain JavaScript, for the primitive results the tests use. */
function deserialize(value) {
  switch (value.type) {
    case 'undefined':
      return undefined;
    case 'null':
      return null;
    case 'string':
    case 'boolean':
      return value.value;
    case 'number':
      return typeof value.value === 'number' ? value.value : Number(value.value);
    case 'array':
      return (value.value ?? []).map(deserialize);
    case 'object':
      return Object.fromEntries((value.value ?? []).map(([k, v]) => [typeof k === 'string' ? k : deserialize(k), deserialize(v)]));
    default:
      return value;
  }
}
