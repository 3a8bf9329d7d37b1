// Reading what the extension drew, from the page's side: CSS.highlights belongs to the document, so
// the page (and so the test) sees the ranges the content script registered.

/** Every highlight name the extension uses (extension/categories.js: the claim categories, then source and cue). */
export const HIGHLIGHT_NAMES = [
  'allegedly-attributed',
  'allegedly-distancing',
  'allegedly-hedged',
  'allegedly-unsourced',
  'allegedly-cue',
  'allegedly-source',
  'allegedly-anonymous',
];

/** The claim categories' tints: every name but the cue, source and anonymous-source marks. */
export const CLAIM_NAMES = HIGHLIGHT_NAMES.filter((n) => !['allegedly-cue', 'allegedly-source', 'allegedly-anonymous'].includes(n));

/**
 * Pairs of claim-tint ranges that share a character ([earlier text, later text]); empty when no
 * word is under two tints (issue 17: one tint per claim, a claim's tint may come in pieces). With
 * `withinId`, only the ranges inside that element (the playground's text view).
 */
export function tintOverlaps(page, withinId = null) {
  return page.evaluate(
    (names, id) => {
      const within = id ? document.getElementById(id) : null;
      const ranges = names.flatMap((n) => [...(CSS.highlights.get(n) ?? [])]).filter((r) => !within || within.contains(r.commonAncestorContainer));
      ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
      const out = [];
      for (let i = 1; i < ranges.length; i++) if (ranges[i - 1].compareBoundaryPoints(Range.END_TO_START, ranges[i]) > 0) out.push([ranges[i - 1].toString(), ranges[i].toString()]);
      return out;
    },
    CLAIM_NAMES,
    withinId,
  );
}

/** { name: [range text, …] } for every registered allegedly-* highlight (absent names omitted). */
export function readHighlights(page) {
  return page.evaluate((names) => {
    const out = {};
    if (typeof CSS === 'undefined' || !CSS.highlights) return out;
    for (const name of names) {
      const highlight = CSS.highlights.get(name);
      if (highlight) out[name] = [...highlight].map((range) => range.toString());
    }
    return out;
  }, HIGHLIGHT_NAMES);
}

/**
 * readHighlights once `wanted(highlights)` holds, or as they are after `timeout` ms (the caller
 * asserts, for a readable failure): turned on again, the extension registers the claims far from
 * the viewport a frame after the near ones (extension/content/marks.js, showHighlights), so the
 * registry right after a toggle may hold only the near ones.
 */
export async function settledHighlights(page, wanted, { timeout = 5_000 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    const highlights = await readHighlights(page);
    if (wanted(highlights) || Date.now() > deadline) return highlights;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Number of allegedly-* highlights registered in the document right now. */
export function highlightCount(page) {
  return page.evaluate(
    (names) => (typeof CSS === 'undefined' || !CSS.highlights ? 0 : names.filter((n) => CSS.highlights.has(n)).length),
    HIGHLIGHT_NAMES,
  );
}

/** Waits until `predicate(highlights)` holds for readHighlights(page); returns the last reading. */
export async function waitForHighlights(page, predicate = (h) => Object.values(h).some((r) => r.length > 0), { timeout = 15_000 } = {}) {
  const deadline = Date.now() + timeout;
  let last = {};
  for (;;) {
    last = await readHighlights(page);
    if (predicate(last)) return last;
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for highlights; last seen: ${JSON.stringify(summarise(last))}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** { name: count } for logs and messages. */
export function summarise(highlights) {
  return Object.fromEntries(Object.entries(highlights).map(([name, ranges]) => [name, ranges.length]));
}

/** Whether some range of highlight `name` contains `phrase` (whitespace-normalised). */
export function covers(highlights, name, phrase) {
  const norm = (s) => s.replace(/\s+/g, ' ');
  return (highlights[name] ?? []).some((text) => norm(text).includes(norm(phrase)));
}

/** The document as the page sees it, serialised (for "the DOM is unchanged" checks). */
export function serialiseDom(page) {
  return page.evaluate(() => document.documentElement.outerHTML);
}

/**
 * The served HTML parsed without scripts in the same browser: what the DOM must equal when nobody
 * (no page script, and certainly not the extension) has touched it.
 */
export function parseLikeBrowser(page, html) {
  return page.evaluate((source) => new DOMParser().parseFromString(source, 'text/html').documentElement.outerHTML, html);
}

/**
 * Records every DOM mutation in the page from the first moment (a preload script in the page's own
 * world) from the end of parsing, so a test can prove the extension never touched the DOM, not even
 * for an instant. Call before page.goto; read with mutationLog(page).
 */
export async function recordMutations(page) {
  await page.evaluateOnNewDocument(() => {
    window.__mutations = [];
    // From the end of parsing (the parser's own insertions are not changes); the content script runs
    // at document_idle, which is later.
    const observer = new MutationObserver((records) => {
      for (const r of records) {
        window.__mutations.push({
          type: r.type,
          target: r.target.nodeType === 1 ? r.target.localName + (r.target.id ? `#${r.target.id}` : '') : r.target.nodeName,
          attribute: r.attributeName,
          added: [...r.addedNodes].map((n) => n.nodeName),
          removed: [...r.removedNodes].map((n) => n.nodeName),
          inTestArea: !!(r.target.nodeType === 1 ? r.target : r.target.parentElement)?.closest?.('[data-test-area]'),
        });
      }
    });
    document.addEventListener('DOMContentLoaded', () => {
      observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
}

/** Mutations recorded since load, except those inside [data-test-area] (made by the test itself). */
export function mutationLog(page) {
  return page.evaluate(() => (window.__mutations ?? []).filter((m) => !m.inTestArea));
}

/**
 * The ranges of highlight `name` whose text includes `phrase`, with the elements their ends lie in:
 * [{ text, start, end }] where start/end name the parent element of the boundary node.
 */
export function rangesWith(page, name, phrase) {
  return page.evaluate(
    (n, p) =>
      [...(CSS.highlights.get(n) ?? [])]
        .filter((r) => r.toString().includes(p))
        .map((r) => ({
          text: r.toString(),
          start: r.startContainer.parentNode.localName,
          end: r.endContainer.parentNode.localName,
          nodes: r.startContainer === r.endContainer ? 1 : 2,
        })),
    name,
    phrase,
  );
}

/**
 * The claim next/previous-claim flashed (`allegedly-focus`), or null: its text, the id of the
 * paragraph it starts in, whether it lies inside the viewport, and the page's scroll position.
 */
export function focusedClaim(page) {
  return page.evaluate(() => {
    const focus = CSS.highlights.get('allegedly-focus');
    if (!focus) return null;
    const range = [...focus][0];
    const rect = range.getBoundingClientRect();
    return {
      text: range.toString(),
      paragraphId: range.startContainer.parentElement.closest('p')?.id ?? null,
      inView: rect.top >= 0 && rect.bottom <= innerHeight,
      scrollY,
    };
  });
}
