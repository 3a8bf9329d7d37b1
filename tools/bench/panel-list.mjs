// What the claims panel's list costs (Chromium): the content script's answer to the panel's
// "allegedly:claims" message (every claim the reader sees, with its text), timed from the
// background, the first time and again. Compare builds in one sitting, alternating:
//
//   node tools/bench/panel-list.mjs DIST [DIST…]     ALLEGEDLY_BENCH_PAGES (default long,huge),
//                                                    ALLEGEDLY_BENCH_LOADS (per build, default 3)
import path from 'node:path';
import { launch, ROOT } from '../../tests/e2e/lib/browsers.mjs';
import { serveBenchPages } from './pages.mjs';
import { median } from './stats.mjs';

const pagesDir = process.env.ALLEGEDLY_PAGES_DIR ?? path.join(ROOT, '..', 'shared', 'pages');
const only = (process.env.ALLEGEDLY_BENCH_PAGES ?? 'long,huge').split(',');
const LOADS = Number(process.env.ALLEGEDLY_BENCH_LOADS ?? 3);
const dists = process.argv.slice(2);
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** In the background: the panel's message to the active tab, timed; the number of claims listed. */
async function listClaims() {
  const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
  const t0 = performance.now();
  const reply = await chrome.tabs.sendMessage(tab.id, { type: 'allegedly:claims' });
  return { ms: performance.now() - t0, claims: reply.claims.length };
}

/** The badge shows a count once the whole page is analysed. */
async function waitForCount(session, page) {
  for (let i = 0; i < 600; i++) {
    const { badge } = await session.actionState(page);
    if (/^\d+$/.test(badge)) return Number(badge);
    await sleep(250);
  }
  throw new Error('the page was not analysed in time');
}

async function main() {
  const { server, specs } = await serveBenchPages(only, pagesDir);
  try {
    for (const spec of specs) {
      const results = new Map(dists.map((d) => [d, []]));
      for (let round = 0; round < LOADS; round++) {
        for (const dist of dists) {
          const session = await launch('chromium', { extension: path.join(path.resolve(dist), 'chrome') });
          try {
            const page = await session.newPage();
            await page.goto(server.url(`/${spec.name}.html`), { waitUntil: 'load', timeout: 180_000 });
            await waitForCount(session, page);
            await sleep(1000);
            const first = await session.evaluateInBackground(listClaims);
            await sleep(500);
            const again = await session.evaluateInBackground(listClaims);
            results.get(dist).push({ first: first.ms, again: again.ms, claims: first.claims });
          } finally {
            await session.close();
          }
        }
      }
      for (const [dist, runs] of results) {
        const f = (key) => `${median(runs.map((r) => r[key])).toFixed(1)} ms (${runs.map((r) => r[key].toFixed(0)).join(' ')})`;
        console.log(`${spec.name}, ${dist}: ${runs[0].claims} claims listed in ${f('first')}, again ${f('again')}`);
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
