// The analysis as JSON: every claim with the block it is in, the analyzer's UTF-16 offsets (relative
// to that block, as `analyzeBlocks` returns them) and the quoted text of each span.
//
// Built only when asked for (the section is opened, or Copy/Download is pressed), in slices, and
// shown clipped when large; Copy and Download always give all of it.

import { categoryOf, kindLabel, kindOf, specificityOf } from './categories.js';
import { SLICE_MS, nextTask } from './schedule.js';

const SHOWN_CHARS = 50_000;
const PRETTY_LIMIT = 2000;

/**
 * The JSON text for `claims` ({block, claim}) over `blocks`, built in slices, as an array of pieces
 * to concatenate: a 5 MB text gives some 20 MB of JSON, and joining that in one go is a long task
 * that only Copy needs (Download hands the pieces to a Blob; the view shows the first few).
 */
export async function buildJson(blocks, claims, signal, summary = null) {
  // The sourcing summary first, as the extension's panel exports it (issue 17).
  const summaryJson = summary ? `\n  "summary": ${indent(JSON.stringify(summary, null, 2), '  ').trimStart()},` : '';
  const head = `{\n  "offsets": "UTF-16 code units, relative to the block",\n  "blocks": ${blocks.length},${summaryJson}\n  "claims": [`;
  const parts = [head];
  // Beyond a few thousand claims, one line per claim: a third of the size, and no one reads it by eye.
  const pretty = claims.length <= PRETTY_LIMIT;
  let sliceStart = performance.now();
  for (let i = 0; i < claims.length; i++) {
    const { block, claim } = claims[i];
    const text = blocks[block];
    const quote = (span) => (span ? text.slice(span[0], span[1]) : null);
    const entry = {
      block,
      kind: claim.kind,
      stance: claim.stance,
      specificity: specificityOf(claim),
      category: categoryOf(claim).replace('allegedly-', ''),
      kindLabel: kindLabel(kindOf(claim)),
      cue: claim.cue,
      source: claim.source,
      content: claim.content,
      sentence: claim.sentence,
      text: { cue: quote(claim.cue), source: quote(claim.source), content: quote(claim.content) },
    };
    const body = pretty ? indent(JSON.stringify(entry, null, 2), '    ') : `    ${JSON.stringify(entry)}`;
    parts.push(`${i ? ',' : ''}\n${body}`);
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
  parts.push(claims.length ? '\n  ]\n}\n' : ']\n}\n');
  return parts;
}

function indent(text, by) {
  return by + text.replaceAll('\n', `\n${by}`);
}

export class JsonView {
  #details;
  #pre;
  #note;
  #source = null;
  #json = null;

  constructor({ details, pre, note, copyButton, downloadButton, status }) {
    this.#details = details;
    this.#pre = pre;
    this.#note = note;
    details.addEventListener('toggle', () => details.open && this.#fill());
    copyButton.addEventListener('click', async () => {
      const parts = await this.#parts();
      if (parts === null) return;
      const json = parts.join('');
      try {
        await navigator.clipboard.writeText(json);
        status(`Copied ${formatSize(json.length)} of JSON to the clipboard.`);
      } catch {
        // No clipboard permission (e.g. a plain-http page): select it so Ctrl+C works.
        this.#details.open = true;
        await this.#fill();
        getSelection().selectAllChildren(this.#pre);
        status('The clipboard is not available here; the JSON is selected, press Ctrl+C (⌘C) to copy it.');
      }
    });
    downloadButton.addEventListener('click', async () => {
      const parts = await this.#parts();
      if (parts === null) return;
      const url = URL.createObjectURL(new Blob(parts, { type: 'application/json' }));
      const link = document.createElement('a');
      link.href = url;
      link.download = 'allegedly-claims.json';
      link.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    });
  }

  /** Sets the analysis the view describes; nothing is built until someone looks. */
  set(blocks, claims, summary = null) {
    this.#source = { blocks, claims, summary };
    this.#json = null;
    this.#pre.textContent = '';
    this.#note.textContent = '';
    if (this.#details.open) this.#fill();
  }

  clear() {
    this.#source = null;
    this.#json = null;
    this.#pre.textContent = '';
    this.#note.textContent = 'Analyse a text to see its claims as JSON.';
  }

  async #parts() {
    if (!this.#source) return null;
    const source = this.#source;
    this.#json ??= buildJson(source.blocks, source.claims, undefined, source.summary);
    const parts = await this.#json;
    return this.#source === source ? parts : null;
  }

  async #fill() {
    const parts = await this.#parts();
    if (parts === null) {
      this.#note.textContent = 'Analyse a text to see its claims as JSON.';
      return;
    }
    let shown = '';
    let total = 0;
    for (const part of parts) {
      if (shown.length < SHOWN_CHARS) shown += part;
      total += part.length;
    }
    if (total > shown.length) {
      this.#pre.textContent = `${shown}\n…`;
      this.#note.textContent = `Showing the first ${formatSize(shown.length)} of ${formatSize(total)}; Copy and Download give all of it.`;
    } else {
      this.#pre.textContent = shown;
      this.#note.textContent = '';
    }
  }
}

export function formatSize(chars) {
  if (chars < 1000) return `${chars} characters`;
  if (chars < 1e6) return `${Math.round(chars / 1000)}k characters`;
  return `${(chars / 1e6).toFixed(1)}M characters`;
}
