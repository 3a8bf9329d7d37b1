// Everything without a mouse, in Chromium and Firefox: next / previous claim move through the page's
// claims in document order (scrolling to each, flashing it with the allegedly-focus highlight,
// showing its card and announcing "Claim i of n" in a live region), and the toggle shortcut
// announces itself. Firefox gets real key presses in the browser window (the extension's commands);
// headless Chromium cannot deliver browser shortcuts, so there the test checks the keys are assigned
// and sends the messages the commands send.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSER_NAMES, launch, unavailable } from './lib/browsers.mjs';
import { focusedClaim as focused, parseLikeBrowser, serialiseDom } from './lib/highlights.mjs';
import { loadSeeds, seedPage } from './lib/pages.mjs';
import { serveFixtures } from './lib/server.mjs';
import { readUi, tabIdOf, until, waitForUi } from './lib/ui.mjs';

const seeds = loadSeeds();
const seed = seeds.find((s) => s.text.includes('claimed Friday')) ?? seeds[0];
const isOn = ({ badge }) => /^\d+$/.test(badge);
const KEYS = { 'toggle-highlights': 'Alt+Shift+L', 'next-claim': 'Alt+Shift+J', 'previous-claim': 'Alt+Shift+K', 'open-panel': 'Alt+Shift+S' };

/** The page's claims in document order (the claim-category ranges), as the page sees them. */
function claimsInOrder(page) {
  return page.evaluate(() => {
    const ranges = ['attributed', 'distancing', 'hedged', 'unsourced'].flatMap((c) => [...(CSS.highlights.get(`allegedly-${c}`) ?? [])]);
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b) || b.compareBoundaryPoints(Range.END_TO_END, a));
    return ranges.map((r) => r.toString());
  });
}

for (const name of BROWSER_NAMES) {
  const skip = unavailable(name, { extension: true }) || (seed ? '' : 'no seed articles');
  describe(`keyboard in ${name}`, { skip: skip || false, timeout: 120_000 }, () => {
    let session;
    let server;
    let html;
    before(async () => {
      server = await serveFixtures();
      html = seedPage(seed);
      server.page('/article.html', html);
      session = await launch(name, { extension: true });
    });
    after(async () => {
      await session?.close();
      await server?.close();
    });

    /** Runs a command as the reader would: its shortcut (Firefox), or the message it sends (Chromium). */
    async function command(page, which) {
      if (name === 'firefox') return session.pressShortcut(page, KEYS[which]);
      const tab = await tabIdOf(session, page);
      const message = which === 'toggle-highlights' ? { type: 'allegedly:toggle', announce: true } : { type: 'allegedly:navigate', step: which === 'next-claim' ? 1 : -1 };
      return session.evaluateInBackground((id, msg) => chrome.tabs.sendMessage(id, msg), tab, message);
    }

    test('next and previous claim scroll to the claim, flash it, show its card and announce it', async (t) => {
      if (name === 'chromium') {
        const { _execute_action: action, ...assigned } = await session.shortcuts();
        assert.deepEqual(assigned, KEYS, 'every command has its key (Chrome assigns at most four)');
        assert.equal(action, '', 'the toolbar button itself has no key');
        t.diagnostic('headless Chromium cannot press browser shortcuts; the commands are driven by their messages');
      }
      const page = await session.newPage();
      await page.goto(server.url('/article.html'));
      await session.waitForAction(page, isOn);
      const claims = await claimsInOrder(page);
      assert.ok(claims.length >= 3);
      await page.evaluate(() => window.scrollTo(0, 0));

      await command(page, 'next-claim');
      let ui = await waitForUi(session, page, (u) => u.card !== null && !!u.live);
      let flash = await focused(page);
      assert.equal(flash.text, claims[0], 'the first claim of the page');
      assert.ok(flash.inView);
      assert.match(ui.live, new RegExp(`^Claim 1 of ${claims.length}: (Said|Confirmed or believed|Distancing|Hedged|Unsourced) — `));
      // The announcement reads the card, then what is claimed (issue 17), not only kind, source and cue.
      const said = ui.live.slice(ui.live.indexOf(': ') + 2);
      assert.ok(said.startsWith(ui.card), `the announcement reads the card: ${said}`);
      assert.match(said.slice(ui.card.length), /^ — what is claimed: “.+”$/, `and what is claimed: ${said}`);

      await command(page, 'next-claim');
      ui = await waitForUi(session, page, (u) => u.live?.startsWith('Claim 2 of'));
      assert.equal((await focused(page)).text, claims[1]);

      await command(page, 'previous-claim');
      await waitForUi(session, page, (u) => u.live?.startsWith('Claim 1 of'));
      assert.equal((await focused(page)).text, claims[0]);

      // Previous from the first wraps to the last claim, far down: the page scrolls to it.
      await command(page, 'previous-claim');
      ui = await waitForUi(session, page, (u) => u.live?.startsWith(`Claim ${claims.length} of`) && u.card !== null);
      flash = await focused(page);
      assert.equal(flash.text, claims.at(-1));
      assert.ok(flash.inView && flash.scrollY > 0, `scrolled to the last claim: ${JSON.stringify(flash)}`);

      // Escape closes the card; the page keeps its key.
      await page.keyboard.press('Escape');
      await waitForUi(session, page, (u) => u.card === null);
      await until(() => page.evaluate(() => !CSS.highlights.has('allegedly-focus')), 'the flash to end');

      // Off (toolbar): no node of ours remains, not even the live region.
      await session.clickToolbarButton(page);
      await session.waitForAction(page, ({ badge }) => badge === '');
      assert.equal((await readUi(session, page)).host, 0);
      assert.equal(await serialiseDom(page), await parseLikeBrowser(page, html));

      // Next while off says so instead of doing nothing.
      await command(page, 'next-claim');
      ui = await waitForUi(session, page, (u) => !!u.live);
      assert.equal(ui.live, 'Claim highlights are off on this site');
      assert.equal(await focused(page), null);
      await session.clickToolbarButton(page);
      await session.waitForAction(page, isOn);
      await page.close();
    });

    test('the toggle shortcut announces on and off; the announcement then goes, and its node with it', async () => {
      const page = await session.newPage();
      await page.goto(server.url('/article.html'));
      const on = await session.waitForAction(page, isOn);

      await command(page, 'toggle-highlights');
      await session.waitForAction(page, ({ badge }) => badge === '');
      let ui = await waitForUi(session, page, (u) => !!u.live);
      assert.equal(ui.live, 'Claim highlights off');
      assert.equal(ui.card, null);

      await command(page, 'toggle-highlights');
      await session.waitForAction(page, isOn);
      ui = await waitForUi(session, page, (u) => u.live?.startsWith('Claim highlights on'));
      assert.equal(ui.live, `Claim highlights on: ${on.badge} claims`);

      // The region is emptied and the host removed once it has been read out (a few seconds).
      await until(async () => (await readUi(session, page)).host === 0, 'the live region to go', { timeout: 12_000 });
      assert.equal(await serialiseDom(page), await parseLikeBrowser(page, html));
      await page.close();
    });
  });
}
