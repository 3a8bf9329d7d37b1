// Loads the extension's shared classic scripts into Node for the unit tests. Each file is a classic
// script that defines one frozen global (extension/common.js says why), so a side-effect import runs
// it exactly as the background module does (`import './settings.js'`) and leaves its global on
// globalThis; no vm context, no export switch in the shipped files. Load order is the manifest's:
// each file may read the globals of the files before it.
const FILES = {
  Allegedly: 'common.js',
  AllegedlyCategories: 'categories.js',
  AllegedlySettings: 'settings.js',
  AllegedlyDiagnostics: 'content/diagnostics.js',
  AllegedlyMarks: 'content/marks.js',
};
const ORDER = Object.keys(FILES);

/** The globals `names` (and those they load after), loaded once per test process. */
export async function load(...names) {
  const last = Math.max(...names.map((name) => ORDER.indexOf(name)));
  for (const name of ORDER.slice(0, last + 1)) {
    if (!(name in globalThis)) await import(new URL(`../../extension/${FILES[name]}`, import.meta.url));
  }
  return names.map((name) => globalThis[name]);
}
