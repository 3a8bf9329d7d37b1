// The claims table: one row group per source (who says it), with counts per category, then each
// claim's category, cue and content. Built with createElement/textContent only.
//
// Big texts have tens of thousands of claims, so the table shows the largest groups first and a few
// claims per group, with buttons that add more: the DOM stays small whatever the input.

import { KINDS, SHARES, SourceGroups, categoryOf, claimExtent, kindLabel, kindOf, plural, specificityOf, summarise, t } from './categories.js';
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
    groups.add(item, claim.antecedent ?? (claim.source ? blocks[block].slice(claim.source[0], claim.source[1]) : ''), specificityOf(claim));
  }, signal);
  return groups.sorted();
}

/** How many of `items` ({claim}) are of each kind. */
function countKinds(items) {
  const counts = new Map();
  for (const { claim } of items) counts.set(kindOf(claim), (counts.get(kindOf(claim)) ?? 0) + 1);
  return counts;
}

/** The group's claims as the summary counts them (categories.js shareOf: kind, specificity, source). */
const asSummaryItem = (group) => ({ ...group, claims: group.claims.map(({ claim }) => ({ kind: kindOf(claim), specificity: specificityOf(claim), source: group.source })) });

const percent = (part, whole) => `${whole ? Math.round((100 * part) / whole) : 0}%`;

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

  /** The sourcing summary of the claims shown (extension/categories.js summarise), or null before any. */
  get summaryData() {
    return this.#groups.length ? summarise(this.#groups.map(asSummaryItem)) : null;
  }

  /** One sentence, as the panel's status: "47 claims from 12 sources". */
  get summary() {
    const summary = this.summaryData;
    if (!summary?.total) return t('panelEmpty');
    const claims = plural('countClaims', summary.total);
    return summary.sources ? t('panelSummary', claims, plural('countSources', summary.sources)) : t('panelSummaryNoSources', claims);
  }

  /**
   * Fills `container` with the panel's summary: a strip chart (plain SVG) of the shares, the shares
   * in words, the most quoted sources.
   */
  renderSummary(container) {
    const summary = this.summaryData;
    container.replaceChildren();
    container.hidden = !summary?.total;
    if (!summary?.total) return;
    const line = (s) => t('summaryShare', summary.shares[s], t(`share_${s}`), percent(summary.shares[s], summary.total));
    const present = SHARES.filter((s) => summary.shares[s] > 0);
    const SVG = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 100 6');
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('class', 'strip');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${t('summaryChart')}: ${present.map(line).join('; ')}`);
    let x = 0;
    for (const share of present) {
      const width = (100 * summary.shares[share]) / summary.total;
      const rect = document.createElementNS(SVG, 'rect');
      for (const [k, v] of Object.entries({ x, y: 0, width, height: 6, class: `share-${share}`, 'data-share': share })) rect.setAttribute(k, String(v));
      const title = document.createElementNS(SVG, 'title');
      title.textContent = line(share);
      rect.append(title);
      svg.append(rect);
      x += width;
    }
    const list = document.createElement('ul');
    list.className = 'shares';
    for (const share of present) {
      const item = document.createElement('li');
      item.dataset.share = share;
      const swatch = document.createElement('span');
      swatch.className = `swatch share-${share}`;
      swatch.setAttribute('aria-hidden', 'true');
      item.append(swatch, line(share));
      list.append(item);
    }
    container.append(svg, list);
    if (summary.top.length) {
      const top = document.createElement('p');
      top.className = 'top';
      top.textContent = t('summaryTop', summary.top.map((s) => t('summaryTopItem', s.source, s.count)).join(', '));
      container.append(top);
    }
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
    source.textContent = group.source || t('panelNoSource');
    const counts = document.createElement('span');
    counts.className = 'counts';
    const byKind = countKinds(group.claims);
    const parts = KINDS.filter((kind) => byKind.has(kind)).map((kind) => t('panelKindTally', byKind.get(kind), kindLabel(kind)));
    counts.textContent = plural('panelGroupCounts', group.claims.length, parts.join(', '));
    cell.append(source);
    if (group.specificity) {
      const specificity = document.createElement('span');
      specificity.className = `specificity ${group.specificity}`;
      specificity.textContent = t(`specificity_${group.specificity}`);
      cell.append(specificity);
    }
    cell.append(counts);
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
    label.textContent = kindLabel(kindOf(claim));
    kind.append(label);
    if (specificityOf(claim) === 'anonymous') {
      const anonymous = document.createElement('span');
      anonymous.className = 'anonymous-tag';
      anonymous.textContent = t('specificity_anonymous');
      kind.append(' ', anonymous);
    }
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

function clip(text) {
  return text.length <= MAX_CONTENT ? text : `${text.slice(0, MAX_CONTENT).trimEnd()}…`;
}
