// An HTML file → its readable text, one paragraph per line.
//
// The file is parsed with DOMParser into an inert document: its scripts never run, its images and
// styles never load, and nothing of it is inserted into this page. We only read text nodes from it.

const SKIPPED = new Set([
  'HEAD', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'TEXTAREA', 'INPUT', 'SELECT', 'OPTION', 'BUTTON',
  'SVG', 'MATH', 'CANVAS', 'IFRAME', 'OBJECT', 'EMBED', 'VIDEO', 'AUDIO', 'PICTURE', 'IMG', 'DIALOG',
]);

// Elements that start a new paragraph; everything else (a, em, b, span…) flows inline.
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'BR', 'CAPTION', 'DD', 'DETAILS', 'DIV', 'DL',
  'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
  'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TD', 'TH',
  'TR', 'UL',
]);

/**
 * The visible text of an HTML document, paragraphs separated by newlines: `{ text, focus }`. With
 * `articleOnly`, only its article (headline, standfirst, body) when Readability finds one, through the
 * extension's own content/article.js (loaded by index.html); `focus` then says which was read: 'article',
 * or why the whole page was.
 */
export function htmlToTextFocused(html, { articleOnly = true } = {}) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const Article = globalThis.AllegedlyArticle;
  let focus = null;
  let reason = 'whole page asked for';
  if (articleOnly) {
    const found = Article ? Article.find(doc) : { focus: null, reason: 'article focus is not loaded' };
    focus = found.focus;
    reason = found.reason;
  }
  const roots = focus ? focus.roots : [doc.body ?? doc.documentElement];
  return { text: textOf(roots, focus), focus: reason };
}

/** The visible text of an HTML document, paragraphs separated by newlines (the whole page). */
export function htmlToText(html) {
  return htmlToTextFocused(html, { articleOnly: false }).text;
}

function textOf(roots, focus) {
  const lines = [];
  let current = '';
  const flush = () => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
    current = '';
  };
  const walk = (node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (!focus || focus.admits(child)) current += child.data;
      } else if (child.nodeType === Node.ELEMENT_NODE) {
        const tag = child.tagName.toUpperCase();
        if (SKIPPED.has(tag) || isHidden(child)) continue;
        const block = BLOCK.has(tag);
        if (block) flush();
        walk(child);
        if (block) flush();
      }
    }
  };
  for (const root of roots) {
    flush();
    walk(root);
  }
  flush();
  return lines.join('\n');
}

/** Hidden by markup; stylesheets are not applied to an inert document, so inline styles are all we see. */
function isHidden(element) {
  if (element.hasAttribute('hidden') || element.getAttribute('aria-hidden') === 'true') return true;
  const style = element.getAttribute('style') ?? '';
  return /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}
