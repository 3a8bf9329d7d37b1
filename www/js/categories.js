// The highlight categories and the vocabulary, from the extension's own definitions
// (extension/categories.js, loaded by index.html before this) and its locale file
// (_locales/en/messages.json, copied in by tools/package.mjs): the playground names and paints claims
// exactly as the extension does on a news page, in the same words.

/** The extension's own definitions. */
const shared = globalThis.AllegedlyCategories;

/** The extension's English messages; none (names shown as they are) when the file cannot be read. */
async function loadMessages() {
  try {
    const response = await fetch(new URL('../_locales/en/messages.json', import.meta.url));
    return response.ok ? await response.json() : {};
  } catch {
    return {}; // Node (the unit tests) or a broken deploy: the message names stand in
  }
}

/** The extension's t(), over the same messages (English: the analyzer reads English). */
export const t = shared.translator(await loadMessages(), 'en');

/** Sample words per category for the legend: examples, not names (the names are the vocabulary's). */
const SAMPLES = {
  attributed: 'the ministry said',
  distancing: 'the ministry claimed',
  unsourced: 'it is claimed that',
  hedged: 'allegedly involved',
  cue: 'claimed',
  source: 'the ministry',
  anonymous: 'officials',
};

const category = (c) => {
  const [label, help] = shared.VOCABULARY.categories[c];
  return Object.freeze({ name: `allegedly-${c}`, label: t(label), description: t(help), sample: SAMPLES[c] });
};

/** One highlight per claim category; the claim's extent gets a soft background in its colour. */
export const CLAIM_CATEGORIES = ['attributed', 'distancing', 'unsourced', 'hedged'].map(category);

/** Drawn over the claim backgrounds: the cue word and the source (named, or unnamed people). */
export const MARK_CATEGORIES = ['cue', 'source', 'anonymous'].map(category);

export const ALL_CATEGORIES = [...CLAIM_CATEGORIES, ...MARK_CATEGORIES];

/** Stacking order where claims overlap, by highlight name. */
export const PRIORITY = Object.fromEntries(Object.entries(shared.PRIORITY).map(([c, rank]) => [`allegedly-${c}`, rank]));

const BY_NAME = new Map(ALL_CATEGORIES.map((c) => [c.name, c]));

export function categoryLabel(name) {
  return BY_NAME.get(name)?.label ?? name;
}

/** The highlight an analyzer claim is drawn in. */
export function categoryOf(claim) {
  return `allegedly-${shared.categoryOf(claim)}`;
}

/** The highlight a claim's source is marked with: unnamed people have their own. */
export const sourceMarkOf = (claim) => (shared.specificityOf(claim) === 'anonymous' ? 'allegedly-anonymous' : 'allegedly-source');

/** The kind a claim is filtered by, and its name in the vocabulary ("Said", "Distancing"…). */
export const kindOf = shared.kindOf;
export const kindLabel = (kind) => shared.kindLabel(t, kind);

/** The extent a claim's background covers: from the first to the last of its cue, source and content. */
export const claimExtent = shared.claimExtent;

/** Grouping by source and the sourcing summary, the same as the extension's panel (extension/categories.js). */
export const { KINDS, SHARES, SourceGroups, summarise, specificityOf, explainLines, paintSpans } = shared;
export const plural = (name, count, ...subs) => shared.plural(t, name, count, ...subs);

/** The context each chunk carries to the analyzer, the same as the extension's messages. */
export const { CONTEXT_CHARS, RecentText } = shared;
