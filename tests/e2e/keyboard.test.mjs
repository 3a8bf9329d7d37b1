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

/**
 * The page's claims as the page sees them: one cue range per claim (the count), and where the first
 * claim starts. A claim's tint may be in pieces where claims overlap (one tint per claim, issue 17),
 * so the claim-category ranges are not one per claim; the earliest of them starts the first claim.
 */
function claimsOnPage(page) {
  return page.evaluate(() => {
    const offset = (node, at) => {
      const r = document.createRange();
      r.setStart(document.body, 0);
      r.setEnd(node, at);
      return r.toString().length;
    };
    const tints = ['attributed', 'distancing', 'hedged', 'unsourced'].flatMap((c) => [...(CSS.highlights.get(`allegedly-${c}`) ?? [])]);
    return { count: CSS.highlights.get('allegedly-cue')?.size ?? 0, firstStart: Math.min(...tints.map((r) => offset(r.startContainer, r.startOffset))) };
  });
}

/** Where the flashed claim (allegedly-focus) starts in the page's text, or null. */
function focusStart(page) {
  return page.evaluate(() => {
    const focus = CSS.highlights.get('allegedly-focus');
    if (!focus) return null;
    const range = [...focus][0];
    const r = document.createRange();
    r.setStart(document.body, 0);
    r.setEnd(range.startContainer, range.startOffset);
    return r.toString().length;
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
      const claims = await claimsOnPage(page);
      assert.ok(claims.count >= 3);
      await page.evaluate(() => window.scrollTo(0, 0));

      await command(page, 'next-claim');
      let ui = await waitForUi(session, page, (u) => u.card !== null && !!u.live);
      let flash = await focused(page);
      const first = flash.text;
      const firstStart = await focusStart(page);
      assert.equal(firstStart, claims.firstStart, 'the first claim of the page');
      assert.ok(flash.inView);
      assert.match(ui.live, new RegExp(`^Claim 1 of ${claims.count}: (Said|Confirmed or believed|Distancing|Hedged|Unsourced) — `));
      // The announcement reads the card, then what is claimed (issue 17), not only kind, source and cue.
      const said = ui.live.slice(ui.live.indexOf(': ') + 2);
      assert.ok(said.startsWith(ui.card), `the announcement reads the card: ${said}`);
      assert.match(said.slice(ui.card.length), /^ — what is claimed: “.+”$/, `and what is claimed: ${said}`);

      await command(page, 'next-claim');
      ui = await waitForUi(session, page, (u) => u.live?.startsWith('Claim 2 of'));
      const second = (await focused(page)).text;
      assert.notEqual(second, first);
      assert.ok((await focusStart(page)) >= firstStart, 'the second claim starts after the first');

      await command(page, 'previous-claim');
      await waitForUi(session, page, (u) => u.live?.startsWith('Claim 1 of'));
      assert.equal((await focused(page)).text, first);

      // Previous from the first wraps to the last claim, far down: the page scrolls to it, and it
      // starts after every other claim.
      await command(page, 'previous-claim');
      ui = await waitForUi(session, page, (u) => u.live?.startsWith(`Claim ${claims.count} of`) && u.card !== null);
      flash = await focused(page);
      const lastStart = await focusStart(page);
      assert.ok(lastStart > firstStart);
      assert.ok(flash.inView && flash.scrollY > 0, `scrolled to the last claim: ${JSON.stringify(flash)}`);
      // Centred, not left at the window's bottom edge under its card (issue 17).
      // (Unless the page ends there: the window cannot scroll past the document's end.)
      const place = await page.evaluate(() => {
        const rect = [...CSS.highlights.get('allegedly-focus')][0].getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom, height: innerHeight, atEnd: scrollY + innerHeight >= document.documentElement.scrollHeight - 1 };
      });
      assert.ok(place.atEnd || place.bottom <= place.height * 0.75 || place.bottom - place.top > place.height / 2, `the claim is not at the bottom edge: ${JSON.stringify(place)}`);
      // In the middle of the page, a claim moved to lies in the window's middle.
      await command(page, 'next-claim'); // wraps to the first
      await waitForUi(session, page, (u) => u.live?.startsWith('Claim 1 of'));
      for (let i = 2; i <= Math.ceil(claims.count / 2); i++) {
        await command(page, 'next-claim');
        await waitForUi(session, page, (u) => u.live?.startsWith(`Claim ${i} of`));
      }
      const middle = await page.evaluate(() => {
        const rect = [...CSS.highlights.get('allegedly-focus')][0].getBoundingClientRect();
        return { top: rect.top, bottom: rect.bottom, height: innerHeight, scrolled: scrollY };
      });
      if (middle.scrolled > 0) assert.ok(middle.top >= middle.height * 0.15 && middle.bottom <= middle.height * 0.75, `the claim sits mid-window: ${JSON.stringify(middle)}`);

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
      assert.equal(ui.live, `Claim highlights on: ${on.badge} claims`); // a seed has many: the plural

      // The region is emptied and the host removed once it has been read out (a few seconds).
      await until(async () => (await readUi(session, page)).host === 0, 'the live region to go', { timeout: 12_000 });
      assert.equal(await serialiseDom(page), await parseLikeBrowser(page, html));
      await page.close();
    });
  });
}
