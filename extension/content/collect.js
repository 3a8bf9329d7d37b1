// Content script, step 1: the page's readable text as blocks (walk → blocks), read-only. A block is the
// text of one block-level element with the DOM text nodes it came from, so the analyzer's offsets
// map back to ranges (marks.js). Defines AllegedlyCollect in the content scripts' own world.
(() => {
  'use strict';

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
  // Node.ELEMENT_NODE and Node.TEXT_NODE as plain numbers: in Firefox `Node` is the page's interface
  // object seen through an Xray wrapper, and reading a constant off it cost ~3 µs, several times per
  // text node (~100 ms of the long bench page's walk); a node's own nodeType reads cheaply.
  const ELEMENT_NODE = 1; // Node.ELEMENT_NODE
  const TEXT_NODE = 3; // Node.TEXT_NODE
  /**
   * A memo that lives for the current task only: the page may change its DOM and styles between our
   * tasks, never within one. The walk reads the same elements again and again within a slice (a
   * <p> around each of its links, the ancestors of every text node), so each answer below is read
   * from the page once per task: every read crosses into the page's world (Firefox's Xray wrappers,
   * Chromium's isolated world) and costs a few microseconds.
   */
  function perTask() {
    let memo = null;
    return () => {
      if (!memo) {
        memo = new Map();
        queueMicrotask(() => (memo = null));
      }
      return memo;
    };
  }

  // An element's display is read from its computed style, once per element per task, for every
  // element that holds text and its inline ancestors. Not guessed from the tag: news sites make <a>
  // and <span> teasers, headlines and cards display:block, flex, grid or list-item (by class, by a
  // descendant rule like `.rail a`, or as the items of a flex or grid container, which the browser
  // blockifies), and a walk that took them as inline ran one headline's sentence into the next
  // (tests/e2e/pages.test.mjs, "block, flex, grid…").
  const displays = perTask();
  function displayOf(el) {
    const memo = displays();
    let display = memo.get(el);
    if (display === undefined) {
      display = getComputedStyle(el).display;
      memo.set(el, display);
    }
    return display;
  }

  /**
   * `el.closest(…)` for the skipped tags and our UI's attribute, with the answer for each element on
   * the way up kept for the task: a closest() per element holding text re-matched the 21 selectors
   * against every ancestor each time (a third of the walk's native calls); now each element is asked
   * once, by its tag name and one attribute rather than `matches()` with the 21 selectors: the same
   * answer, and over the long bench page's 5,605 elements holding text ~1 ms instead of ~6 ms in
   * Chromium, ~7 ms instead of ~8 ms in Firefox (extension's world).
   */
  const skippers = perTask();
  function skippingAncestor(el) {
    const memo = skippers();
    const below = [];
    let found = null;
    for (let e = el; e; e = e.parentElement) {
      const known = memo.get(e);
      if (known !== undefined) {
        found = known;
        break;
      }
      if (SKIPPED_TAGS.has(e.localName) || e.hasAttribute(UI_ATTRIBUTE)) {
        found = e;
        memo.set(e, e);
        break;
      }
      below.push(e);
    }
    for (const e of below) memo.set(e, found);
    return found;
  }

  /** Why an element's subtree is not read, or '' when it is (for the roots of page changes). */
  function skipReason(el) {
    if (skippingAncestor(el)) return 'tag'; // itself or inside one (text added to a <button>)
    if (el.isContentEditable) return 'editable';
    if (!el.checkVisibility() && displayOf(el) !== 'contents') return 'hidden';
    return '';
  }

  function isInline(el) {
    return INLINE_DISPLAYS.has(displayOf(el));
  }

  /**
   * The nearest block-level ancestor (or `el` itself), stopping at `limit`. Kept per element for the
   * task: a paragraph's container was looked up again after each of its links, every step up two
   * reads of parentElement across into the page's world.
   */
  const containers = perTask();
  function blockContainer(el, limit = document.body) {
    const byLimit = containers();
    let memo = byLimit.get(limit);
    if (!memo) byLimit.set(limit, (memo = new Map()));
    let container = memo.get(el);
    if (container === undefined) {
      container = el;
      for (let up = el?.parentElement; container && container !== limit && up && isInline(container); up = up.parentElement) {
        container = up;
      }
      memo.set(el, container);
    }
    return container;
  }

  // What the walk does with the text directly inside an element: read it, pass over it (visibility:
  // hidden; its children may still show), end the block there (editable), or skip a whole subtree
  // (an element, returned). Per element that holds text, once per task: its tag name and one
  // attribute (itself; its ancestors' answers are kept), isContentEditable, checkVisibility, and its
  // computed display (blockContainer); none for the others. Every such read crosses into the page's world. Measured
  // per element in the extension's world on the long bench page (11,037 runs of text): checkVisibility
  // ~1 µs in both engines, getComputedStyle ~3–4 µs in Firefox and ~1–1.5 µs in Chromium (creating
  // the style object is the cost; a second property off it is cheap). So reading visibility and
  // content-visibility off the style object the display comes from would save ~1 µs per element, and
  // it could not see what checkVisibility sees from the flat tree (closed <details>, light-DOM children
  // no slot shows, display:none anywhere above): not taken. checkVisibility (Chrome 105+, Firefox
  // 106+; the option was `checkVisibilityCSS` before Chrome 121) answers for display:none anywhere
  // above, visibility and content-visibility in one call.
  const READ = 0;
  const INVISIBLE = 1;
  const EDITABLE = 2;
  const VISIBILITY = { visibilityProperty: true, checkVisibilityCSS: true };

  // The state of each element holding text, per walk root, once per task: text nodes alternate
  // between a paragraph and its links, so the same <p> was asked about again after each link.
  const textStates = perTask();
  /** The state textState has already read this task, or undefined. */
  function knownState(el, root) {
    return textStates().get(root)?.get(el);
  }

  function textState(el, root) {
    const byRoot = textStates();
    let memo = byRoot.get(root);
    if (!memo) byRoot.set(root, (memo = new Map()));
    let state = memo.get(el);
    if (state === undefined) {
      state = readTextState(el, root);
      memo.set(el, state);
    }
    return state;
  }

  function readTextState(el, root) {
    const skipped = skippingAncestor(el);
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

  // Not `innerText`. Letting the browser say what is rendered, one innerText per subtree aligned
  // with the text nodes, was measured (docs/PERFORMANCE.md, *Collecting text*): the calls it spares
  // per element (the skipped-tag test, isContentEditable, checkVisibility) cost about what innerText
  // and the aligning add, the computed display per element stays (innerText shows no boundary at an
  // inline-block), and innerText of the 10 MB page's body alone was a 100–250 ms task. No faster in
  // either engine, so the walk below asks the page per element, as few times as it can.

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
   * slow); a skipped subtree is left by jumping to its last node. With `found` (an object), each
   * text node is put in found.node and its parent element in found.parent just before it is
   * yielded, so blockStream need not read them from the page again.
   */
  function* readableTextNodes(root, from = null, found = null) {
    if (root.nodeType === ELEMENT_NODE && skipReason(root)) return;
    const markers = markersByNextText(root);
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    if (from) walker.currentNode = from;
    let count = 0;
    let lastParent = null;
    let parentElement = null;
    let state = READ;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (++count % CHECKPOINT_NODES === 0) yield CHECKPOINT;
      const before = markers?.get(node);
      if (before) yield* before;
      const parent = node.parentNode;
      if (parent !== lastParent) {
        lastParent = parent;
        // The memo first: the parent is an element (anywhere but directly under a fragment), and
        // asking its nodeType is one more read across into the page's world.
        const known = knownState(parent, root);
        parentElement = known !== undefined || parent.nodeType === ELEMENT_NODE ? parent : null;
        state = known ?? (parentElement ? textState(parent, root) : READ);
      }
      if (state === READ) {
        if (found) {
          found.node = node;
          found.parent = parentElement;
        }
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
    const limit = root.nodeType === ELEMENT_NODE ? root : document.body;
    const finish = (run) => {
      if (!run) return null;
      const block = makeBlock(run.container, run.parts);
      return block.text.trim().length >= MIN_BLOCK_CHARS ? block : null;
    };
    // What the walk knew of each text node it yielded: blockStream used to read the node's type (twice)
    // and its parentElement again, three reads into the page's world per text node.
    const found = { node: null, parent: null };
    for (const node of readableTextNodes(root, from, found)) {
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
      const isText = found.node === node; // else a <br> (the walk's markers)
      const parent = isText ? found.parent : node;
      // Siblings share a parent: its container is looked up once for the run of them.
      const container = parent === lastParent ? lastContainer : blockContainer(parent, limit);
      lastParent = parent;
      lastContainer = container;
      if (!isText) {
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
   * Yielded by visibleFirst where the next block does not follow the last one on the page (back to
   * the top after the blocks on screen, or past them): the text before it is not its context.
   */
  const JUMP = Object.freeze({ jump: true });

  /** How much text visibleFirst takes from the viewport on before starting from the top. */
  const VISIBLE_FIRST_CHARS = 16_000; // about the text of a few screens

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
    if (!taken.size) {
      yield* blockStream(body);
      return;
    }
    yield JUMP;
    let skipping = false;
    for (const block of blockStream(body)) {
      if (block !== CHECKPOINT && taken.has(firstNode(block))) {
        skipping = true;
        continue;
      }
      if (skipping && block !== CHECKPOINT) {
        skipping = false;
        yield JUMP;
      }
      yield block;
    }
  }

  /**
   * The article's blocks (issue 14; `article` is content/article.js's Focus): the headline and
   * standfirst, then the body, on screen first (visibleFirst), without the text Readability left out
   * (teasers, credits, ad labels inside the body).
   */
  function* focusedBlocks(article) {
    for (const root of article.roots) {
      if (!root.isConnected) continue;
      for (const block of root === article.region ? visibleFirst(root) : blockStream(root)) {
        if (block === CHECKPOINT || block === JUMP || article.admitsBlock(block)) yield block;
      }
    }
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

  globalThis.AllegedlyCollect = Object.freeze({
    UI_ATTRIBUTE,
    ELEMENT_NODE,
    TEXT_NODE,
    CHECKPOINT,
    JUMP,
    skipReason,
    isInline,
    blockContainer,
    readableTextNodes,
    blockStream,
    visibleFirst,
    focusedBlocks,
    collectBlocks,
    currentText,
  });
})();
