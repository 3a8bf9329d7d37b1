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
  // Timings on the page's performance timeline (User Timing), read by tools/bench: a few entries per
  // analysis and per toggle, nothing while idle. allegedly:collect, allegedly:analyze and
  // allegedly:draw are summed over chunks; allegedly:pipeline runs from the start to the last draw.

  const now = () => performance.now();
  function measure(name, start, duration = now() - start) {
    try {
      performance.measure(name, { start, duration });
    } catch {
      // A page may have replaced `performance`; timings are not worth a failure.
    }
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

  // Computed styles are the costliest reads here (through Xray wrappers in Firefox, several times
  // per element before): each element's display and visibility are read once per task and kept
  // until the task ends, when the page may change them.
  let styleCache = null;
  function styleOf(el) {
    if (!styleCache) {
      styleCache = new Map();
      queueMicrotask(() => (styleCache = null));
    }
    let style = styleCache.get(el);
    if (!style) {
      const computed = getComputedStyle(el);
      style = { display: computed.display, visibility: computed.visibility };
      styleCache.set(el, style);
    }
    return style;
  }

  /** Why an element's subtree is not read, or '' when it is. */
  function skipReason(el) {
    if (SKIPPED_TAGS.has(el.localName)) return 'tag';
    if (el.hasAttribute('hidden') || el.hasAttribute(UI_ATTRIBUTE)) return 'hidden';
    if (el.isContentEditable) return 'editable';
    if (styleOf(el).display === 'none') return 'hidden';
    return '';
  }

  function isInline(el) {
    return INLINE_DISPLAYS.has(styleOf(el).display);
  }

  /** The nearest block-level ancestor (or `el` itself), stopping at `limit`. */
  function blockContainer(el, limit = document.body) {
    while (el && el !== limit && el.parentElement && isInline(el)) el = el.parentElement;
    return el;
  }

  /** Yielded every CHECKPOINT_NODES nodes by the walks below, so a caller can stop at a deadline. */
  const CHECKPOINT = null;
  const CHECKPOINT_NODES = 256;
  /**
   * Yielded where a form field or an editable region interrupts the text: the block ends there, so
   * no range ever spans the reader's own text (a claim around an inline editable span would paint it).
   */
  const BOUNDARY = Object.freeze({ boundary: true });
  const FIELD_TAGS = new Set(['input', 'textarea', 'select', 'button']);

  /**
   * Text nodes under `root`, in document order, that a reader can see and the analyzer may read,
   * and <br> elements; CHECKPOINT now and then. No acceptNode filter: a call back into script per
   * node is what made the walk slow; skipped subtrees are stepped over here instead.
   */
  function* readableTextNodes(root) {
    if (root.nodeType === Node.ELEMENT_NODE && skipReason(root)) return;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    let count = 0;
    let node = walker.nextNode();
    while (node) {
      if (++count % CHECKPOINT_NODES === 0) yield CHECKPOINT;
      if (node.nodeType === Node.TEXT_NODE) {
        if (styleOf(node.parentElement).visibility === 'visible') yield node;
      } else if (skipReason(node)) {
        if (FIELD_TAGS.has(node.localName) || node.isContentEditable) yield BOUNDARY;
        // Past the subtree: the next sibling, or the next sibling of the nearest ancestor with one.
        while (!walker.nextSibling()) {
          if (!walker.parentNode() || walker.currentNode === root) return;
        }
        node = walker.currentNode;
        continue;
      } else if (node.localName === 'br') {
        yield node; // a line break inside a block: the analyzer sees a newline there
      }
      node = walker.nextNode();
    }
  }

  // A segment is a text node at `start` in its block's text, or a line break (node null) that stands
  // for one "\n" without a node of its own.
  const LINE_BREAK = '\n';

  /**
   * The readable text under `root` as blocks ({ container, segments, text }), yielded one by one as
   * each is complete, with CHECKPOINT now and then: a caller can take them a time slice at a time.
   */
  function* blockStream(root) {
    let current = null;
    let lastParent = null;
    let lastContainer = null;
    const limit = root.nodeType === Node.ELEMENT_NODE ? root : document.body;
    const finish = (run) => {
      if (!run) return null;
      const block = makeBlock(run.container, run.parts);
      return block.text.trim().length >= MIN_BLOCK_CHARS ? block : null;
    };
    for (const node of readableTextNodes(root)) {
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

  /** All the blocks under `root` at once (for the small subtrees that page changes bring). */
  function collectBlocks(root) {
    const out = [];
    for (const block of blockStream(root)) if (block) out.push(block);
    return out;
  }

  function makeBlock(container, parts) {
    const segments = [];
    let text = '';
    for (const node of parts) {
      // Source-code newlines and tabs inside a paragraph render as spaces: give the analyzer spaces,
      // one for one, so offsets still map straight back to the node.
      const piece = node ? node.data.replace(/[\t\n\r\f]/g, ' ') : LINE_BREAK;
      segments.push({ node, start: text.length, length: piece.length });
      text += piece;
    }
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

  function rangeFor(block, [start, end]) {
    if (start === end) return null;
    const from = boundaryAt(block, start, false);
    const to = boundaryAt(block, end, true);
    if (!from || !to) return null;
    const range = document.createRange();
    range.setStart(from[0], from[1]);
    range.setEnd(to[0], to[1]);
    return range.collapsed ? null : range;
  }

  /** The stretch a claim covers: from the first to the last of its source, cue and content. */
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

  function draw(block, claims) {
    for (const claim of claims) {
      if (!claim || !isSpan(claim.cue, block.text.length) || !isSpan(claim.sentence, block.text.length)) {
        logOnce('ignored a claim with invalid offsets', claim);
        continue;
      }
      const category = categoryOf(claim);
      const source = isSpan(claim.source, block.text.length) ? claim.source : null;
      const content = isSpan(claim.content, block.text.length) ? claim.content : null;
      const mark = {
        claim,
        category,
        claimRange: rangeFor(block, claimExtent({ cue: claim.cue, source, content })),
        cueRange: rangeFor(block, claim.cue),
        sourceRange: source ? rangeFor(block, source) : null,
      };
      if (!mark.claimRange && !mark.cueRange) continue;
      mark.shown = false;
      unpainted.push(mark); // registered in batches: see paintPending()
      block.marks.push(mark);
    }
  }

  /** Adds a mark's ranges to the highlights, or takes them out (a kind the reader turned off). */
  function paint(mark, shown) {
    if (mark.shown === shown) return;
    mark.shown = shown;
    const method = shown ? 'add' : 'delete';
    if (mark.claimRange) highlightFor(mark.category)[method](mark.claimRange);
    if (mark.cueRange) highlightFor('cue')[method](mark.cueRange);
    if (mark.sourceRange) highlightFor('source')[method](mark.sourceRange);
  }

  /** The reader changed which kinds are shown: repaint every mark, no re-analysis. */
  function refilter() {
    for (const block of blocks) for (const mark of block.marks) paint(mark, reader?.shows(mark) ?? true);
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
    // paint() skips a mark's missing ranges: Highlight.delete(null) throws (a claim without a source),
    // which once aborted a whole page change half-way.
    for (const mark of block.marks) {
      mark.dropped = true; // a mark still waiting in `unpainted` must not be painted later
      paint(mark, false);
    }
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
    const timing = { collect: 0, analyze: 0, draw: 0, firstDraw: null, t0 };
    const requests = [];
    let batch = [];
    let batchChars = 0;
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

  // New marks reach the highlights in batches that double in size. Chromium rebuilds its markers for
  // every registered range whenever a highlight changes, so adding ranges slice after slice cost
  // time quadratic in their number (a 10 MB page took minutes and froze for seconds); doubling keeps
  // the total linear, and the first batch, the first blocks found, still shows at once.
  let unpainted = [];
  let painted = 0;

  function paintPending() {
    const marks = unpainted;
    unpainted = [];
    for (const mark of marks) {
      if (mark.dropped) continue;
      paint(mark, reader?.shows(mark) ?? true);
      painted++;
    }
  }

  async function drainDraws() {
    let next = 0;
    for (;;) {
      await yieldToPage(); // never inside the slice that queued the work
      const deadline = now() + SLICE_MS;
      while (next < drawQueue.length && now() < deadline) {
        const { block, claims, gen, timing } = drawQueue[next++];
        // Dropped meanwhile (its nodes left the page) or from before a teardown: skip.
        if (gen !== generation || !blocks.has(block)) continue;
        const start = now();
        draw(block, claims);
        const end = now();
        timing.draw += end - start;
        if (timing.firstDraw === null && block.marks.length) timing.firstDraw = end - timing.t0;
      }
      const finished = next >= drawQueue.length;
      if (unpainted.length && (finished || painted === 0 || unpainted.length >= painted)) {
        const start = now();
        paintPending();
        if (drawQueue[next - 1]) drawQueue[next - 1].timing.draw += now() - start;
      }
      if (finished) {
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
    if (!started) {
      started = true;
      const t0 = now();
      analyse(document.body ? blockStream(document.body) : [], t0).then((timing) => {
        if (timing.firstDraw !== null) measure('allegedly:first-draw', t0, timing.firstDraw);
        measure('allegedly:pipeline', t0);
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
    reader?.off();
    reportState();
  }

  /** Gone for good (the extension went away): unregister everything, watch nothing. */
  function teardown() {
    enabled = false;
    observer.disconnect();
    clearTimeout(batchTimer);
    if (supported) hideHighlights();
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
