// What the extension and the playground both compute about claims, defined once (tools/package.mjs
// copies this file into www/): the highlight category a claim paints in and the finer kind a reader
// filters by, how far its background reaches, the stacking order of the highlights, grouping by
// source (the panel, the playground's table), and the context each analysis request carries. So a
// claim looks, groups and reads the same on a news page, in the panel and in the playground.
// A classic script (see common.js for the form); it defines one global, AllegedlyCategories, in the
// extension's own world (pages never see a content script's globals).
(() => {
  'use strict';

  /** Claim backgrounds, one Highlight each; named `allegedly-<category>` in highlights.css. */
  const CLAIMS = Object.freeze(['attributed', 'unsourced', 'hedged', 'distancing']);
  /** Drawn over the backgrounds: who stands behind the claim, and the words that make it one. */
  const MARKS = Object.freeze(['source', 'cue']);

  /** Where claims overlap, distancing paints over hedged over unsourced over attributed; marks on top. */
  const PRIORITY = Object.freeze({ attributed: 1, unsourced: 2, hedged: 3, distancing: 4, source: 5, cue: 6 });

  /**
   * The kinds a reader can turn on and off (options, panel), finer than the four highlight colours:
   * neutral "said" attributions are everywhere in news, so they have a switch of their own, apart
   * from the other attributions (confirmed, revealed, believed…).
   */
  const KINDS = Object.freeze(['neutral', 'attributed', 'distancing', 'hedged', 'unsourced']);

  /** The kind a claim is filtered by: its analyzer kind, attributions split by their cue's stance. */
  function kindOf(claim) {
    if (claim.kind === 'hedged') return 'hedged';
    if (claim.kind === 'unsourced') return 'unsourced';
    if (claim.stance === 'distancing') return 'distancing';
    if (claim.stance === 'neutral') return 'neutral';
    return 'attributed';
  }

  /** The category a claim is drawn in: its kind, with neutral and other attributions one colour. */
  function categoryOf(claim) {
    const kind = kindOf(claim);
    return kind === 'neutral' ? 'attributed' : kind;
  }

  /** The extent a claim's background covers: from the first to the last of its cue, source and content. */
  function claimExtent(claim) {
    const spans = [claim.cue, claim.source, claim.content].filter(Boolean);
    return [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))];
  }

  // -------------------------------------------------------------------------------------------------
  // Grouping by source.

  /**
   * How a source is grouped: case, spacing and a leading article do not make two sources ("The
   * ministry", "the  Ministry" and "ministry" are one); '' for no source.
   */
  const sourceKey = (source) => (source ? source.replace(/\s+/g, ' ').trim().toLowerCase().replace(/^(the|a|an) /, '') : '');

  /**
   * Items grouped by source, added one at a time (the playground adds tens of thousands in time
   * slices). Each group is { key, source, claims }: `source` is the first spelling met, or null.
   */
  class SourceGroups {
    #groups = new Map();

    /** Adds `item` under `source` (the source's text, or ''/null/undefined for none). */
    add(item, source) {
      const key = sourceKey(source);
      let group = this.#groups.get(key);
      if (!group) {
        group = { key, source: key ? source.replace(/\s+/g, ' ').trim() : null, claims: [] };
        this.#groups.set(key, group);
      }
      group.claims.push(item);
    }

    /** Most-quoted sources first, the unnamed group last; otherwise first met first (a stable sort). */
    sorted() {
      return [...this.#groups.values()].sort((a, b) => (a.key === '') - (b.key === '') || b.claims.length - a.claims.length);
    }
  }

  /** `items` grouped by `sourceOf(item)`, in SourceGroups order. */
  function groupBySource(items, sourceOf) {
    const groups = new SourceGroups();
    for (const item of items) groups.add(item, sourceOf(item));
    return groups.sorted();
  }

  // -------------------------------------------------------------------------------------------------
  // Context. Each analysis request carries the text just before its first block, which the analyzer
  // reads for the people it names: "he said" at the top of one request may stand for a senator the
  // previous one quoted. The analyzer looks back 1,500 bytes at most; the content script's messages
  // and the playground's chunks pass the same.

  const CONTEXT_CHARS = 1_500;

  /**
   * The last blocks' texts, `chars` of them at most (the earliest cut at its start): the context of
   * the next request. It holds only the blocks that reach into the last `chars`, so push() and
   * texts() cost at most those, however long the text before them.
   */
  class RecentText {
    #texts = [];
    #chars = 0;

    constructor(chars = CONTEXT_CHARS) {
      this.limit = chars;
    }

    push(text) {
      this.#texts.push(text);
      this.#chars += text.length;
      while (this.#chars - this.#texts[0].length >= this.limit) this.#chars -= this.#texts.shift().length;
    }

    clear() {
      this.#texts = [];
      this.#chars = 0;
    }

    texts() {
      const over = this.#chars - this.limit;
      return over > 0 ? [this.#texts[0].slice(over), ...this.#texts.slice(1)] : [...this.#texts];
    }
  }

  globalThis.AllegedlyCategories = Object.freeze({
    CLAIMS,
    MARKS,
    PRIORITY,
    KINDS,
    kindOf,
    categoryOf,
    claimExtent,
    sourceKey,
    SourceGroups,
    groupBySource,
    CONTEXT_CHARS,
    RecentText,
  });
})();
