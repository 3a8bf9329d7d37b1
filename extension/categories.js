// How a claim is drawn: the highlight category it paints in, how far its background reaches, and the
// stacking order of the highlights. One definition for the content script and the playground (www/
// loads this same file), so a claim looks the same on a news page and in the playground. A classic
// script, since content scripts cannot be modules; it defines one global, AllegedlyCategories, in the
// extension's own world (pages never see a content script's globals).
(() => {
  'use strict';

  /** Claim backgrounds, one Highlight each; named `allegedly-<category>` in highlights.css. */
  const CLAIMS = Object.freeze(['attributed', 'unsourced', 'hedged', 'distancing']);
  /** Drawn over the backgrounds: who stands behind the claim, and the words that make it one. */
  const MARKS = Object.freeze(['source', 'cue']);

  /** Where claims overlap, distancing paints over hedged over unsourced over attributed; marks on top. */
  const PRIORITY = Object.freeze({ attributed: 1, unsourced: 2, hedged: 3, distancing: 4, source: 5, cue: 6 });

  /** The category a claim is drawn in: its kind, with distancing attributions ("claimed") set apart. */
  function categoryOf(claim) {
    if (claim.kind === 'hedged') return 'hedged';
    if (claim.kind === 'unsourced') return 'unsourced';
    return claim.stance === 'distancing' ? 'distancing' : 'attributed';
  }

  /** The extent a claim's background covers: from the first to the last of its cue, source and content. */
  function claimExtent(claim) {
    const spans = [claim.cue, claim.source, claim.content].filter(Boolean);
    return [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))];
  }

  globalThis.AllegedlyCategories = Object.freeze({ CLAIMS, MARKS, PRIORITY, categoryOf, claimExtent });
})();
