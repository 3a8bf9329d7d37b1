// The explanation card, in Chromium and Firefox: a real mouse over a seed claim shows its kind,
// source and cue in plain words; the card lives in a closed shadow root whose host exists only while
// it shows; it goes on pointer leave, Escape, scroll and toggle-off; and hit-testing works with the
// browser's highlightsFromPoint as well as with the range-rectangle index used where it is missing.
// The card is read through what the browser lets a test reach (lib/ui.mjs): Chromium's CDP pierces
// closed shadow roots; in Firefox, the accessibility tree from the chrome context.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BROWSER_NAMES, EXTENSION_DIRS, launch, unavailable } from './lib/browsers.mjs';
import { parseLikeBrowser, serialiseDom } from './lib/highlights.mjs';
import { htmlDocument, loadSeeds, seedPage } from './lib/pages.mjs';
import { STRICT_CSP, serveFixtures } from './lib/server.mjs';
import { pointOnRange, readUi, until, waitForUi } from './lib/ui.mjs';

const seeds = loadSeeds();
const seed = seeds.find((s) => s.text.includes('claimed Friday'));
const hedgedSeed = seeds.find((s) => s.text.includes('allegedly involved'));
const isOn = ({ badge }) => /^\d+$/.test(badge);
// The card capitalises each line with CSS (::first-letter); Firefox's accessibility tree reports the
// rendered letter, CDP the DOM text. Lines are compared without that first-letter case.
const lines = (ui) => ui.lines.map((l) => l.charAt(0).toLowerCase() + l.slice(1));

// The card speaks the vocabulary (extension/categories.js, messages.json): the kind's name, the
// source with its specificity, the cue with its stance.
const MINISTRY_CARD = [
  'Distancing',
  "named source: Iran's Intelligence Ministry",
  'cue: ‘claimed’ (distancing: the writer does not vouch for it)',
];

async function hover(page, name, phrase) {
  await page.evaluate(() => window.scrollTo(0, 0));
  const first = await pointOnRange(page, name, phrase);
  assert.ok(first, `a ${name} range with "${phrase}"`);
  if (first.y > 400) await page.evaluate((dy) => window.scrollBy(0, dy), first.y - 200);
  const point = await pointOnRange(page, name, phrase);
  await page.mouse.move(point.x + 40, Math.max(2, point.y - 200)); // start off the claim, so the move enters it
  await page.mouse.move(point.x, point.y, { steps: 3 });
  return point;
}

const hostGone = (page, why) => until(async () => (await page.evaluate(() => document.querySelectorAll('[data-allegedly-ui]').length)) === 0, `the UI host to go (${why})`);

for (const name of BROWSER_NAMES) {
  const skip = unavailable(name, { extension: true }) || (seed ? '' : 'no seed with "claimed Friday"');
  describe(`explanation card in ${name}`, { skip: skip || false, timeout: 120_000 }, () => {
    let session;
    let server;
    let html;
    before(async () => {
      server = await serveFixtures();
      html = seedPage(seed);
      server.page('/article.html', html);
      if (hedgedSeed) server.page('/hedged.html', seedPage(hedgedSeed));
      session = await launch(name, { extension: true });
    });
    after(async () => {
      await session?.close();
      await server?.close();
    });

    test('hovering a claim explains it: kind, source, cue; the host exists only while it shows', async () => {
      const page = await session.newPage();
      // A strict CSP: the card's styles (a constructable sheet in the shadow root) must still apply.
      await page.goto(server.page('/csp-article.html', html, { 'content-security-policy': STRICT_CSP }));
      await session.waitForAction(page, isOn);
      // A window short enough for the article to scroll (the CSP blocks the page's own styles).
      await page.setViewport({ width: 1000, height: 500 });
      assert.ok(await page.evaluate(() => document.documentElement.scrollHeight > innerHeight + 100), 'the page can scroll');
      assert.equal((await readUi(session, page)).host, 0, 'no extension node before any hover');

      const point = await hover(page, 'allegedly-distancing', 'claimed Friday');
      const ui = await waitForUi(session, page, (u) => u.card?.includes('‘claimed’'));
      assert.deepEqual(lines(ui), MINISTRY_CARD.map((l) => l.charAt(0).toLowerCase() + l.slice(1)));
      assert.equal(ui.card, MINISTRY_CARD.join(' — '));
      // A readable box (not squeezed to a word per line), next to the claim: just below its line.
      assert.ok(ui.cardBox.width > 250 && ui.cardBox.height < 150, `card size: ${JSON.stringify(ui.cardBox)}`);
      if (name === 'chromium') assert.ok(ui.cardBox.y > point.y && ui.cardBox.y < point.y + 40, `card below the line: ${JSON.stringify({ point, box: ui.cardBox })}`);
      assert.equal(ui.host, 1, 'one host element');
      assert.equal(ui.shadowType, 'closed');
      const exposed = await page.evaluate(() => {
        const host = document.querySelector('[data-allegedly-ui]');
        return { shadowRoot: host.shadowRoot, children: host.childNodes.length, text: host.textContent };
      });
      assert.deepEqual(exposed, { shadowRoot: null, children: 0, text: '' }, 'the page sees an empty host, no shadow root');

      // Off the claim: the card and its host go, and the page's DOM is as the parser made it.
      await page.mouse.move(5, 5);
      await hostGone(page, 'pointer left');
      assert.equal(await serialiseDom(page), await parseLikeBrowser(page, html));

      // Escape closes it (and the page still gets the key).
      await page.evaluate(() => {
        window.keys = [];
        addEventListener('keydown', (e) => window.keys.push(e.key));
      });
      await hover(page, 'allegedly-distancing', 'claimed Friday');
      await waitForUi(session, page, (u) => u.card !== null);
      await page.keyboard.press('Escape');
      await hostGone(page, 'Escape');
      assert.deepEqual(await page.evaluate(() => window.keys), ['Escape'], 'the page saw Escape too');

      // Scrolling closes it.
      await hover(page, 'allegedly-distancing', 'claimed Friday');
      await waitForUi(session, page, (u) => u.card !== null);
      await page.evaluate(() => window.scrollBy(0, 40));
      await hostGone(page, 'scroll');

      // Turning the highlights off removes it at once.
      await hover(page, 'allegedly-distancing', 'claimed Friday');
      await waitForUi(session, page, (u) => u.card !== null);
      await session.clickToolbarButton(page);
      await session.waitForAction(page, ({ badge }) => badge === '');
      assert.equal((await readUi(session, page)).host, 0, 'no node left while off');
      assert.equal(await pointOnRange(page, 'allegedly-distancing', 'claimed Friday'), null, 'no highlight while off');
      await session.clickToolbarButton(page);
      await session.waitForAction(page, isOn);
      await page.close();
    });

    test("a hedge is explained as the writer's own", { skip: hedgedSeed ? false : 'no seed with "allegedly involved"' }, async () => {
      const page = await session.newPage();
      await page.goto(server.url('/hedged.html'));
      await session.waitForAction(page, isOn);
      // The cue "allegedly" of the hedged claim "… allegedly involved …" (an attributed claim about
      // the same words has another cue; the card explains the claim whose cue is under the pointer).
      const point = await page.evaluate(() => {
        const claim = [...CSS.highlights.get('allegedly-hedged')].find((r) => r.toString().includes('allegedly involved'));
        claim.startContainer.parentElement.scrollIntoView({ block: 'center' });
        const cue = [...CSS.highlights.get('allegedly-cue')].find(
          (r) => r.toString() === 'allegedly' && claim.compareBoundaryPoints(Range.START_TO_START, r) <= 0 && claim.compareBoundaryPoints(Range.END_TO_END, r) >= 0,
        );
        const box = cue.getClientRects()[0];
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      });
      await page.mouse.move(point.x, Math.max(2, point.y - 150));
      await page.mouse.move(point.x, point.y, { steps: 3 });
      // (On its way the pointer may cross other claims: wait for the card of the one it rests on.)
      const ui = await waitForUi(session, page, (u) => u.card?.startsWith('Hedged — '));
      assert.equal(lines(ui)[1], 'source: the writer (their own hedge)');
      assert.match(lines(ui)[2], /^cue: ‘allegedly’ \(hedge: the writer signals it may not be so\)$/);
      await page.close();
    });

    /** A page where a paragraph after `lead` quotes "he", and an earlier one names him. */
    async function pronounCard(file, lead) {
      const page = await session.newPage();
      const body = [
        '<h1>Council vote</h1>',
        ...lead,
        '<p>Senator John Smith criticised the plan on Monday, before the council met.</p>',
        '<p>The vote is due next week, after a public hearing.</p>',
        '<p>“It is a disaster for the city and nobody asked for it,” he said.</p>',
      ].join('\n');
      await page.goto(server.page(file, htmlDocument({ title: 'Council vote', body })));
      await session.waitForAction(page, isOn);
      await hover(page, 'allegedly-attributed', 'nobody asked');
      const ui = await waitForUi(session, page, (u) => u.card?.includes('‘said’'));
      // "he" takes the specificity of the person it stands for (issue 17).
      assert.equal(lines(ui)[1], 'named source: he (most likely Senator John Smith, named earlier)');
      await page.close();
    }

    test('"he said" names the person an earlier paragraph quoted', () => pronounCard('/pronoun.html', []));

    test('unnamed people: the card says "anonymous source", their words marked in their own style', async () => {
      const page = await session.newPage();
      const body = '<p>Officials said on Monday that the talks had stalled after the second round.</p>\n<p>Reuters reported that the plant had closed.</p>';
      await page.goto(server.page('/anonymous.html', htmlDocument({ title: 'Talks', body })));
      await session.waitForAction(page, ({ badge }) => badge === '2');
      await hover(page, 'allegedly-anonymous', 'Officials');
      const ui = await waitForUi(session, page, (u) => u.card?.includes('‘said’'));
      assert.equal(lines(ui)[1], 'anonymous source: Officials');
      await hover(page, 'allegedly-source', 'Reuters');
      const named = await waitForUi(session, page, (u) => u.card?.includes('‘reported’'));
      assert.equal(lines(named)[1], 'named source: Reuters');
      await page.close();
    });

    test('"he said" names the person the previous message to the analyzer named', () => {
      // The content script sends the first 4,000 characters on their own (quick first highlights),
      // and the rest later: here the senator's paragraph is the last of the first message, and "he
      // said" comes in the second, with the first's end as its context.
      // 49 × 81 = 3,969 characters: with the heading's 12, the first message is still short of
      // 4,000 until the senator's paragraph.
      const history = 'The hall on Main Street opened in 1901 and its clock tower was restored in 1987. ';
      return pronounCard('/pronoun-later.html', [`<p>${history.repeat(49)}</p>`]);
    });
  });
}

// Where CSS.highlights.highlightsFromPoint is missing (Chrome before 140, Firefox before 150), the card
// finds the claim from the ranges' client rectangles. Both test browsers have the method, so a copy of
// the extension hides it in the content scripts' own world (a one-line prelude; the page's world is
// untouched) and the same hover must give the same card.
for (const name of BROWSER_NAMES) {
  const skip = unavailable(name, { extension: true }) || (seed ? '' : 'no seed with "claimed Friday"');
  describe(`explanation card in ${name} without highlightsFromPoint`, { skip: skip || false, timeout: 60_000 }, () => {
    let session;
    let server;
    let dir;
    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'allegedly-nohit-'));
      cpSync(EXTENSION_DIRS[name], dir, { recursive: true });
      // settings.js is the first content script (manifest order); the background imports it too, where
      // there is no CSS.
      const first = path.join(dir, 'settings.js');
      const prelude = "if (globalThis.CSS?.highlights) Object.defineProperty(CSS.highlights, 'highlightsFromPoint', { value: undefined, configurable: true });";
      writeFileSync(first, `${prelude}\n${readFileSync(first, 'utf8')}`);
      server = await serveFixtures();
      server.page('/article.html', seedPage(seed));
      session = await launch(name, { extension: dir });
    });
    after(async () => {
      await session?.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('the range-rectangle index finds the claim under the pointer', async () => {
      const page = await session.newPage();
      await page.goto(server.url('/article.html'));
      await session.waitForAction(page, isOn);
      assert.equal(await page.evaluate(() => typeof CSS.highlights.highlightsFromPoint), 'function', "the page's own world keeps the method");
      await hover(page, 'allegedly-distancing', 'claimed Friday');
      const ui = await waitForUi(session, page, (u) => u.card?.includes('‘claimed’'));
      assert.deepEqual(lines(ui), MINISTRY_CARD.map((l) => l.charAt(0).toLowerCase() + l.slice(1)));
      // After scrolling (document coordinates), the index still finds claims further down.
      await hover(page, 'allegedly-attributed', 'according to the ministry');
      const further = await waitForUi(session, page, (u) => u.card?.includes('‘according to’'));
      assert.match(further.card, /cue: ‘according to’ \(neutral: the writer passes it on/);
      await page.mouse.move(5, 5);
      await hostGone(page, 'pointer left');
      await page.close();
    });
  });
}
