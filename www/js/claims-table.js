// The claims table: one row group per source (who says it), with counts per category, then each
// claim's category, cue and content. Built with createElement/textContent only.
//
// Big texts have tens of thousands of claims, so the table shows the largest groups first and a few
// claims per group, with buttons that add more: the DOM stays small whatever the input.

import { CLAIM_CATEGORIES, SourceGroups, categoryLabel, categoryOf, claimExtent } from './categories.js';
import { forEachSliced } from './schedule.js';

const GROUPS_PER_PAGE = 30;
const CLAIMS_PER_GROUP = 8;
const MAX_CONTENT = 280;

/**
 * Groups `claims` ({block, claim}) by the text of their source as the extension's panel does
 * (extension/categories.js: case, spacing and a leading "the/a/an" make no new group), largest group
 * first, unsourced last: [{ key, source, claims }]. Runs in slices: tens of thousands of claims take
 * longer than one frame.
 */
export async function groupBySource(blocks, claims, signal) {
  const groups = new SourceGroups();
  await forEachSliced(claims.length, (i) => {
    const item = claims[i];
    const { block, claim } = item;
    // "he said" is grouped under the person it most likely stands for, when the analyzer found one.
    groups.add(item, claim.antecedent ?? (claim.source ? blocks[block].slice(claim.source[0], claim.source[1]) : ''));
  }, signal);
  return groups.sorted();
}

/** How many of `items` ({claim}) paint in each category. */
function countCategories(items) {
  const counts = new Map();
  for (const { claim } of items) counts.set(categoryOf(claim), (counts.get(categoryOf(claim)) ?? 0) + 1);
  return counts;
}

export class ClaimsTable {
  #table;
  #more;
  #onShow;
  #groups = [];
  #blocks = [];
  #shown = 0;

  /** `onShow(block, extent)` is called when the reader asks to see a claim in the text. */
  constructor(table, moreButton, onShow) {
    this.#table = table;
    // The kind labels wear their category's colours, from the extension's highlights.css.
    table.classList.add('allegedly-view');
    this.#more = moreButton;
    this.#onShow = onShow;
    this.#more.addEventListener('click', () => this.#showMoreGroups());
  }

  /** One sentence on the grouping, e.g. "47 claims: 40 from 12 named sources, 7 with no source named." */
  get summary() {
    const total = this.#groups.reduce((sum, group) => sum + group.claims.length, 0);
    if (!total) return 'No claims found in this text.';
    const named = this.#groups.filter((group) => group.source);
    const namedClaims = named.reduce((sum, group) => sum + group.claims.length, 0);
    const parts = [];
    if (named.length) parts.push(`${namedClaims} from ${plural(named.length, 'named source')}`);
    if (total > namedClaims) parts.push(`${total - namedClaims} with no source named`);
    return `${plural(total, 'claim')}: ${parts.join(', ')}.`;
  }

  clear() {
    this.#groups = [];
    for (const body of [...this.#table.tBodies]) body.remove();
    this.#more.hidden = true;
  }

  async show(blocks, claims, signal) {
    this.clear();
    const groups = await groupBySource(blocks, claims, signal);
    this.#blocks = blocks;
    this.#groups = groups;
    this.#shown = 0;
    this.#showMoreGroups();
  }

  #showMoreGroups() {
    const end = Math.min(this.#groups.length, this.#shown + GROUPS_PER_PAGE);
    for (let i = this.#shown; i < end; i++) this.#table.append(this.#groupBody(this.#groups[i]));
    this.#shown = end;
    const left = this.#groups.length - end;
    this.#more.hidden = left === 0;
    this.#more.textContent = `Show ${Math.min(left, GROUPS_PER_PAGE)} more sources (${left} not shown)`;
  }

  #groupBody(group) {
    const body = document.createElement('tbody');
    const header = body.insertRow();
    header.className = 'group';
    const cell = document.createElement('th');
    cell.scope = 'rowgroup';
    cell.colSpan = 4;
    const source = document.createElement('span');
    source.className = group.source ? 'source' : 'source none';
    source.textContent = group.source || 'No source named';
    const counts = document.createElement('span');
    counts.className = 'counts';
    const byCategory = countCategories(group.claims);
    const parts = CLAIM_CATEGORIES.filter(({ name }) => byCategory.has(name)).map(({ name, label }) => `${byCategory.get(name)} ${label.toLowerCase()}`);
    counts.textContent = `${group.claims.length} ${group.claims.length === 1 ? 'claim' : 'claims'}: ${parts.join(', ')}`;
    cell.append(source, counts);
    header.append(cell);
    this.#appendClaims(body, group, 0, CLAIMS_PER_GROUP);
    return body;
  }

  #appendClaims(body, group, from, count) {
    const end = Math.min(group.claims.length, from + count);
    for (let i = from; i < end; i++) body.append(this.#claimRow(group.claims[i]));
    if (end < group.claims.length) {
      const row = body.insertRow();
      row.className = 'more';
      const cell = row.insertCell();
      cell.colSpan = 4;
      const button = document.createElement('button');
      button.type = 'button';
      const left = group.claims.length - end;
      button.textContent = `Show ${Math.min(left, 50)} more of ${group.source ? `“${group.source}”` : 'the unsourced claims'} (${left} not shown)`;
      button.addEventListener('click', () => {
        row.remove();
        this.#appendClaims(body, group, end, 50);
      });
      cell.append(button);
    }
  }

  #claimRow({ block, claim }) {
    const text = this.#blocks[block];
    const row = document.createElement('tr');
    const category = categoryOf(claim);
    const kind = row.insertCell();
    const label = document.createElement('span');
    label.className = `kind ${category}`;
    label.textContent = categoryLabel(category);
    kind.append(label);
    row.insertCell().textContent = text.slice(claim.cue[0], claim.cue[1]);
    const content = row.insertCell();
    content.textContent = claim.content ? clip(text.slice(claim.content[0], claim.content[1])) : '—';
    const action = row.insertCell();
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'show';
    button.textContent = 'Show';
    button.setAttribute('aria-label', `Show “${text.slice(claim.cue[0], claim.cue[1])}” in the text`);
    button.addEventListener('click', () => this.#onShow(block, claimExtent(claim)));
    action.append(button);
    return row;
  }
}

function plural(count, noun) {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

function clip(text) {
  return text.length <= MAX_CONTENT ? text : `${text.slice(0, MAX_CONTENT).trimEnd()}…`;
}
