// The explanation card (issue 4), a content script: what a highlight means, in a card shown on hover
// and on keyboard focus, and the aria-live announcements. The claim under the pointer or around the
// focused element comes from content/marks.js (markAt, markAround); navigation (content/navigate.js)
// shows the card of the claim it moves to and announces it. content/reader.js wires this file up.
//
// The only DOM node the extension ever adds is made here: the host of a closed shadow root, marked
// data-allegedly-ui so the collector skips it, appended to <html> while the card or an announcement
// is up and removed as soon as neither is. Everything inside is built with textContent.
(() => {
  'use strict';

  const Marks = globalThis.AllegedlyMarks;
  const AllegedlyExplain = globalThis.AllegedlyExplain;
  const UI_ATTRIBUTE = 'data-allegedly-ui';
  const HOVER_HIDE_MS = 200;
  const ANNOUNCE_LINGER_MS = 7000; // long enough for a screen reader to read the region out

  /** What the card asks of the rest: { focused() } — the claim navigation moved to (its ranges exist). */
  let page = null;

  // -------------------------------------------------------------------------------------------------
  // What a highlight means, in plain words (explain.js, shared with the panel's export).

  const wordsOf = (mark) => [mark.claim, Marks.spanText(mark, mark.spans.source) ?? '', Marks.spanText(mark, mark.spans.cue) ?? ''];
  const explain = (mark) => AllegedlyExplain.lines(...wordsOf(mark));
  const summary = (mark) => AllegedlyExplain.summary(...wordsOf(mark));
  /** The card's words and what is claimed: what a screen reader hears on moving to a claim. */
  const announcement = (mark) => AllegedlyExplain.announcement(...wordsOf(mark), Marks.spanText(mark, mark.spans.content) ?? '');

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
  let holdingScroll = false; // our own scrolling (moving to a claim) must not hide its card

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

  /** The rect of the mark's range nearest to `point` (the line the pointer is on), or its first. */
  function anchorRect(mark, point) {
    const rects = [...Marks.rangeOf(mark).getClientRects()].filter((r) => r.width > 0 && r.height > 0);
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
    if (holdingScroll) return;
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
  // Hover and keyboard focus: the card follows the pointer (one hit-test per frame at most) and the
  // focused element.

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
    if (!point || !listening) return;
    let mark = null;
    try {
      mark = Marks.markAt(point[0], point[1], [cardMark, page?.focused()]);
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
    const mark = Marks.markAround(target);
    if (mark) showCard(mark, 'focus');
    else if (cardVia === 'focus') hideCard();
  }

  function onFocusOut() {
    if (cardVia === 'focus') hideCard();
  }

  let listening = false;

  /** The page listeners (hover, keyboard focus) exist only while the highlights are on. */
  function listen(on) {
    if (on === listening) return;
    listening = on;
    const method = on ? addEventListener : removeEventListener;
    method('pointermove', onPointerMove, { capture: true, passive: true });
    method('focusin', onFocusIn, true);
    method('focusout', onFocusOut, true);
    method('resize', Marks.forgetLayout, { passive: true });
    if (!on) {
      cancelAnimationFrame(frame);
      frame = 0;
    }
  }

  globalThis.AllegedlyCard = Object.freeze({
    /** `view`: { focused() }, the mark navigation moved to (null when none). */
    use(view) {
      page = view;
    },
    listen,
    show: showCard,
    hide: hideCard,
    /** The mark whose card is up, or null. */
    current: () => cardMark,
    announce,
    summary,
    announcement,
    /** While our own scrolling runs (navigation), scroll events do not close the card. */
    holdScroll(on) {
      holdingScroll = on;
    },
    /** Removes the host and everything in it, announcements too (off leaves no node behind). */
    removeHost,
  });
})();
