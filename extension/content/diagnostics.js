// Content scripts, shared: failures logged once, and the User Timing measures the bench reads. Loaded
// first of the content/ files; defines AllegedlyDiagnostics in the content scripts' own world.
(() => {
  'use strict';

  // -------------------------------------------------------------------------------------------------
  // Failures: each kind is logged once, prefixed "allegedly", and the page is left as it was.

  const logged = new Set();
  function logOnce(key, ...details) {
    if (logged.has(key)) return;
    logged.add(key);
    console.warn(`allegedly: ${key}`, ...details);
  }

  // -------------------------------------------------------------------------------------------------
  // Timings (User Timing measures on the page's timeline), read by tools/bench: a few entries per
  // analysis and per toggle, nothing while idle. Each is named MEASURE_PREFIX + its phase
  // (`allegedly-timing:analyze`), apart from the message names (common.js MSG, `allegedly:analyze`).
  // collect, analyze and draw are summed over chunks; pipeline runs from the start to the last draw.
  // Off in the shipped extension: the page can read its timeline. Only the bench's copy of the
  // extension (tools/bench/timed-extension.mjs) adds a content script setting this global, in the
  // content scripts' own world, where page scripts can neither read nor set it.

  const TIMINGS = globalThis.allegedlyTimings === true;
  const MEASURE_PREFIX = 'allegedly-timing:';
  const now = () => performance.now();
  /** Records phase `phase` (collect, analyze, draw, pipeline, first-draw, window, toggle-on…) from `start`. */
  function measure(phase, start, duration = now() - start) {
    if (!TIMINGS) return;
    try {
      performance.measure(MEASURE_PREFIX + phase, { start, duration });
    } catch {
      // A page may have replaced `performance`; timings are not worth a failure.
    }
  }

  /**
   * Bench only: the bare text walk (every text node's text, nothing else) timed in this script's
   * own world, after the analysis. Reading the page from an extension's world costs more than from
   * the page's (Chromium copies each string across worlds; Firefox goes through Xray wrappers), so
   * the bench reports the pipeline against this floor as well as against the page's own.
   */
  function measureFloor() {
    const start = now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let chars = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) chars += node.data.length;
    measure('floor', start);
    return chars;
  }

  globalThis.AllegedlyDiagnostics = Object.freeze({ TIMINGS, MEASURE_PREFIX, logOnce, now, measure, measureFloor });
})();
