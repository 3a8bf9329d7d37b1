// Article focus (issue 14), measured — a benchmark, not a test: in headless Chromium and Firefox ESR,
//
// 1. on the saved real pages (ALLEGEDLY_PAGES_DIR, default ../shared/pages; skipped when absent): the
//    share of cue highlights outside the article (Readability's, computed in the page by the harness,
//    tests/e2e/lib/focus.mjs) with focus off (before) and on (after), and how many cue highlights
//    inside the article stay the same (on ÷ off);
// 2. on the bench pages (typical, long, huge; tools/bench/pages.mjs): the focus step's own time
//    (allegedly-timing:focus), the first highlights after the walk's start (allegedly-timing:first-draw), collect,
//    and the bare text walk from the extension's world (allegedly-timing:floor), focus on and off.
//
//   node tools/bench/focus.mjs DIST            (after ./build.sh; writes DIST/bench/focus.json)
//   ALLEGEDLY_BROWSERS=firefox                 one browser only
//   ALLEGEDLY_BENCH_RUNS=3                     timed loads per bench page and mode (the huge page: 1)
//   ALLEGEDLY_FOCUS_PARTS=pages,cost           which parts (default both)
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_NAMES, launch, ROOT, unavailable } from '../../tests/e2e/lib/browsers.mjs';
import { cuesVersusReference, readabilitySource } from '../../tests/e2e/lib/focus.mjs';
import { REAL_PAGE_CSP } from '../../tests/e2e/lib/hostile-pages.mjs';
import { serveFixtures } from '../../tests/e2e/lib/server.mjs';
import { FIREFOX_PREFS, openExtensionPage } from '../../tests/e2e/lib/ui.mjs';
import { buildPage, PAGE_SPECS, paragraphPool } from './pages.mjs';
import { extensionMeasures } from './probes.mjs';
import { median } from './stats.mjs';
import { timedExtension } from './timed-extension.mjs';

const dist = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
const pagesDir = path.resolve(process.env.ALLEGEDLY_PAGES_DIR ?? path.join(ROOT, '..', 'shared', 'pages'));
const RUNS = Number(process.env.ALLEGEDLY_BENCH_RUNS ?? 3);
const PARTS = (process.env.ALLEGEDLY_FOCUS_PARTS ?? 'pages,cost').split(',');
const BENCH_PAGES = (process.env.ALLEGEDLY_BENCH_PAGES ?? 'typical,long,huge').split(',');
const SITE = '127.0.0.1';
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...args) => console.error('focus bench:', ...args);
const round = (x, d = 1) => (Number.isFinite(x) ? Math.round(x * 10 ** d) / 10 ** d : null);

async function setArticleOnly(extensionPage, on) {
  await extensionPage.evaluate((key, value) => (globalThis.browser ?? globalThis.chrome).storage.local.set({ [key]: value }), `focus:${SITE}`, on);
}

/** Part 1: cue highlights inside and outside the reference article on each saved page, focus on and off. */
async function realPages(session, extensionPage, server) {
  const files = readdirSync(pagesDir).filter((f) => f.endsWith('.html')).sort();
  const source = readabilitySource();
  const rows = [];
  for (const file of files) {
    const url = server.page(`/real/${file}`, readFileSync(path.join(pagesDir, file), 'utf8'), { 'content-security-policy': REAL_PAGE_CSP });
    const counts = {};
    for (const on of [false, true]) {
      await setArticleOnly(extensionPage, on);
      const page = await session.newPage();
      await page.goto(url, { waitUntil: 'load', timeout: 120_000 });
      await session.waitForAction(page, ({ badge }) => /^\d+$/.test(badge), { timeout: 60_000 });
      await sleep(800); // the last slices drawn
      counts[on ? 'on' : 'off'] = await cuesVersusReference(page, source);
      await page.close();
    }
    const { on, off } = counts;
    const article = on.readerable && on.parsed && on.articleChars >= 250;
    rows.push({ file, article, on: { inside: on.inside, outside: on.outside }, off: { inside: off.inside, outside: off.outside }, outsideTexts: on.outsideTexts });
    log(`${session.name} ${file}: ${article ? 'article' : 'not an article'}; off ${off.inside} in / ${off.outside} out; on ${on.inside} in / ${on.outside} out`);
  }
  const articles = rows.filter((r) => r.article);
  const total = (list, mode, where) => list.reduce((n, r) => n + r[mode][where], 0);
  const share = (list, mode) => total(list, mode, 'outside') / Math.max(1, total(list, mode, 'inside') + total(list, mode, 'outside'));
  return {
    pages: rows.length,
    articles: articles.length,
    outsideShareOff: round(100 * share(articles, 'off')),
    outsideShareOn: round(100 * share(articles, 'on')),
    // Over all pages: a page that is not an article counts as all outside (it is read whole).
    outsideShareOffAll: round(100 * share(rows, 'off')),
    outsideShareOnAll: round(100 * share(rows, 'on')),
    insideOff: total(articles, 'off', 'inside'),
    insideOn: total(articles, 'on', 'inside'),
    insideAgreement: round((100 * total(articles, 'on', 'inside')) / Math.max(1, total(articles, 'off', 'inside'))),
    worstPageInsideDiff: round(Math.max(0, ...articles.map((r) => (100 * Math.abs(r.on.inside - r.off.inside)) / Math.max(1, r.off.inside)))),
    rows,
  };
}

const sum = (measures, name) => measures.filter(([n]) => n === name).reduce((a, [, , d]) => a + d, 0);
const firstOf = (measures, name) => measures.find(([n]) => n === name)?.[2] ?? NaN;

/** Part 2: the focus step's cost and what it saves, on the generated bench pages, focus on and off. */
async function benchPages(session, extensionPage, server, pool) {
  const out = {};
  // A load first, not measured: the first page of a session also pays for starting the analyzer,
  // and the huge page's single run per mode would give that cost to whichever mode went first.
  const warm = await session.newPage();
  await warm.goto(server.page('/warm-up.html', buildPage(PAGE_SPECS[0], pool).html), { waitUntil: 'load' });
  await warm.waitForFunction(() => performance.getEntriesByName('allegedly-timing:floor').length > 0, { timeout: 120_000, polling: 250 });
  await warm.close();
  for (const spec of PAGE_SPECS.filter((s) => BENCH_PAGES.includes(s.name))) {
    const url = server.page(`/${spec.name}.html`, buildPage(spec, pool).html);
    const runs = spec.name === 'huge' ? 1 : RUNS;
    out[spec.name] = {};
    for (const on of [true, false]) {
      await setArticleOnly(extensionPage, on);
      const loads = [];
      for (let r = 0; r < runs; r++) {
        const page = await session.newPage();
        await page.goto(url, { waitUntil: 'load', timeout: 300_000 });
        await page.waitForFunction(() => performance.getEntriesByName('allegedly-timing:floor').length > 0, { timeout: 600_000, polling: 250 });
        loads.push(await page.evaluate(extensionMeasures));
        await page.close();
      }
      const m = (name) => round(median(loads.map((l) => sum(l, name))));
      const row = {
        runs,
        focusMs: on ? m('allegedly-timing:focus') : null,
        firstDrawMs: round(median(loads.map((l) => firstOf(l, 'allegedly-timing:first-draw')))),
        collectMs: m('allegedly-timing:collect'),
        drawMs: m('allegedly-timing:draw'),
        floorWorldMs: m('allegedly-timing:floor'),
        pipelineMs: round(median(loads.map((l) => firstOf(l, 'allegedly-timing:pipeline')))),
      };
      row.collectOverFloor = round(row.collectMs / row.floorWorldMs);
      row.focusPlusCollectMs = on ? round(row.focusMs + row.collectMs) : row.collectMs;
      out[spec.name][on ? 'on' : 'off'] = row;
      log(`${session.name} ${spec.name} focus ${on ? 'on' : 'off'}: ${JSON.stringify(row)}`);
    }
  }
  return out;
}

const results = { date: new Date().toISOString(), browsers: {} };
const extensions = mkdtempSync(path.join(os.tmpdir(), 'allegedly-focus-bench-'));
for (const browser of ['chrome', 'firefox']) timedExtension(path.join(dist, browser), path.join(extensions, browser));
try {
  const server = await serveFixtures();
  const { paragraphs } = paragraphPool(pagesDir);
  for (const name of BROWSER_NAMES) {
    const skip = unavailable(name, { extension: true });
    if (skip) {
      log(`${name}: skipped (${skip})`);
      continue;
    }
    const session = await launch(name, { extension: path.join(extensions, name === 'firefox' ? 'firefox' : 'chrome'), prefs: { ...FIREFOX_PREFS, 'privacy.reduceTimerPrecision': false } });
    try {
      const extensionPage = await openExtensionPage(session, 'options.html');
      const entry = (results.browsers[name] = {});
      if (PARTS.includes('pages')) {
        if (existsSync(pagesDir)) entry.realPages = await realPages(session, extensionPage, server);
        else log(`no saved pages in ${pagesDir}: the outside-article share is not measured`);
      }
      if (PARTS.includes('cost')) entry.cost = await benchPages(session, extensionPage, server, paragraphs);
    } finally {
      await session.close();
    }
  }
  await server.close();
} finally {
  rmSync(extensions, { recursive: true, force: true });
}
mkdirSync(path.join(dist, 'bench'), { recursive: true });
writeFileSync(path.join(dist, 'bench', 'focus.json'), JSON.stringify(results, null, 2) + '\n');
const brief = Object.fromEntries(
  Object.entries(results.browsers).map(([name, r]) => [name, { ...r, realPages: r.realPages && { ...r.realPages, rows: undefined } }]),
);
console.log(JSON.stringify(brief, null, 2));
