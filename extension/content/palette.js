// Content script: the colour-blind-safe palette (Okabe–Ito colours, one line style per category), a
// constructable sheet the document adopts while the highlights are on; highlights.css keeps the
// default palette. Defines AllegedlyPalette in the content scripts' own world.
(() => {
  'use strict';

  // A word carries at most a tint and one line: the claim's tint and line style, or, on a cue or a
  // source, a thicker line of the mark's that paints over the claim's thin one at the same place.
  // No overline: on a paragraph's first line it read as a stray rule above the paragraph.
  const COLOURBLIND_CSS = `
    ::highlight(allegedly-attributed) { background-color: rgba(86, 180, 233, 0.30); text-decoration: underline solid rgb(0, 114, 178); text-decoration-thickness: 1px; }
    ::highlight(allegedly-distancing) { background-color: rgba(230, 159, 0, 0.34); text-decoration: underline wavy rgb(213, 94, 0); text-decoration-thickness: 1px; }
    ::highlight(allegedly-hedged) { background-color: rgba(204, 121, 167, 0.30); text-decoration: underline dotted rgb(150, 60, 120); text-decoration-thickness: 1px; }
    ::highlight(allegedly-unsourced) { background-color: rgba(0, 158, 115, 0.26); text-decoration: underline dashed rgb(0, 110, 80); text-decoration-thickness: 1px; }
    ::highlight(allegedly-cue) { text-decoration: underline solid rgb(0, 0, 0); text-decoration-thickness: 3px; }
    ::highlight(allegedly-source) { text-decoration: underline solid rgb(110, 110, 110); text-decoration-thickness: 3px; }
    ::highlight(allegedly-anonymous) { text-decoration: underline double rgb(150, 60, 120); text-decoration-thickness: 2px; }
    @media (prefers-color-scheme: dark) {
      ::highlight(allegedly-cue) { text-decoration-color: rgb(255, 255, 255); }
      ::highlight(allegedly-source) { text-decoration-color: rgb(190, 190, 190); }
      ::highlight(allegedly-anonymous) { text-decoration-color: rgb(235, 140, 200); }
    }
  `;
  let paletteSheet = null;

  function applyPalette(palette, on) {
    try {
      const wanted = on && palette === 'colourblind';
      const sheets = [...document.adoptedStyleSheets];
      const present = paletteSheet && sheets.includes(paletteSheet);
      if (wanted && !present) {
        if (!paletteSheet) {
          paletteSheet = new CSSStyleSheet();
          paletteSheet.replaceSync(COLOURBLIND_CSS);
        }
        document.adoptedStyleSheets = [...sheets, paletteSheet];
      } else if (!wanted && present) {
        document.adoptedStyleSheets = sheets.filter((s) => s !== paletteSheet);
      }
    } catch (error) {
      console.warn('allegedly: could not apply the colour palette', error);
    }
  }

  globalThis.AllegedlyPalette = Object.freeze({ apply: applyPalette });
})();
