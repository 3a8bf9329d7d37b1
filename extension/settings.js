// The reader's settings, shared by every context (content scripts, background, options, panel): their
// storage.sync keys, defaults and checks. Which kind a claim is (the switches) is categories.js's
// kindOf, loaded before this file. A classic script (see common.js for the form); it defines one
// global, AllegedlySettings, in the extension's own world.
(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  /** The kinds a reader can turn on and off (categories.js). */
  const { KINDS, kindOf, specificityOf } = globalThis.AllegedlyCategories;
  const PALETTES = ['default', 'colourblind'];

  // storage.sync allows 8 KB per item and 100 KB in all: user word lists are capped well below.
  const MAX_WORDS = 100;
  const MAX_WORD_CHARS = 60;

  const DEFAULTS = Object.freeze({
    kinds: Object.freeze(Object.fromEntries(KINDS.map((k) => [k, true]))),
    palette: 'default',
    extraCues: Object.freeze([]),
    ignoreWords: Object.freeze([]),
    // The trained second look (docs/CLASSIFIER.md): long-tail reports ("the governor knows that…")
    // the word lists miss. Off, the analyzer runs its word lists and rules alone (`rulesOnly`).
    trainedModel: true,
    enabledByDefault: true,
    // Claims whose source is unnamed people ("officials", "people familiar with the matter"): a
    // switch of their own (issue 17), beside the kinds.
    showAnonymous: true,
  });
  /** One storage.sync key per setting, so a change to one never rewrites the others. */
  const KEYS = Object.keys(DEFAULTS);

  /** A clean word list: strings, trimmed, no empties or duplicates (case-insensitive), capped. */
  function cleanWords(list) {
    if (!Array.isArray(list)) return [];
    const seen = new Set();
    const out = [];
    for (const item of list) {
      if (typeof item !== 'string') continue;
      const word = item.trim().replace(/\s+/g, ' ');
      if (!word || word.length > MAX_WORD_CHARS || seen.has(word.toLowerCase())) continue;
      seen.add(word.toLowerCase());
      out.push(word);
      if (out.length === MAX_WORDS) break;
    }
    return out;
  }

  /** Whatever storage holds (older versions, hand edits, nothing) → a complete, valid settings object. */
  function normalise(stored = {}) {
    const kinds = { ...DEFAULTS.kinds };
    if (stored.kinds && typeof stored.kinds === 'object') {
      for (const k of KINDS) if (typeof stored.kinds[k] === 'boolean') kinds[k] = stored.kinds[k];
    }
    return {
      kinds,
      palette: PALETTES.includes(stored.palette) ? stored.palette : DEFAULTS.palette,
      extraCues: cleanWords(stored.extraCues),
      ignoreWords: cleanWords(stored.ignoreWords),
      trainedModel: typeof stored.trainedModel === 'boolean' ? stored.trainedModel : DEFAULTS.trainedModel,
      enabledByDefault: typeof stored.enabledByDefault === 'boolean' ? stored.enabledByDefault : DEFAULTS.enabledByDefault,
      showAnonymous: typeof stored.showAnonymous === 'boolean' ? stored.showAnonymous : DEFAULTS.showAnonymous,
    };
  }

  /** The settings now; the defaults when storage cannot be read (a reader's page must still work). */
  async function load() {
    try {
      return normalise(await api.storage.sync.get(KEYS));
    } catch (error) {
      console.warn('allegedly: could not read the settings; using the defaults', error);
      return normalise();
    }
  }

  /** Stores some settings (`{ palette: 'colourblind' }`); the others are left as they are. */
  function save(partial) {
    const clean = normalise({ ...DEFAULTS, ...partial });
    return api.storage.sync.set(Object.fromEntries(Object.keys(partial).filter((k) => KEYS.includes(k)).map((k) => [k, clean[k]])));
  }

  /** Whether the reader's `settings` show `claim` (its kind's switch, and the anonymous sources' one). */
  const shows = (settings, claim) => settings.kinds[kindOf(claim)] !== false && (settings.showAnonymous || specificityOf(claim) !== 'anonymous');

  /**
   * "https://www.example.com/x" or "www.example.com" → { host: "www.example.com" }, or { reason } (a
   * message name) saying why it is not a site. Host names as DNS has them (RFC 1123): labels of
   * letters, digits and inner hyphens, dots between, 253 characters at most; a dot, unless
   * "localhost"; an IP address (v4, or v6 in brackets) is a site too. Non-ASCII names become their
   * punycode (the key the toolbar stores for that site: location.hostname), via URL.
   */
  function checkHost(input) {
    const text = input.trim();
    if (!text) return { reason: 'optionsBadSiteEmpty' };
    const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1]?.toLowerCase();
    if (scheme && scheme !== 'http' && scheme !== 'https') return { reason: 'optionsBadSiteScheme' };
    const bare = text.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').split(/[/?#]/)[0].replace(/:\d+$/, '').replace(/^[^@]*@/, '');
    if (/\s/.test(bare)) return { reason: 'optionsBadSiteSpaces' };
    if (/^\[[0-9a-f:.]+\]$/i.test(bare)) return { host: bare.toLowerCase() };
    let host;
    try {
      host = new URL(`http://${bare}`).hostname;
    } catch {
      return { reason: 'optionsBadSiteChars' };
    }
    if (/^\d{1,3}(\.\d{1,3}){3}$/.test(host)) return { host };
    if (host.length > 253) return { reason: 'optionsBadSiteLong' };
    if (!/^[a-z0-9.-]+$/.test(host) || /%/.test(host)) return { reason: 'optionsBadSiteChars' };
    const labels = host.split('.');
    if (labels.some((l) => !/^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/.test(l))) return { reason: 'optionsBadSiteLabel' };
    if (labels.length < 2 && host !== 'localhost') return { reason: 'optionsBadSiteDot' };
    return { host };
  }

  /** The analyzer's part of the settings, as `new Analyzer(config)` takes it (src/config.rs). */
  const analyzerConfig = (settings) => ({ extraCues: settings.extraCues, ignoreWords: settings.ignoreWords, rulesOnly: !settings.trainedModel });

  /**
   * Which settings an onChanged `changes` object touches: { analyzer, kinds, palette, enabledByDefault }.
   * `analyzer`: the words or the trained model, after which the analyzer is rebuilt and pages analysed again.
   */
  function touched(changes, area) {
    if (area !== 'sync') return null;
    const any = KEYS.some((k) => k in changes);
    if (!any) return null;
    return {
      analyzer: 'extraCues' in changes || 'ignoreWords' in changes || 'trainedModel' in changes,
      kinds: 'kinds' in changes || 'showAnonymous' in changes,
      palette: 'palette' in changes,
      enabledByDefault: 'enabledByDefault' in changes,
    };
  }

  globalThis.AllegedlySettings = Object.freeze({ KINDS, PALETTES, DEFAULTS, KEYS, MAX_WORDS, MAX_WORD_CHARS, cleanWords, normalise, load, save, shows, checkHost, analyzerConfig, touched });
})();
