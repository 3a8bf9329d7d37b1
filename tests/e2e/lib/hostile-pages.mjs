// Fixture pages for the robustness tests (tests/e2e/robustness.test.mjs, hostile.test.mjs,
// memory.test.mjs): generated pages of varied structure, pages that fight the extension (clearing
// CSS.highlights, mutating without pause, overriding built-ins), a single-page app, shadow roots and
// iframes, editable regions, markup shown as text; and the real saved news pages of ../shared/pages,
// read from their place at test time (never copied into the repo). Page text is escaped: it is data.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './browsers.mjs';
import { escapeHtml, htmlDocument } from './pages.mjs';

// ---------------------------------------------------------------------------------------------------
// Real pages.

export const REAL_PAGES_DIR = path.resolve(process.env.ALLEGEDLY_PAGES_DIR ?? path.join(ROOT, '../shared/pages'));

/**
 * A varied handful of the twenty saved pages (many scripts, a very large DOM, iframes, comment
 * threads, shadow-root markup), to keep the run short; ALLEGEDLY_ROBUSTNESS_PAGES=a.html,b.html picks
 * others.
 */
const DEFAULT_REAL_PAGES = [
  'bbc.com.52241221.html',
  'theguardian.com.academics.html',
  'reuters.com.parasite.html',
  'vice.com.amazon.html',
  'latimes.com.bloomberg.html',
];

/** [{ name, html }] of the chosen real pages that exist; empty when the folder is absent. */
export function loadRealPages() {
  if (!existsSync(REAL_PAGES_DIR)) return [];
  const names = process.env.ALLEGEDLY_ROBUSTNESS_PAGES?.split(',').filter(Boolean) ?? DEFAULT_REAL_PAGES;
  return names
    .map((name) => path.join(REAL_PAGES_DIR, name))
    .filter((file) => existsSync(file))
    .map((file) => ({ name: path.basename(file, '.html'), html: readFileSync(file, 'utf8') }));
}

/**
 * Served with the real pages: nothing but their inline styles runs or loads, so loads are quick and
 * the same every run, and no page tries to reach the internet (../shared/pages/README.md).
 */
export const REAL_PAGE_CSP = "default-src 'none'; style-src 'unsafe-inline'";

// ---------------------------------------------------------------------------------------------------
// Generated pages of varied structure, each with claims in it.

const CLAIM = (who, what) => `${who} claimed that ${what}.`;

function tablesPage() {
  const rows = Array.from({ length: 30 }, (_, i) => `<tr><th scope="row">Row ${i}</th><td>${CLAIM('The agency', `figure ${i} was revised`)}</td><td>${i * 7}</td></tr>`).join('\n');
  return htmlDocument({
    title: 'Tables',
    body: `<h1>Tables</h1>
<table><caption>${CLAIM('The ministry', 'the caption is accurate')}</caption>
<thead><tr><th>Name</th><th>Statement</th><th>Value</th></tr></thead>
<tbody>${rows}</tbody>
<tfoot><tr><td colspan="3">According to the bureau, the totals are provisional.</td></tr></tfoot></table>
<table><tr><td><table><tr><td>Nested: police said that the nested cell was read.</td></tr></table></td></tr></table>`,
  });
}

function listsPage() {
  const items = Array.from({ length: 20 }, (_, i) => `<li>Item ${i}: ${CLAIM('Officials', `item ${i} was delivered`)}</li>`).join('\n');
  return htmlDocument({
    title: 'Lists',
    body: `<h1>Lists</h1>
<ul>${items}</ul>
<ol><li>First, the spokesman said that <ol><li>nested items were ordered</li><li>and counted</li></ol></li></ol>
<dl><dt>Claim</dt><dd>${CLAIM('The company', 'the definition list was parsed')}</dd><dt>Term</dt><dd>Plain definition.</dd></dl>
<menu><li>The menu allegedly holds a claim too.</li></menu>`,
  });
}

function inlinePage() {
  // Thirty levels of inline elements around one claim; entities, soft hyphens, zero-width and
  // non-breaking spaces; ruby, bdi, wbr, sup; comments and empty elements between text nodes.
  let deep = 'claimed that the deeply nested claim survived';
  for (let i = 0; i < 30; i++) deep = `<${['span', 'em', 'b', 'i', 'a href="#x"', 'strong', 'u', 'small'][i % 8]}>${deep}</${['span', 'em', 'b', 'i', 'a', 'strong', 'u', 'small'][i % 8]}>`;
  return htmlDocument({
    title: 'Inline markup',
    body: `<h1>Nested inline markup</h1>
<p>The minister ${deep} the vote.</p>
<p>The <abbr title="World Health Organization">WHO</abbr> said<!-- a comment --> that the <q>virus</q> was&nbsp;contained&shy;&#8203; by <sup>1</sup>March.</p>
<p>Re<wbr>searchers <bdi>claimed</bdi> that <ruby>漢<rt>kan</rt>字<rt>ji</rt></ruby> were hard<span></span> to read.</p>
<p>&lt;b&gt;Not markup&lt;/b&gt; &amp; the council allegedly ignored it &#x1F600; and 👨‍👩‍👧 families.</p>
<p><a href="/a">The</a><a href="/b">company</a> <em>insisted</em><b> that</b> words were split across <i>many</i> elements.</p>`,
  });
}

function rtlPage() {
  return htmlDocument({
    title: 'RTL',
    lang: 'ar',
    head: '<style>body { direction: rtl; }</style>',
    body: `<h1>صفحة من اليمين إلى اليسار</h1>
<p dir="rtl">قالت الوزارة إن الجسر آمن. The ministry claimed that the bridge was safe, وأضافت أن العمل مستمر.</p>
<p dir="rtl">המשטרה טענה כי החשוד נעצר. Police said that the suspect was arrested.</p>
<p><bdo dir="rtl">The spokesman claimed that this text is overridden.</bdo></p>
<p dir="auto">‏According to the agency, the mark is right-to-left.‏</p>
<p dir="ltr">Mixed: the council allegedly approved <span dir="rtl">مشروع القانون</span> yesterday.</p>`,
  });
}

function preCodePage() {
  return htmlDocument({
    title: 'Pre and code',
    body: `<h1>Preformatted text</h1>
<pre>line one
The vendor claimed that
  the indented line continues here.
	tab	separated	claimed that columns work</pre>
<p>Inline <code>claimed_that()</code> code, and the engineer said that <code>x &lt; y</code> held.</p>
<pre><code>// Officials claimed that comments in code are text too.
fn main() { println!("according to the compiler"); }</code></pre>
<p style="white-space: pre-wrap">A pre-wrap paragraph:
the analyst claimed that newlines are kept here.</p>`,
  });
}

function longParagraphPage() {
  // One ~200k-character paragraph with a claim every ~2,000 characters, and a paragraph that is one
  // 20k-character word.
  const filler = 'The board reviewed the quarterly figures and the members discussed the schedule at length. ';
  let text = '';
  for (let i = 0; text.length < 200_000; i++) text += i % 20 === 0 ? `The treasurer claimed that entry ${i} balanced. ` : filler;
  return htmlDocument({
    title: 'Long paragraphs',
    body: `<h1>Long paragraphs</h1>
<p>${escapeHtml(text)}</p>
<p>${'x'.repeat(20_000)}</p>
<p>After the long word, the auditor claimed that everything was fine.</p>`,
  });
}

/** [{ name, html }]: the generated pages for the on/off cycle test. */
export function generatedPages() {
  return [
    { name: 'tables', html: tablesPage() },
    { name: 'lists', html: listsPage() },
    { name: 'inline', html: inlinePage() },
    { name: 'rtl', html: rtlPage() },
    { name: 'pre-code', html: preCodePage() },
    { name: 'long-paragraphs', html: longParagraphPage() },
  ];
}

// ---------------------------------------------------------------------------------------------------
// Hostile and special pages.

/** A plain article with a few claims and an area where the test (or a page script) works. */
export const ARTICLE_PAGE = htmlDocument({
  title: 'Article',
  body: `<h1>Article</h1>
<p>The ministry claimed that the bridge was safe.</p>
<p>According to the police, the road was closed.</p>
<p>The mayor allegedly knew about the cracks.</p>
<main id="area" data-test-area><p>Quiet start of the feed.</p></main>`,
});

/**
 * A single-page app: links swap the content of <main> (history.pushState, innerHTML of trusted
 * fixture markup), the back button swaps it back (popstate). The router is a page script.
 */
export const SPA_PAGE = htmlDocument({
  title: 'SPA',
  body: `<nav><a id="to-home" href="/spa/home" data-route="home">Home</a> <a id="to-story" href="/spa/story" data-route="story">Story</a> <a id="to-empty" href="/spa/empty" data-route="empty">Empty</a></nav>
<main id="view" data-test-area></main>
<script>
  const views = {
    home: '<h1>Home</h1><p>The ministry claimed that the home view is first.</p><p>Police said that the second claim is here.</p><p>The mayor allegedly left early.</p>',
    story: '<h1>Story</h1><article><p>According to the court, the story view replaced the home view.</p><p>Plain text without any claim at all.</p></article>',
    empty: '<h1>Nothing</h1><p>No claims on this view.</p>',
  };
  const show = (route) => { document.getElementById('view').innerHTML = views[route] ?? views.home; };
  document.querySelector('nav').addEventListener('click', (event) => {
    const route = event.target.dataset.route;
    if (!route) return;
    event.preventDefault();
    history.pushState({ route }, '', '/spa/' + route);
    show(route);
  });
  addEventListener('popstate', (event) => show(event.state?.route ?? 'home'));
  history.replaceState({ route: 'home' }, '', location.href);
  show('home');
</script>`,
});

/** Claims in the light DOM, an open and a closed (declarative) shadow root, and two iframes. */
export function shadowAndFramesPage() {
  return htmlDocument({
    title: 'Shadow roots and frames',
    body: `<h1>Shadow roots and frames</h1>
<p>The ministry claimed that the light DOM is highlighted.</p>
<div id="open-host"><template shadowrootmode="open"><p>Officials claimed that the open shadow root is skipped.</p><slot></slot></template><span>Police said that slotted light text is read.</span></div>
<div id="closed-host"><template shadowrootmode="closed"><p>Officials claimed that the closed shadow root is skipped.</p></template></div>
<iframe id="same-origin" src="/frames/inner.html" width="600" height="120"></iframe>
<iframe id="srcdoc" srcdoc="<p>Officials claimed that the srcdoc frame is skipped.</p>" width="600" height="80"></iframe>`,
  });
}

export const FRAME_INNER_PAGE = htmlDocument({ title: 'Inner', body: '<p>Officials claimed that the same-origin frame is skipped.</p>' });

/**
 * Form fields and editable regions whose text holds claims, next to a control paragraph. The phrase
 * "never read" marks text that must never be highlighted.
 */
export const EDITABLE_PAGE = htmlDocument({
  title: 'Editable',
  body: `<h1>Editable regions</h1>
<p id="control">The ministry claimed that the control paragraph is highlighted.</p>
<input id="input" value="Officials claimed that the input is never read.">
<input type="search" placeholder="Officials claimed that the placeholder is never read.">
<textarea id="textarea">Officials claimed that the textarea is never read.</textarea>
<select><option>Officials claimed that the option is never read.</option><optgroup label="g"><option>Police said that the grouped option is never read.</option></optgroup></select>
<div id="ce-true" contenteditable="true"><p>Officials claimed that the editable region is never read.</p><p>Police said that <b>its bold text</b> is never read.</p></div>
<div id="ce-empty" contenteditable=""><p>Officials claimed that the empty-valued editable is never read.</p></div>
<div id="ce-plain" contenteditable="plaintext-only"><p>Officials claimed that the plaintext-only editable is never read.</p></div>
<p>Inline: the minister said <span id="ce-inline" contenteditable="true">that the inline editable is never read</span>, the end.</p>
<div id="later" data-test-area><p>The mayor claimed that this paragraph becomes editable later.</p></div>`,
});

/** The whole document in design mode from the start (a page script switches it on at parse time). */
export const DESIGN_MODE_PAGE = htmlDocument({
  title: 'Design mode',
  body: `<p>Officials claimed that a design-mode document is never read.</p>
<script>document.designMode = 'on';</script>`,
});

/** Markup that is page text (escaped in the HTML): it must only ever appear as text. */
export const MARKUP_TEXTS = [
  'The ministry claimed that <img src=x onerror="window.__pwned=(window.__pwned||0)+1"> was harmless.',
  'Police said that <script>window.__pwned=(window.__pwned||0)+1</script> ran nowhere.',
  'According to the agency, <svg onload="window.__pwned=(window.__pwned||0)+1"></svg> & <b>bold</b> were plain text.',
  'The spokesman allegedly wrote "><iframe src=javascript:window.__pwned=1> into the form.',
];

export const MARKUP_PAGE = htmlDocument({
  title: '<img src=x onerror=alert(1)> title',
  body: `<h1>&lt;script&gt;alert(1)&lt;/script&gt; headline</h1>
${MARKUP_TEXTS.map((t) => `<p>${escapeHtml(t)}</p>`).join('\n')}`,
});

/**
 * A page script, run before the content script, that replaces built-ins a content script might use
 * and defines globals with the names of extension APIs; `window.__restoreBuiltins()` puts them back
 * so the test can read the highlights. In both browsers the content script's world is isolated from
 * the page's, so none of this may reach it.
 */
export const HOSTILE_GLOBALS_SCRIPT = `(() => {
  const saved = [];
  const replace = (object, key, value) => {
    const desc = Object.getOwnPropertyDescriptor(object, key);
    saved[saved.length] = [object, key, desc]; // not push: Array.prototype.push is replaced below
    Object.defineProperty(object, key, { value, configurable: true, writable: true });
  };
  const boom = () => { throw new Error('hostile page: built-in replaced'); };
  replace(window, 'getComputedStyle', boom);
  replace(window, 'MutationObserver', function () { boom(); });
  replace(window, 'Highlight', function () { boom(); });
  replace(document, 'createRange', boom);
  replace(document, 'createTreeWalker', boom);
  replace(Range.prototype, 'setStart', boom);
  replace(Range.prototype, 'setEnd', boom);
  replace(Map.prototype, 'get', boom);
  replace(Set.prototype, 'add', boom);
  replace(Array.prototype, 'push', boom);
  replace(String.prototype, 'replace', boom);
  replace(JSON, 'stringify', boom);
  replace(Promise.prototype, 'then', boom);
  replace(window, 'setTimeout', boom);
  replace(performance, 'now', boom);
  replace(performance, 'measure', boom);
  replace(console, 'warn', boom);
  replace(window, 'chrome', { runtime: { id: 'fake', sendMessage: boom, onMessage: { addListener: boom } } });
  replace(window, 'browser', { runtime: { id: 'fake', sendMessage: boom } });
  if (window.CSS && CSS.highlights) {
    replace(CSS.highlights, 'set', boom);
    replace(CSS.highlights, 'delete', boom);
  }
  window.__restoreBuiltins = () => {
    for (const [object, key, desc] of saved.reverse()) {
      if (desc) Object.defineProperty(object, key, desc);
      else delete object[key];
    }
  };
})();`;

export const HOSTILE_GLOBALS_PAGE = htmlDocument({
  title: 'Hostile globals',
  body: `<div id="browser">named element "browser"</div><form id="chrome"><input name="runtime"></form><img name="CSS" alt="">
<p>The ministry claimed that built-ins replaced by the page do not matter.</p>
<p>According to the police, the isolated world holds.</p>`,
});
