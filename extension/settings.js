// The reader's settings, shared by every context (content scripts, background, options, panel): their
// storage.sync keys, defaults and checks. Which kind a claim is (the switches) is categories.js's
// kindOf, loaded before this file. A classic script (see common.js for the form); it defines one
// global, AllegedlySettings, in the extension's own world.
(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  /** The kinds a reader can turn on and off (categories.js). */
  const { KINDS } = globalThis.AllegedlyCategories;
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
      kinds: 'kinds' in changes,
      palette: 'palette' in changes,
      enabledByDefault: 'enabledByDefault' in changes,
    };
  }

  globalThis.AllegedlySettings = Object.freeze({ KINDS, PALETTES, DEFAULTS, KEYS, MAX_WORDS, MAX_WORD_CHARS, cleanWords, normalise, load, save, analyzerConfig, touched });
})();
