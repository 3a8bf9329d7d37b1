// In-browser benchmarks of the built extension in headless Chromium and Firefox ESR, with the floor
// (a bare TreeWalker pass) and the JavaScript peer (mark.js marking the same cue lexicon as one
// regex) measured in the same run on the same generated pages. Writes DIST/bench/results.json and
// DIST/bench/results.md. Called by `./build.sh bench` after the build.
//
//   node tools/bench/run.mjs DIST
//   ALLEGEDLY_BROWSERS=firefox          one browser only
//   ALLEGEDLY_BENCH_RUNS=5              timed page loads per page (default 3; the 10 MB page: 1)
//   ALLEGEDLY_BENCH_PAGES=typical,long  a subset of the pages
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { BROWSER_NAMES, launch, ROOT, unavailable } from '../../tests/e2e/lib/browsers.mjs';
import { serveFixtures } from '../../tests/e2e/lib/server.mjs';
import { cueForms, lexiconPattern } from './lexicon.mjs';
import { buildPage, PAGE_SPECS, paragraphPool } from './pages.mjs';
import {
  chromiumPageStats,
  chromiumWorkerMemory,
  extensionMeasures,
  firefoxProcessStats,
  floorPasses,
  installObservers,
  markJsPeer,
  toggleCosts,
} from './probes.mjs';
import { markdownReport } from './report.mjs';
import { timedExtension } from './timed-extension.mjs';
import { median } from './stats.mjs';

const dist = path.resolve(process.argv[2] ?? path.join(ROOT, 'dist'));
const pagesDir = process.env.ALLEGEDLY_PAGES_DIR ?? path.join(ROOT, '..', 'shared', 'pages');
const RUNS = Number(process.env.ALLEGEDLY_BENCH_RUNS ?? 3);
const IDLE_WINDOWS = 5;
const MARK_JS = path.join(ROOT, 'node_modules', 'mark.js', 'dist', 'mark.min.js');
// Firefox rounds performance.now() to 1 ms by default (fingerprinting protection): not for a bench.
const FIREFOX_PREFS = { 'privacy.reduceTimerPrecision': false };

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const log = (...args) => console.error('bench:', ...args);

function browserVersion(name) {
  const exe = name === 'firefox' ? (process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr') : (process.env.CHROMIUM_PATH ?? '/usr/bin/chromium');
  try {
    return execFileSync(exe, ['--version'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return name;
  }
}

function sessionOptions(name, extension) {
  return name === 'firefox' ? { extension, prefs: FIREFOX_PREFS } : { extension };
}

/** CPU (ms, cumulative) and memory of the page's renderer / content process. */
async function pageStats(session, page, options) {
  if (session.name === 'chromium') return chromiumPageStats(page, options);
  return firefoxProcessStats(session, page, options);
}

/**
 * CPU spent by the page's process while nothing happens (after a settling second), in IDLE_WINDOWS
 * one-second windows: { medianMs, maxMs } per second. The median says whether something runs all
 * the time (a timer, polling, a repaint loop); the browser's own housekeeping (a garbage or cycle
 * collection now and then, seen on the page alone too) shows as a lone spike in the max.
 */
async function idleCpu(session, page) {
  await sleep(1000);
  const windows = [];
  let before = await pageStats(session, page, { gc: false });
  for (let i = 0; i < IDLE_WINDOWS; i++) {
    await sleep(1000);
    const after = await pageStats(session, page, { gc: false });
    windows.push(after.cpuMs - before.cpuMs);
    before = after;
  }
  return { medianMs: median(windows), maxMs: Math.max(...windows), windows };
}

// ---------------------------------------------------------------------------------------------------
// Without the extension: the floor, the peer, and the page's own idle CPU and memory.

async function plainRun(session, url) {
  const page = await session.newPage();
  try {
    // The heartbeat on the page alone, from DOMContentLoaded (about when the content script would
    // start) to a second after load: the page's own longest stretches (its first layout of a 10 MB
    // document, say), next to those measured with the extension.
    await page.evaluateOnNewDocument(installObservers, true);
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await sleep(1000);
    const ownGapMs = await page.evaluate(() => {
      window.__bench.stop();
      const from = performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? 0;
      return window.__bench.gaps.filter(([s, d]) => s + d >= from).reduce((m, [, d]) => Math.max(m, d), 0);
    });
    await sleep(200);
    const floor = await page.evaluate(floorPasses, 5);
    const stats = await pageStats(session, page);
    const idle = await idleCpu(session, page);
    await page.addScriptTag({ content: readFileSync(MARK_JS, 'utf8') });
    const peer = await page.evaluate(markJsPeer, lexiconPattern(cueForms(ROOT)));
    return {
      floorMs: median(floor.times),
      floorRuns: floor.times,
      textNodes: floor.nodes,
      textChars: floor.chars,
      memory: stats.heapBytes,
      idleCpu: idle,
      ownGapMs,
      markjs: peer,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

// ---------------------------------------------------------------------------------------------------
// With the extension: page loads timed by the content script's own User Timing measures.

const sum = (measures, name) => measures.filter(([n]) => n === name).reduce((a, [, , d]) => a + d, 0);
const first = (measures, name) => measures.find(([n]) => n === name) ?? null;

/** Loads `url` in a new tab, waits for the first full analysis; returns { page, measures, observed }. */
async function extensionLoad(session, url, { heartbeat }) {
  const page = await session.newPage();
  await page.evaluateOnNewDocument(installObservers, heartbeat);
  await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
  // allegedly-timing:floor comes last: the bare walk in the content script's world, after the pipeline.
  await page.waitForFunction(() => performance.getEntriesByName('allegedly-timing:floor').length > 0, { timeout: 300_000, polling: 250 });
  await sleep(400); // the frames that paint the last highlights
  const measures = await page.evaluate(extensionMeasures);
  const observed = await page.evaluate(() => {
    window.__bench.stop();
    return { longtasks: window.__bench.longtasks, gaps: window.__bench.gaps };
  });
  // Every claim found (the badge): on long pages only those near the viewport are registered.
  const badge = await session.waitForAction(page, ({ badge }) => /^\d+$/.test(badge), { timeout: 60_000 }).catch(() => ({ badge: 'n/a' }));
  const registered = await page.evaluate(() =>
    ['attributed', 'unsourced', 'hedged', 'distancing'].reduce((n, c) => n + (CSS.highlights.get(`allegedly-${c}`)?.size ?? 0), 0),
  );
  return { page, measures, observed, claims: Number(badge.badge), registered };
}

/**
 * The longest task ([start, duration] list) overlapping the pipeline, in ms (0 when none). Tasks
 * overlapping `floor` (the bench-only bare walk the content script times after the pipeline) are
 * not the extension's and are left out.
 */
function longestIn(tasks, [start, duration], floor = null) {
  const end = start + duration + 200;
  const overlaps = (s, d, [fs, fd]) => s <= fs + fd && s + d >= fs;
  return tasks
    .filter(([s, d]) => s + d >= start && s <= end && !(floor && overlaps(s, d, floor)))
    .reduce((m, [, d]) => Math.max(m, d), 0);
}

/** Toggles off and on through the real toolbar action `times` times: medians of each one's cost. */
async function toggles(session, page, times) {
  const costs = await toggleCosts(session, page, times);
  const summarise = (list) => ({
    handlerMs: median(list.map((c) => c.handler)),
    frameMs: median(list.map((c) => c.frame)),
    totalMs: median(list.map((c) => c.total)),
    // On: the far claims registered after that frame, and the frame after them (0 when none).
    restMs: median(list.map((c) => c.rest)),
    restFrameMs: median(list.map((c) => c.restFrame)),
  });
  return { off: summarise(costs.off), on: summarise(costs.on) };
}

async function extensionRuns(session, url, spec) {
  const runs = spec.name === 'huge' ? 1 : RUNS; // one load of the 10 MB page takes minutes in Chromium
  const timed = [];
  let last = null;
  for (let r = 0; r < runs; r++) {
    const load = await extensionLoad(session, url, { heartbeat: false });
    timed.push(load);
    if (last) await last.page.close().catch(() => {});
    last = load;
  }
  const m = (name) => median(timed.map((t) => sum(t.measures, name)));
  const pipelines = timed.map((t) => first(t.measures, 'allegedly-timing:pipeline'));
  const result = {
    runs,
    claims: timed.at(-1).claims,
    registered: timed.at(-1).registered,
    collectMs: m('allegedly-timing:collect'),
    analyzeMs: m('allegedly-timing:analyze'),
    drawMs: m('allegedly-timing:draw'),
    firstDrawMs: median(timed.map((t) => first(t.measures, 'allegedly-timing:first-draw')?.[2] ?? NaN)),
    pipelineMs: median(pipelines.map((p) => p[2])),
    windowMs: m('allegedly-timing:window'),
    floorWorldMs: m('allegedly-timing:floor'),
    // The content script's own work on the page's thread: walking, drawing, moving the window.
    mainThreadMs: median(timed.map((t) => sum(t.measures, 'allegedly-timing:collect') + sum(t.measures, 'allegedly-timing:draw') + sum(t.measures, 'allegedly-timing:window'))),
    longTaskMs:
      session.name === 'chromium'
        ? Math.max(...timed.map((t, i) => longestIn(t.observed.longtasks, pipelines[i].slice(1), first(t.measures, 'allegedly-timing:floor')?.slice(1))))
        : null,
  };
  // Memory and idle CPU on the last timed load (all highlights registered), then the toggles.
  const stats = await pageStats(session, last.page);
  result.memory = stats.heapBytes;
  result.idleCpu = await idleCpu(session, last.page);
  result.toggle = spec.name === 'huge' ? null : await toggles(session, last.page, 3);
  await last.page.close().catch(() => {});
  // A separate load with the heartbeat (it costs CPU, so it never runs while timing).
  const beat = await extensionLoad(session, url, { heartbeat: true });
  const window = first(beat.measures, 'allegedly-timing:pipeline').slice(1);
  result.longestGapMs = longestIn(beat.observed.gaps, window, first(beat.measures, 'allegedly-timing:floor')?.slice(1));
  await beat.page.close().catch(() => {});
  return result;
}

// ---------------------------------------------------------------------------------------------------

async function benchBrowser(name, pages, server, extensions) {
  const why = unavailable(name);
  if (why) {
    log(`skipping ${name}: ${why}`);
    return { skipped: why };
  }
  const out = { version: browserVersion(name), pages: {} };
  log(`${out.version}: without the extension (floor, mark.js)`);
  const plain = await launch(name, sessionOptions(name, false));
  try {
    for (const spec of pages) {
      out.pages[spec.name] = { plain: await plainRun(plain, server.url(`/${spec.name}.html`)) };
      log(`  ${spec.name}: floor ${out.pages[spec.name].plain.floorMs.toFixed(1)} ms, mark.js ${out.pages[spec.name].plain.markjs.script.toFixed(1)} ms`);
    }
  } finally {
    await plain.close();
  }
  log(`${out.version}: with the extension`);
  const session = await launch(name, sessionOptions(name, path.join(extensions, name === 'firefox' ? 'firefox' : 'chrome')));
  try {
    for (const spec of pages) {
      const ext = await extensionRuns(session, server.url(`/${spec.name}.html`), spec);
      out.pages[spec.name].extension = ext;
      log(`  ${spec.name}: pipeline ${ext.pipelineMs.toFixed(1)} ms (collect ${ext.collectMs.toFixed(1)}, analyze ${ext.analyzeMs.toFixed(1)}, draw ${ext.drawMs.toFixed(1)}), ${ext.claims} claims (${ext.registered} registered), main thread ${ext.mainThreadMs.toFixed(1)} ms, first highlights ${ext.firstDrawMs?.toFixed(1)} ms`);
    }
    if (name === 'chromium') out.backgroundMemory = await chromiumWorkerMemory(session).catch(() => null);
    if (name === 'firefox') {
      const page = await session.newPage();
      out.backgroundMemory = (await firefoxProcessStats(session, page).catch(() => ({}))).extensionBytes ?? null;
      await page.close().catch(() => {});
    }
  } finally {
    await session.close();
  }
  return out;
}

/**
 * A private copy of the two built extensions, so a rebuild of dist/ during the run (another
 * terminal, another ./build.sh) cannot pull the extension out from under the browsers.
 */
function snapshotExtensions() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'allegedly-bench-'));
  // With the content script's timings on (tools/bench/timed-extension.mjs): the shipped build has none.
  for (const browser of ['chrome', 'firefox']) timedExtension(path.join(dist, browser), path.join(dir, browser));
  return dir;
}

async function main() {
  const snapshot = snapshotExtensions();
  const wasm = readFileSync(path.join(snapshot, 'chrome', 'pkg', 'allegedly_bg.wasm'));
  const forms = cueForms(ROOT);
  const { paragraphs, sources } = paragraphPool(pagesDir);
  const only = process.env.ALLEGEDLY_BENCH_PAGES?.split(',');
  const specs = PAGE_SPECS.filter((s) => !only || only.includes(s.name));
  const pages = specs.map((spec) => buildPage(spec, paragraphs));
  const server = await serveFixtures();
  for (const page of pages) server.page(`/${page.name}.html`, page.html);
  const cpus = os.cpus();
  const results = {
    date: new Date().toISOString(),
    machine: { cpus: cpus.length, model: cpus[0]?.model ?? 'unknown', memoryGB: Math.round(os.totalmem() / 2 ** 30), os: `${os.type()} ${os.release()}` },
    commit: (() => {
      try {
        return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
      } catch {
        return null;
      }
    })(),
    text: sources,
    lexiconForms: forms.length,
    wasm: { bytes: wasm.length, gzipBytes: gzipSync(wasm, { level: 9 }).length },
    pages: Object.fromEntries(pages.map((p) => [p.name, { title: p.title, words: p.words, chars: p.chars, htmlBytes: Buffer.byteLength(p.html) }])),
    browsers: {},
  };
  log(`pages: ${pages.map((p) => `${p.name} ${p.words} words, ${(p.chars / 1e6).toFixed(2)} M chars`).join('; ')}`);
  try {
    for (const name of BROWSER_NAMES) results.browsers[name] = await benchBrowser(name, specs, server, snapshot);
  } finally {
    await server.close();
    rmSync(snapshot, { recursive: true, force: true });
  }
  const out = path.join(dist, 'bench');
  mkdirSync(out, { recursive: true });
  writeFileSync(path.join(out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
  const md = markdownReport(results);
  writeFileSync(path.join(out, 'results.md'), md);
  console.log(md);
  log(`wrote ${path.join(out, 'results.json')} and results.md`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
