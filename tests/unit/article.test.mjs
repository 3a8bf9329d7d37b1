// content/article.js (issue 14) outside a browser, on linkedom documents: Readability's article maps
// back to the page's own text nodes (also when Readability re-creates them on a retry pass), furniture
// stays out, and every way of failing (not an article, too large, over time, Readability throwing)
// gives the whole page with a reason, never an exception. The browsers run the same file in
// tests/e2e/focus.test.mjs.
import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { furniturePage } from '../e2e/lib/focus.mjs';

const require = createRequire(import.meta.url);
const { parseHTML } = require('linkedom');
const { Readability, isProbablyReaderable } = require('@mozilla/readability');
Object.assign(globalThis, { Readability, isProbablyReaderable });
await import('../../extension/content/article.js');
const { find } = globalThis.AllegedlyArticle;

/**
 * A linkedom document for `html`, with the two DOM calls linkedom lacks: an empty HTML document
 * (implementation.createHTMLDocument) and getElementsByTagName('*') (it answers none).
 */
function documentOf(html) {
  const { document } = parseHTML(html);
  const byTag = document.getElementsByTagName.bind(document);
  document.getElementsByTagName = (tag) => (tag === '*' ? document.querySelectorAll('*') : byTag(tag));
  Object.defineProperty(document, 'implementation', { value: { createHTMLDocument: () => documentOf('<!doctype html><html><head></head><body></body></html>') } });
  return document;
}

/** The text nodes under `root` (a linkedom element). */
function textNodes(root) {
  const out = [];
  const walker = root.ownerDocument.createTreeWalker(root, 4);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (node.data.trim()) out.push(node);
  return out;
}

test('a furnished page: the article’s own text nodes, headline and standfirst in, furniture out', () => {
  const doc = documentOf(furniturePage());
  const { focus, reason, failed } = find(doc, { budgetMs: 10_000 });
  assert.equal(reason, 'article');
  assert.equal(failed, false);
  const article = [...doc.querySelectorAll('[data-article]')].flatMap(textNodes);
  const furniture = [...doc.querySelectorAll('[data-furniture]')].flatMap(textNodes);
  assert.ok(article.length >= 13 && furniture.length >= 20);
  for (const node of article) assert.ok(focus.admits(node), `article text left out: ${node.data.slice(0, 60)}`);
  for (const node of furniture) assert.ok(!focus.admits(node), `furniture let in: ${node.data.slice(0, 60)}`);
  // The page itself is untouched: Readability worked on a copy.
  assert.equal(doc.querySelectorAll('[data-allegedly-parent]').length, 0);
  assert.equal(doc.documentElement.outerHTML, documentOf(furniturePage()).documentElement.outerHTML);
  // Text added later inside the body is let in; a node Readability left out stays out.
  const late = doc.createTextNode('Officials said more.');
  doc.querySelector('.article-body').append(late);
  assert.ok(focus.admits(late));
  const teaser = doc.createTextNode('Officials said elsewhere.');
  doc.querySelector('.teasers').append(teaser);
  assert.ok(!focus.admits(teaser));
});

test('an article Readability finds only on a retry pass (it re-creates the nodes) still maps back', () => {
  // Too little text for the first pass (500 characters), so Readability restores the page from HTML
  // and tries again without its "unlikely candidates" filter: every node of the result is new.
  const para = (i) => `<p>The minister said on Tuesday that plan ${i} would cut emissions by half within a decade, officials reported at length to a room of journalists and diplomats gathered in the capital for the annual climate meeting.</p>`;
  const html = `<!doctype html><html><head><title>Plan to cut emissions is unveiled by the minister</title></head><body>
    <div class="sidebar-widget">${[1, 2, 3, 4].map(para).join('')}</div><nav><a href="/a">Home</a></nav></body></html>`;
  const doc = documentOf(html);
  const { focus, reason } = find(doc, { budgetMs: 10_000 });
  assert.equal(reason, 'article', reason);
  const paragraphs = [...doc.querySelectorAll('p')].flatMap(textNodes);
  for (const node of paragraphs) assert.ok(focus.textNodes.has(node), `not mapped: ${node.data.slice(0, 40)}`);
});

test('not an article, too large, over time, or Readability throwing: the whole page, with a reason', () => {
  const front = documentOf(`<html><body><h1>Today</h1><ul>${Array.from({ length: 30 }, (_, i) => `<li><a href="/${i}">Story ${i}</a></li>`).join('')}</ul></body></html>`);
  assert.deepEqual([find(front).focus, find(front).failed], [null, false]);
  assert.match(find(front).reason, /not an article/);

  const page = documentOf(furniturePage());
  const big = find(page, { maxElements: 50 });
  assert.deepEqual([big.focus, big.failed], [null, false]);
  assert.match(big.reason, /too large/);
  const slow = find(page, { budgetMs: 0 });
  assert.deepEqual([slow.focus, slow.failed], [null, true]);
  assert.match(slow.reason, /time cap/);

  const real = globalThis.Readability;
  globalThis.Readability = class {
    parse() {
      throw new Error('boom');
    }
  };
  try {
    const broken = find(page);
    assert.deepEqual([broken.focus, broken.failed], [null, true]);
    assert.match(broken.reason, /Readability failed: boom/);
  } finally {
    globalThis.Readability = real;
  }
  assert.deepEqual(find(null).focus, null);
  assert.equal(find(documentOf('')).focus, null);
});
