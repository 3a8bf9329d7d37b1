// The playground: wires the inputs (paste, file, sample) to the analyzer and the views.
//
// Every new input aborts the run in progress; each step of a run (rendering, analysis in the worker,
// drawing, the table) checks the run's AbortSignal, so a stale run never paints over a new one.

import { AnalysisClient } from './analysis.js';
import { splitBlocks } from './blocks.js';
import { plural } from './categories.js';
import { ClaimsTable } from './claims-table.js';
import { HighlightSet, highlightsSupported } from './highlights.js';
import { JsonView, formatSize } from './json-view.js';
import { Legend } from './legend.js';
import { htmlToTextFocused } from './html-text.js';
import { loadSeed, loadSeedList, looksLikeHtmlDocument, readTextFile } from './sources.js';
import { TextView } from './text-view.js';

const $ = (id) => document.getElementById(id);

const ui = {
  input: $('input'),
  sample: $('sample'),
  file: $('file'),
  dropZone: $('drop-zone'),
  progress: $('progress'),
  percent: $('progress-percent'),
  status: $('status'),
  text: $('text'),
  noHighlights: $('no-highlights'),
  claimsSummary: $('claims-summary'),
  sourcing: $('sourcing'),
  hint: $('input-hint'),
  articleOnly: $('article-only'),
  focusNote: $('focus-note'),
};

// The last HTML read (a file, or a pasted page source): switching "Article only" reads it again.
let lastHtml = null;

/** What the focus switch did with the last HTML, for the reader. */
function noteFocus(focus) {
  ui.focusNote.textContent = !focus ? '' : focus === 'article' ? 'Read: the article only.' : `Read: the whole page (${focus}).`;
}

/** Reads `html` (its article only when the switch is on) and analyses its text. */
function useHtml(html, origin) {
  lastHtml = { html, origin };
  const { text, focus } = htmlToTextFocused(html, { articleOnly: ui.articleOnly.checked });
  noteFocus(focus);
  useText(text, origin);
}

const highlights = new HighlightSet();
const view = new TextView(ui.text, highlights);
const legend = new Legend($('legend'));
const table = new ClaimsTable($('claims'), $('more-sources'), showInText);
const json = new JsonView({
  details: $('json'),
  pre: $('json-text'),
  note: $('json-note'),
  copyButton: $('copy-json'),
  downloadButton: $('download-json'),
  status: say,
});
const analyzer = new AnalysisClient();

let current = null;
/** Texts longer than this are analysed and shown, but not put in the text box. */
const LARGE_INPUT = 200_000;
const HINT = ui.hint.textContent;
const INPUT_DELAY_MS = 300;
let inputTimer = 0;

function say(message) {
  ui.status.textContent = message;
}

function setState(state) {
  document.body.dataset.state = state;
}

function setProgress(fraction) {
  const percent = Math.round(fraction * 100);
  ui.progress.value = percent;
  ui.percent.textContent = `${percent}%`;
}

/** Analyses `text` and shows the result; `origin` names where it came from, for the status line. */
async function analyse(text, origin) {
  current?.abort();
  const controller = new AbortController();
  current = controller;
  const { signal } = controller;
  const blocks = splitBlocks(text);
  json.clear();
  table.clear();
  table.renderSummary(ui.sourcing);
  legend.setCounts(null);
  ui.claimsSummary.textContent = blocks.length ? 'Analysing…' : 'Nothing analysed yet.';
  if (!blocks.length) {
    await view.render([], signal);
    setProgress(0);
    setState('idle');
    say('Paste text, open a file or pick a sample to see its claims.');
    return;
  }
  const size = blocks.reduce((sum, block) => sum + block.length, 0);
  const started = performance.now();
  setState('analysing');
  setProgress(0);
  say(`Analysing ${origin} (${formatSize(size)})…`);
  const results = new Array(blocks.length);
  try {
    const rendering = view.render(blocks, signal);
    await analyzer.analyze(blocks, {
      signal,
      onChunk(first, claimsPerBlock) {
        claimsPerBlock.forEach((claims, i) => (results[first + i] = claims));
        view.addClaims(first, claimsPerBlock);
      },
      onProgress(done, total) {
        setProgress(total ? done / total : 1);
      },
    });
    await rendering;
    await view.settled();
    signal.throwIfAborted();
    const claims = [];
    results.forEach((list, block) => list.forEach((claim) => claims.push({ block, claim })));
    legend.setCounts(claims);
    await table.show(blocks, claims, signal);
    json.set(blocks, claims, table.summaryData);
    table.renderSummary(ui.sourcing);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const paragraphs = `${blocks.length} ${blocks.length === 1 ? 'paragraph' : 'paragraphs'}`;
    const found = plural('countClaims', claims.length);
    ui.claimsSummary.textContent = table.summary;
    say(`Found ${found} in ${paragraphs} of ${origin} (${formatSize(size)}) in ${seconds} s.`);
    setState('done');
  } catch (error) {
    if (error?.name === 'AbortError') return;
    setState('error');
    ui.claimsSummary.textContent = '';
    say(`Could not analyse the text: ${error?.message ?? error}`);
    console.error(error);
  }
}

/** Scrolls a claim into view and selects it, so the reader sees where it is. */
function showInText(block, extent) {
  const range = view.rangeOf(block, extent);
  if (!range) return;
  const smooth = !matchMedia('(prefers-reduced-motion: reduce)').matches;
  view.paragraphOf(block)?.scrollIntoView({ block: 'center', behavior: smooth ? 'smooth' : 'instant' });
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  ui.text.focus({ preventScroll: true });
}

/**
 * Puts `text` in the box (for files, samples and large pastes) and analyses it. A text too large to
 * edit comfortably stays out of the box: laying out megabytes in a textarea alone freezes a page.
 */
function useText(text, origin) {
  clearTimeout(inputTimer);
  const large = text.length > LARGE_INPUT;
  ui.input.value = large ? '' : text;
  ui.hint.textContent = large
    ? `The ${formatSize(text.length)} of ${origin} are shown below rather than in this box. Type or paste here to replace them.`
    : HINT;
  analyse(text, origin);
}

async function openFile(file) {
  current?.abort();
  say(`Reading ${file.name}…`);
  try {
    const { text, html, focus } = await readTextFile(file, { articleOnly: ui.articleOnly.checked });
    ui.sample.value = '';
    lastHtml = html ? { html, origin: file.name } : null;
    noteFocus(focus);
    useText(text, file.name);
  } catch (error) {
    setState('error');
    say(`Could not open the file: ${error?.message ?? error}`);
  }
}

// A large paste goes straight to the analyzer instead of into the box (see useText).
ui.input.addEventListener('paste', (event) => {
  const text = event.clipboardData?.getData('text/plain') ?? '';
  if (looksLikeHtmlDocument(text)) {
    // A page's source: read as HTML (its article, with the switch on), never as text with tags.
    event.preventDefault();
    ui.sample.value = '';
    useHtml(text, 'the pasted page');
    return;
  }
  if (text.length <= LARGE_INPUT) return;
  event.preventDefault();
  ui.sample.value = '';
  useText(text, 'the pasted text');
});

ui.articleOnly.addEventListener('change', () => {
  if (lastHtml) useHtml(lastHtml.html, lastHtml.origin);
});

// Typing or a normal paste: analyse once the input settles.
ui.input.addEventListener('input', () => {
  ui.sample.value = '';
  lastHtml = null;
  noteFocus(null);
  ui.hint.textContent = HINT;
  current?.abort();
  clearTimeout(inputTimer);
  inputTimer = setTimeout(() => analyse(ui.input.value, 'the pasted text'), INPUT_DELAY_MS);
});

ui.sample.addEventListener('change', async () => {
  const file = ui.sample.value;
  if (!file) return;
  const title = ui.sample.selectedOptions[0]?.textContent ?? file;
  current?.abort();
  lastHtml = null;
  noteFocus(null);
  say(`Loading the sample “${title}”…`);
  try {
    useText(await loadSeed(file), `the sample “${title}”`);
  } catch (error) {
    setState('error');
    say(`Could not load the sample: ${error?.message ?? error}`);
  }
});

ui.file.addEventListener('change', () => {
  const [file] = ui.file.files;
  if (file) openFile(file);
  ui.file.value = '';
});

// A file dropped anywhere on the page is opened; without this the browser would navigate to it.
document.addEventListener('dragover', (event) => {
  if (![...event.dataTransfer.types].includes('Files')) return;
  event.preventDefault();
  event.dataTransfer.dropEffect = 'copy';
  ui.dropZone.classList.add('dragging');
});
document.addEventListener('dragleave', (event) => {
  if (!event.relatedTarget) ui.dropZone.classList.remove('dragging');
});
document.addEventListener('drop', (event) => {
  ui.dropZone.classList.remove('dragging');
  const [file] = event.dataTransfer?.files ?? [];
  if (!file) return;
  event.preventDefault();
  openFile(file);
});

if (!highlightsSupported()) {
  // Without the Highlight API the text stays plain; the legend, table and JSON still work.
  ui.noHighlights.hidden = false;
}

// Start loading the analyzer while the reader reads, so the first analysis starts at once.
const ready = analyzer.prepare();
let samplesMissing = '';
try {
  for (const seed of await loadSeedList()) {
    const option = document.createElement('option');
    option.value = seed.file;
    option.textContent = seed.title;
    ui.sample.append(option);
  }
} catch (error) {
  ui.sample.disabled = true;
  samplesMissing = ` (The sample articles could not be loaded: ${error?.message ?? error}.)`;
}
setState('idle');
if (!current) say(`Loading the analyzer…${samplesMissing}`);
ready.then(
  () => current || say(`Ready. Paste text, open a file or pick a sample.${samplesMissing}`),
  (error) => {
    if (current) return;
    setState('error');
    say(`${error?.message ?? error}`);
  },
);
