// Test pages: the seed articles rendered as news-like pages (headline, byline, paragraphs, with links
// and emphasis placed inside the claims so that claims cross element boundaries), and small helpers
// for the other fixtures. Page text is always escaped: it is data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './browsers.mjs';

/** Where the seed articles are: the repo's fixtures, else the shared read-only copy. */
export function seedDir() {
  const candidates = [path.join(ROOT, 'tests/fixtures/seeds'), process.env.ALLEGEDLY_SEEDS_DIR, path.join(ROOT, '../shared/seeds')];
  return candidates.find((dir) => dir && existsSync(dir) && readdirSync(dir).some((f) => f.endsWith('.txt'))) ?? null;
}

/** [{ name, text }] for every seed article (empty when none are available). */
export function loadSeeds() {
  const dir = seedDir();
  if (!dir) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: path.basename(f, '.txt'), text: readFileSync(path.join(dir, f), 'utf8') }));
}

export function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

/** A complete HTML document around `body` (a string of trusted fixture markup). */
export function htmlDocument({ title = 'Test page', body, head = '', lang = 'en' }) {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>
  body { font: 18px/1.55 Georgia, 'DejaVu Serif', serif; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1b1b1b; background: #fff; }
  header.site { font: 600 14px/1 'DejaVu Sans', sans-serif; letter-spacing: .08em; text-transform: uppercase; border-bottom: 3px solid #1b1b1b; padding-bottom: .6rem; }
  h1 { font-size: 2rem; line-height: 1.2; margin: 1.2rem 0 .4rem; }
  .byline { font: 14px 'DejaVu Sans', sans-serif; color: #555; margin-bottom: 1.5rem; }
  a { color: #0b57a4; }
  nav a { margin-right: 1rem; }
  .hidden-by-css { display: none; }
</style>
${head}
</head>
<body>
${body}
</body>
</html>
`;
}

// Markup placed inside the seed paragraphs, so the claims cross element boundaries the way real news
// pages do: named organisations become links, quotations get emphasis, cue verbs get bold.
const LINKED = /\b(?:Intelligence Ministry|Ministry of Intelligence|Mossad|Iranian state media|state media|the ministry)\b/g;
const QUOTED = /["“][^"”]{3,120}["”]/g;
const BOLD = /\b(?:claimed|allegedly|according to)\b/g;

function decorate(paragraph) {
  // Non-overlapping decorations, first come first served, in text order.
  const spans = [];
  for (const [re, tag] of [[LINKED, 'a'], [QUOTED, 'em'], [BOLD, 'b']]) {
    for (const m of paragraph.matchAll(re)) {
      const start = m.index;
      const end = start + m[0].length;
      if (!spans.some((s) => start < s.end && s.start < end)) spans.push({ start, end, tag });
    }
  }
  spans.sort((a, b) => a.start - b.start);
  let html = '';
  let at = 0;
  for (const { start, end, tag } of spans) {
    html += escapeHtml(paragraph.slice(at, start));
    const inner = escapeHtml(paragraph.slice(start, end));
    html += tag === 'a' ? `<a href="/topic/${encodeURIComponent(paragraph.slice(start, end).toLowerCase())}">${inner}</a>` : `<${tag}>${inner}</${tag}>`;
    at = end;
  }
  return html + escapeHtml(paragraph.slice(at));
}

/**
 * A seed article as a news page: the first line is the headline, the rest paragraphs; plus the
 * furniture real pages have (site header, nav, byline, a hidden block and a script that must be
 * ignored, a footer).
 */
export function seedPage({ name, text }) {
  const lines = text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
  // Some seeds start with a headline, others straight with the lede: only a short line without a
  // full stop is taken as the headline; otherwise the lede stays a paragraph and its opening words
  // make the headline.
  const looksLikeHeadline = lines[0].length < 140 && !/[.!?]["”]?$/.test(lines[0]);
  const headline = looksLikeHeadline ? lines[0] : `${lines[0].split(/\s+/).slice(0, 9).join(' ')} …`;
  const paragraphs = looksLikeHeadline ? lines.slice(1) : lines;
  const body = `<header class="site">The Loopback Times</header>
<nav><a href="/world">World</a><a href="/politics">Politics</a><a href="/opinion">Opinion</a></nav>
<article>
<h1>${escapeHtml(headline)}</h1>
<p class="byline">By <a href="/staff/test-reporter">Test Reporter</a> · <time datetime="2024-02-02">2 February 2024</time></p>
${paragraphs.map((p) => `<p>${decorate(p)}</p>`).join('\n')}
<p class="hidden-by-css">Officials claimed that this hidden paragraph is never shown.</p>
<p hidden>Officials claimed that this paragraph with the hidden attribute is never shown.</p>
<noscript><p>Officials claimed that noscript text is never analysed.</p></noscript>
</article>
<footer><p>Seed ${escapeHtml(name)} · © The Loopback Times</p></footer>`;
  return htmlDocument({ title: headline, body });
}
