// Content script, step 2: the analyzer's claims on a block become marks (offsets → DOM ranges →
// CSS.highlights), and, on pages with many claims, only those near the viewport are registered. Owns
// the page's blocks and their marks, so it also answers where they are: the shown marks in document
// order (navigation, the panel) and the mark under a point or around a focused element (the card).
// Never modifies the DOM. Defines AllegedlyMarks in the content scripts' own world.
(() => {
  'use strict';

  const { logOnce, measure, now } = globalThis.AllegedlyDiagnostics;

  // The reader's UI (content/reader.js), connected by content.js once it exists: which kinds are
  // shown, and told when the registered ranges change (it forgets the order and hit-testing indexes).
  let reader = null;
  function useReader(view) {
    reader = view;
  }

  // -------------------------------------------------------------------------------------------------
  // Highlight names, stacking order and a claim's category and extent: categories.js, shared with
  // the playground.

  const { CLAIMS, MARKS, PRIORITY, categoryOf, claimExtent, paintSpans, specificityOf } = globalThis.AllegedlyCategories;
  const NAMES = [...CLAIMS, ...MARKS].map((c) => `allegedly-${c}`);

  // -------------------------------------------------------------------------------------------------
  // Offsets → DOM ranges.

  /**
   * The DOM boundary point for UTF-16 `offset` in `block`. A start point lands at the beginning of the
   * text after a line break; an end point (`isEnd`) at the end of the text before it, so a range never
   * begins or ends in a gap between nodes.
   */
  function boundaryAt(block, offset, isEnd) {
    const segs = block.segments;
    // The last segment starting at or before `offset` (strictly before, for an end point).
    let lo = 0;
    let hi = segs.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (isEnd ? segs[mid].start < offset : segs[mid].start <= offset) lo = mid;
      else hi = mid - 1;
    }
    if (isEnd) {
      for (let i = lo; i >= 0; i--) {
        const seg = segs[i];
        if (seg.node) return [seg.node, Math.min(Math.max(offset - seg.start, 0), seg.length)];
        offset = seg.start; // inside a line break: end where the previous text ends
      }
      return null;
    }
    for (let i = lo; i < segs.length; i++) {
      const seg = segs[i];
      if (seg.node && offset < seg.start + seg.length) return [seg.node, Math.max(offset - seg.start, 0)];
    }
    return null;
  }

  function isSpan(span, length) {
    return Array.isArray(span) && Number.isInteger(span[0]) && Number.isInteger(span[1]) && span[0] >= 0 && span[0] <= span[1] && span[1] <= length;
  }

  function rangeFor(block, span) {
    if (!span || span[0] === span[1]) return null;
    const from = boundaryAt(block, span[0], false);
    const to = boundaryAt(block, span[1], true);
    if (!from || !to) return null;
    const range = document.createRange();
    try {
      range.setStart(from[0], from[1]);
      range.setEnd(to[0], to[1]);
    } catch {
      return null; // the node's text got shorter while nothing watched (off); catchUp redraws it
    }
    return range.collapsed ? null : range;
  }

  // -------------------------------------------------------------------------------------------------
  // The page's blocks and their marks.

  const highlights = new Map(); // category → Highlight (kept while off, so on is instant)
  const blocks = new Set();
  const blockOfNode = new WeakMap(); // text node → its block
  let markCount = 0; // marks of all blocks (shown or not)

  function claimCount() {
    let n = 0;
    for (const block of blocks) for (const mark of block.marks) if (mark.shown) n++;
    return n;
  }

  function highlightFor(category) {
    let highlight = highlights.get(category);
    if (!highlight) {
      highlight = new Highlight();
      highlight.priority = PRIORITY[category];
      highlights.set(category, highlight);
    }
    return highlight;
  }

  // -------------------------------------------------------------------------------------------------
  // Registration window. Browsers recompute highlight bookkeeping over every registered range when
  // a highlight changes or paints (on a 10 MB page with ~110,000 ranges, Chromium froze for seconds
  // and a toggle's frame cost 80 ms on a 100k-word page). So the claims list stays complete (badge,
  // panel, next/previous claim), but once a page has more than WINDOW_MARKS claims, only the claims
  // of blocks within a few screens of the viewport are registered, and their DOM ranges exist only
  // then: an IntersectionObserver on the blocks' containers moves the window as the reader scrolls.
  // Below that, everything is registered (a typical article), exactly as before.

  const WINDOW_MARKS = 400;
  const UNWINDOW_MARKS = 250; // hysteresis: a page hovering around the limit does not flip-flop
  const WINDOW_MARGIN = '150% 0px'; // one and a half screens above and below
  let windowed = false;
  const blocksOfContainer = new Map(); // block container → its blocks that have marks
  const intersections = typeof IntersectionObserver === 'function' ? new IntersectionObserver(onIntersect, { rootMargin: WINDOW_MARGIN }) : null;
  let observing = false;

  /** Whether `block`'s claims belong in the registry now. */
  const inWindow = (block) => !windowed || !intersections || block.near === true;

  /**
   * One claim: its offsets in its block, and its DOM ranges, made when first asked for (registering
   * it, or the card, the panel, navigation) and let go when its block leaves the window. Live ranges
   * are not free (the browser updates every one on each DOM change), so a page holds them only for
   * what is near the viewport and what the reader's UI asked for.
   */
  class Mark {
    #ranges = null;
    #paint = null;
    constructor(block, claim, category, spans) {
      this.block = block;
      this.claim = claim;
      this.category = category;
      this.spans = spans; // { claim, cue, source, content } as [start, end] or null (content: never a range)
      this.shown = false; // the reader shows this kind (card.js); counted in the badge
      this.registered = false; // its ranges are in the highlights
      this.dropped = false;
      this.paintSpans = null; // the spans its tint covers when claims overlap (setPaint); null: all of it
    }

    #get() {
      if (this.#ranges) return this.#ranges;
      const { block, spans } = this;
      const ranges = { claim: rangeFor(block, spans.claim), cue: rangeFor(block, spans.cue), source: rangeFor(block, spans.source) };
      if (!this.dropped) this.#ranges = ranges; // one identity: hit-testing maps ranges back to marks
      return ranges;
    }

    /** Lets go of the ranges (outside the window, or dropped). */
    release() {
      this.#ranges = null;
      this.#paint = null;
    }

    /**
     * What its tint covers (categories.js paintSpans: one tint per claim where claims overlap): null
     * for its whole extent. Set only while it is not registered (the ranges added must be the ones
     * deleted).
     */
    setPaint(spans) {
      this.paintSpans = spans;
      this.#paint = null;
    }

    /** The ranges its category's highlight holds: its claim range, or the parts of it it paints. */
    get paintRanges() {
      if (!this.paintSpans) return this.claimRange ? [this.claimRange] : [];
      if (this.#paint) return this.#paint;
      const ranges = this.paintSpans.map((span) => rangeFor(this.block, span)).filter(Boolean);
      if (!this.dropped) this.#paint = ranges;
      return ranges;
    }

    get claimRange() {
      return this.#get().claim;
    }

    get cueRange() {
      return this.#get().cue;
    }

    get sourceRange() {
      return this.#get().source;
    }
  }

  // The first registration after the first analysis started: "first highlights" for the bench.
  let firstRegistration = null;

  /** The first analysis started at `t0`: the next registration is its first draw. */
  function timeFirstDraw(t0) {
    firstRegistration = t0;
  }

  /** Adds a mark's ranges to the highlights, or takes them out. */
  function register(mark, on) {
    if (mark.registered === on) return;
    mark.registered = on;
    const method = on ? 'add' : 'delete';
    // Highlight.delete(null) throws (a claim without a source), so missing ranges are skipped.
    const { cueRange, sourceRange } = mark;
    for (const range of mark.paintRanges) highlightFor(mark.category)[method](range);
    if (cueRange) highlightFor('cue')[method](cueRange);
    // Unnamed people ("officials", "people familiar with the matter") are marked in a style of their own.
    if (sourceRange) highlightFor(specificityOf(mark.claim) === 'anonymous' ? 'anonymous' : 'source')[method](sourceRange);
    if (on && firstRegistration !== null) {
      measure('first-draw', firstRegistration);
      firstRegistration = null;
    }
  }

  /** Brings `block`'s marks in line with the window and the kinds shown; true if any changed. */
  function sync(block) {
    const near = inWindow(block);
    const wanted = (mark) => near && mark.shown && !mark.dropped;
    if (!block.marks.some((mark) => mark.registered !== wanted(mark))) return false;
    // One tint per claim among those shown: a change in which are shown can change what each paints,
    // so the block's marks are taken out, their paint worked out again, and the wanted ones put back.
    for (const mark of block.marks) register(mark, false);
    const shown = block.marks.filter(wanted);
    const paints = paintSpans(shown.map((mark) => mark.spans.claim), shown.map((mark) => PRIORITY[mark.category]));
    shown.forEach((mark, i) => mark.setPaint(paints[i]));
    for (const mark of block.marks) {
      if (wanted(mark)) register(mark, true);
      else if (!near) mark.release(); // left the window
    }
    return true;
  }

  function updateWindow(upcoming = 0) {
    const total = markCount + upcoming;
    const want = windowed ? total > UNWINDOW_MARKS : total > WINDOW_MARKS;
    if (want === windowed || !intersections) return;
    windowed = want;
    if (windowed) {
      // Only the claims of blocks outside the window leave the registry. When none of them is
      // registered (a long page's first claims are on screen), the registry is left as it is: every
      // change to it costs the page a frame, and in Chromium each frame after a change to highlights
      // with a text-decoration (the cue and source underlines) took 60–140 ms on the 10 MB bench
      // page, where emptying and refilling the highlights with the same claims cost one such frame.
      let leaving = false;
      for (const block of blocks) {
        if (block.near !== true && block.marks.some((mark) => mark.registered)) {
          leaving = true;
          break;
        }
      }
      // Taking the ranges out one by one cost Firefox 0.4 s for 600 claims: empty the highlights in
      // one call each, then put back those in the window.
      if (leaving) for (const highlight of highlights.values()) highlight.clear();
      for (const block of blocks) {
        for (const mark of block.marks) {
          if (leaving) mark.registered = false;
          if (block.near !== true) mark.release();
        }
      }
    }
    for (const block of blocks) sync(block);
    reader?.changed();
  }

  // Window moves, batched. In Chromium every frame after a change to the highlights costs the whole
  // page (the cue and source underlines: 70–120 ms a frame on the 10 MB bench page, however few
  // ranges changed), and while the reader scrolls the observer reports a block or two crossing the
  // window's edge in nearly every frame: scrolling that page ran at ~22 frames/s
  // (tools/bench/scroll.mjs). So the blocks the observer reports are noted, and the registry changes
  // once, for all of them, when one that came near is within URGENT_SCREENS of the viewport (it
  // entered the window 1.5 screens out, so about once per screen scrolled; at once after a jump or
  // when a block appears on screen), or when the observer has been quiet for SETTLE_MS: the window
  // then is exactly what it was when each report moved it at once.
  const URGENT_SCREENS = 0.5;
  const SETTLE_MS = 1000;
  const reported = new Set(); // blocks whose nearness changed since the registry last followed it
  const approaching = new Set(); // containers that came near, their claims not registered yet
  let settleTimer = 0;

  /** Whether `rect` (a client rect) lies within URGENT_SCREENS of the viewport. */
  function isUrgent(rect) {
    const margin = URGENT_SCREENS * innerHeight;
    return rect.bottom > -margin && rect.top < innerHeight + margin;
  }

  /** The registry follows every reported block. */
  function moveWindow() {
    clearTimeout(settleTimer);
    settleTimer = 0;
    let changed = false;
    for (const block of reported) if (blocks.has(block) && sync(block)) changed = true;
    reported.clear();
    approaching.clear();
    // The card maps registered ranges back to claims: they changed.
    if (changed) reader?.changed();
  }

  function onIntersect(entries) {
    const start = now();
    let urgent = false;
    for (const entry of entries) {
      const list = blocksOfContainer.get(entry.target);
      if (!list) continue;
      for (const block of list) {
        block.near = entry.isIntersecting;
        reported.add(block);
      }
      if (entry.isIntersecting) {
        approaching.add(entry.target);
        if (isUrgent(entry.boundingClientRect)) urgent = true;
      } else {
        approaching.delete(entry.target);
      }
    }
    // Those that came near earlier and waited: where are they now (layout is fresh in this callback)?
    if (!urgent) {
      for (const container of approaching) {
        if (isUrgent(container.getBoundingClientRect())) {
          urgent = true;
          break;
        }
      }
    }
    // Below the window's limit every claim is registered anyway: nothing to batch.
    if (urgent || !windowed) moveWindow();
    else if (reported.size) {
      clearTimeout(settleTimer);
      settleTimer = setTimeout(() => {
        const settleStart = now();
        moveWindow();
        measure('window', settleStart);
      }, SETTLE_MS);
    }
    measure('window', start);
  }

  function watchBlock(block) {
    if (!intersections || !block.marks.length) return;
    let list = blocksOfContainer.get(block.container);
    if (!list) {
      list = new Set();
      blocksOfContainer.set(block.container, list);
      if (observing) intersections.observe(block.container);
    }
    list.add(block);
  }

  function unwatchBlock(block) {
    const list = blocksOfContainer.get(block.container);
    if (!list?.delete(block) || list.size) return;
    blocksOfContainer.delete(block.container);
    approaching.delete(block.container);
    if (observing) intersections.unobserve(block.container);
  }

  /** While on, the window follows the viewport; while off, nothing watches. */
  function observeWindow(on) {
    if (!intersections || on === observing) return;
    observing = on;
    if (on) for (const container of blocksOfContainer.keys()) intersections.observe(container);
    else {
      intersections.disconnect();
      // Observing again reports every block afresh: what waited is moot.
      clearTimeout(settleTimer);
      settleTimer = 0;
      reported.clear();
      approaching.clear();
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Drawing: a block's claims become marks (offsets only, cheap), then the marks in the window are
  // registered.

  const pendingSync = new Set(); // blocks drawn in this slice, registered at its end

  function draw(block, claims) {
    for (const claim of claims) {
      if (!claim || !isSpan(claim.cue, block.text.length) || !isSpan(claim.sentence, block.text.length)) {
        logOnce('ignored a claim with invalid offsets', claim);
        continue;
      }
      const source = isSpan(claim.source, block.text.length) ? claim.source : null;
      const content = isSpan(claim.content, block.text.length) ? claim.content : null;
      const extent = claimExtent({ cue: claim.cue, source, content });
      if (extent[0] === extent[1] && claim.cue[0] === claim.cue[1]) continue;
      const mark = new Mark(block, claim, categoryOf(claim), { claim: extent, cue: claim.cue, source, content });
      mark.shown = reader?.shows(mark) ?? true;
      block.marks.push(mark);
      markCount++;
    }
    if (block.marks.length) {
      watchBlock(block);
      pendingSync.add(block);
    }
  }

  /** Registers what this slice drew (those in the window); `upcoming` as for updateWindow. */
  function syncPending(upcoming = 0) {
    updateWindow(upcoming);
    for (const block of pendingSync) if (blocks.has(block)) sync(block);
    pendingSync.clear();
  }

  function erase(block) {
    for (const mark of block.marks) {
      mark.dropped = true;
      register(mark, false);
      mark.release();
    }
    markCount -= block.marks.length;
    unwatchBlock(block);
    block.marks = [];
  }

  function adopt(block) {
    blocks.add(block);
    for (const { node } of block.segments) if (node) blockOfNode.set(node, block);
  }

  function drop(block) {
    erase(block);
    blocks.delete(block);
    for (const { node } of block.segments) if (node && blockOfNode.get(node) === block) blockOfNode.delete(node);
  }

  const AFTER_PAINT_MS = 250;

  /**
   * Registers the highlights. `staged` (on again after off, every claim drawn already): the claims of
   * blocks far from the viewport (outside the window's margin when last seen) are registered after
   * the frame that paints the near ones, not in the toggle's task and frame. Registering costs per
   * range, not per highlight: in Firefox `CSS.highlights.set` took ~12 µs per range (4–9 ms for a
   * typical article's ~400) and the frame after it grew with every range registered, visible or
   * not. The end state is the same a frame later; only the far ranges come back after the near ones
   * (a Highlight keeps insertion order, as it does when the window moves).
   */
  function showHighlights({ staged = false } = {}) {
    const later = [];
    if (staged && !windowed) {
      // On pages with a window, the far blocks' claims are not registered anyway.
      for (const block of blocks) {
        if (block.near !== false || !block.marks.some((mark) => mark.registered)) continue;
        for (const mark of block.marks) if (mark.registered) register(mark, false); // keeps its ranges
        later.push(block);
      }
    }
    for (const name of NAMES) {
      const category = name.slice('allegedly-'.length);
      CSS.highlights.set(name, highlightFor(category));
    }
    if (!later.length) return;
    // Runs even if turned off meanwhile: the Highlight objects keep every claim while off.
    afterPaint(() => {
      const start = now();
      let changed = false;
      for (const block of later) if (blocks.has(block) && sync(block)) changed = true;
      if (changed) reader?.changed();
      measure('toggle-rest', start);
    });
  }

  /**
   * Runs `fn` in a task after the next frame has rendered (a task queued from the frame's animation
   * callback runs after its rendering), or after AFTER_PAINT_MS in a hidden tab, which gets no
   * frames: work that must not delay or weigh on the frame that shows a change.
   */
  function afterPaint(fn) {
    let done = false;
    const run = () => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      fn();
    };
    const timer = setTimeout(run, AFTER_PAINT_MS);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = run;
      channel.port2.postMessage(null);
    });
  }

  function hideHighlights() {
    // Only our own names: the registry is the page's, and Firefox cannot iterate it from here.
    for (const name of NAMES) CSS.highlights.delete(name);
  }

  // -------------------------------------------------------------------------------------------------
  // Where the marks are: document order, and hit-testing. Both are caches over the blocks, forgotten
  // (forgetOrder) whenever the claims, the kinds shown or the registered ranges change, and rebuilt
  // only when next asked for: the window moves often while the reader scrolls, and nothing may need
  // them before it moves again.

  /** The DOM range a mark is pointed at by: its claim's, else its cue's. */
  const rangeOf = (mark) => mark.claimRange ?? mark.cueRange;

  const squash = (text) => text.replace(/\s+/g, ' ').trim();

  /**
   * The words of one of a mark's spans (its `spans.cue`, `.source` or `.claim`), read from its
   * block's text as the analyzer read it: no DOM range is made, so the panel can list 44,000 claims
   * without making (and keeping live) the ranges the viewport window spares the page.
   */
  function spanText(mark, span) {
    return span && span[1] > span[0] ? squash(mark.block.text.slice(span[0], span[1])) : null;
  }

  let sorted = null; // shown marks in document order; null when the claims changed
  let containerMarks = null; // block container → its shown marks, in order (with `sorted`)
  let markOfRange = new WeakMap(); // registered ranges → their marks, for hit-testing
  let rangesIndexed = false;
  let rowIndex = null; // Map(row → [{ mark, left, top, right, bottom }]) in document coordinates
  const ROW_PX = 64;
  const hasHighlightsFromPoint = () => typeof CSS !== 'undefined' && typeof CSS.highlights?.highlightsFromPoint === 'function';

  /** The claims, the kinds shown or the registered ranges changed: the order and indexes are stale. */
  function forgetOrder() {
    sorted = null;
    containerMarks = null;
    rangesIndexed = false;
    rowIndex = null;
  }

  /** The viewport changed size: the row index (document coordinates of client rects) is stale. */
  function forgetLayout() {
    rowIndex = null;
  }

  // Document order without making ranges. A mark's DOM ranges are made on demand (kept only for
  // claims near the viewport), and making them for every claim just to sort them cost about a second
  // in Firefox on a page with ~38,000 claims. The order comes from the blocks instead (a block is a
  // contiguous run of text: blocks are ordered by their first text nodes, compared once per block)
  // and, inside a block, from the claims' UTF-16 offsets.

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
   * `list` (blocks) in document order. The blocks come mostly in order already (the page from the
   * top, after the first screens when it opened scrolled down; then what page changes added), so a
   * natural merge sort needs about one comparison per block. Later calls with known blocks only
   * (the window moved, a kind was hidden) sort by the ranks of the last full sort, with no DOM call.
   */
  function blocksInOrder(list) {
    if (list.every((b) => blockRank.has(b))) return list.sort((a, b) => blockRank.get(a) - blockRank.get(b));
    let runs = [];
    let run = [];
    for (const block of list) {
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

  /** The marks the reader sees (shown, not dropped with their block), in document order; no DOM range is made. */
  function shownMarks() {
    if (sorted) return sorted;
    const byBlock = new Map();
    for (const block of blocks) {
      const list = block.marks.filter((mark) => mark.shown !== false);
      if (list.length) byBlock.set(block, list);
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

  /** The shown mark whose range holds `target` (a focused element), searched from its own container up. */
  function markAround(target) {
    shownMarks();
    for (let el = target; el; el = el.parentElement) {
      const mark = containerMarks.get(el)?.find((m) => rangeOf(m)?.intersectsNode(target));
      if (mark) return mark;
    }
    return null;
  }

  /** Marks whose ranges exist already: those registered (near the viewport), and `extra` (the card's, the focused one). */
  function marksWithRanges(extra) {
    const marks = shownMarks().filter((m) => m.registered !== false);
    for (const mark of extra) if (mark && !marks.includes(mark)) marks.push(mark);
    return marks;
  }

  /** Fills markOfRange for hit-testing: only ranges that are painted can be under the pointer. */
  function indexRanges(extra) {
    if (rangesIndexed) return;
    rangesIndexed = true;
    markOfRange = new WeakMap();
    for (const mark of marksWithRanges(extra)) {
      for (const range of [mark.claimRange, mark.cueRange, mark.sourceRange, ...mark.paintRanges]) if (range) markOfRange.set(range, mark);
    }
  }

  function buildRowIndex(extra) {
    const index = new Map();
    for (const mark of marksWithRanges(extra)) {
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
   * The claim under client point (x, y), among the registered marks and `extra` (marks whose ranges
   * the reader's UI holds). CSS.highlights.highlightsFromPoint where the browser has it (Chrome 140+,
   * Firefox 150+); elsewhere the claims' client rects, in a spatial index of document-coordinate
   * rows. Claims can share words (a hedge inside a sentence that also reports a source): the one
   * whose cue is under the pointer wins, then the shortest.
   */
  function markAt(x, y, extra = []) {
    const found = [];
    const cueHit = new Set();
    if (hasHighlightsFromPoint()) {
      indexRanges(extra);
      for (const { ranges } of CSS.highlights.highlightsFromPoint(x, y)) {
        for (const range of ranges) {
          const mark = markOfRange.get(range);
          if (!mark) continue;
          if (range === mark.cueRange) cueHit.add(mark);
          if (!found.includes(mark)) found.push(mark);
        }
      }
    } else {
      rowIndex ??= buildRowIndex(extra);
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

  globalThis.AllegedlyMarks = Object.freeze({
    boundaryAt,
    blocks,
    blockOfNode,
    claimCount,
    useReader,
    timeFirstDraw,
    draw,
    syncPending,
    sync,
    observeWindow,
    adopt,
    drop,
    showHighlights,
    hideHighlights,
    afterPaint,
    rangeOf,
    spanText,
    shownMarks,
    markAround,
    markAt,
    forgetOrder,
    forgetLayout,
  });
})();
