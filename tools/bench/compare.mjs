// Two builds of the extension on the same bench page, loads alternating between them in the same
// sitting, so a change to the content script can be judged on this shared, noisy machine: separate
// bench runs minutes apart drift by ±30%, alternating loads do not drift apart. Only the content
// script's own timings (no floor, peer, memory or toggles: `run.mjs` is the full bench).
//
//   node tools/bench/compare.mjs DIST_A DIST_B      (each a ./build.sh output: DIST/chrome, DIST/firefox)
//   ALLEGEDLY_BROWSERS=firefox          one browser only
//   ALLEGEDLY_BENCH_PAGES=long,huge     the pages (default long)
//   ALLEGEDLY_BENCH_RUNS=4              rounds; each round is one fresh browser per build, A then B
//                                       then B then A on alternate rounds (default 4)
//   ALLEGEDLY_BENCH_LOADS=2             timed loads per browser per round, after one untimed (default 2)
//   ALLEGEDLY_BENCH_TOGGLES=3           then toggle off and on this many times on the last load (real
//                                       toolbar clicks): handler, its frame, and the claims registered
//                                       after that frame (allegedly-timing:toggle-rest) with their frame
//   ALLEGEDLY_BENCH_COLD=1              time only the first load of each fresh browser (fresh profile):
//                                       the background's first request, wasm start-up included
//   ALLEGEDLY_BENCH_IDLE_MS=35000       with COLD: wait this long before that load, so that the
//                                       service worker / event page has stopped (both stop after 30 s
//                                       idle) and the load starts it again, as a reader's next page does
//   ALLEGEDLY_BENCH_HEARTBEAT=1         timed loads also run the MessageChannel heartbeat (as run.mjs's
//                                       responsiveness load): its longest gap within the pipeline (gap)
//                                       and how many gaps there were over 50 ms (gaps50), any cause. It
//                                       costs CPU, so the other figures of such a run are a little slower
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_NAMES, launch, ROOT } from '../../tests/e2e/lib/browsers.mjs';
import { serveBenchPages } from './pages.mjs';
import { extensionMeasures, installObservers, toggleCosts } from './probes.mjs';
import { timedExtension } from './timed-extension.mjs';
import { median } from './stats.mjs';

const [distA, distB] = process.argv.slice(2).map((d) => path.resolve(d));
if (!distA || !distB) {
  console.error('usage: node tools/bench/compare.mjs DIST_A DIST_B');
  process.exit(2);
}
const pagesDir = process.env.ALLEGEDLY_PAGES_DIR ?? path.join(ROOT, '..', 'shared', 'pages');
const ROUNDS = Number(process.env.ALLEGEDLY_BENCH_RUNS ?? 4);
const LOADS = Number(process.env.ALLEGEDLY_BENCH_LOADS ?? 2);
const COLD = process.env.ALLEGEDLY_BENCH_COLD === '1';
const TOGGLES = Number(process.env.ALLEGEDLY_BENCH_TOGGLES ?? 0);
const IDLE_MS = Number(process.env.ALLEGEDLY_BENCH_IDLE_MS ?? 0);
const HEARTBEAT = process.env.ALLEGEDLY_BENCH_HEARTBEAT === '1';
const only = (process.env.ALLEGEDLY_BENCH_PAGES ?? 'long').split(',');
const FIREFOX_PREFS = { 'privacy.reduceTimerPrecision': false }; // as run.mjs: 1 ms rounding otherwise

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const sum = (ms, name) => ms.filter(([n]) => n === name).reduce((a, [, , d]) => a + d, 0);
const firstOf = (ms, name) => ms.find(([n]) => n === name) ?? null;

/** One timed load: the content script's figures for it (and `toggles` toggles' costs). */
async function load(session, url, toggles = 0) {
  const page = await session.newPage();
  try {
    await page.evaluateOnNewDocument(installObservers, HEARTBEAT);
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await page.waitForFunction(() => performance.getEntriesByName('allegedly-timing:floor').length > 0, { timeout: 300_000, polling: 250 });
    await sleep(300);
    const ms = await page.evaluate(extensionMeasures);
    const { longtasks, gaps } = await page.evaluate(() => {
      window.__bench.stop();
      return { longtasks: window.__bench.longtasks, gaps: window.__bench.gaps };
    });
    const pipeline = firstOf(ms, 'allegedly-timing:pipeline');
    const floor = firstOf(ms, 'allegedly-timing:floor');
    // Long tasks and heartbeat gaps within the pipeline, leaving out the bench-only walk after it
    // (as run.mjs).
    const end = pipeline[1] + pipeline[2] + 200;
    const within = (list) => list.filter(([s, d]) => s + d >= pipeline[1] && s <= end && !(floor && s <= floor[1] + floor[2] && s + d >= floor[1]));
    const longest = within(longtasks).reduce((m, [, d]) => Math.max(m, d), 0);
    const beats = within(gaps);
    const toggled = toggles ? await toggleCosts(session, page, toggles) : null;
    const on = (f) => (toggled ? median(toggled.on.map((c) => c[f])) : NaN);
    return {
      toggleOff: toggled ? median(toggled.off.map((c) => c.total)) : NaN,
      toggleOn: on('total'),
      toggleOnPainted: on('toPainted'),
      toggleOnHandler: on('handler'),
      toggleOnFrame: on('frame'),
      toggleRest: on('rest'),
      toggleRestFrame: on('restFrame'),
      collect: sum(ms, 'allegedly-timing:collect'),
      draw: sum(ms, 'allegedly-timing:draw'),
      main: sum(ms, 'allegedly-timing:collect') + sum(ms, 'allegedly-timing:draw') + sum(ms, 'allegedly-timing:window'),
      // The background's time for the page's requests (its first includes starting the analyzer).
      analyze: sum(ms, 'allegedly-timing:analyze'),
      first: firstOf(ms, 'allegedly-timing:first-draw')?.[2] ?? NaN,
      pipeline: pipeline[2],
      longtask: session.name === 'chromium' ? longest : NaN,
      gap: HEARTBEAT ? beats.reduce((m, [, d]) => Math.max(m, d), 0) : NaN,
      gaps50: HEARTBEAT ? beats.filter(([, d]) => d > 50).length : NaN,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

async function main() {
  const snapshot = mkdtempSync(path.join(os.tmpdir(), 'allegedly-compare-'));
  const builds = { A: distA, B: distB };
  const dirs = {};
  for (const [key, dist] of Object.entries(builds)) {
    dirs[key] = {};
    for (const b of ['chrome', 'firefox']) dirs[key][b] = timedExtension(path.join(dist, b), path.join(snapshot, key, b));
  }
  const { server, specs } = await serveBenchPages(only, pagesDir);
  const FIGS = ['collect', 'draw', 'main', 'analyze', 'first', 'pipeline', 'longtask'];
  if (HEARTBEAT) FIGS.push('gap', 'gaps50');
  if (TOGGLES) FIGS.push('toggleOff', 'toggleOn', 'toggleOnPainted', 'toggleOnHandler', 'toggleOnFrame', 'toggleRest', 'toggleRestFrame');
  try {
    for (const name of BROWSER_NAMES) {
      for (const spec of specs) {
        const results = { A: [], B: [] };
        for (let r = 0; r < ROUNDS; r++) {
          for (const key of r % 2 ? ['B', 'A'] : ['A', 'B']) {
            const ext = dirs[key][name === 'firefox' ? 'firefox' : 'chrome'];
            const session = await launch(name, name === 'firefox' ? { extension: ext, prefs: FIREFOX_PREFS } : { extension: ext });
            try {
              if (COLD) {
                // The fresh browser's first load is the one timed: nothing in the background is warm.
                if (IDLE_MS) await sleep(IDLE_MS);
              } else {
                await load(session, server.url(`/${spec.name}.html`)); // warm-up (a fresh browser's first load is slower), not counted
              }
              for (let l = 0; l < (COLD ? 1 : LOADS); l++) {
                const res = await load(session, server.url(`/${spec.name}.html`), l === (COLD ? 0 : LOADS - 1) ? TOGGLES : 0);
                results[key].push(res);
                console.error(`${name} ${spec.name} ${key}: ${FIGS.map((f) => `${f} ${res[f].toFixed(1)}`).join(', ')}`);
              }
            } finally {
              await session.close();
            }
          }
        }
        const how = COLD ? `the first load of a fresh browser${IDLE_MS ? ` after ${IDLE_MS} ms idle` : ''}` : `${LOADS} loads each`;
        console.log(`\n${name}, ${spec.name} page, ${ROUNDS} rounds × ${how} (A = ${distA}, B = ${distB}); load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
        console.log(`| figure (ms) | A median | B median | B ÷ A | A all | B all |`);
        console.log('|---|--:|--:|--:|---|---|');
        for (const f of FIGS) {
          const a = results.A.map((x) => x[f]);
          const b = results.B.map((x) => x[f]);
          if (!a.some(Number.isFinite)) continue;
          const fmt = (xs) => xs.map((x) => x.toFixed(0)).join(' ');
          console.log(`| ${f} | ${median(a).toFixed(1)} | ${median(b).toFixed(1)} | ${(median(b) / median(a)).toFixed(2)} | ${fmt(a)} | ${fmt(b)} |`);
        }
      }
    }
  } finally {
    await server.close();
    rmSync(snapshot, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
