// The page's CSS Custom Highlights: one Highlight per `allegedly-…` name, exactly as the extension
// registers them, so the extension's highlights.css paints them.

import { ALL_CATEGORIES, PRIORITY } from './categories.js';

export const highlightsSupported = () => typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight === 'function';

/** A set of Highlights registered under the category names; `replace()` swaps in empty ones. */
export class HighlightSet {
  #highlights = new Map();

  constructor() {
    this.replace();
  }

  add(name, range) {
    this.#highlights.get(name)?.add(range);
  }

  delete(name, range) {
    this.#highlights.get(name)?.delete(range);
  }

  /**
   * Registers fresh, empty Highlights. Swapping objects is one operation however many ranges the old
   * ones held; removing them one by one is not.
   */
  replace() {
    if (!highlightsSupported()) return;
    for (const { name } of ALL_CATEGORIES) {
      const highlight = new Highlight();
      highlight.priority = PRIORITY[name];
      this.#highlights.set(name, highlight);
      CSS.highlights.set(name, highlight);
    }
  }
}
