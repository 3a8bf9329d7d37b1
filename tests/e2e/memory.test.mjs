// Issue 7, memory: 100 toggles through the real toolbar action and rounds of 1000 dynamic insertions
// (then removals) do not grow memory without bound. Chromium, through CDP after forced GCs: the live
// Range, Text and paragraph objects of the content script's own (isolated) world, counted with
// Runtime.queryObjects, come back to their warm-up numbers (a block, range or node kept for removed
// text would show in the thousands), and the renderer's heap (V8 + Blink, all worlds) grows less
// than a generous bound. Both browsers: what the extension keeps reachable from the page, the ranges
// of its highlights, is exactly the article's again. (Firefox offers no heap figure for a page or a
// content script over BiDi; see docs/ROBUSTNESS.md.)
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSER_NAMES, launch, unavailable } from './lib/browsers.mjs';
import { HIGHLIGHT_NAMES, readHighlights, summarise } from './lib/highlights.mjs';
import { ARTICLE_PAGE } from './lib/hostile-pages.mjs';
import { serveFixtures } from './lib/server.mjs';
import { allRangesConnected, toggleCycle } from './lib/watch.mjs';

const isOn = ({ badge }) => /^\d+$/.test(badge);
const INSERTIONS = 1000;
const TOGGLES = 100;
const MB = 1024 * 1024;

for (const name of BROWSER_NAMES) {
  const skip = unavailable(name, { extension: true });
  describe(`memory in ${name}`, { skip: skip || false, timeout: 180_000 }, () => {
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

    test(`${TOGGLES} toggles and rounds of ${INSERTIONS} insertions do not grow memory without bound`, async (t) => {
      const page = await session.newPage();
      await page.goto(server.page('/memory.html', ARTICLE_PAGE));
      const base = await session.waitForAction(page, isOn);
      const baseRanges = summarise(await readHighlights(page));

      // Chromium: the content script's world, and the renderer's heap after full GCs.
      const cdp = name === 'chromium' ? await page.createCDPSession() : null;
      let world = null;
      if (cdp) {
        const contexts = [];
        cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context));
        await cdp.send('Runtime.enable'); // reports the existing contexts
        const deadline = Date.now() + 5000;
        while (!(world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin.startsWith(`chrome-extension://${session.extensionId}`)))) {
          if (Date.now() > deadline) throw new Error(`no content-script world among ${JSON.stringify(contexts)}`);
          await new Promise((r) => setTimeout(r, 50));
        }
      }
      const heap = async () => {
        if (!cdp) return null;
        await cdp.send('HeapProfiler.collectGarbage');
        await cdp.send('HeapProfiler.collectGarbage');
        const usage = await cdp.send('Runtime.getHeapUsage');
        const live = {};
        for (const type of ['Range', 'Text', 'HTMLParagraphElement']) {
          const { result } = await cdp.send('Runtime.evaluate', { expression: `${type}.prototype`, contextId: world.id });
          const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: result.objectId });
          const length = await cdp.send('Runtime.callFunctionOn', { functionDeclaration: 'function () { return this.length; }', objectId: objects.objectId, returnByValue: true });
          live[type] = length.result.value;
          await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
        }
        return { bytes: usage.usedSize + (usage.embedderHeapUsedSize ?? 0), live };
      };

      /** Inserts INSERTIONS paragraphs, each a new claim, in bursts; waits until all are counted; removes them. */
      const round = async (r) => {
        await page.evaluate(
          async (round, n) => {
            const area = document.getElementById('area');
            for (let i = 0; i < n; i++) {
              const p = document.createElement('p');
              p.className = 'inserted';
              p.textContent = `The agency claimed that item ${i} of round ${round} arrived.`;
              area.append(p);
              if (i % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 5));
            }
          },
          r,
          INSERTIONS,
        );
        await session.waitForAction(page, (s) => Number(s.badge) === Number(base.badge) + INSERTIONS, { timeout: 60_000 });
        await page.evaluate(() => document.querySelectorAll('p.inserted').forEach((p) => p.remove()));
        await session.waitForAction(page, (s) => s.badge === base.badge, { timeout: 30_000 });
      };
      const toggles = async (n) => {
        for (let i = 0; i < n; i++) await toggleCycle(session, page);
      };

      // Warm-up: caches, JIT, the first analyzer instance.
      await round(0);
      await toggles(5);
      const warm = await heap();

      for (let r = 1; r <= 3; r++) await round(r);
      await toggles(TOGGLES / 2); // 50 cycles = 100 toggles
      await session.waitForAction(page, (s) => s.badge === base.badge);
      const grown = await heap();

      // Reachable from the page: exactly the article's ranges, all in live nodes.
      assert.deepEqual(summarise(await readHighlights(page)), baseRanges, 'the ranges of removed text are gone');
      assert.ok(await allRangesConnected(page, HIGHLIGHT_NAMES));

      if (cdp) {
        t.diagnostic(`after warm-up: ${(warm.bytes / MB).toFixed(1)} MB, ${JSON.stringify(warm.live)} live in the content script's world`);
        t.diagnostic(`after 3×${INSERTIONS} insertions and ${TOGGLES} toggles: ${(grown.bytes / MB).toFixed(1)} MB, ${JSON.stringify(grown.live)}`);
        const ranges = Object.values(baseRanges).reduce((a, b) => a + b, 0);
        assert.ok(grown.live.Range <= ranges + 10, `live ranges ${grown.live.Range} for ${ranges} drawn`);
        for (const type of ['Text', 'HTMLParagraphElement']) {
          assert.ok(grown.live[type] <= warm.live[type] + 50, `live ${type} objects: ${warm.live[type]} → ${grown.live[type]}`);
        }
        // The result cache is bounded (a few MB at most); 3000 retained paragraphs with their blocks
        // and ranges would pass this too, but the counts above catch them first.
        assert.ok(grown.bytes - warm.bytes < Math.max(8 * MB, warm.bytes), `heap grew by ${((grown.bytes - warm.bytes) / MB).toFixed(1)} MB`);
      }
      await page.close();
    });
  });
}
