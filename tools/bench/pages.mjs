// The bench pages, generated at run time (never stored): news-like HTML built from the repo's seed
// articles and, when present, the paragraphs of the saved real news pages in ALLEGEDLY_PAGES_DIR
// (../shared/pages; their text stays there: it is only read into memory for the run).
//
//   typical — an article of ~5,000 words with the usual furniture (nav, related links, footer)
//   long    — ~100,000 words (a long read with comments, or an archive page)
//   huge    — 10 MB of text in 100,000+ text nodes (a worst case: an endless feed, a book)
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { escapeHtml, htmlDocument, loadSeeds } from '../../tests/e2e/lib/pages.mjs';
import { serveFixtures } from '../../tests/e2e/lib/server.mjs';

export const PAGE_SPECS = [
  { name: 'typical', title: 'typical article (~5k words)', words: 5_000 },
  { name: 'long', title: 'long page (~100k words)', words: 100_000 },
  { name: 'huge', title: '10 MB text page', chars: 10_000_000 },
];

/** A small deterministic PRNG (mulberry32): the same pages in every run. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', mdash: '—', ndash: '–', rsquo: '’', lsquo: '‘', rdquo: '”', ldquo: '“', hellip: '…' };

function decodeEntities(text) {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (all, name) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code < 0x110000 ? String.fromCodePoint(code) : ' ';
    }
    return ENTITIES[name.toLowerCase()] ?? all;
  });
}

/** The prose paragraphs (<p> of 12+ words) of a saved HTML page, as plain text. */
function paragraphsOfHtml(html) {
  const out = [];
  const cleaned = html.replace(/<(script|style|noscript|template)\b[\s\S]*?<\/\1>/gi, ' ');
  for (const m of cleaned.matchAll(/<p\b[^>]*>([\s\S]*?)<\/p>/gi)) {
    const text = decodeEntities(m[1].replace(/<[^>]*>/g, ' ')).replace(/\s+/g, ' ').trim();
    if (text.split(' ').length >= 12 && !/[{}<>]/.test(text)) out.push(text);
  }
  return out;
}

/**
 * The paragraph pool: seed paragraphs, then the saved pages' paragraphs when the folder is there.
 * Returns { paragraphs, sources } where sources says what was used (for the report).
 */
export function paragraphPool(pagesDir) {
  const paragraphs = [];
  const sources = [];
  const seeds = loadSeeds();
  for (const { text } of seeds) {
    paragraphs.push(...text.split(/\r?\n/).map((l) => l.trim()).filter((l) => l.split(/\s+/).length >= 8));
  }
  if (seeds.length) sources.push(`${seeds.length} seed articles (tests/fixtures/seeds)`);
  if (pagesDir && existsSync(pagesDir)) {
    const files = readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort();
    let count = 0;
    for (const file of files) {
      const found = paragraphsOfHtml(readFileSync(path.join(pagesDir, file), 'utf8'));
      paragraphs.push(...found);
      count += found.length ? 1 : 0;
    }
    sources.push(`paragraphs of ${count} saved news pages (${pagesDir})`);
  } else {
    sources.push(`no saved news pages (${pagesDir ?? 'ALLEGEDLY_PAGES_DIR unset'} is absent): seed text only`);
  }
  if (!paragraphs.length) throw new Error('no text for the bench pages: tests/fixtures/seeds is empty and no saved pages were found');
  return { paragraphs, sources };
}

const INLINE = [
  (t) => `<a href="/topic/${encodeURIComponent(t.toLowerCase().slice(0, 40))}">${t}</a>`,
  (t) => `<em>${t}</em>`,
  (t) => `<b>${t}</b>`,
  (t) => `<span class="name">${t}</span>`,
];

/** A paragraph's HTML with an inline element every ~20 words (links, emphasis), as real pages have. */
function markup(paragraph, rand) {
  const words = paragraph.split(' ');
  let html = '';
  for (let i = 0; i < words.length; ) {
    const gap = 8 + Math.floor(rand() * 24);
    html += escapeHtml(words.slice(i, i + gap).join(' '));
    i += gap;
    if (i >= words.length) break;
    const span = 1 + Math.floor(rand() * 3);
    html += ` ${INLINE[Math.floor(rand() * INLINE.length)](escapeHtml(words.slice(i, i + span).join(' ')))} `;
    i += span;
  }
  return html;
}

function furniture(rand, pool) {
  const links = (n) =>
    Array.from({ length: n }, () => {
      const p = pool[Math.floor(rand() * pool.length)];
      return `<li><a href="/story/${Math.floor(rand() * 1e6)}">${escapeHtml(p.split(' ').slice(0, 9).join(' '))}</a></li>`;
    }).join('');
  return {
    header: `<header class="site"><a href="/">The Loopback Times</a><nav><ul>${['World', 'Politics', 'Business', 'Science', 'Opinion', 'Sport', 'Culture'].map((s) => `<li><a href="/${s.toLowerCase()}">${s}</a></li>`).join('')}</ul></nav></header>`,
    aside: `<aside><h2>Most read</h2><ol>${links(10)}</ol></aside>`,
    footer: `<footer><h2>More stories</h2><ul>${links(20)}</ul><p>© The Loopback Times. All rights reserved.</p></footer>`,
  };
}

const STYLE = `<style>
  aside { float: right; width: 14rem; font-size: 14px; margin-left: 1rem; }
  header.site nav ul, footer ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .8rem; }
  blockquote { border-left: 3px solid #aaa; margin-left: 0; padding-left: 1rem; color: #333; }
</style>`;

/**
 * One bench page: { name, title, html, words, chars } built to `spec` (words or chars of article
 * text) from the pool, with headings, quotes and lists among the paragraphs.
 */
export function buildPage(spec, pool) {
  const rand = random(0x5eed ^ spec.name.length);
  const { header, aside, footer } = furniture(rand, pool);
  const parts = [];
  let words = 0;
  let chars = 0;
  let n = 0;
  const enough = () => (spec.words ? words >= spec.words : chars >= spec.chars);
  // Paragraphs of 2–6 sentences drawn from the whole pool: news-like, and (almost) never the same
  // twice, so the content script's cache of results by block text cannot flatter a long page.
  const sentences = pool.flatMap((p) => p.split(/(?<=[.!?]["”’]?)\s+(?=[A-Z“"])/)).filter((x) => x.length > 20);
  while (!enough()) {
    const count = 2 + Math.floor(rand() * 5);
    const paragraph = Array.from({ length: count }, () => sentences[Math.floor(rand() * sentences.length)]).join(' ');
    words += paragraph.split(' ').length;
    chars += paragraph.length;
    n++;
    if (n % 9 === 0) parts.push(`<h2>${escapeHtml(paragraph.split(' ').slice(0, 7).join(' '))}</h2>`);
    if (n % 17 === 0) parts.push(`<blockquote><p>${markup(paragraph, rand)}</p></blockquote>`);
    else if (n % 23 === 0) parts.push(`<ul>${paragraph.split(/(?<=[.;]) /).map((s) => `<li>${markup(s, rand)}</li>`).join('')}</ul>`);
    else parts.push(`<p>${markup(paragraph, rand)}</p>`);
  }
  const headline = pool[0].split(' ').slice(0, 10).join(' ');
  const body = `${header}
<main><article>
<h1>${escapeHtml(headline)}</h1>
<p class="byline">By <a href="/staff/bench">Bench Reporter</a> · <time datetime="2024-02-02">2 February 2024</time></p>
${aside}
${parts.join('\n')}
</article></main>
${footer}`;
  return { name: spec.name, title: spec.title, html: htmlDocument({ title: headline, body, head: STYLE }), words, chars };
}

/**
 * The bench pages named in `names`, generated from the paragraphs in `pagesDir` and served from
 * 127.0.0.1 at /NAME.html: { server, specs }. The caller closes the server.
 */
export async function serveBenchPages(names, pagesDir) {
  const { paragraphs } = paragraphPool(pagesDir);
  const specs = PAGE_SPECS.filter((s) => names.includes(s.name));
  const server = await serveFixtures();
  for (const spec of specs) server.page(`/${spec.name}.html`, buildPage(spec, paragraphs).html);
  return { server, specs };
}
