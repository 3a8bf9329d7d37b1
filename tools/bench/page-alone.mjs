// What a bench page costs the browser on its own, without the extension (Chromium or Firefox): the
// MessageChannel heartbeat's gaps around the load event, where the content script would start
// (document_idle), and the frame that one highlight registered by the page costs once the page has
// settled, with a background only and with a text-decoration (as the extension's cue and source
// highlights have). Separates the browser's own costs from ours (docs/PERFORMANCE.md, "Chromium,
// 10 MB page").
//
//   node tools/bench/page-alone.mjs        ALLEGEDLY_BROWSERS, ALLEGEDLY_BENCH_PAGES (default huge),
//                                          ALLEGEDLY_BENCH_LOADS (per case, default 3)
import path from 'node:path';
import { BROWSER_NAMES, launch, ROOT } from '../../tests/e2e/lib/browsers.mjs';
import { serveBenchPages } from './pages.mjs';
import { installObservers } from './probes.mjs';
import { median } from './stats.mjs';

const pagesDir = process.env.ALLEGEDLY_PAGES_DIR ?? path.join(ROOT, '..', 'shared', 'pages');
const only = (process.env.ALLEGEDLY_BENCH_PAGES ?? 'huge').split(',');
const LOADS = Number(process.env.ALLEGEDLY_BENCH_LOADS ?? 3);
const SETTLE_MS = 1500; // after load: the page's own post-load frames are over by then
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const STYLES = {
  none: null, // nothing registered: the page's own gaps around its load
  background: '::highlight(bench-probe) { background-color: rgba(255, 196, 0, 0.26); }',
  decorated: '::highlight(bench-probe) { background-color: rgba(255, 196, 0, 0.26); text-decoration: underline solid rgb(230, 81, 0); text-decoration-thickness: 2px; }',
};

/**
 * Installed before the page's scripts: the highlight style (given before the first layout, so that
 * adding it costs nothing later), then, SETTLE_MS after load, one range of 20 characters in the
 * first long run of text registered as a highlight; the time to the end of the next frame's
 * rendering (rAF → message channel).
 */
function probe(style, settleMs) {
  document.addEventListener('DOMContentLoaded', () => {
    const el = document.createElement('style');
    el.textContent = style;
    document.head.append(el);
  });
  addEventListener('load', () =>
    setTimeout(() => {
      // The first long run of text (a walk that stops early: nothing costly before the timing).
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      let text = walker.nextNode();
      while (text && text.data.length <= 40) text = walker.nextNode();
      const range = document.createRange();
      range.setStart(text, 0);
      range.setEnd(text, 20);
      const t0 = performance.now();
      window.__probe = { t0 };
      CSS.highlights.set('bench-probe', new Highlight(range));
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => (window.__probe.painted = performance.now() - t0);
        channel.port2.postMessage(0);
      });
    }, settleMs),
  );
}

async function oneLoad(session, url, style) {
  const page = await session.newPage();
  try {
    await page.evaluateOnNewDocument(installObservers, true);
    if (style) await page.evaluateOnNewDocument(probe, style, SETTLE_MS);
    await page.goto(url, { waitUntil: 'load', timeout: 180_000 });
    await sleep(SETTLE_MS + 1500);
    const r = await page.evaluate(() => {
      window.__bench.stop();
      const nav = performance.getEntriesByType('navigation')[0];
      return { load: nav.loadEventEnd, gaps: window.__bench.gaps, probe: window.__probe };
    });
    const longest = (from, to) => r.gaps.filter(([s, d]) => s + d > from && s < to).reduce((m, [, d]) => Math.max(m, d), 0);
    return {
      // The stretch where the content script starts (document_idle: at or after load) and its
      // first second runs.
      aroundLoad: longest(r.load, r.load + 1000),
      painted: r.probe?.painted ?? NaN,
      // The heartbeat's gaps from the registration to the end of that frame: the frame's own cost.
      afterProbe: r.probe ? longest(r.probe.t0, r.probe.t0 + (r.probe.painted ?? 1000)) : NaN,
    };
  } finally {
    await page.close().catch(() => {});
  }
}

async function main() {
  const { server, specs } = await serveBenchPages(only, pagesDir);
  try {
    for (const name of BROWSER_NAMES) {
      const session = await launch(name, { extension: false });
      try {
        for (const spec of specs) {
          const url = server.url(`/${spec.name}.html`);
          await oneLoad(session, url, null); // warm-up, not counted
          for (const [kind, style] of Object.entries(STYLES)) {
            const runs = [];
            for (let i = 0; i < LOADS; i++) runs.push(await oneLoad(session, url, style));
            const fmt = (f) => `${median(runs.map((x) => x[f])).toFixed(0)} ms (${runs.map((x) => x[f].toFixed(0)).join(' ')})`;
            if (!style) console.log(`${name}, ${spec.name} page alone: longest heartbeat gap ending in the second after load ${fmt('aroundLoad')}`);
            else console.log(`${name}, ${spec.name} page alone, one highlight (${kind}) registered ${SETTLE_MS} ms after load: the next frame ended after ${fmt('painted')}, the heartbeat's longest gap until then ${fmt('afterProbe')}`);
          }
        }
      } finally {
        await session.close();
      }
    }
  } finally {
    await server.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
