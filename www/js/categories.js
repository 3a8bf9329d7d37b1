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

/**
 * Stacking order, the same as extension/content.js (a classic content script, so it cannot be imported
 * here): where claims overlap, distancing paints over hedged over unsourced over attributed, and the
 * source and cue marks paint above every claim background.
 */
export const PRIORITY = {
  'allegedly-attributed': 1,
  'allegedly-unsourced': 2,
  'allegedly-hedged': 3,
  'allegedly-distancing': 4,
  'allegedly-source': 5,
  'allegedly-cue': 6,
};

const BY_NAME = new Map(ALL_CATEGORIES.map((category) => [category.name, category]));

export function categoryLabel(name) {
  return BY_NAME.get(name)?.label ?? name;
}

/** The claim category of an analyzer claim: its kind, with distancing attributions set apart. */
export function categoryOf(claim) {
  if (claim.kind === 'hedged') return 'allegedly-hedged';
  if (claim.kind === 'unsourced') return 'allegedly-unsourced';
  return claim.stance === 'distancing' ? 'allegedly-distancing' : 'allegedly-attributed';
}

/** The extent a claim's background covers: from the first to the last of its cue, source and content. */
export function claimExtent(claim) {
  const spans = [claim.cue, claim.source, claim.content].filter(Boolean);
  return [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))];
}
