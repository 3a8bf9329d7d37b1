// Content script (document_idle, http/https, top frame): collects the page's readable text in blocks,
// has the background analyse them, and draws the claims with the CSS Custom Highlight API. It never
// modifies the page's DOM: highlights are ranges registered in CSS.highlights, styled by
// highlights.css. Off means the highlights are unregistered and the MutationObserver disconnected.
// This file runs the pipeline (analysis requests, pacing, page changes, on/off, lifecycle) over the
// files loaded before it (manifest order): common.js (message names, site keys), categories.js and
// settings.js (shared with the other contexts), content/diagnostics.js (failures, timings),
// content/collect.js (walk → blocks), content/marks.js (claims → ranges → highlights, the viewport
// window, document order, hit-testing), the reader's UI (card.js, content/navigate.js,
// content/palette.js, content/panel-data.js, wired by content/reader.js) and content/changes.js
// (mutations → what to read again).
//
// Seams. Which text is read: content/collect.js (visibleFirst / blockStream yield blocks, CHECKPOINTs
// and JUMPs; a JUMP tells analyse() that what follows does not follow what came before, so the
// context starts afresh); the page is narrowed to its article there too (focusedBlocks, over the
// article content/article.js finds), and everything after follows. What a claim is called and how claims group: categories.js (shared with the playground).
// What the reader sees of a claim: card.js (the card), explain.js (its words), content/panel-data.js
// (the panel's rows). A new message: a name in common.js MSG, and its handler.
(() => {
  'use strict';

  const { api, MSG, fromUs, siteKey, focusKey } = globalThis.Allegedly;
  const { CONTEXT_CHARS, RecentText } = globalThis.AllegedlyCategories;
  const { TIMINGS, logOnce, now, measure, measureFloor } = globalThis.AllegedlyDiagnostics;
  const { ELEMENT_NODE, TEXT_NODE, CHECKPOINT, JUMP, blockContainer, readableTextNodes, visibleFirst, focusedBlocks, collectBlocks, currentText } = globalThis.AllegedlyCollect;
  const Marks = globalThis.AllegedlyMarks;
  const { blocks, blockOfNode, claimCount, draw, syncPending, observeWindow, adopt, drop, hideHighlights } = Marks;
  const { blocksUnder, changes } = globalThis.AllegedlyChanges;
  const Article = globalThis.AllegedlyArticle;

  // -------------------------------------------------------------------------------------------------
  // State.

  const supported = typeof CSS !== 'undefined' && CSS.highlights && typeof Highlight === 'function';
  let enabled = false;
  let failed = false;
  let started = false; // the first full analysis has been requested
  let generation = 0; // bumps when blocks are dropped wholesale; late answers for old blocks are ignored
  const site = location.hostname;

  // Article focus (issue 14; content/article.js): with it, only the article is read and drawn.
  // `focus` is the article found when the analysis started (null: the whole page is read, because
  // the reader chose so for this site or because the page is not an article); `articleOnly` is the
  // reader's choice for this site, stored like the on/off choice (`focus:<hostname>`).
  const FOCUS_KEY = focusKey(site);
  let articleOnly = true;
  let focus = null;
  let focusReason = '';

  // Results by block text: re-collecting a block whose text did not change redraws without a trip to
  // the analyzer (its "he said" keeps the name the first analysis gave it). Bounded; cleared when full.
  const CACHE_LIMIT = 5000;
  const claimsByText = new Map();

  /** The reader changed which kinds are shown: re-register every mark, no re-analysis. */
  function refilter() {
    for (const block of blocks) {
      for (const mark of block.marks) mark.shown = reader?.shows(mark) ?? true;
      Marks.sync(block);
    }
    reportState();
  }

  /**
   * The analyzer's words changed (the cache holds old answers), or the article focus was switched
   * (`keepCache`: the answers stand, the blocks do not): everything is collected and drawn again.
   */
  function reanalyse({ keepCache = false } = {}) {
    generation++;
    for (const block of [...blocks]) drop(block);
    if (!keepCache) claimsByText.clear();
    started = false;
    if (enabled) turnOn();
    else reportState();
  }

  let withdrawn = false; // unregistered while on because the analyzer failed

  function showHighlights(options) {
    withdrawn = false;
    Marks.showHighlights(options);
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
    send({ type: MSG.STATE, state, count: claimCount(), site }).catch((error) => logOnce('could not update the toolbar button', error));
  }

  // Pacing: work on the page's main thread runs in slices of at most SLICE_MS and yields between
  // them, so no task of ours holds up input or a frame, even on a 10 MB page. Blocks go to the
  // background as they are found (the first screenful at once, for quick first highlights), and
  // replies are drawn as they come back, while the walk goes on.
  const SLICE_MS = 8;
  const FIRST_MESSAGE_CHARS = 4_000;
  const MESSAGE_CHARS = 120_000; // batched: one message per block was 10× slower (PLATFORM.md)
  // Each message also carries the text just before its first block (CONTEXT_CHARS of it, kept by a
  // RecentText: categories.js, the same rule as the playground's chunks).

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
    let batchContext = [];
    let firstDrawn = false;
    const recent = new RecentText(CONTEXT_CHARS);
    const flush = () => {
      if (!batch.length) return;
      if (!requests.length && inFlight === 1) reportState(); // "working" while the analyzer runs
      requests.push(request(batch, batchContext, gen, timing));
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
          if (block === JUMP) {
            recent.clear(); // what comes next does not follow what came before
            continue;
          }
          adopt(block);
          const cached = claimsByText.get(block.text);
          if (cached) {
            queueDraw(block, cached, gen, timing);
            recent.push(block.text);
            continue;
          }
          const coming = prefetched.get(block.text);
          if (coming) {
            requests.push(
              coming.then(() => {
                const claims = claimsByText.get(block.text);
                return claims ? queueDraw(block, claims, gen, timing) : request([block], [], gen, timing);
              }),
            );
            recent.push(block.text);
            continue;
          }
          if (!batch.length) batchContext = recent.texts();
          recent.push(block.text);
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
      measure('collect', t0, timing.collect);
      measure('analyze', t0, timing.analyze);
      measure('draw', t0, timing.draw);
    }
  }

  // While Readability decides (content/article.js: one synchronous call, ~15 ms in Chromium and
  // ~40 ms in Firefox on the typical bench page), the background can already analyse the text most
  // likely to be the article: the first blocks of the page's <article> or <main> (a guess that only
  // saves time: what is drawn is decided by Readability alone). Their claims land in the cache, and
  // the walk that follows takes them from there, or waits for the answer still on its way.
  const prefetched = new Map(); // block text → promise settled when its claims are cached (or not)

  function prefetch(root) {
    const texts = [];
    let chars = 0;
    const deadline = now() + SLICE_MS;
    for (const block of visibleFirst(root)) {
      if (block === CHECKPOINT) {
        if (now() > deadline) break;
        continue;
      }
      if (block === JUMP || claimsByText.has(block.text) || prefetched.has(block.text)) continue;
      texts.push(block.text);
      chars += block.text.length;
      if (chars >= FIRST_MESSAGE_CHARS) break;
    }
    if (!texts.length) return;
    const gen = generation;
    const done = send({ type: MSG.ANALYZE, blocks: texts, context: [] })
      .then((reply) => {
        if (gen !== generation || !Array.isArray(reply?.claims) || reply.claims.length !== texts.length) return;
        texts.forEach((text, k) => claimsByText.set(text, Array.isArray(reply.claims[k]) ? reply.claims[k] : []));
      })
      .catch(() => {}) // the walk analyses them again
      .finally(() => texts.forEach((text) => prefetched.delete(text)));
    for (const text of texts) prefetched.set(text, done);
  }

  /** One analyse message to the background (with `context`, see CONTEXT_CHARS); its claims are queued for drawing. */
  async function request(batch, context, gen, timing) {
    let reply;
    try {
      reply = await send({ type: MSG.ANALYZE, blocks: batch.map((b) => b.text), context });
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
  let queuedClaims = 0; // claims in drawQueue not drawn yet: marks.js turns its window on early

  function queueDraw(block, claims, gen, timing) {
    drawQueue.push({ block, claims, gen, timing });
    queuedClaims += claims.length;
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
        queuedClaims -= item.claims.length;
        // Dropped meanwhile (its nodes left the page) or from before a teardown: skip.
        if (item.gen !== generation || !blocks.has(item.block)) continue;
        timing = item.timing;
        draw(item.block, item.claims);
        syncPending(queuedClaims);
      }
      if (timing) timing.draw += now() - start;
      if (next >= drawQueue.length) {
        drawQueue = [];
        queuedClaims = 0;
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

  // Attributes that show or hide text, or make it editable: a "read more" that drops `hidden`, a
  // <details> opened or closed, a region that becomes editable (it loses its highlights) or stops
  // being. Class and style changes are not watched: pages change them constantly (animations,
  // carousels), and each would re-read the text under the element.
  // Class and style are watched too (issue 14: a body shown by removing a class), but changes.js acts
  // on one only when the element now shows text that was never read (and, with article focus, that
  // belongs to the article), with a bounded look: an animation's class changes cost a short walk.
  const WATCHED_ATTRIBUTES = ['contenteditable', 'hidden', 'open', 'class', 'style'];

  function observe() {
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true, attributeFilter: WATCHED_ATTRIBUTES });
  }

  function onMutations(records) {
    for (const record of records) pendingRecords.push(record); // no spread: batches can be huge
    if (!batchTimer) batchTimer = setTimeout(flushMutations, BATCH_DELAY_MS);
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
    const live = [...roots].filter((root) => root.isConnected && root.nodeType === ELEMENT_NODE);
    const outermost = live.filter((root) => !live.some((other) => other !== root && other.contains(root)));
    const fresh = outermost
      .flatMap((root) => collectBlocks(root))
      .filter((b) => !b.segments.some(({ node }) => node && blockOfNode.has(node)) && (!focus || focus.admitsBlock(b)));
    if (fresh.length) analyse(fresh);
    else reportState();
  }

  function flushMutations() {
    batchTimer = 0;
    const records = pendingRecords;
    pendingRecords = [];
    if (!enabled) return;
    if (focus && !focus.region.isConnected) {
      // The article was replaced (a single-page app's next story): find the article again.
      reanalyse({ keepCache: true });
      return;
    }
    try {
      const found = changes(records, focus ? (node) => focus.admits(node) : null);
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
    if (focus && !focus.region.isConnected) {
      reanalyse({ keepCache: true }); // the article was replaced while off
      return;
    }
    const roots = new Set();
    const affected = new Set();
    for (const block of blocks) {
      if (block.segments.some(({ node }) => node && !node.isConnected) || currentText(block) !== block.text) affected.add(block);
    }
    for (const node of readableTextNodes(document.body)) {
      if (node !== CHECKPOINT && node.nodeType === TEXT_NODE && !blockOfNode.has(node) && node.data.trim()) {
        roots.add(blockContainer(node.parentElement));
      }
    }
    reconcile({ roots, affected });
  }

  // -------------------------------------------------------------------------------------------------
  // On and off.

  function turnOn() {
    enabled = true;
    showHighlights({ staged: started }); // on again: the claims near the viewport first
    observe();
    reader?.on();
    // The window's observer reports every block again: not inside the toggle's task, and on again
    // not before or in the frame that shows the highlights either (its first computation runs in a
    // frame's rendering). At the start there is nothing to show yet.
    const watchWindow = () => enabled && observeWindow(true);
    if (started) Marks.afterPaint(watchWindow);
    else setTimeout(watchWindow, 0);
    if (!started) {
      started = true;
      const t0 = now();
      Marks.timeFirstDraw(t0);
      findArticle();
      const source = !document.body ? [] : focus ? focusedBlocks(focus) : visibleFirst(document.body);
      analyse(source, t0).then(() => {
        measure('pipeline', t0);
        if (TIMINGS) setTimeout(measureFloor, 0);
      });
    } else {
      // The highlights are back already; the check for unobserved changes walks the page, so it
      // runs after the toggle has answered and painted (a task queued before that frame delayed it).
      Marks.afterPaint(() => {
        if (!enabled) return;
        try {
          catchUp();
        } catch (error) {
          logOnce('could not catch up with page changes', error);
        }
      });
    }
  }

  /**
   * Decides what is read: the article (focus) or the whole page. Readability runs once per analysis
   * (on, or after a switch); a page where it fails, is too slow or finds nothing is read whole.
   * Why is kept in `focusReason` (the claims panel shows it); a failure is also logged once.
   */
  function findArticle() {
    focus = null;
    if (!articleOnly || !Article) {
      focusReason = Article ? 'whole page chosen for this site' : 'article focus is not loaded';
      return;
    }
    const t0 = now();
    // The `focus` measure (bench) counts the speculative first walk too: it is part of the step's
    // cost. A page over the element cap is read whole at once, with nothing to wait for: no prefetch
    // (it cost the long bench page ~8 ms of walking done twice).
    const elements = document.getElementsByTagName('*').length;
    if (document.body && elements <= Article.MAX_ELEMENTS) prefetch(document.querySelector('article, main, [role="main"]') ?? document.body);
    const found = Article.find(document, { elements });
    measure('focus', t0);
    focus = found.focus;
    focusReason = found.reason;
    // A page that is not an article is no news; a failure is worth a line on the console (once).
    if (found.failed) logOnce('article focus failed; the whole page is read', `${found.reason} (${Math.round(found.ms.total)} ms)`);
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
    if (!fromUs(sender) || msg?.type !== MSG.TOGGLE) return false;
    if (!supported) {
      sendResponse({ state: 'unsupported', site });
      return false;
    }
    try {
      const t0 = now();
      if (enabled) turnOff();
      else turnOn();
      measure(enabled ? 'toggle-on' : 'toggle-off', t0);
      if (msg.announce) reader?.toggled(enabled, claimCount()); // from the keyboard shortcut
    } catch (error) {
      logOnce('toggling failed', error);
    }
    sendResponse({ state: enabled ? 'on' : 'off', site });
    return false;
  });

  // Another tab of this site was toggled (the background stored the choice): follow it.
  function followStoredChoice(changes, area) {
    const key = siteKey(site);
    if (area === 'local' && FOCUS_KEY in changes && supported && !contextLost) {
      const wanted = changes[FOCUS_KEY].newValue !== false; // removed: the default, article only
      if (wanted !== articleOnly) {
        articleOnly = wanted;
        if (started) reanalyse({ keepCache: true });
      }
    }
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
    const key = siteKey(site);
    let stored;
    try {
      stored = await api.storage.local.get([key, FOCUS_KEY]);
    } catch (error) {
      logOnce('could not read the setting for this site; using the default', error);
      stored = {};
    }
    api.storage.onChanged.addListener(followStoredChoice);
    articleOnly = stored[FOCUS_KEY] !== false;
    await reader?.ready; // which kinds are shown, and the default for a site without a choice
    const wanted = typeof stored[key] === 'boolean' ? stored[key] : (reader?.defaultEnabled() ?? true);
    if (wanted) turnOn();
    else reportState();
  }

  // The reader's UI and settings (content/reader.js): the explanation card, next/previous claim, the
  // palette, the kinds shown, the panel's data. It reads the claims from content/marks.js.
  const reader =
    globalThis.allegedlyReader?.connect({
      site,
      isEnabled: () => enabled,
      setEnabled: (on) => {
        if (!supported || contextLost || on === enabled) return;
        if (on) turnOn();
        else turnOff();
      },
      refilter,
      reanalyse,
      // Article focus for the claims panel: the site's choice, and whether this page's article was
      // found (and why not, when it was not).
      focusState: () => ({ articleOnly, article: !!focus, reason: focusReason }),
    }) ?? null;
  Marks.useReader(reader);

  start().catch((error) => logOnce('could not start', error));
})();
