// Article focus (issue 14): which part of a page is the article the reader came for — its headline,
// standfirst and body (with the body's quotes, lists and subheads) — so that only that part is
// analysed and highlighted. The decision is Mozilla's Readability (the engine of Firefox Reader View,
// vendored from npm @mozilla/readability by tools/package.mjs), not heuristics of our own.
//
// Readability rewrites the document it is given, so it gets a copy (the body, cloneAndMap); the
// page's DOM is never modified. Before the copy is touched, the two trees are walked in step and each
// copied text node is mapped to its live twin. Readability moves text nodes into its result (it
// re-tags and re-wraps elements around them), and its `serializer` option hands back the result
// element itself rather than HTML, so the result's text nodes map back to the live page. When a pass
// finds too little text, Readability restores the page from HTML and tries again, re-creating every
// node: those are matched through an index attribute on their copied parents (TextMatcher).
//
// A classic script with no dependencies beyond Readability's two globals: the content script and the
// playground (www/, on a DOMParser document) load the same file. Defines AllegedlyArticle.
(() => {
  'use strict';

  const TEXT_NODE = 3; // see collect.js: constants read off `Node` cost an Xray crossing in Firefox

  /**
   * Pages with more elements are read whole without asking Readability: its one synchronous call grows
   * with the page (the 5,773-element long bench page: ~250 ms in the page's own world, 360–480 ms from
   * a content script; the 20 saved news pages have 274–2,059 elements and take 10–60 ms), and a cap
   * on the count, unlike the time cap alone, gives a page the same answer on every load.
   */
  const MAX_ELEMENTS = 5_000;
  /**
   * The whole step (copy, map, decide, parse) may take this long; past it, the whole page. A safety
   * net for pages the element cap lets through: on a quiet machine the saved pages take 10–60 ms;
   * from Firefox's content script on a machine loaded 5× over its 2 cores, dw.com took 144–325 ms
   * and cnn.com 184–218 ms, and a 250 ms cap sent those two to the whole page in one bench run.
   */
  const BUDGET_MS = 500;
  /** An article shorter than this (its text, in characters) is not trusted: the whole page. */
  const MIN_ARTICLE_CHARS = 250;
  /** How many elements are compared with the title and the excerpt at most (each one's text is read). */
  const HEADLINE_CANDIDATES = 40;
  const STANDFIRST_CANDIDATES = 200;
  /** Elements that cannot hold a body of paragraphs: the region around them is their parent. */
  const TEXT_LEVEL = new Set(['p', 'span', 'a', 'em', 'strong', 'b', 'i', 'q', 'blockquote', 'li', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'figcaption', 'font', 'small', 'time']);

  const now = () => performance.now();
  const normal = (text) => text.replace(/\s+/g, ' ').trim().toLowerCase();

  class Timeout extends Error {}

  /**
   * The first of `candidates` (at most `limit` of them, and none from `stopAt` on) whose text equals
   * `text` (normalised), or closely contains it or is contained in it, and that is not inside `region`.
   */
  function findText(candidates, text, region, limit = Infinity, stopAt = null) {
    const want = normal(text);
    if (want.length < 10) return null;
    let seen = 0;
    for (const el of candidates) {
      if (++seen > limit) break;
      // 20 = DOCUMENT_POSITION_FOLLOWING | CONTAINED_BY: `el` is `stopAt`'s descendant or after it
      if (stopAt && (el === stopAt || stopAt.compareDocumentPosition(el) & 20)) break;
      const have = normal(el.textContent ?? '');
      if (!have || have.length < want.length * 0.6 || have.length > want.length * 1.6) continue;
      const close = have === want || (have.includes(want) && want.length >= 0.75 * have.length) || (want.includes(have) && have.length >= 0.75 * want.length);
      if (close && !region.contains(el) && !el.contains(region)) return el;
    }
    return null;
  }

  const PARENT_ATTRIBUTE = 'data-allegedly-parent';

  /**
   * A copy of `doc` for Readability, and how its text maps back: `twin` (clone text node → live
   * text node) and `parents` (index → live element; each clone element that holds text carries its
   * index in PARENT_ATTRIBUTE). Only the body is copied, with the head's title, meta and JSON-LD
   * (what Readability reads there): a whole-document clone also copied the stylesheets, and Chromium
   * parsed them — 57–163 ms for the 938 KB of inline CSS of a saved CNN page, 2 ms for its body.
   */
  function cloneAndMap(doc) {
    const clone = doc.implementation.createHTMLDocument('');
    for (const el of doc.head?.querySelectorAll('title, meta, script[type="application/ld+json"]') ?? []) clone.head.append(clone.importNode(el, true));
    const body = clone.importNode(doc.body, true);
    clone.documentElement.replaceChild(body, clone.body);
    const twin = new Map();
    const parents = [];
    const liveWalker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    const cloneWalker = clone.createTreeWalker(body, 4);
    let lastParent = null;
    for (let live = liveWalker.nextNode(), copy = cloneWalker.nextNode(); live && copy; live = liveWalker.nextNode(), copy = cloneWalker.nextNode()) {
      twin.set(copy, live);
      const parent = copy.parentNode;
      if (parent !== lastParent && parent.nodeType === 1 && !parent.hasAttribute(PARENT_ATTRIBUTE)) {
        parent.setAttribute(PARENT_ATTRIBUTE, String(parents.length));
        parents.push(live.parentNode);
      }
      lastParent = parent;
    }
    return { clone, twin, parents };
  }

  /**
   * Finds the live twin of a clone text node that Readability re-created: when a pass finds too
   * little text, it restores the page from its own innerHTML and tries again, so the nodes of later
   * passes are new. The element attributes survive that (and Readability's re-tagging copies them),
   * so a text node's nearest marked ancestor names its live parent, and among that parent's text
   * children the first not yet taken with the same text is its twin.
   */
  class TextMatcher {
    constructor(parents) {
      this.parents = parents;
      this.children = new Map(); // live parent → its text children not matched yet
    }

    match(copy) {
      const marked = copy.parentElement?.closest(`[${PARENT_ATTRIBUTE}]`);
      const parent = marked && this.parents[Number(marked.getAttribute(PARENT_ATTRIBUTE))];
      if (!parent) return null;
      let free = this.children.get(parent);
      if (!free) {
        free = [];
        for (let c = parent.firstChild; c; c = c.nextSibling) if (c.nodeType === TEXT_NODE) free.push(c);
        this.children.set(parent, free);
      }
      const at = free.findIndex((node) => node.data === copy.data);
      return at < 0 ? null : free.splice(at, 1)[0];
    }
  }

  /** The page's headline for Readability's `title`: an <h1> first; else a marked headline or an <h2>. */
  function findHeadline(doc, title, region) {
    return findText(doc.getElementsByTagName('h1'), title, region, HEADLINE_CANDIDATES) ?? findText(doc.querySelectorAll('[itemprop="headline"], h2'), title, region, HEADLINE_CANDIDATES);
  }

  /** The deepest element holding every node of `nodes` (live text nodes). */
  function commonAncestor(nodes) {
    let common = null;
    for (const node of nodes) {
      const el = node.parentElement;
      if (!el) continue;
      if (!common) common = el;
      while (common && !common.contains(el)) common = common.parentElement;
      if (!common) return null;
    }
    return common;
  }

  /**
   * The article of `doc` (a live document, or any Document), or a reason why there is none:
   * { focus, reason, failed, ms: { total, clone, parse } }. `focus` is null when the page should be read whole:
   * not an article (Readability's isProbablyReaderable says no, or parse finds nothing), too large,
   * too slow, too short, or Readability threw. Never throws. `elements`: the page's element count,
   * when the caller has it already.
   */
  function find(doc = document, { budgetMs = BUDGET_MS, maxElements = MAX_ELEMENTS, elements = null } = {}) {
    const t0 = now();
    const ms = { total: 0, clone: 0, parse: 0 };
    // `failed`: something went wrong (Readability threw or ran over time, its result mapped to
    // nothing), as opposed to a page that is simply not an article, or too large to ask about.
    const done = (focus, reason, failed = false) => {
      ms.total = now() - t0;
      return { focus, reason, failed, ms };
    };
    try {
      const ReadabilityClass = globalThis.Readability;
      const readerable = globalThis.isProbablyReaderable;
      if (typeof ReadabilityClass !== 'function' || typeof readerable !== 'function') return done(null, 'Readability is not loaded');
      if (!doc?.body || !doc.documentElement) return done(null, 'no document body');
      // Counted on the live page before anything is copied: one native count (or the caller's).
      elements ??= doc.getElementsByTagName('*').length;
      if (elements > maxElements) return done(null, `too large (${elements} elements, the cap is ${maxElements})`);
      const deadline = t0 + budgetMs;

      const { clone, twin, parents } = cloneAndMap(doc);
      ms.clone = now() - t0;
      if (now() > deadline) return done(null, `over the time cap while copying (${Math.round(ms.clone)} ms)`, true);

      if (!readerable(clone)) return done(null, 'not an article (isProbablyReaderable)');

      const reader = new ReadabilityClass(clone, { serializer: (el) => el, keepClasses: true, maxElemsToParse: maxElements });
      // The time cap: parse() is one synchronous call, so the clock is read inside it, from the tree
      // walks every pass of it makes (Readability 0.6.0's internals; if they are renamed, only the
      // element cap and the checks around parse() remain).
      for (const name of ['_getNextNode', '_getAllNodesWithTag']) {
        const inner = reader[name];
        if (typeof inner !== 'function') continue;
        let calls = 0;
        reader[name] = function (...args) {
          if ((++calls & 63) === 0 && now() > deadline) throw new Timeout(`over the time cap (${budgetMs} ms) in Readability`);
          return inner.apply(this, args);
        };
      }
      const parseStart = now();
      const article = reader.parse();
      ms.parse = now() - parseStart;
      if (!article || !article.content || typeof article.content.getElementsByTagName !== 'function') return done(null, 'Readability found no article');
      if ((article.length ?? 0) < MIN_ARTICLE_CHARS) return done(null, `article too short (${article.length} characters)`);

      // The article's text nodes, live.
      const inArticle = new Set();
      const walker = clone.createTreeWalker(article.content, 4);
      const byText = new TextMatcher(parents);
      for (let copy = walker.nextNode(); copy; copy = walker.nextNode()) {
        if (!copy.data.trim()) continue;
        const live = twin.get(copy) ?? byText.match(copy);
        if (live) inArticle.add(live);
      }
      if (!inArticle.size) return done(null, 'the article maps to no text on the page', true);
      let region = commonAncestor(inArticle);
      while (region && region !== doc.body && TEXT_LEVEL.has(region.localName)) region = region.parentElement;
      if (!region) return done(null, 'the article maps to no element on the page', true);

      // Known text that Readability left out (navigation, teasers, credits, ad labels…): never read,
      // even inside the region. Text hidden at the time (`hidden`, inline display:none), which
      // Readability drops as invisible, is not known: shown later inside the region, it is read.
      // Weak: a page that replaces its nodes for hours must not keep the old ones alive through us.
      const left = new WeakSet();
      for (const live of twin.values()) if (!inArticle.has(live)) left.add(live);
      for (const hidden of region.querySelectorAll('[hidden], [style*="none" i], [style*="hidden" i], [aria-hidden="true"]')) {
        const inner = doc.createTreeWalker(hidden, 4);
        for (let node = inner.nextNode(); node; node = inner.nextNode()) left.delete(node);
      }

      // The headline and the standfirst, which Readability reports as the title and the excerpt and
      // often finds outside the body it returns (it drops a heading that repeats the title).
      const extras = [];
      const headline = findHeadline(doc, article.title ?? '', region);
      if (headline) extras.push(headline);
      // The standfirst comes before the body: it is looked for around the headline, or before the
      // body in the body's parent, up to the body's start.
      if (article.excerpt && article.excerpt.length >= 40) {
        const scope = headline ? (headline.parentElement?.parentElement ?? headline.parentElement) : region.parentElement;
        const standfirst = scope && findText(scope.querySelectorAll('p, h2, div, span'), article.excerpt, region, STANDFIRST_CANDIDATES, headline ? null : region);
        if (standfirst && !standfirst.contains(headline)) extras.push(standfirst);
      }
      for (const el of extras) {
        const inner = doc.createTreeWalker(el, 4);
        for (let node = inner.nextNode(); node; node = inner.nextNode()) {
          left.delete(node);
          if (node.data.trim()) inArticle.add(node);
        }
      }
      const roots = [...extras, region].sort((a, b) => (a.compareDocumentPosition(b) & 4 /* FOLLOWING */ ? -1 : 1));
      return done(new Focus(region, roots, inArticle, left, article), 'article');
    } catch (error) {
      if (error instanceof Timeout) return done(null, error.message, true);
      return done(null, `Readability failed: ${error?.message ?? error}`, true);
    }
  }

  /**
   * The article of a page. `roots` are the live elements to read, in document order (the headline,
   * the standfirst, the body's region); `admits(textNode)` says whether a text node found under them
   * belongs to the article: a node Readability kept, yes; one it left out, no; one added or shown
   * since, yes if it lies in the body's region or in the headline or standfirst.
   */
  class Focus {
    constructor(region, roots, inArticle, left, article) {
      this.region = region;
      this.roots = roots;
      this.textNodes = new WeakSet(inArticle);
      this.left = left;
      this.title = article.title ?? '';
      this.chars = article.length ?? 0;
    }

    admits(node) {
      if (this.textNodes.has(node)) return true;
      if (this.left.has(node)) return false;
      return this.contains(node);
    }

    /** Whether `node` (any node) lies in one of the article's roots. */
    contains(node) {
      return this.roots.some((root) => root === node || root.contains(node));
    }

    /** Whether a block (collect.js: { segments: [{ node }] }) is article text: any of its text nodes is. */
    admitsBlock(block) {
      return block.segments.some(({ node }) => node && node.nodeType === TEXT_NODE && this.admits(node));
    }
  }

  globalThis.AllegedlyArticle = Object.freeze({ find, Focus, BUDGET_MS, MAX_ELEMENTS, MIN_ARTICLE_CHARS });
})();
