// The read-only rendering of the analysed text: one paragraph per block, written with textContent
// (page text is data, never markup), and the claims drawn over it as CSS Custom Highlights.
//
// Built to stay responsive on a 5 MB text (20,000 paragraphs, 100,000 ranges):
// - paragraphs are appended in short slices, grouped in pages (PAGE_SIZE paragraphs or PAGE_CHARS);
// - a large text's pages use `content-visibility: auto`, so off-screen ones are not laid out;
// - a page's claims are registered as highlights only while the page is on or near the screen of the
//   text view (an IntersectionObserver), so the browser never re-checks more than a few thousand
//   ranges per frame. A short text is a single page and is registered whole.

import { PRIORITY, categoryOf, claimExtent, paintSpans, sourceMarkOf } from './categories.js';
import { forEachSliced } from './schedule.js';

/** Above this many paragraphs or characters the text is paged. */
const LARGE = 300;
const LARGE_CHARS = 100_000;
/** A page ends after this many paragraphs or characters, whichever comes first. */
const PAGE_SIZE = 100;
const PAGE_CHARS = 25_000;

export class TextView {
  #container;
  #highlights;
  #observer;
  #nodes = []; // block index → its text node
  #pageIndex = []; // block index → index of its page
  #pages = []; // { element, claims: [index, claim][], ranges: [name, Range][] | null, near: boolean }
  #pageByElement = new WeakMap();
  #pending = []; // [firstBlock, claimsPerBlock] waiting for their paragraphs to be rendered
  #pump = null;
  #signal = null;

  constructor(container, highlights) {
    this.#container = container;
    this.#highlights = highlights;
    this.#observer = new IntersectionObserver((entries) => this.#onIntersect(entries), {
      root: container,
      rootMargin: '150% 0px',
    });
  }

  /** Clears the view and renders `blocks`. Resolves when every paragraph is in the page. */
  async render(blocks, signal) {
    this.#signal = signal;
    this.#observer.disconnect();
    this.#nodes = [];
    this.#pageIndex = [];
    this.#pages = [];
    this.#pending = [];
    this.#highlights.replace();
    this.#container.replaceChildren();
    this.#container.scrollTop = 0;
    const large = blocks.length > LARGE || blocks.reduce((n, block) => n + block.length, 0) > LARGE_CHARS;
    this.#container.classList.toggle('large', large);
    let page = null;
    let pageChars = 0;
    await forEachSliced(blocks.length, (i) => {
      if (!page || (large && (page.element.childElementCount >= PAGE_SIZE || pageChars >= PAGE_CHARS))) {
        const element = document.createElement('div');
        element.className = 'page';
        pageChars = 0;
        // A short text is one page, always drawn; a large one's pages wait for the observer.
        page = { element, claims: [], ranges: null, near: !large };
        this.#pages.push(page);
        this.#pageByElement.set(element, page);
        this.#container.append(element);
        if (large) this.#observer.observe(element);
      }
      const paragraph = document.createElement('p');
      paragraph.textContent = blocks[i];
      this.#nodes.push(paragraph.firstChild);
      this.#pageIndex.push(this.#pages.length - 1);
      page.element.append(paragraph);
      pageChars += blocks[i].length;
    }, signal);
    this.#drain();
  }

  /** Queues the claims of blocks `first…` for drawing. */
  addClaims(first, claimsPerBlock) {
    this.#pending.push([first, claimsPerBlock]);
    this.#drain();
  }

  /** Resolves once every queued claim is placed. */
  async settled() {
    while (this.#pump) await this.#pump;
  }

  /** The DOM Range for [start, end) of block `index`, or null when out of bounds. */
  rangeOf(index, [start, end]) {
    const node = this.#nodes[index];
    if (!node || !(start >= 0 && start < end && end <= node.length)) return null;
    const range = new Range();
    range.setStart(node, start);
    range.setEnd(node, end);
    return range;
  }

  /** The paragraph element of block `index`. */
  paragraphOf(index) {
    return this.#nodes[index]?.parentNode ?? null;
  }

  #pageOf(index) {
    return this.#pages[this.#pageIndex[index]];
  }

  #drain() {
    if (this.#pump) return;
    const signal = this.#signal;
    this.#pump = this.#drainQueued(signal).finally(() => {
      this.#pump = null;
      // A new run started while this pump was winding down: serve its queue now.
      if (this.#signal !== signal) this.#drain();
    });
  }

  async #drainQueued(signal) {
    while (this.#pending.length && !signal?.aborted) {
      const [first, claimsPerBlock] = this.#pending[0];
      // Claims for paragraphs not rendered yet wait; render() drains again when it is done.
      if (first + claimsPerBlock.length > this.#nodes.length) return;
      this.#pending.shift();
      try {
        await forEachSliced(claimsPerBlock.length, (i) => this.#place(first + i, claimsPerBlock[i]), signal);
      } catch (error) {
        if (error?.name === 'AbortError') return;
        throw error;
      }
    }
  }

  /** Files a block's claims with its page, and draws them now if the page is showing. */
  #place(index, claims) {
    if (!claims.length) return;
    const page = this.#pageOf(index);
    // One tint per claim where a block's claims overlap, as the extension paints them.
    const paints = paintSpans(claims.map(claimExtent), claims.map((claim) => PRIORITY[categoryOf(claim)]));
    claims.forEach((claim, i) => {
      page.claims.push([index, claim, paints[i]]);
      if (page.near) this.#draw(page, index, claim, paints[i]);
    });
  }

  #draw(page, index, claim, paint) {
    page.ranges ??= [];
    const add = (name, span) => {
      const range = span && this.rangeOf(index, span);
      if (!range) return;
      page.ranges.push([name, range]);
      this.#highlights.add(name, range);
    };
    for (const span of paint ?? [claimExtent(claim)]) add(categoryOf(claim), span);
    add('allegedly-cue', claim.cue);
    add(sourceMarkOf(claim), claim.source);
  }

  #onIntersect(entries) {
    for (const entry of entries) {
      const page = this.#pageByElement.get(entry.target);
      if (!page || page.near === entry.isIntersecting) continue;
      page.near = entry.isIntersecting;
      if (page.near) {
        for (const [index, claim, paint] of page.claims) this.#draw(page, index, claim, paint);
      } else {
        for (const [name, range] of page.ranges ?? []) this.#highlights.delete(name, range);
        page.ranges = null;
      }
    }
  }
}
