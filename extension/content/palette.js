// Content script: the colour-blind-safe palette (Okabe–Ito colours, one line style per category), a
// constructable sheet the document adopts while the highlights are on; highlights.css keeps the
// default palette. Defines AllegedlyPalette in the content scripts' own world.
(() => {
  'use strict';

  const COLOURBLIND_CSS = `
    ::highlight(allegedly-attributed) { background-color: rgba(86, 180, 233, 0.30); text-decoration: underline solid rgb(0, 114, 178); text-decoration-thickness: 2px; }
    ::highlight(allegedly-distancing) { background-color: rgba(230, 159, 0, 0.34); text-decoration: underline wavy rgb(213, 94, 0); text-decoration-thickness: 1.5px; }
    ::highlight(allegedly-hedged) { background-color: rgba(204, 121, 167, 0.30); text-decoration: underline dotted rgb(150, 60, 120); text-decoration-thickness: 2px; }
    ::highlight(allegedly-unsourced) { background-color: rgba(0, 158, 115, 0.26); text-decoration: underline dashed rgb(0, 110, 80); text-decoration-thickness: 2px; }
    ::highlight(allegedly-cue) { background-color: rgba(240, 228, 66, 0.45); text-decoration: underline double rgb(0, 0, 0); text-decoration-thickness: 1px; }
    ::highlight(allegedly-source) { background-color: rgba(128, 128, 128, 0.18); text-decoration: overline solid rgb(90, 90, 90); text-decoration-thickness: 1px; }
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
