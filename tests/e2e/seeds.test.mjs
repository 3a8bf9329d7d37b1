// The seed articles as news pages, in Chromium and Firefox with the built extension: the expected
// claims are highlighted in the right category, nothing hidden is, and the page's DOM is untouched.
import assert from 'node:assert/strict';
import { mkdirSync, copyFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BROWSER_NAMES, DIST, ROOT, launch, unavailable } from './lib/browsers.mjs';
import { CLAIM_NAMES, covers, parseLikeBrowser, readHighlights, serialiseDom, summarise, tintOverlaps } from './lib/highlights.mjs';
import { loadSeeds, seedDir, seedPage } from './lib/pages.mjs';
import { serveFixtures } from './lib/server.mjs';

const seeds = loadSeeds();

// Phrases a reader would expect highlighted, each in the category it belongs to. Each is checked on
// every seed whose text holds it, so the list survives seeds being renamed or added. Exact counts are
// not pinned: the analyzer is still improving; the phrases are its stable core.
const EXPECTED = [
  ['allegedly-distancing', 'claimed Friday'],
  ['allegedly-distancing', 'The ministry claimed that the spies were uncovered'],
  ['allegedly-attributed', 'according to the ministry'],
  ['allegedly-hedged', 'allegedly involved'],
  ['allegedly-unsourced', 'claimed that thanks to the obtained information'],
  ['allegedly-attributed', 'According to the Mehr news agency'],
  // Both times it closes a sentence that also holds a hedge or a distancing claim of the same extent,
  // whose tint the sentence takes (one tint per claim, the writer's framing first): the report shows
  // by its cue.
  ['allegedly-cue', 'reported'],
  ['allegedly-cue', 'claimed'],
  ['allegedly-cue', 'allegedly'],
  ['allegedly-source', 'Intelligence Ministry'],
];

/** A claim-category highlight (not cue or source). */

const onAndDone = ({ badge }) => /^\d+$/.test(badge);

for (const name of BROWSER_NAMES) {
  const skip = unavailable(name, { extension: true }) || (seeds.length ? '' : 'no seed articles (tests/fixtures/seeds or ../shared/seeds)');
  describe(`seed articles in ${name}`, { skip: skip || false, timeout: 120_000 }, () => {
    let session;
    let server;
    before(async () => {
      server = await serveFixtures();
      session = await launch(name, { extension: true });
    });
    after(async () => {
      await session?.close();
      await server?.close();
    });

    for (const seed of seeds) {
      test(`${seed.name}: claims highlighted by category, DOM untouched`, async () => {
        const html = seedPage(seed);
        const url = server.page(`/seed/${seed.name}.html`, html);
        const page = await session.newPage();
        await page.goto(url);
        const action = await session.waitForAction(page, onAndDone);
        const highlights = await readHighlights(page);
        const summary = summarise(highlights);

        // Every claim has one cue; the badge counts claims.
        const claims = highlights['allegedly-cue']?.length ?? 0;
        assert.equal(Number(action.badge), claims, `badge ${action.badge} vs ${claims} cues (${JSON.stringify(summary)})`);
        assert.match(action.title, /click to hide/i, 'the title says what a click does');
        const sentences = seed.text.split(/[.!?]["”]?\s/).length;
        assert.ok(claims >= 3, `at least 3 claims in a seed article, got ${JSON.stringify(summary)}`);
        assert.ok(claims <= 3 * sentences, `no more than 3 claims per sentence (${sentences} sentences): ${JSON.stringify(summary)}`);
        // One tint per claim (issue 17): where claims overlap, each word is tinted by one of them, so
        // no two claim-category ranges share a character (a claim's tint may come in pieces).
        const overlaps = await tintOverlaps(page);
        assert.deepEqual(overlaps, [], 'no word under two tints');
        assert.ok(CLAIM_NAMES.filter((k) => highlights[k]?.length).length >= 2, `claims in at least two categories: ${JSON.stringify(summary)}`);

        let checked = 0;
        for (const [category, phrase] of EXPECTED) {
          if (!seed.text.includes(phrase)) continue;
          checked++;
          assert.ok(covers(highlights, category, phrase), `"${phrase}" lies under ${category}; ${category} has: ${JSON.stringify(highlights[category] ?? [])}`);
        }
        if (seedDir()?.includes('shared')) assert.ok(checked > 0 || seeds.length > 3, 'the shared seeds hold at least one pinned phrase');

        // Hidden text (display:none, [hidden], noscript) is never highlighted.
        for (const ranges of Object.values(highlights)) {
          for (const text of ranges) assert.doesNotMatch(text, /never (shown|analysed)/, 'hidden text was highlighted');
        }

        // The DOM is exactly what the HTML parser made of the page: nothing added, nothing changed.
        assert.equal(await serialiseDom(page), await parseLikeBrowser(page, html));

        if (name === 'chromium' && seed === seeds[0]) await saveScreenshot(page);
        await page.close();
      });
    }
  });
}

/**
 * The README's screenshot: always written to dist/screenshot.png; copied to docs/screenshot.png when
 * ALLEGEDLY_UPDATE_SCREENSHOT=1 (so a test run does not dirty the checkout by a pixel).
 */
async function saveScreenshot(page) {
  mkdirSync(DIST, { recursive: true });
  const file = path.join(DIST, 'screenshot.png');
  await page.setViewport({ width: 1000, height: 760, deviceScaleFactor: 1 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: file });
  if (process.env.ALLEGEDLY_UPDATE_SCREENSHOT === '1') {
    mkdirSync(path.join(ROOT, 'docs'), { recursive: true });
    copyFileSync(file, path.join(ROOT, 'docs', 'screenshot.png'));
  }
}
