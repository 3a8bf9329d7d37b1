// Background (Chrome service worker / Firefox event page): runs the WebAssembly analyzer for the
// content scripts, keeps the toolbar button (badge, title) in step with each tab, and remembers the
// on/off choice per site. WebAssembly runs only here: Chromium refuses to compile it in a content
// script on pages with a strict CSP.
import init, { Analyzer } from './pkg/allegedly.js';
// The shared classic scripts (common.js explains the form), in their load order: each defines one global.
import './common.js'; // globalThis.Allegedly: the message names, site keys, t()
import './categories.js'; // globalThis.AllegedlyCategories, which settings.js reads
import './settings.js'; // globalThis.AllegedlySettings

const { api, MSG, fromUs, siteKey, t } = globalThis.Allegedly;
const { plural } = globalThis.AllegedlyCategories;
const BADGE_COLOUR = '#1f2a44';
const analysisFailureLogged = new Set(); // messages of analysis failures already logged

// ---------------------------------------------------------------------------------------------------
// The analyzer: initialised once, lazily, when the first page asks (a worker that no page asks never
// compiles the module). A page asks twice: MSG.PREPARE from content/prepare.js as it starts
// loading, then its first analysis from content.js once it has loaded. Preparing is the whole
// start-up (the worker itself, the module, the reader's words, the analyzer), and it overlaps with
// the page's own loading instead of following the first request. A failed start is retried on the
// next request, not cached forever.

const Settings = globalThis.AllegedlySettings;
let wasmPromise = null;
let analyzerPromise = null;
let analyzerKey = ''; // the reader's words the current analyzer was built with

function wasm() {
  wasmPromise ??= init({ module_or_path: api.runtime.getURL('pkg/allegedly_bg.wasm') }).catch((error) => {
    wasmPromise = null;
    throw error;
  });
  return wasmPromise;
}

// The reader's cue and ignore words (options page, storage.sync): read once, again after a change.
let configPromise = null;
const analyzerConfig = () => (configPromise ??= Settings.load().then(Settings.analyzerConfig));

api.storage.onChanged.addListener((changes, area) => {
  if (Settings.touched(changes, area)?.analyzer) configPromise = null;
});

async function analyzer() {
  // The module compiles while the settings are read: neither needs the other. A failure surfaces
  // below, where the promise is awaited again.
  wasm().catch(() => {});
  const config = await analyzerConfig();
  const key = JSON.stringify(config);
  if (analyzerKey !== key || !analyzerPromise) {
    const previous = analyzerPromise;
    analyzerKey = key;
    analyzerPromise = (async () => {
      await wasm();
      try {
        return new Analyzer(config);
      } catch (error) {
        // The options page checks words before saving them; a bad list synced from elsewhere must
        // still not stop the highlighting.
        console.error('allegedly: the saved words were refused; analysing without them:', error);
        return new Analyzer(undefined);
      }
    })().catch((error) => {
      analyzerPromise = null;
      throw error;
    });
    // Analyses are synchronous, so nothing can be using the old one a moment later.
    previous?.then((old) => setTimeout(() => old.free(), 1000), () => {});
  }
  return analyzerPromise;
}

/** Whether the analyzer accepts `config` (the options page asks before saving): '' or its error. */
async function configError(config) {
  await wasm();
  try {
    new Analyzer({ extraCues: Settings.cleanWords(config?.extraCues), ignoreWords: Settings.cleanWords(config?.ignoreWords) }).free();
    return '';
  } catch (error) {
    return String(error?.message ?? error).replace(/^allegedly:\s*/, '');
  }
}

const isStrings = (list) => Array.isArray(list) && list.every((item) => typeof item === 'string');

/** `context`: the text just before the blocks on the page, read for the people it names ("he said"). */
async function analyzeBlocks(blocks, context = []) {
  if (!isStrings(blocks)) throw new Error('blocks must be an array of strings');
  if (!isStrings(context)) throw new Error('context must be an array of strings');
  return (await analyzer()).analyzeBlocks(blocks, context);
}

// ---------------------------------------------------------------------------------------------------
// Per-site choice. Key siteKey(hostname) → true (on) / false (off); absent means the default (on).
// One key per site so that two tabs toggling different sites never overwrite each other.

async function rememberSite(host, enabled) {
  if (typeof host !== 'string' || !host) return;
  await api.storage.local.set({ [siteKey(host)]: enabled });
}

// ---------------------------------------------------------------------------------------------------
// Toolbar. The content script owns the page's state and reports it; the button mirrors it per tab.

/** " (Alt+Shift+L)" when the toggle has a shortcut (the user may have changed or removed it). */
async function shortcutHint() {
  try {
    const command = (await api.commands.getAll()).find((c) => c.name === 'toggle-highlights');
    return command?.shortcut ? ` (${command.shortcut})` : '';
  } catch {
    return '';
  }
}

async function showTabState(tabId, { state, count = 0, site = '' }) {
  let badge = '';
  let title;
  switch (state) {
    case 'on':
      badge = String(count);
      title = plural(t, 'actionTitleOn', count, site);
      break;
    case 'working':
      badge = '…';
      title = t('actionTitleWorking', site);
      break;
    case 'off':
      title = t('actionTitleOff', site);
      break;
    case 'unsupported':
      title = t('actionTitleUnsupported');
      break;
    case 'failed':
      badge = '!';
      title = t('actionTitleFailed');
      break;
    default:
      title = t('actionTitleDefault');
  }
  if (state === 'on' || state === 'off' || state === 'working') title += await shortcutHint();
  await Promise.all([
    api.action.setBadgeText({ tabId, text: badge }),
    api.action.setTitle({ tabId, title }),
    badge ? api.action.setBadgeBackgroundColor({ tabId, color: state === 'failed' ? '#b3261e' : BADGE_COLOUR }) : null,
  ]);
}

/** Toolbar click or keyboard shortcut: ask the tab's content script to flip, then remember it. */
async function toggleTab(tab, { announce = false } = {}) {
  if (!tab || tab.id === undefined || tab.id < 0) return;
  let reply;
  try {
    // `announce`: from the keyboard, where no button shows the change; the page says it aloud.
    reply = await api.tabs.sendMessage(tab.id, { type: MSG.TOGGLE, announce });
  } catch {
    // No content script here (browser pages, the web store, a tab still loading): nothing to toggle.
    return;
  }
  // The badge follows the content script's own state report (sent after the toggle, and again when
  // a first analysis finishes); here only the choice is remembered.
  if (!reply || (reply.state !== 'on' && reply.state !== 'off')) return;
  await rememberSite(reply.site, reply.state === 'on');
}

api.action.onClicked.addListener((tab) => {
  toggleTab(tab).catch((error) => console.error('allegedly: toggle failed:', error));
});

const NAVIGATION = { 'next-claim': 1, 'previous-claim': -1 };

api.commands.onCommand.addListener((command, tab) => {
  if (command === 'open-panel') {
    // Chrome's side panel (Firefox opens its sidebar with _execute_sidebar_action, no code). open()
    // must run while the key press still counts as a user gesture: no await before it.
    if (tab?.windowId !== undefined) api.sidePanel?.open({ windowId: tab.windowId }).catch((error) => console.error('allegedly: could not open the side panel:', error));
    return;
  }
  if (command !== 'toggle-highlights' && !(command in NAVIGATION)) return;
  (async () => {
    // Firefox passes the tab since 126 and Chrome since 86; ask for the active one when it is absent.
    const target = tab ?? (await api.tabs.query({ active: true, currentWindow: true }))[0];
    if (command === 'toggle-highlights') {
      await toggleTab(target, { announce: true });
      return;
    }
    if (!target || target.id === undefined || target.id < 0) return;
    await api.tabs.sendMessage(target.id, { type: MSG.NAVIGATE, step: NAVIGATION[command] }).catch(() => {
      // No content script in this tab (a browser page): nothing to move through.
    });
  })().catch((error) => console.error('allegedly: shortcut failed:', error));
});

// ---------------------------------------------------------------------------------------------------
// Messages from our content scripts only (no externally_connectable, so pages cannot reach this).

let badgeUpdates = Promise.resolve();

api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
  if (!fromUs(sender) || !msg || typeof msg.type !== 'string') return false;
  const tabId = sender.tab?.id;
  switch (msg.type) {
    case MSG.CHECK_CONFIG:
      // From the options page: would the analyzer accept these words?
      if (!sender.url?.startsWith(api.runtime.getURL(''))) return false; // extension pages only
      configError(msg.config).then((error) => sendResponse(error ? { error } : { ok: true }));
      return true;
    case MSG.PREPARE:
      // A content script starting on a page: have the analyzer ready before its first request. A
      // failure is not reported here; the request that needs the analyzer retries and reports it.
      analyzer().catch(() => {});
      return false;
    case MSG.ANALYZE: {
      // `ms`: the analyzer's time here (the first request includes compiling the module), which the
      // content script reports as its analyze measure for the bench.
      const started = performance.now();
      analyzeBlocks(msg.blocks, msg.context).then(
        (claims) => sendResponse({ claims, ms: performance.now() - started }),
        (error) => {
          // Once per message: a broken analyzer fails every request of every page change alike.
          if (!analysisFailureLogged.has(String(error?.message ?? error))) {
            analysisFailureLogged.add(String(error?.message ?? error));
            console.error('allegedly: analysis failed:', error);
          }
          sendResponse({ error: String(error?.message ?? error) });
        },
      );
      return true; // answer asynchronously
    }
    case MSG.STATE:
      if (tabId !== undefined && sender.frameId === 0) {
        // One update at a time, in arrival order: a late "working" must not overwrite a newer "on".
        badgeUpdates = badgeUpdates
          .then(() => showTabState(tabId, msg))
          .catch((error) => console.error('allegedly: badge update failed:', error));
      }
      return false;
    default:
      return false;
  }
});
