// How close the command line's article (dom_smoothie, a Rust port of Readability.js) is to the
// browser's (Readability.js itself, in headless Chromium), on the saved real pages: the share of the
// CLI's text blocks (30+ characters) found in the browser's article, and of the browser article's
// paragraphs found in the CLI's text. Skips when the pages are absent. Not a test: a comparison.
//
//   cargo build && node tools/bench/focus-cli.mjs [path/to/allegedly]
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launch, ROOT } from '../../tests/e2e/lib/browsers.mjs';
import { readabilitySource } from '../../tests/e2e/lib/focus.mjs';
import { REAL_PAGE_CSP } from '../../tests/e2e/lib/hostile-pages.mjs';
import { serveFixtures } from '../../tests/e2e/lib/server.mjs';

const dir = path.resolve(process.env.ALLEGEDLY_PAGES_DIR ?? path.join(ROOT, '..', 'shared', 'pages'));
const cli = process.argv[2] ?? path.join(ROOT, 'target', 'debug', 'allegedly');
if (!existsSync(dir)) {
  console.log(`skipped: no saved pages in ${dir}`);
  process.exit(0);
}
const norm = (t) => t.replace(/\s+/g, ' ').trim().toLowerCase();
const server = await serveFixtures();
const session = await launch('chromium', {});
const reference = `${readabilitySource()}
;(() => {
  if (!isProbablyReaderable(document.cloneNode(true))) return null;
  const a = new Readability(document.cloneNode(true), { serializer: (el) => el }).parse();
  return a && { text: a.title + ' \\n ' + a.textContent, paras: [...a.content.querySelectorAll('p, li, blockquote, h2, h3')].map((p) => p.textContent) };
})()`;
const total = { cli: 0, cliIn: 0, browser: 0, browserIn: 0, bothWhole: 0, disagree: 0 };
try {
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.html')).sort()) {
    const url = server.page(`/real/${file}`, readFileSync(path.join(dir, file), 'utf8'), { 'content-security-policy': REAL_PAGE_CSP });
    const page = await session.newPage();
    await page.goto(url);
    const ref = await page.evaluate(reference);
    await page.close();
    const out = JSON.parse(execFileSync(cli, ['--json', path.join(dir, file)], { maxBuffer: 1e9 }).toString());
    const whole = JSON.parse(execFileSync(cli, ['--json', '--whole-page', path.join(dir, file)], { maxBuffer: 1e9 }).toString());
    const cliIsWhole = out.text === whole.text;
    if (!ref || cliIsWhole) {
      if (!ref && cliIsWhole) total.bothWhole++;
      else total.disagree++;
      console.log(`${file}: browser ${ref ? 'article' : 'whole page'}, CLI ${cliIsWhole ? 'whole page' : 'article'}`);
      continue;
    }
    const blocks = out.text.split('\n').map(norm).filter((l) => l.length >= 30);
    const paras = ref.paras.map(norm).filter((l) => l.length >= 30);
    const refText = norm(ref.text);
    const cliText = norm(out.text);
    const cliIn = blocks.filter((b) => refText.includes(b)).length;
    const browserIn = paras.filter((p) => cliText.includes(p)).length;
    Object.assign(total, { cli: total.cli + blocks.length, cliIn: total.cliIn + cliIn, browser: total.browser + paras.length, browserIn: total.browserIn + browserIn });
    console.log(`${file}: CLI blocks in the browser's article ${cliIn}/${blocks.length}; browser paragraphs in the CLI's text ${browserIn}/${paras.length}`);
  }
} finally {
  await session.close();
  await server.close();
}
console.log(JSON.stringify(total));
