// Content script: the page's claims as data for the claims panel (panel.js asks through
// content/reader.js), with ids that stay put while the page changes around them. Reads the marks in
// document order from content/marks.js; makes no DOM range but for the claim the panel focuses.
// Defines AllegedlyPanelData in the content scripts' own world.
(() => {
  'use strict';

  const Marks = globalThis.AllegedlyMarks;
  const { kindOf, specificityOf } = globalThis.AllegedlyCategories;
  const { spanText } = Marks;

  const idOfMark = new WeakMap();
  let nextId = 1;
  const idOf = (mark) => {
    if (!idOfMark.has(mark)) idOfMark.set(mark, nextId++);
    return idOfMark.get(mark);
  };

  /** The shown claims in document order, as the panel lists them. */
  function describeClaims() {
    return Marks.shownMarks()
      .filter((mark) => !mark.dropped)
      .map((mark) => ({
        id: idOf(mark),
        kind: kindOf(mark.claim),
        category: mark.category,
        claimKind: mark.claim.kind,
        stance: mark.claim.stance,
        specificity: specificityOf(mark.claim),
        // "he said" is listed under the person it most likely stands for, when the analyzer found one.
        source: mark.claim.antecedent ?? spanText(mark, mark.spans.source),
        sourceText: spanText(mark, mark.spans.source),
        antecedent: mark.claim.antecedent ?? null,
        cue: spanText(mark, mark.spans.cue) ?? '',
        text: spanText(mark, mark.spans.claim) ?? spanText(mark, mark.spans.cue),
        // No explanation: the panel words it (explain.js) for the export alone; 44,000 of them
        // here took half of this message's time on the 10 MB page.
      }));
  }

  /**
   * How many claims the reader's switches hide, per kind and `anonymous` (a claim may count in
   * both): the panel's filter counts every claim on the page, shown or not.
   */
  function hiddenCounts() {
    const counts = {};
    for (const block of Marks.blocks) {
      for (const mark of block.marks) {
        if (mark.shown !== false || mark.dropped) continue;
        const kind = kindOf(mark.claim);
        counts[kind] = (counts[kind] ?? 0) + 1;
        if (specificityOf(mark.claim) === 'anonymous') counts.anonymous = (counts.anonymous ?? 0) + 1;
      }
    }
    return counts;
  }

  /** The shown mark the panel listed as `id`, if it still has a range on the page. */
  function markById(id) {
    const mark = Marks.shownMarks().find((m) => idOfMark.get(m) === id);
    return mark && Marks.rangeOf(mark) ? mark : null;
  }

  globalThis.AllegedlyPanelData = Object.freeze({ describeClaims, hiddenCounts, markById });
})();
