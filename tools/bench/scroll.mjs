// What scrolling costs a reader on the bench pages, with the extension and without it (the same
// scroll of the page alone), in one sitting, builds alternating. On pages over 400 claims the
// content script registers only the claims near the viewport, so every scroll moves that window:
// IntersectionObserver callbacks make DOM ranges for the claims coming near and let go of those
// leaving. This measures that work as the reader feels it.
//
//   node tools/bench/scroll.mjs DIST [DIST…]     each a ./build.sh output (DIST/chrome, DIST/firefox);
//                                                the page alone is always measured too
//   ALLEGEDLY_BROWSERS=firefox          one browser only
//   ALLEGEDLY_BENCH_PAGES=long,huge     the pages (default long,huge)
//   ALLEGEDLY_BENCH_RUNS=3              rounds; each round is one fresh browser per build (and one
//                                       for the page alone), order reversed on alternate rounds
//   ALLEGEDLY_SCROLL_STEP=100           px per wheel step (default 100, one notch)
//   ALLEGEDLY_SCROLL_HZ=40              wheel steps per second asked for (default 40)
//   ALLEGEDLY_SCROLL_MS=5000            how long the wheel scrolls (default 5000)
//   ALLEGEDLY_SCROLL_OBSERVER=1         also the page alone with an IntersectionObserver of a page
//                                       script on every paragraph, list item, heading and quote, with
//                                       the window's margin and nothing else: what observing costs
//
// Per load, after the analysis (the extension's allegedly-timing:floor measure, bench copy) or 1.5 s after
// load (page alone): (1) wheel — page.mouse.wheel steps down the page at the asked rate; (2) jumps —
// window.scrollTo to 30 %, 55 % and 80 % of the page at once, as a reader dragging the scrollbar,
// 1.2 s apart. Measured in the page: rAF frame intervals (frames/s, the 95th percentile and longest
// interval, frames dropped: each interval counts round(interval / 16.7 ms) − 1), Chromium's longtask
// entries, the extension's own window moves (allegedly-timing:window measures: total, count, longest), and
// in a second pass of the same wheel and jumps, the MessageChannel heartbeat's gaps (probes.mjs: any
// main-thread task over 16 ms, whatever its cause; it costs frames, see scrollPass). After a jump:
// *registered* — from the scrollTo to the end of the first window move after it; *seen* — to the
// first animation frame in which an allegedly-* range lies in the viewport (it paints in that frame).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_NAMES, launch, ROOT } from '../../tests/e2e/lib/browsers.mjs';
import { HIGHLIGHT_NAMES } from '../../tests/e2e/lib/highlights.mjs';
import { serveBenchPages } from './pages.mjs';
import { extensionMeasures, installObservers, recordFrames } from './probes.mjs';
import { timedExtension } from './timed-extension.mjs';
import { median } from './stats.mjs';

const dists = process.argv.slice(2).map((d) => path.resolve(d));
if (!dists.length) {
  console.error('usage: node tools/bench/scroll.mjs DIST [DIST…]');
  process.exit(2);
}
const pagesDir = process.env.ALLEGEDLY_PAGES_DIR ?? path.join(ROOT, '..', 'shared', 'pages');
const only = (process.env.ALLEGEDLY_BENCH_PAGES ?? 'long,huge').split(',');
const ROUNDS = Number(process.env.ALLEGEDLY_BENCH_RUNS ?? 3);
const STEP = Number(process.env.ALLEGEDLY_SCROLL_STEP ?? 100);
const HZ = Number(process.env.ALLEGEDLY_SCROLL_HZ ?? 40);
const SCROLL_MS = Number(process.env.ALLEGEDLY_SCROLL_MS ?? 5000);
const OBSERVER = process.env.ALLEGEDLY_SCROLL_OBSERVER === '1';
const JUMPS = [0.3, 0.55, 0.8];
const JUMP_SETTLE_MS = 1200;
const FRAME_MS = 1000 / 60;
const FIREFOX_PREFS = { 'privacy.reduceTimerPrecision': false }; // as run.mjs: 1 ms rounding otherwise

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const quantile = (xs, q) => {
  const s = xs.filter(Number.isFinite).sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))] : NaN;
};

/**
 * In the page, after a jump to `fraction` of the page's scroll height: the scrollTo's time and the
 * first animation frame in which one of our ranges lies in the viewport (null after 3 s, or at once
 * when none of our highlights is registered: the page alone).
 */
function jumpAndWatch(fraction, names) {
  const ours = names.map((n) => CSS.highlights.get(n)).filter(Boolean);
  const t0 = performance.now();
  scrollTo({ top: Math.round(fraction * (document.documentElement.scrollHeight - innerHeight)), behavior: 'instant' });
  if (!ours.length) return { t0, seen: null };
  const inView = () => {
    for (const highlight of ours) {
      for (const range of highlight) {
        const rect = range.getBoundingClientRect();
        if (rect.height && rect.bottom > 0 && rect.top < innerHeight) return true;
      }
    }
    return false;
  };
  return new Promise((resolve) => {
    const check = () => {
      const t = performance.now();
      if (inView()) resolve({ t0, seen: t - t0 });
      else if (t - t0 > 3000) resolve({ t0, seen: null });
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
}

/** The figures of one stretch [from, to] of page time: heartbeat, frames, the extension's window moves. */
function stretch({ gaps, longtasks, frames, measures }, from, to) {
  const inside = ([s, d]) => s + d >= from && s <= to;
  const beats = gaps.filter(inside).map(([, d]) => d);
  const raf = frames.map(([t]) => t).filter((t) => t >= from && t <= to);
  const intervals = raf.slice(1).map((t, i) => t - raf[i]);
  const moves = measures.filter(([n, s]) => n === 'allegedly-timing:window' && s >= from && s <= to).map(([, , d]) => d);
  const seconds = (to - from) / 1000;
  return {
    gapMax: beats.reduce((m, d) => Math.max(m, d), 0),
    gaps50: beats.filter((d) => d > 50).length,
    blockedPerS: beats.reduce((a, d) => a + d, 0) / seconds, // ms per second in main-thread tasks over 16 ms
    longtask: longtasks.filter(inside).reduce((m, [, d]) => Math.max(m, d), 0),
    fps: intervals.length / seconds,
    frameP95: quantile(intervals, 0.95),
    frameMax: intervals.reduce((m, d) => Math.max(m, d), 0),
    dropped: intervals.reduce((a, d) => a + Math.max(0, Math.round(d / FRAME_MS) - 1), 0),
    windowMs: moves.reduce((a, d) => a + d, 0),
    windowCount: moves.length,
    windowMax: moves.reduce((m, d) => Math.max(m, d), 0),
  };
}

/**
 * One pass over a loaded page: the wheel down from where it is, then the jumps. `heartbeat`: the
 * MessageChannel heartbeat runs through it. It costs frames: in Chromium its endless tasks held
 * wheel scrolling to one frame per ~105 ms (the scheduler's guard against starved rendering) and
 * slowed the wheel steps to match, and in Firefox the frames after a jump to one per ~85 ms, on the
 * page alone too. So the frames, the wheel's pace and the time until a claim is seen come from a
 * pass without it, the longest gaps from a second pass with it.
 */
async function scrollPass(page, heartbeat) {
  await page.evaluate(installObservers, heartbeat);
  await page.evaluate(recordFrames);
  await sleep(300);

  // (1) The wheel, paced from here; the steps the browser could not take in time are not made up.
  const wheelFrom = await page.evaluate(() => ({ t: performance.now(), y: scrollY }));
  const start = Date.now();
  let steps = 0;
  while (Date.now() - start < SCROLL_MS) {
    await page.mouse.wheel({ deltaY: STEP });
    steps++;
    const wait = start + (steps * 1000) / HZ - Date.now();
    if (wait > 0) await sleep(wait);
  }
  await sleep(300); // the last steps' window moves
  const wheelTo = await page.evaluate(() => ({ t: performance.now(), y: scrollY, h: innerHeight }));

  // (2) Jumps far down the page.
  const jumps = [];
  for (const fraction of JUMPS) {
    jumps.push(await page.evaluate(jumpAndWatch, fraction, HIGHLIGHT_NAMES));
    await sleep(JUMP_SETTLE_MS);
  }
  const end = await page.evaluate(() => performance.now());

  const data = await page.evaluate(() => {
    window.__bench.stop();
    const frames = window.__frames;
    window.__frames = null;
    return { gaps: window.__bench.gaps, longtasks: window.__bench.longtasks, frames };
  });
  data.measures = await page.evaluate(extensionMeasures);
  const wheel = stretch(data, wheelFrom.t, wheelTo.t);
  wheel.steps = steps;
  wheel.screensPerS = (wheelTo.y - wheelFrom.y) / wheelTo.h / ((wheelTo.t - wheelFrom.t) / 1000);
  const jumpFigures = jumps.map(({ t0, seen }, k) => {
    const to = k + 1 < jumps.length ? jumps[k + 1].t0 : end;
    const firstMove = data.measures.find(([n, s]) => n === 'allegedly-timing:window' && s >= t0);
    return {
      ...stretch(data, t0, to),
      registered: firstMove && firstMove[1] < to ? firstMove[1] + firstMove[2] - t0 : NaN,
      seen: seen ?? NaN,
    };
  });
  return { wheel, jumps: jumpFigures };
}

/** In the page: an IntersectionObserver with the window's margin on every block-like element, doing nothing. */
function observeEverything() {
  const observer = new IntersectionObserver(() => {}, { rootMargin: '150% 0px' });
  for (const el of document.querySelectorAll('p, li, h1, h2, h3, blockquote')) observer.observe(el);
  window.__observer = observer;
}

/** One load of `url` in `session`: a pass for frames, then one with the heartbeat. */
async function scrollRun(session, url, withExtension, observe) {
  const page = await session.newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    if (withExtension) {
      await page.waitForFunction(() => performance.getEntriesByName('allegedly-timing:floor').length > 0, { timeout: 300_000, polling: 250 });
    }
    if (observe) await page.evaluate(observeEverything);
    await sleep(1500);
    await page.mouse.move(550, 450); // over the text, as a reader's pointer
    const frames = await scrollPass(page, false);
    const beats = await scrollPass(page, true);
    const pick = (pass, keys) => Object.fromEntries(keys.map((k) => [k, pass[k]]));
    const HEART = ['gapMax', 'gaps50', 'blockedPerS'];
    return {
      wheel: { ...frames.wheel, ...pick(beats.wheel, HEART), beatScreensPerS: beats.wheel.screensPerS },
      jumps: frames.jumps.map((j, k) => ({ ...j, ...pick(beats.jumps[k], HEART) })),
    };
  } finally {
    await page.close().catch(() => {});
  }
}

const WHEEL_FIGS = [
  ['screensPerS', 'screens/s scrolled', 1],
  ['longtask', 'longest longtask (Chromium)', 1],
  ['gapMax', 'heartbeat pass: longest gap', 1],
  ['gaps50', 'heartbeat pass: gaps > 50 ms', 0],
  ['blockedPerS', 'heartbeat pass: ms/s in tasks > 16 ms', 1],
  ['beatScreensPerS', 'heartbeat pass: screens/s scrolled', 1],
  ['fps', 'frames/s (rAF)', 1],
  ['frameP95', 'frame interval p95', 1],
  ['frameMax', 'frame interval max', 1],
  ['dropped', 'frames dropped', 0],
  ['windowMs', 'window moves: total ms', 1],
  ['windowCount', 'window moves: callbacks', 0],
  ['windowMax', 'window moves: longest', 1],
];
const JUMP_FIGS = [
  ['registered', 'claims registered after', 1],
  ['seen', 'a claim seen in the viewport after', 1],
  ['gapMax', 'heartbeat pass: longest gap', 1],
  ['blockedPerS', 'heartbeat pass: ms/s in tasks > 16 ms', 1],
  ['longtask', 'longest longtask (Chromium)', 1],
  ['frameMax', 'frame interval max', 1],
  ['dropped', 'frames dropped', 0],
  ['windowMs', 'window moves: total ms', 1],
  ['windowMax', 'window moves: longest', 1],
];

async function main() {
  const snapshot = mkdtempSync(path.join(os.tmpdir(), 'allegedly-scroll-'));
  // The page alone, then each build (a timed copy, so a rebuild cannot disturb the run).
  const builds = [{ key: 'page alone', dirs: null }];
  if (OBSERVER) builds.push({ key: 'page + observer only', dirs: null, observe: true });
  dists.forEach((dist, i) => {
    const dirs = {};
    for (const b of ['chrome', 'firefox']) dirs[b] = timedExtension(path.join(dist, b), path.join(snapshot, String(i), b));
    builds.push({ key: dists.length > 1 ? `${String.fromCharCode(65 + i)}: ${dist}` : 'extension', dirs });
  });
  const { server, specs } = await serveBenchPages(only, pagesDir);
  try {
    for (const name of BROWSER_NAMES) {
      for (const spec of specs) {
        const results = new Map(builds.map((b) => [b.key, []]));
        for (let r = 0; r < ROUNDS; r++) {
          const order = r % 2 ? [...builds].reverse() : builds;
          for (const build of order) {
            const ext = build.dirs?.[name === 'firefox' ? 'firefox' : 'chrome'];
            const options = { ...(ext ? { extension: ext } : {}), ...(name === 'firefox' ? { prefs: FIREFOX_PREFS } : {}) };
            const session = await launch(name, options);
            try {
              const res = await scrollRun(session, server.url(`/${spec.name}.html`), !!ext, build.observe);
              results.get(build.key).push(res);
              const w = res.wheel;
              console.error(
                `${name} ${spec.name} ${build.key}: wheel ${w.steps} steps, ${w.screensPerS.toFixed(1)} screens/s, frame p95 ${w.frameP95.toFixed(0)} max ${w.frameMax.toFixed(0)}, ` +
                  `fps ${w.fps.toFixed(0)}, longtask ${w.longtask.toFixed(0)}, dropped ${w.dropped}, window ${w.windowMs.toFixed(1)} ms (${w.windowCount}, max ${w.windowMax.toFixed(1)}); ` +
                  `gap ${w.gapMax.toFixed(0)}; jumps: ${res.jumps.map((j) => `registered ${j.registered.toFixed(0)} seen ${j.seen.toFixed(0)} gap ${j.gapMax.toFixed(0)} window max ${j.windowMax.toFixed(1)}`).join('; ')}`,
              );
            } finally {
              await session.close();
            }
          }
        }
        const keys = builds.map((b) => b.key);
        console.log(`\n${name}, ${spec.name} page: ${ROUNDS} rounds, wheel ${STEP} px × ${HZ}/s for ${SCROLL_MS} ms, then jumps to ${JUMPS.map((f) => `${Math.round(f * 100)} %`).join(', ')}; load average ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
        console.log(`\n| wheel (median of ${ROUNDS}; ms unless said) | ${keys.join(' | ')} |`);
        console.log(`|---|${keys.map(() => '--:').join('|')}|`);
        for (const [f, label, digits] of WHEEL_FIGS) {
          const cells = keys.map((k) => {
            const xs = results.get(k).map((x) => x.wheel[f]);
            return `${median(xs).toFixed(digits)} (${xs.map((x) => x.toFixed(0)).join(' ')})`;
          });
          console.log(`| ${label} | ${cells.join(' | ')} |`);
        }
        console.log(`\n| jumps (median of ${ROUNDS} × ${JUMPS.length}; max) | ${keys.join(' | ')} |`);
        console.log(`|---|${keys.map(() => '--:').join('|')}|`);
        for (const [f, label, digits] of JUMP_FIGS) {
          const cells = keys.map((k) => {
            const xs = results.get(k).flatMap((x) => x.jumps.map((j) => j[f])).filter(Number.isFinite);
            return xs.length ? `${median(xs).toFixed(digits)}; ${Math.max(...xs).toFixed(digits)}` : '–';
          });
          console.log(`| ${label} | ${cells.join(' | ')} |`);
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
