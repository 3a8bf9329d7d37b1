// Content script, step 2: the analyzer's claims on a block become marks (offsets → DOM ranges →
// CSS.highlights), and, on pages with many claims, only those near the viewport are registered. Owns
// the page's blocks and their marks; never modifies the DOM. Defines AllegedlyMarks in the content
// scripts' own world.
(() => {
  'use strict';

  const { logOnce, measure, now } = globalThis.AllegedlyDiagnostics;

  // The reader's UI (card.js), connected by content.js once it exists: which kinds are shown, and
  // told when the registered ranges change (the card maps them back to claims).
  let reader = null;
  function useReader(view) {
    reader = view;
  }

  // -------------------------------------------------------------------------------------------------
  // Highlight names, stacking order and a claim's category and extent: categories.js, shared with
  // the playground.

  const { CLAIMS, MARKS, PRIORITY, categoryOf, claimExtent } = globalThis.AllegedlyCategories;
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
    constructor(block, claim, category, spans) {
      this.block = block;
      this.claim = claim;
      this.category = category;
      this.spans = spans; // { claim, cue, source } as [start, end] or null
      this.shown = false; // the reader shows this kind (card.js); counted in the badge
      this.registered = false; // its ranges are in the highlights
      this.dropped = false;
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
    const { claimRange, cueRange, sourceRange } = mark;
    if (claimRange) highlightFor(mark.category)[method](claimRange);
    if (cueRange) highlightFor('cue')[method](cueRange);
    if (sourceRange) highlightFor('source')[method](sourceRange);
    if (on && firstRegistration !== null) {
      measure('allegedly:first-draw', firstRegistration);
      firstRegistration = null;
    }
  }

  /** Brings `block`'s marks in line with the window and the kinds shown; true if any changed. */
  function sync(block) {
    const near = inWindow(block);
    let changed = false;
    for (const mark of block.marks) {
      const want = near && mark.shown && !mark.dropped;
      if (mark.registered === want) continue;
      register(mark, want);
      changed = true;
      if (!near) mark.release(); // left the window
    }
    return changed;
  }

  /**
   * Turns the window on or off as the number of claims crosses the limits. `upcoming`: claims the
   * analyzer has returned that are not drawn yet. Counting them turns the window on as soon as a
   * reply shows the page is over the limit, before its claims are drawn: counting only the drawn
   * ones registered the first 400 claims (1,200 DOM ranges made, added, then all taken out again
   * when the window came on; ~70 ms of Firefox's draw on the long bench page).
   */
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
        measure('allegedly:window', settleStart);
      }, SETTLE_MS);
    }
    measure('allegedly:window', start);
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
      const mark = new Mark(block, claim, categoryOf(claim), { claim: extent, cue: claim.cue, source });
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
      measure('allegedly:toggle-rest', start);
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

  globalThis.AllegedlyMarks = Object.freeze({
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
  });
})();
