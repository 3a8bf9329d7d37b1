// The reader's side of a page (issue 4), a content script loaded just before content.js: the
// explanation card on hover and on keyboard focus, next/previous claim, the aria-live announcements,
// the colour-blind palette, and the reader's settings applied live. content.js owns the claims and
// connects to this file (globalThis.allegedlyReader.connect); this file reads them through that view.
//
// The only DOM node the extension ever adds is made here: the host of a closed shadow root, marked
// data-allegedly-ui so the collector skips it, appended to <html> while the card or an announcement
// is up and removed as soon as neither is. Everything inside is built with textContent.
(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;
  const Settings = globalThis.AllegedlySettings;
  const AllegedlyExplain = globalThis.AllegedlyExplain;
  const UI_ATTRIBUTE = 'data-allegedly-ui';
  const FOCUS_HIGHLIGHT = 'allegedly-focus';
  const FLASH_MS = 1800;
  const HOVER_HIDE_MS = 200;
  const ANNOUNCE_LINGER_MS = 7000; // long enough for a screen reader to read the region out

  const t = (name, ...subs) => api.i18n.getMessage(name, subs.map(String)) || name;
  const squash = (text) => text.replace(/\s+/g, ' ').trim();

  /**
   * The words of one of a mark's spans (its `spans.cue`, `.source` or `.claim`), read from its
   * block's text as the analyzer read it: no DOM range is made, so the panel can list 44,000 claims
   * without making (and keeping live) the ranges the viewport window spares the page.
   */
  function spanText(mark, span) {
    return span && span[1] > span[0] ? squash(mark.block.text.slice(span[0], span[1])) : null;
  }

  // -------------------------------------------------------------------------------------------------
  // What a highlight means, in plain words (explain.js, shared with the panel's export).

  const wordsOf = (mark) => [mark.claim, spanText(mark, mark.spans.source) ?? '', spanText(mark, mark.spans.cue) ?? ''];
  const explain = (mark) => AllegedlyExplain.lines(...wordsOf(mark));
  const summary = (mark) => AllegedlyExplain.summary(...wordsOf(mark));

  // -------------------------------------------------------------------------------------------------
  // The shadow host: created on demand, removed when nothing in it is showing.

  const CARD_CSS = `
    :host { all: initial !important; display: block !important; position: fixed !important; inset: 0 auto auto 0 !important;
      width: 0 !important; height: 0 !important; overflow: visible !important; z-index: 2147483647 !important;
      pointer-events: none !important; }
    .card { position: fixed; box-sizing: border-box; width: max-content; max-width: min(28rem, calc(100vw - 16px)); padding: 8px 12px;
      border-radius: 6px; border: 1px solid #8a8f98; background: #fffdf7; color: #1b1b1b;
      font: 14px/1.4 system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', sans-serif; text-align: start;
      box-shadow: 0 4px 14px rgba(0, 0, 0, 0.25); white-space: normal; overflow-wrap: anywhere; }
    .card[hidden] { display: none; }
    .kind { font-weight: 700; margin: 0 0 2px; }
    .line { margin: 0; }
    .line::first-letter { text-transform: uppercase; }
    .sr-only { position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0; overflow: hidden;
      clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap; }
    @media (prefers-color-scheme: dark) { .card { background: #23252b; color: #f1f1f1; border-color: #6b7079; } }
  `;

  let host = null;
  let shadow = null;
  let cardEl = null;
  let liveEl = null;
  let liveTimer = 0;

  function styleShadow(root) {
    // A constructable sheet needs no node and passes strict page CSPs; <style> is the fallback.
    try {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(CARD_CSS);
      root.adoptedStyleSheets = [sheet];
      return;
    } catch {
      // Older engines, or a wrapper that refuses the sheet: a <style> inside the shadow root.
    }
    const style = document.createElement('style');
    style.textContent = CARD_CSS;
    root.append(style);
  }

  function ensureHost() {
    if (host?.isConnected) return;
    host = document.createElement('div');
    host.setAttribute(UI_ATTRIBUTE, '');
    shadow = host.attachShadow({ mode: 'closed' });
    styleShadow(shadow);
    cardEl = null;
    liveEl = null;
    document.documentElement.append(host);
  }

  function removeHostIfIdle() {
    if (!host || cardMark || liveTimer) return;
    host.remove();
    host = shadow = cardEl = liveEl = null;
  }

  function removeHost() {
    clearTimeout(liveTimer);
    liveTimer = 0;
    cardMark = null;
    host?.remove();
    host = shadow = cardEl = liveEl = null;
  }

  // -------------------------------------------------------------------------------------------------
  // Announcements: a visually hidden live region, filled a moment after it is created (screen
  // readers announce changes to a region they already know), emptied and removed after a while.

  function announce(text) {
    ensureHost();
    if (!liveEl) {
      liveEl = document.createElement('div');
      liveEl.className = 'sr-only';
      liveEl.setAttribute('role', 'status');
      liveEl.setAttribute('aria-live', 'polite');
      liveEl.setAttribute('aria-atomic', 'true');
      shadow.append(liveEl);
    }
    const region = liveEl;
    clearTimeout(liveTimer);
    liveTimer = setTimeout(() => {
      region.textContent = text;
      liveTimer = setTimeout(() => {
        liveTimer = 0;
        if (liveEl === region) region.textContent = '';
        removeHostIfIdle();
      }, ANNOUNCE_LINGER_MS);
    }, 100);
  }

  // -------------------------------------------------------------------------------------------------
  // The card.

  let cardMark = null;
  let cardVia = ''; // 'hover' | 'focus' | 'keyboard'
  let hideTimer = 0;
  let ignoreScrollUntil = 0; // our own scrolling (moving to a claim) must not hide its card

  function renderCard(mark) {
    ensureHost();
    if (!cardEl) {
      cardEl = document.createElement('div');
      cardEl.className = 'card';
      cardEl.setAttribute('role', 'note');
      shadow.append(cardEl);
    }
    const [kind, source, cue] = explain(mark);
    const kindEl = document.createElement('p');
    kindEl.className = 'kind';
    kindEl.textContent = kind;
    const sourceEl = document.createElement('p');
    sourceEl.className = 'line';
    sourceEl.textContent = source;
    const cueEl = document.createElement('p');
    cueEl.className = 'line';
    cueEl.textContent = cue;
    cardEl.replaceChildren(kindEl, sourceEl, cueEl);
    cardEl.setAttribute('aria-label', summary(mark));
  }

  /** Puts the card next to `rect` (a client rect of the range): below it, or above when no room. */
  function placeCard(rect) {
    const margin = 8;
    cardEl.style.visibility = 'hidden';
    cardEl.style.left = '0px';
    cardEl.style.top = '0px';
    const box = cardEl.getBoundingClientRect();
    let top = rect.bottom + 6;
    if (top + box.height > innerHeight - margin && rect.top - 6 - box.height >= margin) top = rect.top - 6 - box.height;
    const left = Math.max(margin, Math.min(rect.left, innerWidth - box.width - margin));
    cardEl.style.left = `${Math.round(left)}px`;
    cardEl.style.top = `${Math.round(Math.max(margin, top))}px`;
    cardEl.style.visibility = '';
  }

  function rangeOf(mark) {
    return mark.claimRange ?? mark.cueRange;
  }

  /** The rect of the mark's range nearest to `point` (the line the pointer is on), or its first. */
  function anchorRect(mark, point) {
    const rects = [...rangeOf(mark).getClientRects()].filter((r) => r.width > 0 && r.height > 0);
    if (!rects.length) return null;
    if (!point) return rects[0];
    const [x, y] = point;
    const inside = rects.find((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);
    if (inside) return inside;
    const distance = (r) => Math.abs(y - (r.top + r.bottom) / 2);
    return rects.reduce((best, r) => (distance(r) < distance(best) ? r : best));
  }

  function showCard(mark, via, point) {
    clearTimeout(hideTimer);
    const rect = anchorRect(mark, point);
    if (!rect) return;
    renderCard(mark);
    placeCard(rect);
    if (!cardMark) listenWhileCardShown(true);
    cardMark = mark;
    cardVia = via;
  }

  function hideCard() {
    clearTimeout(hideTimer);
    if (!cardMark) return;
    cardMark = null;
    cardVia = '';
    listenWhileCardShown(false);
    cardEl?.remove();
    cardEl = null;
    removeHostIfIdle();
  }

  function onScroll() {
    if (performance.now() < ignoreScrollUntil) return;
    hideCard();
  }

  function onKeyDown(event) {
    // Escape only closes our card; the page still gets the key (nothing is prevented or stopped).
    if (event.key === 'Escape') hideCard();
  }

  function onPointerDown() {
    if (cardVia !== 'hover') hideCard();
  }

  function listenWhileCardShown(on) {
    const method = on ? addEventListener : removeEventListener;
    method('scroll', onScroll, { capture: true, passive: true });
    method('keydown', onKeyDown, true);
    method('pointerdown', onPointerDown, { capture: true, passive: true });
    method('resize', hideCard, { passive: true });
  }

  // -------------------------------------------------------------------------------------------------
  // Hit-testing: which claim is under the pointer. CSS.highlights.highlightsFromPoint where the
  // browser has it (Chrome 140+, Firefox 150+); elsewhere the claims' client rects, in a spatial
  // index of document-coordinate rows, rebuilt only when the claims or the viewport change.

  let page = null; // content.js's view of the claims (connect)
  let sorted = null; // shown marks in document order; null when the claims changed
  let containerMarks = null; // block container → its shown marks, in order (with `sorted`)
  let markOfRange = new WeakMap(); // registered ranges → their marks, for hit-testing
  let rangesIndexed = false;
  let rowIndex = null; // Map(row → [{ mark, left, top, right, bottom }]) in document coordinates
  const ROW_PX = 64;
  const hasHighlightsFromPoint = () => typeof CSS !== 'undefined' && typeof CSS.highlights?.highlightsFromPoint === 'function';

  // Document order without making ranges. A mark's DOM ranges are made on demand (content.js keeps
  // them only for claims near the viewport), and making them for every claim just to sort them cost
  // about a second in Firefox on a page with ~38,000 claims. The order comes from the blocks instead
  // (a block is a contiguous run of text: blocks are ordered by their first text nodes, compared
  // once per block) and, inside a block, from the claims' UTF-16 offsets.

  const firstNodeOf = (block) => block.segments.find((s) => s.node)?.node ?? block.container;
  const precedes = (a, b) => !!(firstNodeOf(a).compareDocumentPosition(firstNodeOf(b)) & Node.DOCUMENT_POSITION_FOLLOWING);
  /** Where a mark's range (rangeOf: the claim, else its cue) starts in its block's text. */
  const startOf = (mark) => {
    const { claim, cue } = mark.spans;
    return claim && claim[0] !== claim[1] ? claim[0] : cue[0];
  };
  let blockRank = new WeakMap(); // block → its place at the last full sort

  function mergeRuns(left, right) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < left.length && j < right.length) out.push(precedes(right[j], left[i]) ? right[j++] : left[i++]);
    while (i < left.length) out.push(left[i++]);
    while (j < right.length) out.push(right[j++]);
    return out;
  }

  /**
   * `blocks` in document order. The blocks come mostly in order already (the page from the top,
   * after the first screens when it opened scrolled down; then what page changes added), so a
   * natural merge sort needs about one comparison per block. Later calls with known blocks only
   * (the window moved, a kind was hidden) sort by the ranks of the last full sort, with no DOM call.
   */
  function blocksInOrder(blocks) {
    if (blocks.every((b) => blockRank.has(b))) return blocks.sort((a, b) => blockRank.get(a) - blockRank.get(b));
    let runs = [];
    let run = [];
    for (const block of blocks) {
      if (run.length && !precedes(run[run.length - 1], block)) {
        runs.push(run);
        run = [];
      }
      run.push(block);
    }
    if (run.length) runs.push(run);
    while (runs.length > 1) {
      const merged = [];
      for (let k = 0; k < runs.length; k += 2) merged.push(k + 1 < runs.length ? mergeRuns(runs[k], runs[k + 1]) : runs[k]);
      runs = merged;
    }
    const ordered = runs[0] ?? [];
    blockRank = new WeakMap();
    ordered.forEach((block, k) => blockRank.set(block, k));
    return ordered;
  }

  /** The marks the reader sees, in document order; no DOM range is made. */
  function shownMarks() {
    if (sorted) return sorted;
    const byBlock = new Map();
    for (const mark of page ? page.marks() : []) {
      if (mark.shown === false) continue;
      const list = byBlock.get(mark.block);
      if (list) list.push(mark);
      else byBlock.set(mark.block, [mark]);
    }
    const marks = [];
    containerMarks = new Map();
    for (const block of blocksInOrder([...byBlock.keys()])) {
      const list = byBlock.get(block).sort((a, b) => startOf(a) - startOf(b)); // stable: ties keep their order
      for (const mark of list) marks.push(mark);
      const inContainer = containerMarks.get(block.container);
      if (inContainer) inContainer.push(...list);
      else containerMarks.set(block.container, list);
    }
    sorted = marks;
    return marks;
  }

  /** Marks whose ranges exist already: those registered (near the viewport), the focused one, the card's. */
  function marksWithRanges() {
    const marks = shownMarks().filter((m) => m.registered !== false);
    for (const extra of [focusedMark, cardMark]) if (extra && !marks.includes(extra)) marks.push(extra);
    return marks;
  }

  /** Fills markOfRange for hit-testing: only ranges that are painted can be under the pointer. */
  function indexRanges() {
    if (rangesIndexed) return;
    rangesIndexed = true;
    markOfRange = new WeakMap();
    for (const mark of marksWithRanges()) {
      for (const range of [mark.claimRange, mark.cueRange, mark.sourceRange]) if (range) markOfRange.set(range, mark);
    }
  }

  function buildRowIndex() {
    const index = new Map();
    for (const mark of marksWithRanges()) {
      for (const r of rangeOf(mark)?.getClientRects() ?? []) {
        if (!r.width || !r.height) continue;
        const box = { mark, left: r.left + scrollX, top: r.top + scrollY, right: r.right + scrollX, bottom: r.bottom + scrollY };
        for (let row = Math.floor(box.top / ROW_PX); row <= Math.floor(box.bottom / ROW_PX); row++) {
          if (!index.has(row)) index.set(row, []);
          index.get(row).push(box);
        }
      }
    }
    return index;
  }

  const within = (rects, x, y) => [...rects].some((r) => x >= r.left && x <= r.right && y >= r.top && y <= r.bottom);

  /**
   * The claim under client point (x, y). Claims can share words (a hedge inside a sentence that also
   * reports a source): the one whose cue is under the pointer wins, then the shortest.
   */
  function markAt(x, y) {
    const found = [];
    const cueHit = new Set();
    if (hasHighlightsFromPoint()) {
      indexRanges();
      for (const { ranges } of CSS.highlights.highlightsFromPoint(x, y)) {
        for (const range of ranges) {
          const mark = markOfRange.get(range);
          if (!mark) continue;
          if (range === mark.cueRange) cueHit.add(mark);
          if (!found.includes(mark)) found.push(mark);
        }
      }
    } else {
      rowIndex ??= buildRowIndex();
      const dx = x + scrollX;
      const dy = y + scrollY;
      for (const box of rowIndex.get(Math.floor(dy / ROW_PX)) ?? []) {
        if (dx >= box.left && dx <= box.right && dy >= box.top && dy <= box.bottom && !found.includes(box.mark)) found.push(box.mark);
      }
      if (found.length > 1) for (const mark of found) if (mark.cueRange && within(mark.cueRange.getClientRects(), x, y)) cueHit.add(mark);
    }
    if (found.length > 1) {
      const length = (m) => rangeOf(m).toString().length;
      found.sort((a, b) => cueHit.has(b) - cueHit.has(a) || length(a) - length(b));
    }
    return found[0] ?? null;
  }

  let point = null;
  let frame = 0;

  function onPointerMove(event) {
    // Only the reader's own pointer: a page script dispatching moves must not make us add our host.
    if (!event.isTrusted || event.pointerType === 'touch') return;
    // Browsers send a move when the page scrolls under a still pointer: that is not the reader
    // pointing at something (and would bring back the card that scrolling just closed).
    if (point && point[0] === event.clientX && point[1] === event.clientY) return;
    point = [event.clientX, event.clientY];
    frame ||= requestAnimationFrame(hoverFrame); // at most one hit-test per frame
  }

  function hoverFrame() {
    frame = 0;
    if (!point || !enabled()) return;
    let mark = null;
    try {
      mark = markAt(point[0], point[1]);
    } catch (error) {
      console.warn('allegedly: hit-testing failed', error);
    }
    if (mark) {
      if (mark !== cardMark || cardVia !== 'hover') showCard(mark, 'hover', point);
      else clearTimeout(hideTimer);
    } else if (cardMark && cardVia === 'hover') {
      clearTimeout(hideTimer);
      hideTimer = setTimeout(hideCard, HOVER_HIDE_MS);
    }
  }

  /** Keyboard users reach links inside claims with Tab: the card explains the claim they are in. */
  function onFocusIn(event) {
    const target = event.target;
    if (!(target instanceof Element) || target.closest(`[${UI_ATTRIBUTE}]`)) return;
    // The claims of the blocks around the target (from its own container up): no range made for others.
    shownMarks();
    let mark = null;
    for (let el = target; el && !mark; el = el.parentElement) {
      mark = containerMarks.get(el)?.find((m) => rangeOf(m)?.intersectsNode(target)) ?? null;
    }
    if (mark) showCard(mark, 'focus');
    else if (cardVia === 'focus') hideCard();
  }

  function onFocusOut() {
    if (cardVia === 'focus') hideCard();
  }

  function onViewportResize() {
    rowIndex = null;
  }

  let listening = false;

  /** The page listeners exist only while the highlights are on. */
  function listen(on) {
    if (on === listening) return;
    listening = on;
    const method = on ? addEventListener : removeEventListener;
    method('pointermove', onPointerMove, { capture: true, passive: true });
    method('focusin', onFocusIn, true);
    method('focusout', onFocusOut, true);
    method('resize', onViewportResize, { passive: true });
    if (!on) {
      cancelAnimationFrame(frame);
      frame = 0;
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Moving between claims (commands next-claim / previous-claim, and the panel): scroll the claim
  // into view, flash it with a temporary highlight, show its card and announce it.

  let focusedMark = null;
  let flashTimer = 0;

  function flash(mark) {
    clearTimeout(flashTimer);
    if (typeof Highlight !== 'function') return;
    const highlight = new Highlight(rangeOf(mark));
    highlight.priority = 10;
    CSS.highlights.set(FOCUS_HIGHLIGHT, highlight);
    flashTimer = setTimeout(unflash, FLASH_MS);
  }

  function unflash() {
    clearTimeout(flashTimer);
    flashTimer = 0;
    if (typeof CSS !== 'undefined' && CSS.highlights) CSS.highlights.delete(FOCUS_HIGHLIGHT);
  }

  function scrollToRange(range) {
    const element = range.startContainer.parentElement;
    // The element first (for scrolling containers), then the window by the range itself: a long
    // paragraph's centre is not where its claim is.
    element?.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
    const rect = range.getBoundingClientRect();
    if (rect.top < 0 || rect.bottom > innerHeight) scrollBy({ top: rect.top - innerHeight / 3, behavior: 'instant' });
  }

  function focusMark(mark, { announcePosition = true } = {}) {
    const marks = shownMarks();
    focusedMark = mark;
    hideCard();
    ignoreScrollUntil = Infinity;
    scrollToRange(rangeOf(mark));
    flash(mark);
    // The scroll events of our own scrolling fire by the next frame; the card comes after them.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        ignoreScrollUntil = 0;
        if (focusedMark !== mark || !enabled()) return;
        showCard(mark, 'keyboard');
        if (announcePosition) announce(`${t('navPosition', marks.indexOf(mark) + 1, marks.length)}: ${summary(mark)}`);
      }),
    );
  }

  /**
   * The first index in document-ordered `marks` whose rect satisfies `test` (false before, true
   * after: the page's flow runs down), by bisection: a few ranges made, not one per claim.
   */
  function firstWhere(marks, test) {
    let lo = 0;
    let hi = marks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const mark = marks[mid];
      const rect = (rangeOf(mark) ?? mark.block.container).getBoundingClientRect();
      if (test(rect)) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  /** Next (step 1) or previous (step -1) claim from the focused one, or from the viewport. */
  function navigate(step) {
    if (!enabled()) {
      announce(t('navOff'));
      return false;
    }
    const marks = shownMarks();
    if (!marks.length) {
      announce(t('navNone'));
      return false;
    }
    let index = focusedMark ? marks.indexOf(focusedMark) : -1;
    if (index >= 0) {
      index = (index + step + marks.length) % marks.length;
    } else if (step > 0) {
      // The first claim that starts in or below the viewport.
      index = firstWhere(marks, (rect) => rect.bottom > 0);
      if (index >= marks.length) index = 0;
    } else {
      // The last claim that starts above the viewport's bottom edge.
      index = firstWhere(marks, (rect) => rect.top >= innerHeight) - 1;
      if (index < 0) index = marks.length - 1;
    }
    // A claim whose text changed under it while nothing watched has no range: the next one in line.
    for (let tries = 1; !rangeOf(marks[index]) && tries < marks.length; tries++) index = (index + step + marks.length) % marks.length;
    if (!rangeOf(marks[index])) {
      announce(t('navNone'));
      return false;
    }
    focusMark(marks[index]);
    return true;
  }

  // -------------------------------------------------------------------------------------------------
  // The claims as data, for the panel: ids that stay put while the page changes around them.

  const idOfMark = new WeakMap();
  let nextId = 1;
  const idOf = (mark) => {
    if (!idOfMark.has(mark)) idOfMark.set(mark, nextId++);
    return idOfMark.get(mark);
  };

  function describeClaims() {
    return shownMarks()
      .filter((mark) => !mark.dropped)
      .map((mark) => ({
        id: idOf(mark),
        kind: Settings.kindOf(mark.claim),
        category: mark.category,
        claimKind: mark.claim.kind,
        stance: mark.claim.stance,
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

  function markById(id) {
    const mark = shownMarks().find((m) => idOfMark.get(m) === id);
    return mark && rangeOf(mark) ? mark : null;
  }

  // -------------------------------------------------------------------------------------------------
  // The colour-blind-safe palette (Okabe–Ito colours, one line style per category): a constructable
  // sheet adopted by the document while on. highlights.css keeps the default palette.

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

  // -------------------------------------------------------------------------------------------------
  // Connection with content.js, and the settings applied live.

  let settings = Settings.normalise();
  const enabled = () => !!page?.isEnabled();

  async function followDefault() {
    // A new default applies to sites without a choice of their own.
    const key = `${Settings.SITE_PREFIX}${page.site}`;
    const stored = await api.storage.local.get(key);
    if (typeof stored[key] !== 'boolean') page.setEnabled(settings.enabledByDefault);
  }

  function onSettingsChanged(changes, area) {
    const what = Settings.touched(changes, area);
    if (!what || !page) return;
    Settings.load().then((fresh) => {
      settings = fresh;
      if (what.palette) applyPalette(settings.palette, enabled());
      if (what.kinds) page.refilter();
      if (what.analyzer) page.reanalyse();
      if (what.enabledByDefault) return followDefault();
      return undefined;
    }).catch((error) => console.warn('allegedly: could not apply the new settings', error));
  }

  function onMessage(msg, sender, sendResponse) {
    if (sender.id !== api.runtime.id || !msg || !page) return false;
    switch (msg.type) {
      case 'allegedly:claims':
        sendResponse({ site: page.site, url: location.href, title: document.title, state: enabled() ? 'on' : 'off', claims: enabled() ? describeClaims() : [] });
        return false;
      case 'allegedly:focus-claim': {
        const mark = enabled() ? markById(msg.id) : null;
        if (mark) focusMark(mark);
        sendResponse({ found: !!mark });
        return false;
      }
      case 'allegedly:navigate':
        sendResponse({ moved: navigate(msg.step < 0 ? -1 : 1) });
        return false;
      default:
        return false;
    }
  }

  /**
   * content.js calls this once with its view of the page:
   * { site, isEnabled(), marks(), setEnabled(on), refilter(), reanalyse() }.
   * It gets back the hooks it calls: ready, shows(mark), defaultEnabled(), on(), off(), changed(),
   * toggled(enabled, count), teardown().
   */
  function connect(view) {
    page = view;
    const ready = Settings.load().then((loaded) => {
      settings = loaded;
    });
    api.storage.onChanged.addListener(onSettingsChanged);
    api.runtime.onMessage.addListener(onMessage);
    return {
      ready,
      shows: (mark) => settings.kinds[Settings.kindOf(mark.claim)] !== false,
      defaultEnabled: () => settings.enabledByDefault,
      on() {
        listen(true);
        applyPalette(settings.palette, true);
      },
      off() {
        listen(false);
        hideCard();
        removeHost(); // announcements too: off leaves no node behind (an "off" announcement comes after)
        unflash();
        focusedMark = null;
        applyPalette(settings.palette, false);
      },
      changed() {
        // Only forgets: the order and the indexes are rebuilt when next needed (the window moves
        // often while the reader scrolls, and nothing may need them before it moves again).
        sorted = null;
        containerMarks = null;
        rangesIndexed = false;
        rowIndex = null;
        if (cardMark && !cardMark.claimRange?.startContainer.isConnected) hideCard();
        if (focusedMark && (focusedMark.dropped || focusedMark.shown === false)) focusedMark = null;
      },
      toggled(on, count) {
        if (on) announce(count > 0 ? t('announceOnCount', count) : t('announceOn'));
        else announce(t('announceOff'));
      },
      teardown() {
        listen(false);
        unflash();
        applyPalette(settings.palette, false);
        removeHost();
        api.storage.onChanged.removeListener(onSettingsChanged);
        api.runtime.onMessage.removeListener(onMessage);
        page = null;
      },
    };
  }

  globalThis.allegedlyReader = Object.freeze({ connect });
})();
