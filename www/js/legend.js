// The legend: each category's sample words in its colours (the extension's highlights.css styles
// `.allegedly-view .allegedly-…` elements exactly like the `::highlight(allegedly-…)` ranges, so this
// works even where the Highlight API is missing), its meaning, and how many claims of it the text has.

import { CLAIM_CATEGORIES, MARK_CATEGORIES, categoryOf } from './categories.js';

export class Legend {
  #counts = new Map();

  constructor(list) {
    list.classList.add('allegedly-view');
    for (const category of [...CLAIM_CATEGORIES, ...MARK_CATEGORIES]) {
      const item = document.createElement('li');
      const sample = document.createElement('span');
      sample.className = `sample ${category.name}`;
      sample.textContent = category.sample;
      const name = document.createElement('strong');
      name.textContent = category.label;
      const description = document.createElement('span');
      description.className = 'description';
      description.textContent = category.description;
      item.append(sample, ' ', name, ' ', description);
      if (CLAIM_CATEGORIES.includes(category)) {
        const count = document.createElement('span');
        count.className = 'count';
        this.#counts.set(category.name, count);
        item.append(count);
      }
      list.append(item);
    }
  }

  /** Shows per-category counts for `claims` ({claim}), or none when `claims` is null. */
  setCounts(claims) {
    const counts = new Map();
    for (const { claim } of claims ?? []) counts.set(categoryOf(claim), (counts.get(categoryOf(claim)) ?? 0) + 1);
    for (const [name, element] of this.#counts) {
      element.textContent = claims ? String(counts.get(name) ?? 0) : '';
    }
  }
}
