// Article focus (issue 14), from the test's side: a generated news page with the furniture real pages
// put around an article, the reference article of any page computed in the page by Readability itself
// (not by the extension's mapping), and the cue highlights counted inside and outside it. Shared by
// tests/e2e/focus.test.mjs and the benchmark tools/bench/focus.mjs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from './browsers.mjs';
import { escapeHtml, htmlDocument } from './pages.mjs';

const READABILITY_DIR = path.join(ROOT, 'node_modules', '@mozilla', 'readability');

/** Readability's two browser scripts, as one script text to evaluate in a page. */
export function readabilitySource() {
  return ['Readability.js', 'Readability-readerable.js'].map((f) => readFileSync(path.join(READABILITY_DIR, f), 'utf8')).join('\n;\n');
}

// The article: every paragraph holds a claim the analyzer finds (a named source and a cue).
const ARTICLE_CLAIMS = [
  'The energy minister, Ana Ruiz, said on Tuesday that the plan would halve the country’s emissions within a decade.',
  'According to the finance ministry, the first phase will cost about 4 billion euros over three years.',
  'Opposition leaders claimed that the figures had been massaged to hide the true cost to households.',
  'The plan reportedly includes a levy on imported coal, which the steel industry has long opposed.',
  'Environmental groups said the targets were welcome but came years too late for the worst-hit regions.',
  '“We are not going to leave anyone behind,” Ruiz told reporters at the ministry in the capital.',
  'Economists at the central bank warned that the levy could push up prices in the short term.',
  'The steel union alleged that the ministry had not consulted workers before the announcement.',
  'Officials said a public consultation would open next month and run until the end of the summer.',
  'Analysts believe the plan is likely to pass, although the vote in parliament may be close.',
];
const STANDFIRST = 'The government claimed on Tuesday that its long-awaited plan would transform the economy, but critics said it lacked detail.';
const FILLER = 'The proposal runs to more than two hundred pages and sets out targets for each sector of the economy, from transport and housing to farming and heavy industry, with reviews every two years.';

/**
 * A news page with an article (`#story`: headline, standfirst, body with a subhead, a quote and a
 * list) and, around and inside it, the furniture of issue 14, every piece of which holds a cue the
 * analyzer highlights when the whole page is read: navigation ("Up Next:"), a cookie banner, an ad
 * label ("Supported by"), a photo credit ("Photograph: …"), a related-stories box inside the body,
 * a teaser list, a comment form ("Please explain (optional)") and a footer. Furniture text is marked
 * data-furniture, the article's text data-article, so a test can say where each highlight lies.
 */
export function furniturePage() {
  const p = (text) => `<p data-article>${escapeHtml(text)} ${FILLER}</p>`;
  const body = `
<header class="site-header" data-furniture>
  <a href="/">The Loopback Herald</a>
  <nav><ul><li><a href="/world">World</a></li><li><a href="/politics">Politics</a></li><li><a href="/tv">Our TV Shows</a></li></ul></nav>
  <div class="up-next">Up Next: <a href="/story/2">Police said the suspect was arrested near the border</a></div>
</header>
<div class="cookie-banner" role="dialog" data-furniture><p>We and our partners say we use cookies to improve your experience, according to our privacy policy. <button>Accept</button></p></div>
<main>
  <article id="story">
    <header>
      <h1 data-article>Minister says new climate plan will halve emissions by 2035</h1>
      <p class="standfirst" data-article>${escapeHtml(STANDFIRST)}</p>
      <p class="byline">By Sam Jones, Energy correspondent · 3 March 2026</p>
    </header>
    <div class="ad-slot" data-furniture><span class="ad-label">Supported by</span> <a href="/sponsor">Sponsors say this content is independent of our newsroom</a></div>
    <figure class="lead-image" data-furniture><img src="/focus-photo.png" alt="" width="600" height="300"><figcaption><span class="credit">Photograph: Officials reportedly handed out this image/Ministry of Energy</span></figcaption></figure>
    <div class="article-body">
      ${ARTICLE_CLAIMS.slice(0, 4).map(p).join('\n      ')}
      <h2 data-article>What the plan means for households, according to economists</h2>
      ${ARTICLE_CLAIMS.slice(4, 6).map(p).join('\n      ')}
      <aside class="related-stories" data-furniture><h3>Read more</h3><ul>
        <li><a href="/story/3">Critics allegedly said the deal was dead on arrival</a></li>
        <li><a href="/story/4">Mayor claimed the bridge was safe, reports say</a></li>
        <li><a href="/story/5">Officials said the border would reopen</a></li></ul></aside>
      <blockquote data-article><p>${escapeHtml(ARTICLE_CLAIMS[6])}</p></blockquote>
      <ul><li data-article>${escapeHtml(ARTICLE_CLAIMS[7])}</li><li data-article>${escapeHtml(ARTICLE_CLAIMS[8])}</li></ul>
      ${ARTICLE_CLAIMS.slice(9).map(p).join('\n      ')}
    </div>
  </article>
  <section class="comments" data-furniture>
    <h3>Comments</h3>
    <form><label for="why">Please explain (optional): readers said this helps us, reportedly</label><textarea id="why"></textarea><button>Send</button></form>
    <p>Comments are moderated. Moderators said offensive posts will be removed.</p>
  </section>
  <section class="teasers" data-furniture><h3>More from World</h3><ul>
    ${['Officials said the floods had receded in the north', 'The company claimed record profits in the third quarter', 'Witnesses reportedly saw the plane circle twice', 'Scientists said the comet will be visible this week'].map((t, i) => `<li><a href="/story/${10 + i}">${escapeHtml(t)}</a> <span>Filed Under: World</span></li>`).join('\n    ')}
  </ul></section>
</main>
<footer data-furniture>
  <p>The material on this site may not be reproduced without permission, the publishers said.</p>
  <p>The Herald may earn compensation on sales from links on this site, according to our terms.</p>
</footer>`;
  // As news sites do, the standfirst is also the page's description (Readability's excerpt).
  const head = `<meta name="description" content="${escapeHtml(STANDFIRST)}">`;
  return htmlDocument({ title: 'Minister says new climate plan will halve emissions by 2035 | The Loopback Herald', body, head });
}

/**
 * In the page: where each cue highlight lies, as { article, furniture, other } counts and the
 * furniture texts highlighted, by the data-article / data-furniture marks of furniturePage().
 */
export function cuesByMark(page) {
  return page.evaluate(() => {
    const out = { article: 0, furniture: 0, other: 0, furnitureTexts: [], articleBlocks: [], articleTexts: [] };
    const cues = CSS.highlights.get('allegedly-cue');
    for (const range of cues ?? []) {
      const el = range.startContainer.parentElement;
      if (el.closest('[data-furniture]')) {
        out.furniture++;
        out.furnitureTexts.push(el.textContent.trim().slice(0, 80));
      } else if (el.closest('[data-article]')) {
        out.article++;
        out.articleBlocks.push(el.closest('[data-article]').textContent.trim().slice(0, 30));
        out.articleTexts.push(el.closest('[data-article]').textContent.trim().slice(0, 60));
      } else out.other++;
    }
    out.articleBlocks = [...new Set(out.articleBlocks)].length;
    return out;
  });
}

/**
 * In the page: Readability's article of a clone of the document (the reference), and every cue
 * highlight counted as inside it (the text node it starts in is part of the article's text, its
 * title or its excerpt) or outside. `readerable` is isProbablyReaderable's verdict, `parsed` whether
 * parse() found an article. Evaluated as a string, so a page's CSP (no eval) does not stand in the way.
 */
export async function cuesVersusReference(page, source = readabilitySource()) {
  const script = `${source}
;(() => {
  const normal = (t) => t.replace(/\\s+/g, ' ').trim().toLowerCase();
  const readerable = isProbablyReaderable(document.cloneNode(true));
  let article = null;
  try { article = new Readability(document.cloneNode(true)).parse(); } catch (e) { article = null; }
  const reference = article ? normal([article.title, article.excerpt, article.textContent].join(' \\n ')) : '';
  const out = { readerable, parsed: !!article, articleChars: article ? article.length : 0, inside: 0, outside: 0, outsideTexts: [] };
  for (const range of CSS.highlights.get('allegedly-cue') ?? []) {
    const text = normal(range.startContainer.data ?? '');
    if (reference && text && reference.includes(text)) out.inside++;
    else {
      out.outside++;
      if (out.outsideTexts.length < 8) out.outsideTexts.push(text.slice(0, 100));
    }
  }
  return out;
})()`;
  return page.evaluate(script);
}
