// Content script (document_idle, http/https, top frame): collects the page's readable text in blocks,
// has the background analyse them, and draws the claims with the CSS Custom Highlight API. It never
// modifies the page's DOM: highlights are ranges registered in CSS.highlights, styled by
// highlights.css. Off means the highlights are unregistered and the MutationObserver disconnected.
(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

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
  // analysis and per toggle, nothing while idle. allegedly:collect, allegedly:analyze and
  // allegedly:draw are summed over chunks; allegedly:pipeline runs from the start to the last draw.
  // Off in the shipped extension: the page can read its timeline. Only the bench's copy of the
  // extension (tools/bench/timed-extension.mjs) adds a content script setting this global, in the
  // content scripts' own world, where page scripts can neither read nor set it.

  const TIMINGS = globalThis.allegedlyTimings === true;
  const now = () => performance.now();
  function measure(name, start, duration = now() - start) {
    if (!TIMINGS) return;
    try {
      performance.measure(name, { start, duration });
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
    measure('allegedly:floor', start);
    return chars;
  }

  // -------------------------------------------------------------------------------------------------
  // Highlight names, stacking order and a claim's category and extent: categories.js, shared with
  // the playground.

  const { CLAIMS, MARKS, PRIORITY, categoryOf, claimExtent } = globalThis.AllegedlyCategories;
  const NAMES = [...CLAIMS, ...MARKS].map((c) => `allegedly-${c}`);

  // -------------------------------------------------------------------------------------------------
  // Collecting text. A block is the inline content of one block-level element: consecutive text
  // nodes (across <a>, <em>, <b>…) concatenated, so a claim that crosses element boundaries is one
  // string for the analyzer and maps back to a range over several text nodes.

  // Never read: code, form fields, embedded documents, and text that is not prose.
  const SKIPPED_TAGS = new Set([
    'script', 'style', 'noscript', 'template', 'textarea', 'input', 'select', 'option', 'button',
    'svg', 'math', 'iframe', 'frame', 'object', 'embed', 'canvas', 'video', 'audio', 'head', 'title',
  ]);
  /** Marks the host element of the extension's own UI (a closed shadow root, issue 4). */
  const UI_ATTRIBUTE = 'data-allegedly-ui';
  const INLINE_DISPLAYS = new Set(['inline', 'contents', 'ruby', 'ruby-base', 'ruby-text']);
  const MIN_BLOCK_CHARS = 4;
  // An element's display is read from its computed style, once per element per task (the page may
  // change it between tasks), for every element that holds text and its inline ancestors. Not
  // guessed from the tag: news sites make <a> and <span> teasers, headlines and cards display:block,
  // flex, grid or list-item (by class, by a descendant rule like `.rail a`, or as the items of a
  // flex or grid container, which the browser blockifies), and a walk that took them as inline ran
  // one headline's sentence into the next (tests/e2e/pages.test.mjs, "block, flex, grid…").
  let styleCache = null;
  function displayOf(el) {
    if (!styleCache) {
      styleCache = new Map();
      queueMicrotask(() => (styleCache = null));
    }
    let display = styleCache.get(el);
    if (display === undefined) {
      display = getComputedStyle(el).display;
      styleCache.set(el, display);
    }
    return display;
  }

  /** Why an element's subtree is not read, or '' when it is (for the roots of page changes). */
  function skipReason(el) {
    if (el.closest(SKIPPED_SELECTOR)) return 'tag'; // itself or inside one (text added to a <button>)
    if (el.isContentEditable) return 'editable';
    if (!el.checkVisibility() && displayOf(el) !== 'contents') return 'hidden';
    return '';
  }

  function isInline(el) {
    return INLINE_DISPLAYS.has(displayOf(el));
  }

  /** The nearest block-level ancestor (or `el` itself), stopping at `limit`. */
  function blockContainer(el, limit = document.body) {
    while (el && el !== limit && el.parentElement && isInline(el)) el = el.parentElement;
    return el;
  }

  // What the walk does with the text directly inside an element: read it, pass over it (visibility:
  // hidden; its children may still show), end the block there (editable), or skip a whole subtree
  // (an element, returned). One to three native calls per element that holds text, none for the
  // others: per-element reads (a tag name, a computed style) through Firefox's Xray wrappers were
  // most of the walk's time. checkVisibility (Chrome 105+, Firefox 106+; the option was
  // `checkVisibilityCSS` before Chrome 121) answers for display:none anywhere above, visibility and
  // content-visibility in one call.
  const READ = 0;
  const INVISIBLE = 1;
  const EDITABLE = 2;
  const VISIBILITY = { visibilityProperty: true, checkVisibilityCSS: true };
  const SKIPPED_SELECTOR = [...SKIPPED_TAGS, `[${UI_ATTRIBUTE}]`].join(',');

  function textState(el, root) {
    const skipped = el.closest(SKIPPED_SELECTOR);
    if (skipped) return skipped;
    if (el.isContentEditable) return EDITABLE;
    if (el.checkVisibility(VISIBILITY)) return READ;
    if (el.checkVisibility()) return INVISIBLE;
    // No box: hidden, unless the element is display:contents (its text renders in the parent's box).
    if (displayOf(el) === 'contents') return el.parentElement && el !== root ? textState(el.parentElement, root) : READ;
    return hiddenTop(el, root);
  }

  /** The outermost element from `el` up (not past `root`) without a box: a subtree the walk can skip. */
  function hiddenTop(el, root) {
    let top = el;
    for (let p = el.parentElement; p && top !== root && p !== document.body && !p.checkVisibility() && displayOf(p) !== 'contents'; p = p.parentElement) top = p;
    return top;
  }

  /** Yielded every CHECKPOINT_NODES text nodes by the walks below, so a caller can stop at a deadline. */
  const CHECKPOINT = null;
  const CHECKPOINT_NODES = 64;
  /**
   * Yielded where a form field or an editable region interrupts the text: the block ends there, so
   * no range ever spans the reader's own text (a claim around an inline editable span would paint it).
   */
  const BOUNDARY = Object.freeze({ boundary: true });
  const FIELD_TAGS = new Set(['input', 'textarea', 'select', 'button']);
  /** Elements without text that still split or break the text: line breaks and empty fields. */
  const MARKER_SELECTOR = 'br, input:not([type=hidden])';

  /**
   * The line breaks and fields under `root` (few on most pages), by the first text node after each:
   * a walk over text nodes alone never meets them. Null when there are none.
   */
  function markersByNextText(root) {
    const found = root.querySelectorAll(MARKER_SELECTOR);
    if (!found.length) return null;
    const byText = new Map();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (const el of found) {
      walker.currentNode = el;
      const next = walker.nextNode();
      if (!next) continue;
      const marker = el.localName === 'br' ? el : BOUNDARY;
      const list = byText.get(next);
      if (list) list.push(marker);
      else byText.set(next, [marker]);
    }
    return byText;
  }

  /**
   * Text nodes under `root`, in document order, that a reader can see and the analyzer may read,
   * <br> elements and BOUNDARY where they fall between them, and CHECKPOINT now and then. With
   * `from` (an element under `root`), the walk starts there and goes on to the end of `root`. The
   * walk visits text nodes only (no acceptNode filter, whose call back into script per node made it
   * slow); a skipped subtree is left by jumping to its last node.
   */
  function* readableTextNodes(root, from = null) {
    if (root.nodeType === Node.ELEMENT_NODE && skipReason(root)) return;
    const markers = markersByNextText(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    if (from) walker.currentNode = from;
    let count = 0;
    let lastParent = null;
    let state = READ;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (++count % CHECKPOINT_NODES === 0) yield CHECKPOINT;
      const before = markers?.get(node);
      if (before) yield* before;
      const parent = node.parentNode;
      if (parent !== lastParent) {
        lastParent = parent;
        state = parent.nodeType === Node.ELEMENT_NODE ? textState(parent, root) : READ;
      }
      if (state === READ) {
        yield node;
      } else if (state === EDITABLE) {
        yield BOUNDARY;
      } else if (state !== INVISIBLE) {
        // A subtree not to read (`state`, an element): jump to its last node; the walk goes on after.
        const skipped = state;
        if (skipped === root || skipped.contains(root)) return;
        if (FIELD_TAGS.has(skipped.localName)) yield BOUNDARY;
        let last = skipped;
        while (last.lastChild) last = last.lastChild;
        walker.currentNode = last;
        lastParent = null;
      }
    }
  }

  // A segment is a text node at `start` in its block's text, or a line break (node null) that stands
  // for one "\n" without a node of its own.
  const LINE_BREAK = '\n';

  /**
   * The readable text under `root` as blocks ({ container, segments, text }), yielded one by one as
   * each is complete, with CHECKPOINT now and then: a caller can take them a time slice at a time.
   * With `from`, from that element on (see readableTextNodes).
   */
  function* blockStream(root, from = null) {
    let current = null;
    let lastParent = null;
    let lastContainer = null;
    const limit = root.nodeType === Node.ELEMENT_NODE ? root : document.body;
    const finish = (run) => {
      if (!run) return null;
      const block = makeBlock(run.container, run.parts);
      return block.text.trim().length >= MIN_BLOCK_CHARS ? block : null;
    };
    for (const node of readableTextNodes(root, from)) {
      if (node === CHECKPOINT) {
        yield CHECKPOINT;
        continue;
      }
      if (node === BOUNDARY) {
        const done = finish(current);
        if (done) yield done;
        current = null;
        continue;
      }
      const parent = node.nodeType === Node.TEXT_NODE ? node.parentElement : node;
      // Siblings share a parent: its container is looked up once for the run of them.
      const container = parent === lastParent ? lastContainer : blockContainer(parent, limit);
      lastParent = parent;
      lastContainer = container;
      if (node.nodeType !== Node.TEXT_NODE) {
        if (current && current.container === container) current.parts.push(null);
        continue;
      }
      if (!current || current.container !== container) {
        const done = finish(current);
        if (done) yield done;
        current = { container, parts: [] };
      }
      current.parts.push(node);
    }
    const done = finish(current);
    if (done) yield done;
  }

  /**
   * The page's blocks, those on screen first. A page opened scrolled down (a restored scroll
   * position, a link to an anchor) has the text the reader sees analysed and drawn first, from the
   * block at the top of the viewport on for a few screens; then the whole page from the top, without
   * the blocks already taken.
   */
  function* visibleFirst(body) {
    const taken = new Set(); // the first text node of each block already yielded
    const firstNode = (block) => block.segments.find((s) => s.node)?.node;
    const at = scrollY > innerHeight / 2 ? document.elementFromPoint(innerWidth / 2, innerHeight / 4) : null;
    const start = at && at !== body && body.contains(at) ? blockContainer(at, body) : null;
    let readable = !!start && start !== body;
    for (let el = start; readable && el && el !== body; el = el.parentElement) if (skipReason(el)) readable = false;
    if (readable) {
      let chars = 0;
      for (const block of blockStream(body, start)) {
        yield block;
        if (block === CHECKPOINT) continue;
        taken.add(firstNode(block));
        chars += block.text.length;
        if (chars >= VISIBLE_FIRST_CHARS) break;
      }
    }
    for (const block of blockStream(body)) if (block === CHECKPOINT || !taken.has(firstNode(block))) yield block;
  }

  /** All the blocks under `root` at once (for the small subtrees that page changes bring). */
  function collectBlocks(root) {
    const out = [];
    for (const block of blockStream(root)) if (block) out.push(block);
    return out;
  }

  function makeBlock(container, parts) {
    const segments = [];
    let raw = '';
    for (const node of parts) {
      const piece = node ? node.data : LINE_BREAK;
      segments.push({ node, start: raw.length, length: piece.length });
      raw += piece;
    }
    // Source-code newlines and tabs inside a paragraph render as spaces: give the analyzer spaces,
    // one for one, so offsets still map straight back to the nodes (once per block, not per node).
    // A <br> is the one line break the analyzer sees: put back after the blanket replacement.
    let text = raw.replace(/[\t\n\r\f]/g, ' ');
    if (parts.includes(null)) for (const seg of segments) if (!seg.node) text = text.slice(0, seg.start) + LINE_BREAK + text.slice(seg.start + 1);
    return { container, segments, text, marks: [] };
  }

  /** The current text of a block's nodes (to notice text changed while we were not watching). */
  function currentText(block) {
    let text = '';
    for (const { node } of block.segments) text += node ? node.data.replace(/[\t\n\r\f]/g, ' ') : LINE_BREAK;
    return text;
  }

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
  // State.

  const supported = typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight === 'function';
  const highlights = new Map(); // category → Highlight (kept while off, so on is instant)
  let blocks = new Set();
  const blockOfNode = new WeakMap(); // text node → its block
  let enabled = false;
  let failed = false;
  let started = false; // the first full analysis has been requested
  let generation = 0; // bumps when blocks are dropped wholesale; late answers for old blocks are ignored
  const site = location.hostname;

  // Results by block text: re-collecting a block whose text did not change redraws without a trip to
  // the analyzer. Bounded; cleared when full.
  const CACHE_LIMIT = 5000;
  const claimsByText = new Map();

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

  /** Turns the window on or off as the number of claims crosses the limits. */
  function updateWindow() {
    const want = windowed ? markCount > UNWINDOW_MARKS : markCount > WINDOW_MARKS;
    if (want === windowed || !intersections) return;
    windowed = want;
    if (windowed) {
      // Taking the ranges out one by one cost Firefox 0.4 s for 600 claims: empty the highlights in
      // one call each, then put back those in the window.
      for (const highlight of highlights.values()) highlight.clear();
      for (const block of blocks) {
        for (const mark of block.marks) {
          mark.registered = false;
          if (block.near !== true) mark.release();
        }
      }
    }
    for (const block of blocks) sync(block);
    reader?.changed();
  }

  function onIntersect(entries) {
    const start = now();
    let changed = false;
    for (const entry of entries) {
      const list = blocksOfContainer.get(entry.target);
      if (!list) continue;
      for (const block of list) {
        block.near = entry.isIntersecting;
        if (sync(block)) changed = true;
      }
    }
    // The card maps registered ranges back to claims: they changed.
    if (changed) reader?.changed();
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
    if (observing) intersections.unobserve(block.container);
  }

  /** While on, the window follows the viewport; while off, nothing watches. */
  function observeWindow(on) {
    if (!intersections || on === observing) return;
    observing = on;
    if (on) for (const container of blocksOfContainer.keys()) intersections.observe(container);
    else intersections.disconnect();
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

  /** Registers what this slice drew (those in the window). */
  function syncPending() {
    updateWindow();
    for (const block of pendingSync) if (blocks.has(block)) sync(block);
    pendingSync.clear();
  }

  /** The reader changed which kinds are shown: re-register every mark, no re-analysis. */
  function refilter() {
    for (const block of blocks) {
      for (const mark of block.marks) mark.shown = reader?.shows(mark) ?? true;
      sync(block);
    }
    reportState();
  }

  /** The analyzer's words changed: everything is analysed again (the cache holds old answers). */
  function reanalyse() {
    generation++;
    for (const block of [...blocks]) drop(block);
    claimsByText.clear();
    started = false;
    if (enabled) turnOn();
    else reportState();
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


  let withdrawn = false; // unregistered while on because the analyzer failed

  function showHighlights() {
    withdrawn = false;
    for (const name of NAMES) {
      const category = name.slice('allegedly-'.length);
      CSS.highlights.set(name, highlightFor(category));
    }
  }

  function hideHighlights() {
    // Only our own names: the registry is the page's, and Firefox cannot iterate it from here.
    for (const name of NAMES) CSS.highlights.delete(name);
  }

  // -------------------------------------------------------------------------------------------------
  // Talking to the background.

  let contextLost = false;

  async function send(message) {
    try {
      return await api.runtime.sendMessage(message);
    } catch (error) {
      if (!api.runtime?.id || /context invalidated/i.test(String(error?.message))) {
        // The extension was reloaded or removed: this script is an orphan; leave the page as it was.
        contextLost = true;
        teardown();
      }
      throw error;
    }
  }

  function reportState() {
    let state = 'off';
    if (!supported) state = 'unsupported';
    else if (enabled && failed && claimCount() === 0) state = 'failed'; // off is off, failed or not
    else if (enabled) state = inFlight > 0 ? 'working' : 'on';
    reader?.changed();
    send({ type: 'allegedly:state', state, count: claimCount(), site }).catch((error) => logOnce('could not update the toolbar button', error));
  }

  // Pacing: work on the page's main thread runs in slices of at most SLICE_MS and yields between
  // them, so no task of ours holds up input or a frame, even on a 10 MB page. Blocks go to the
  // background as they are found (the first screenful at once, for quick first highlights), and
  // replies are drawn as they come back, while the walk goes on.
  const SLICE_MS = 8;
  const FIRST_MESSAGE_CHARS = 4_000;
  const VISIBLE_FIRST_CHARS = 16_000; // about the text of a few screens
  const MESSAGE_CHARS = 120_000; // batched: one message per block was 10× slower (PLATFORM.md)

  /**
   * Lets the page run (input, rendering, its own tasks, our replies) before we go on. Not
   * scheduler.yield(): its continuations outrank ordinary tasks, so a long walk starved the page's
   * timers and the analyzer's replies (first highlights came only after the whole walk).
   */
  function yieldToPage() {
    return new Promise((resolve) => {
      const channel = new MessageChannel(); // unlike setTimeout, not clamped to 4 ms when nested
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    });
  }

  let inFlight = 0; // analyses under way

  /**
   * Analyses and draws the blocks from `source` (an iterable of blocks and CHECKPOINTs: an array,
   * or a blockStream walking the page), a time slice at a time. Resolves when all are drawn, with
   * the time each phase took on this thread (collect, draw) and in the background (analyze).
   */
  async function analyse(source, t0 = now()) {
    inFlight++;
    const gen = generation;
    const timing = { collect: 0, analyze: 0, draw: 0, t0 };
    const requests = [];
    let batch = [];
    let batchChars = 0;
    let firstDrawn = false;
    const flush = () => {
      if (!batch.length) return;
      if (!requests.length && inFlight === 1) reportState(); // "working" while the analyzer runs
      requests.push(request(batch, gen, timing));
      batch = [];
      batchChars = 0;
    };
    try {
      const blocksFound = source[Symbol.iterator]();
      for (let done = false; !done; ) {
        const sliceStart = now();
        const deadline = sliceStart + SLICE_MS;
        for (;;) {
          const step = blocksFound.next();
          if (step.done) {
            done = true;
            break;
          }
          const block = step.value;
          if (block === CHECKPOINT) {
            if (now() > deadline) break;
            continue;
          }
          adopt(block);
          const cached = claimsByText.get(block.text);
          if (cached) {
            queueDraw(block, cached, gen, timing);
            continue;
          }
          batch.push(block);
          batchChars += block.text.length;
          if (batchChars >= (requests.length ? MESSAGE_CHARS : FIRST_MESSAGE_CHARS)) flush();
        }
        timing.collect += now() - sliceStart;
        if (!requests.length) flush(); // the first blocks leave with the first slice
        if (!firstDrawn && requests.length) {
          // The first blocks (the top of the page, or what is on screen) are drawn before the walk
          // goes on: otherwise the analyzer's reply queued behind our own slices (Chromium runs
          // the page's posted messages first) and the first highlights came late on long pages.
          firstDrawn = true;
          await requests[0];
          while (drainer) await drainer;
          if (gen !== generation) return timing;
        }
        if (!done) {
          await yieldToPage();
          if (gen !== generation) return timing;
        }
      }
      flush();
      await Promise.all(requests);
      while (drainer) await drainer;
      return timing;
    } finally {
      inFlight--;
      // Nothing could be drawn: leave the page's highlight registry as it was; on again retries.
      if (failed && claimCount() === 0 && !contextLost) {
        hideHighlights();
        withdrawn = true;
      } else if (withdrawn && enabled) {
        showHighlights(); // a later analysis worked after all
      }
      reportState();
      measure('allegedly:collect', t0, timing.collect);
      measure('allegedly:analyze', t0, timing.analyze);
      measure('allegedly:draw', t0, timing.draw);
    }
  }

  /** One analyse message to the background; its claims are queued for drawing. */
  async function request(batch, gen, timing) {
    let reply;
    try {
      reply = await send({ type: 'allegedly:analyze', blocks: batch.map((b) => b.text) });
      if (!reply || reply.error || !Array.isArray(reply.claims) || reply.claims.length !== batch.length) {
        throw new Error(reply?.error ?? 'malformed reply from the analyzer');
      }
    } catch (error) {
      if (!contextLost) logOnce('analysis failed; the page is left as it was', error);
      failed = true;
      // Not analysed: let go of the blocks, so that turning on again retries them (catchUp reads
      // text it does not know).
      if (gen === generation) for (const block of batch) if (!block.marks.length) drop(block);
      return;
    }
    failed = false;
    if (Number.isFinite(reply.ms)) timing.analyze += reply.ms;
    if (gen !== generation) return;
    if (claimsByText.size > CACHE_LIMIT) claimsByText.clear();
    batch.forEach((block, k) => {
      const claims = Array.isArray(reply.claims[k]) ? reply.claims[k] : [];
      claimsByText.set(block.text, claims);
      queueDraw(block, claims, gen, timing);
    });
  }

  // Claims waiting to be drawn, drawn a slice at a time by one drainer.
  let drawQueue = [];
  let drainer = null;

  function queueDraw(block, claims, gen, timing) {
    drawQueue.push({ block, claims, gen, timing });
    drainer ??= drainDraws().finally(() => (drainer = null));
  }

  async function drainDraws() {
    let next = 0;
    for (;;) {
      await yieldToPage(); // never inside the slice that queued the work
      const deadline = now() + SLICE_MS;
      let timing = null;
      const start = now();
      // Marks are made and registered within the slice's budget: registering a block's claims makes
      // their ranges, the costly part, and only blocks in the window get them.
      while (next < drawQueue.length && now() < deadline) {
        const item = drawQueue[next++];
        // Dropped meanwhile (its nodes left the page) or from before a teardown: skip.
        if (item.gen !== generation || !blocks.has(item.block)) continue;
        timing = item.timing;
        draw(item.block, item.claims);
        syncPending();
      }
      if (timing) timing.draw += now() - start;
      if (next >= drawQueue.length) {
        drawQueue = [];
        return;
      }
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Dynamic pages: a MutationObserver, connected only while on. Mutations are batched: the first one
  // after a quiet spell arms a timer; everything until it fires is handled together. A page that
  // mutates without pause is therefore handled a few times a second at most, never per mutation.

  const BATCH_DELAY_MS = 400;
  const observer = new MutationObserver(onMutations);
  let pendingRecords = [];
  let batchTimer = 0;

  function observe() {
    // contenteditable: a region that becomes editable later loses its highlights (and the reverse).
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributeFilter: ['contenteditable'] });
  }

  function onMutations(records) {
    for (const record of records) pendingRecords.push(record); // no spread: batches can be huge
    if (!batchTimer) batchTimer = setTimeout(flushMutations, BATCH_DELAY_MS);
  }

  function isOwnUi(node) {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return !!el?.closest(`[${UI_ATTRIBUTE}]`);
  }

  /** Adds to `into` the blocks holding `node` (a text node) or text under it (attached or not). */
  function blocksUnder(node, into) {
    if (node.nodeType === Node.TEXT_NODE) {
      const block = blockOfNode.get(node);
      if (block) into.add(block);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const block = blockOfNode.get(text);
      if (block) into.add(block);
    }
  }

  /**
   * What `records` changed: `roots`, elements whose readable text must be collected again, and
   * `affected`, known blocks that lost or changed text. Work is proportional to what changed, not to
   * the page.
   */
  function changes(records) {
    const roots = new Set();
    const affected = new Set();
    for (const record of records) {
      const target = record.target;
      if (isOwnUi(target)) continue;
      if (record.type === 'attributes') {
        blocksUnder(target, affected);
        roots.add(blockContainer(target));
        continue;
      }
      if (record.type === 'characterData') {
        blocksUnder(target, affected);
        if (target.parentElement) roots.add(blockContainer(target.parentElement));
        continue;
      }
      for (const node of record.removedNodes) blocksUnder(node, affected);
      for (const node of record.addedNodes) {
        if (!node.isConnected || isOwnUi(node)) continue;
        if (node.nodeType === Node.ELEMENT_NODE && !isInline(node)) roots.add(node);
        else if (target.nodeType === Node.ELEMENT_NODE) roots.add(blockContainer(target));
      }
    }
    return { roots, affected };
  }

  /**
   * Brings the blocks in line with the DOM: drops the `affected` blocks and those under `roots`,
   * re-reads the containers they came from, and analyses whatever text is new. Unchanged text comes
   * back from the cache, so only new text reaches the analyzer.
   */
  function reconcile({ roots, affected }) {
    for (const root of roots) blocksUnder(root, affected);
    const pending = [...affected];
    while (pending.length) {
      const block = pending.pop();
      if (!blocks.has(block)) continue;
      drop(block);
      const container = block.container;
      if (container.isConnected && !roots.has(container)) {
        // The rest of its container's text is read again: a run of text may have been split or joined.
        roots.add(container);
        const more = new Set();
        blocksUnder(container, more);
        for (const b of more) pending.push(b);
      }
    }
    const live = [...roots].filter((root) => root.isConnected && root.nodeType === Node.ELEMENT_NODE);
    const outermost = live.filter((root) => !live.some((other) => other !== root && other.contains(root)));
    const fresh = outermost.flatMap((root) => collectBlocks(root)).filter((b) => !b.segments.some(({ node }) => node && blockOfNode.has(node)));
    if (fresh.length) analyse(fresh);
    else reportState();
  }

  function flushMutations() {
    batchTimer = 0;
    const records = pendingRecords;
    pendingRecords = [];
    if (!enabled) return;
    try {
      const found = changes(records);
      if (found.roots.size || found.affected.size) reconcile(found); // e.g. only our own UI came or went
    } catch (error) {
      logOnce('could not follow a page change', error);
    }
  }

  /**
   * On again after being off, when nothing was watching: blocks whose nodes left or whose text
   * changed, and text never seen, are brought up to date; everything else keeps its ranges.
   */
  function catchUp() {
    const roots = new Set();
    const affected = new Set();
    for (const block of blocks) {
      if (block.segments.some(({ node }) => node && !node.isConnected) || currentText(block) !== block.text) affected.add(block);
    }
    for (const node of readableTextNodes(document.body)) {
      if (node !== CHECKPOINT && node.nodeType === Node.TEXT_NODE && !blockOfNode.has(node) && node.data.trim()) {
        roots.add(blockContainer(node.parentElement));
      }
    }
    reconcile({ roots, affected });
  }

  // -------------------------------------------------------------------------------------------------
  // On and off.

  function turnOn() {
    enabled = true;
    showHighlights();
    observe();
    reader?.on();
    // The window's observer reports every block again; not inside the toggle's task and frame.
    setTimeout(() => enabled && observeWindow(true), 0);
    if (!started) {
      started = true;
      const t0 = now();
      firstRegistration = t0;
      analyse(document.body ? visibleFirst(document.body) : [], t0).then(() => {
        measure('allegedly:pipeline', t0);
        if (TIMINGS) setTimeout(measureFloor, 0);
      });
    } else {
      // The highlights are back already; the check for unobserved changes walks the page, so it
      // runs after the toggle has answered and painted.
      setTimeout(() => {
        if (!enabled) return;
        try {
          catchUp();
        } catch (error) {
          logOnce('could not catch up with page changes', error);
        }
      }, 0);
    }
  }

  function turnOff() {
    enabled = false;
    observer.disconnect();
    clearTimeout(batchTimer);
    batchTimer = 0;
    pendingRecords = [];
    hideHighlights();
    observeWindow(false);
    reader?.off();
    setTimeout(reportState, 0); // the badge follows a moment later; the highlights go at once
  }

  /** Gone for good (the extension went away): unregister everything, watch nothing. */
  function teardown() {
    enabled = false;
    observer.disconnect();
    clearTimeout(batchTimer);
    if (supported) hideHighlights();
    observeWindow(false);
    reader?.teardown();
    generation++;
  }

  api.runtime.onMessage.addListener((msg, sender, sendResponse) => {
    if (sender.id !== api.runtime.id || msg?.type !== 'allegedly:toggle') return false;
    if (!supported) {
      sendResponse({ state: 'unsupported', site });
      return false;
    }
    try {
      const t0 = now();
      if (enabled) turnOff();
      else turnOn();
      measure(enabled ? 'allegedly:toggle-on' : 'allegedly:toggle-off', t0);
      if (msg.announce) reader?.toggled(enabled, claimCount()); // from the keyboard shortcut
    } catch (error) {
      logOnce('toggling failed', error);
    }
    sendResponse({ state: enabled ? 'on' : 'off', site });
    return false;
  });

  // Another tab of this site was toggled (the background stored the choice): follow it.
  function followStoredChoice(changes, area) {
    const key = `site:${site}`;
    if (area !== 'local' || !(key in changes) || !supported || contextLost) return;
    // A choice removed (options page) means the default for new sites again.
    const value = changes[key].newValue;
    const wanted = typeof value === 'boolean' ? value : (reader?.defaultEnabled() ?? true);
    if (wanted === enabled) return;
    if (wanted) turnOn();
    else turnOff();
  }

  // A page restored from the back-forward cache keeps this script's state, but the tab's button
  // was reset by the navigation away: tell it again.
  // A page can dispatch a fake one: only the browser's own counts.
  addEventListener('pageshow', (event) => {
    if (event.isTrusted && event.persisted && !contextLost) reportState();
  });

  async function start() {
    if (!supported) {
      logOnce('this browser lacks the CSS Custom Highlight API; nothing will be highlighted');
      reportState();
      return;
    }
    if (!document.body || !document.documentElement) return; // not an HTML page (XML, images…)
    const key = `site:${site}`;
    let stored;
    try {
      stored = await api.storage.local.get(key);
    } catch (error) {
      logOnce('could not read the setting for this site; using the default', error);
      stored = {};
    }
    api.storage.onChanged.addListener(followStoredChoice);
    await reader?.ready; // which kinds are shown, and the default for a site without a choice
    const wanted = typeof stored[key] === 'boolean' ? stored[key] : (reader?.defaultEnabled() ?? true);
    if (wanted) turnOn();
    else reportState();
  }

  // The reader's UI and settings (card.js, loaded just before this file): the explanation card,
  // next/previous claim, the palette, the kinds shown. It sees the claims through this view only.
  const reader =
    globalThis.allegedlyReader?.connect({
      site,
      isEnabled: () => enabled,
      marks: () => [...blocks].flatMap((block) => block.marks),
      setEnabled: (on) => {
        if (!supported || contextLost || on === enabled) return;
        if (on) turnOn();
        else turnOff();
      },
      refilter,
      reanalyse,
    }) ?? null;

  start().catch((error) => logOnce('could not start', error));
})();
