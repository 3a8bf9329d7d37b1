// What a claim means, in the reader's words: the explanation card's lines (card.js) and the claims
// panel's export (panel.js) say the same thing from the same fields. A classic script (content
// scripts cannot be modules); it defines one global, AllegedlyExplain, in the extension's own world.
(() => {
  'use strict';

  const { t } = globalThis.Allegedly;

  const KIND_TITLES = { attributed: 'cardKindAttributed', unsourced: 'cardKindUnsourced', hedged: 'cardKindHedged' };
  const STANCE_MEANINGS = { neutral: 'cueNeutral', distancing: 'cueDistancing', hedge: 'cueHedge', factive: 'cueFactive' };

  /**
   * The lines [kind, source, cue] for a claim ({ kind, stance, antecedent? }) whose source and cue
   * read `sourceText` and `cueText` on the page ('' when it has none).
   */
  function lines(claim, sourceText, cueText) {
    const kind = t(KIND_TITLES[claim.kind] ?? 'cardKindAttributed');
    let source;
    if (sourceText && claim.antecedent) source = t('cardSourceAntecedent', sourceText, claim.antecedent);
    else if (sourceText) source = t('cardSource', sourceText);
    else source = t(claim.kind === 'hedged' ? 'cardSourceWriter' : 'cardSourceNone');
    const cue = t('cardCue', cueText, t(STANCE_MEANINGS[claim.stance] ?? 'cueNeutral'));
    return [kind, source, cue];
  }

  /** The same lines as one sentence (aria labels, announcements, the export). */
  const summary = (claim, sourceText, cueText) => lines(claim, sourceText, cueText).join(' — ');

  globalThis.AllegedlyExplain = Object.freeze({ lines, summary });
})();
