// What a claim means, in the reader's words: the explanation card's lines (card.js), the
// announcements and the claims panel's export say the same thing from the same fields, in the
// vocabulary of categories.js (explainLines). A classic script (content scripts cannot be modules); it
// defines one global, AllegedlyExplain, in the extension's own world.
(() => {
  'use strict';

  const { t } = globalThis.Allegedly;
  const { explainLines } = globalThis.AllegedlyCategories;
  const MAX_CONTENT = 300; // an announcement reads the claim's content out, not a whole paragraph

  /**
   * The lines [kind, source, cue] for a claim ({ kind, stance, specificity?, antecedent? }) whose
   * source and cue read `sourceText` and `cueText` on the page ('' when it has none).
   */
  const lines = (claim, sourceText, cueText) => explainLines(t, claim, sourceText, cueText);

  /** The same lines as one sentence (aria labels, the export). */
  const summary = (claim, sourceText, cueText) => lines(claim, sourceText, cueText).join(' — ');

  /** The summary and what is claimed (`contentText`, cut at MAX_CONTENT), for screen readers. */
  function announcement(claim, sourceText, cueText, contentText) {
    const said = summary(claim, sourceText, cueText);
    if (!contentText) return said;
    const content = contentText.length > MAX_CONTENT ? `${contentText.slice(0, MAX_CONTENT).trimEnd()}…` : contentText;
    return `${said} — ${t('announceContent', content)}`;
  }

  globalThis.AllegedlyExplain = Object.freeze({ lines, summary, announcement });
})();
