// Content script: moving between claims (the next-claim / previous-claim commands, and the panel's
// list): scroll the claim into view, flash it with a temporary highlight, show its card and announce
// it. The order is content/marks.js's (shownMarks); the card and the announcement are card.js's.
// Defines AllegedlyNavigate in the content scripts' own world; content/reader.js wires it up.
(() => {
  'use strict';

  const { t } = globalThis.Allegedly;
  const Marks = globalThis.AllegedlyMarks;
  const Card = globalThis.AllegedlyCard;
  const { rangeOf } = Marks;
  const FOCUS_HIGHLIGHT = 'allegedly-focus';
  const FLASH_MS = 1800;

  /** What navigation asks of the rest: { enabled() }, whether the highlights are on. */
  let page = null;
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
    // Then the claim to the window's middle, unless it is there already: 'nearest' left it at the
    // bottom edge, under its own card (issue 17). A claim taller than half the window starts near
    // the top instead, so its beginning and its card stay in view.
    const rect = range.getBoundingClientRect();
    const middle = rect.top >= innerHeight * 0.2 && rect.bottom <= innerHeight * 0.6;
    if (middle) return;
    const top = rect.height > innerHeight / 2 ? innerHeight * 0.15 : (innerHeight - rect.height) / 2 - innerHeight * 0.1;
    scrollBy({ top: rect.top - top, behavior: 'instant' });
  }

  /** Scrolls to `mark`, flashes it, then shows its card and (`announcePosition`) says where it is. */
  function focusMark(mark, { announcePosition = true } = {}) {
    const marks = Marks.shownMarks();
    focusedMark = mark;
    Card.hide();
    Card.holdScroll(true);
    scrollToRange(rangeOf(mark));
    flash(mark);
    // The scroll events of our own scrolling fire by the next frame; the card comes after them.
    requestAnimationFrame(() =>
      requestAnimationFrame(() => {
        Card.holdScroll(false);
        if (focusedMark !== mark || !page?.enabled()) return;
        Card.show(mark, 'keyboard');
        if (announcePosition) Card.announce(`${t('navPosition', marks.indexOf(mark) + 1, marks.length)}: ${Card.announcement(mark)}`);
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

  /** Next (step 1) or previous (step -1) claim from the focused one, or from the viewport; true if it moved. */
  function navigate(step) {
    if (!page?.enabled()) {
      Card.announce(t('navOff'));
      return false;
    }
    const marks = Marks.shownMarks();
    if (!marks.length) {
      Card.announce(t('navNone'));
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
      Card.announce(t('navNone'));
      return false;
    }
    focusMark(marks[index]);
    return true;
  }

  globalThis.AllegedlyNavigate = Object.freeze({
    /** `view`: { enabled() }. */
    use(view) {
      page = view;
    },
    navigate,
    focusMark,
    /** The mark last moved to, or null. */
    focused: () => focusedMark,
    /** The claims changed: forgets the focused mark if it is gone or hidden. */
    changed() {
      if (focusedMark && (focusedMark.dropped || focusedMark.shown === false)) focusedMark = null;
    },
    /** Off: no flash, no focused mark. */
    reset() {
      unflash();
      focusedMark = null;
    },
    unflash,
  });
})();
