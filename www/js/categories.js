// The highlight categories, named as in the extension's highlights.css (`::highlight(allegedly-…)`),
// so the playground paints claims exactly as the extension does on a news page.

/** One highlight per claim category; the claim's extent gets a soft background in its colour. */
export const CLAIM_CATEGORIES = [
  {
    name: 'allegedly-attributed',
    label: 'Attributed',
    description: 'A named or described source says it: “the ministry said”, “according to state media”.',
    sample: 'the ministry said',
  },
  {
    name: 'allegedly-distancing',
    label: 'Distancing',
    description: 'Attributed with a verb that keeps the writer at a distance: “claimed”, “alleged”, “insisted”.',
    sample: 'the ministry claimed',
  },
  {
    name: 'allegedly-unsourced',
    label: 'Unsourced',
    description: 'Attribution without anyone to hold to it: “it is claimed that”, “sources say”.',
    sample: 'it is claimed that',
  },
  {
    name: 'allegedly-hedged',
    label: 'Hedged',
    description: 'The writer’s own hedge: “allegedly”, “is believed to”, “likely”.',
    sample: 'allegedly involved',
  },
];

/** Drawn over the claim backgrounds: the cue word and the source. */
export const MARK_CATEGORIES = [
  { name: 'allegedly-cue', label: 'Cue', description: 'The words that make it a claim.', sample: 'claimed' },
  { name: 'allegedly-source', label: 'Source', description: 'Who stands behind it.', sample: 'the ministry' },
];

export const ALL_CATEGORIES = [...CLAIM_CATEGORIES, ...MARK_CATEGORIES];

/** The extension's own definitions (extension/categories.js, loaded by index.html before this). */
const shared = globalThis.AllegedlyCategories;

/** Stacking order where claims overlap, by highlight name. */
export const PRIORITY = Object.fromEntries(Object.entries(shared.PRIORITY).map(([category, rank]) => [`allegedly-${category}`, rank]));

const BY_NAME = new Map(ALL_CATEGORIES.map((category) => [category.name, category]));

export function categoryLabel(name) {
  return BY_NAME.get(name)?.label ?? name;
}

/** The highlight an analyzer claim is drawn in. */
export function categoryOf(claim) {
  return `allegedly-${shared.categoryOf(claim)}`;
}

/** The extent a claim's background covers: from the first to the last of its cue, source and content. */
export const claimExtent = shared.claimExtent;

/** Grouping by source, the same as the extension's panel (extension/categories.js). */
export const { SourceGroups } = shared;

/** The context each chunk carries to the analyzer, the same as the extension's messages. */
export const { CONTEXT_CHARS, RecentText } = shared;
