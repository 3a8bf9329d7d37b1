// Pages that test the content script's edges, in Chromium and Firefox: a strict-CSP page (and the
// highlights really paint there), claims crossing element boundaries, text that must never be read
// (form fields, contenteditable, hidden, the extension's own UI), a page that grows and shrinks
// after load, a page large enough to need several analysis messages, and a browser without the
// Highlight API.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BROWSER_NAMES, EXTENSION_DIRS, launch, unavailable } from './lib/browsers.mjs';
import { covers, mutationLog, parseLikeBrowser, rangesWith, readHighlights, recordMutations, serialiseDom, summarise } from './lib/highlights.mjs';
import { htmlDocument, loadSeeds, seedPage } from './lib/pages.mjs';
import { rangeRect, tintedPixels } from './lib/paint.mjs';
import { STRICT_CSP, serveFixtures } from './lib/server.mjs';

const seeds = loadSeeds();
const isOn = ({ badge, title }) => /^\d+$/.test(badge) && /click to hide/i.test(title);
const isOff = ({ badge }) => badge === '';

const EDGES_PAGE = htmlDocument({
  title: 'Edges',
  body: `<article>
<h1>Edge cases</h1>
<p id="cross">The <b>spokesman</b> <a href="/people/spokesman">claimed</a> that the <em>bridge was <strong>perfectly</strong></em> safe.</p>
<p>The ministry claimed that the visible paragraph is highlighted.</p>
<p>A line of verse<br>The ministry claimed that the second line stands on its own.</p>
<textarea>Officials claimed that the textarea is never read.</textarea>
<input value="Officials claimed that the input is never read.">
<select><option>Officials claimed that the option is never read.</option></select>
<button>Officials claimed that the button is never read.</button>
<div contenteditable="true"><p>Officials claimed that the editable region is never read.</p></div>
<p style="visibility: hidden">Officials claimed that the invisible paragraph is never read.</p>
<p style="display: none">Officials claimed that the undisplayed paragraph is never read.</p>
<div data-allegedly-ui><p>Officials claimed that the extension's own UI is never read.</p></div>
<template><p>Officials claimed that the template is never read.</p></template>
<script>/* Officials claimed that the script is never read. */</script>
</article>`,
});

// Teasers, headlines and cards that news sites lay out as boxes with phrasing tags (a <span> or <a>
// made block, flex, grid or list-item by an inline style, a class rule, a descendant rule, or by
// being the item of a flex or grid container), table cells and <br>: each item is its own text, so
// no sentence (hence no claim) runs from one into the next. Each pair is "claim, next item", with no
// full stop between them: joined into one block, the claim would swallow the next headline.
const BOXED_ITEMS = [
  ['<span style="display:block">The mayor claimed that the bridge was unsafe</span>', '<span style="display:block">Tickets on sale for the summer fair</span>'],
  ['<a href="/1" class="teaser">The insurer claimed that the dam was sound</a>', '<a href="/2" class="teaser">Ferry timetable changes next month</a>'],
  ['<a href="/3">Officials claimed that the river was clean</a>', '<a href="/4">Weather turns cold over the weekend</a>', 'rail'],
  ['<a href="/5">The company claimed that profits doubled</a>', '<span>Local team wins the cup final</span>', '', 'display:flex'],
  ['<span>Critics claimed that the vote was rigged</span>', '<span>Museum reopens after long repairs</span>', '', 'display:grid'],
  ['<span style="display:list-item; list-style:none">Police claimed that the suspect fled north</span>', '<span style="display:list-item; list-style:none">Market prices steady this morning</span>'],
  ['<span style="display:inline-block">Doctors claimed that the clinic was closed</span>', '<span style="display:inline-block">Choir performs at the town hall</span>'],
];
const BOXED_PAGE = htmlDocument({
  title: 'Boxes',
  head: '<style>.teaser { display: flex } .rail a { display: block }</style>',
  body: `<main>
${BOXED_ITEMS.map(([claim, next, cls = '', style = '']) => `<div${cls ? ` class="${cls}"` : ''}${style ? ` style="${style}"` : ''}>${claim}${next}</div>`).join('\n')}
<table><tr><td>The minister claimed that taxes will fall</td><td>Council approves the new budget</td></tr></table>
<p>Witnesses claimed that the car sped away<br>Road closed until Friday evening</p>
</main>`,
});
/** [claim text, the next item's text] for each pair on BOXED_PAGE. */
const BOXED_PAIRS = [
  ...BOXED_ITEMS.map(([claim, next]) => [claim, next].map((html) => html.replace(/<[^>]*>/g, ''))),
  ['The minister claimed that taxes will fall', 'Council approves the new budget'],
  ['Witnesses claimed that the car sped away', 'Road closed until Friday evening'],
];

const FEED_PAGE = htmlDocument({
  title: 'Feed',
  body: `<h1>Live feed</h1>
<main id="feed" data-test-area><p id="first">Nothing of note in this first paragraph at all.</p></main>`,
});

const REVEAL_PAGE = htmlDocument({
  title: 'Read more',
  body: `<h1>Story</h1>
<main data-test-area>
<p>The council met on Monday.</p>
<p id="more" hidden>Mayor Ruiz said that the bridge would reopen in May.</p>
<details id="box"><summary>Background</summary><p>The company claimed that sales had doubled.</p></details>
</main>`,
});

/** About `chars` UTF-16 units of article text; every 50th paragraph holds a numbered claim. */
function largePage(chars) {
  const filler = 'The committee met again on Tuesday to review the budget for the coming year, and the members discussed the schedule at length. ';
  const paragraphs = [];
  let size = 0;
  for (let i = 0; size < chars; i++) {
    const text = i % 50 === 0 ? `The ministry claimed that report ${i} was accurate. ${filler}` : filler.repeat(2);
    paragraphs.push(`<p>${text}</p>`);
    size += text.length;
  }
  return { html: htmlDocument({ title: 'Large', body: `<article>${paragraphs.join('\n')}</article>` }), claims: Math.ceil(paragraphs.length / 50), last: Math.floor((paragraphs.length - 1) / 50) * 50 };
}

for (const name of BROWSER_NAMES) {
  const skip = unavailable(name, { extension: true });
  describe(`pages in ${name}`, { skip: skip || false, timeout: 180_000 }, () => {
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

    test('a strict-CSP page is highlighted, and the highlights paint', { skip: seeds.length ? false : 'no seed articles' }, async () => {
      const html = seedPage(seeds[0]);
      const url = server.page('/csp/article.html', html, { 'content-security-policy': STRICT_CSP });
      const page = await session.newPage();
      await recordMutations(page);
      await page.goto(url);
      await session.waitForAction(page, isOn);
      const highlights = await readHighlights(page);
      assert.ok(highlights['allegedly-cue']?.length >= 3, `claims found: ${JSON.stringify(summarise(highlights))}`);
      assert.ok(covers(highlights, 'allegedly-cue', 'claimed'));

      // Pixels: the cue "claimed" is tinted while on and plain paper while off.
      const rect = await rangeRect(page, 'allegedly-cue', 'claimed');
      assert.ok(rect && rect.width > 0, 'the cue has a box on screen');
      const on = await tintedPixels(session, page, rect);
      assert.ok(on.tinted / on.pixels > 0.3, `cue tinted while on: ${JSON.stringify(on)}`);
      await session.clickToolbarButton(page);
      await session.waitForAction(page, isOff);
      const off = await tintedPixels(session, page, rect);
      assert.ok(off.tinted / off.pixels < 0.05, `no tint while off: ${JSON.stringify(off)}`);
      await session.clickToolbarButton(page);
      await session.waitForAction(page, isOn);

      assert.deepEqual(await mutationLog(page), [], 'the DOM was never mutated');
      assert.equal(await serialiseDom(page), await parseLikeBrowser(page, html));
      await page.close();
    });

    test('a claim crossing element boundaries is one range; unreadable text is skipped', async () => {
      const url = server.page('/edges.html', EDGES_PAGE);
      const page = await session.newPage();
      await recordMutations(page);
      await page.goto(url);
      await session.waitForAction(page, isOn);
      const highlights = await readHighlights(page);

      const crossing = await rangesWith(page, 'allegedly-distancing', 'claimed');
      const claim = crossing.find((r) => r.text.includes('spokesman'));
      assert.ok(claim, `a distancing range over the spokesman's claim: ${JSON.stringify(highlights['allegedly-distancing'])}`);
      assert.match(claim.text, /^The spokesman claimed that the bridge was perfectly safe/);
      assert.equal(claim.nodes, 2, 'the range starts and ends in different text nodes');
      assert.ok(covers(highlights, 'allegedly-cue', 'claimed'));
      assert.ok((await rangesWith(page, 'allegedly-cue', 'claimed')).some((r) => r.start === 'a'), 'the cue inside the link');

      // ("highlighted" is a claim of its own for the trained model; one tint per claim leaves it its own.)
      assert.ok(covers(highlights, 'allegedly-distancing', 'claimed that the visible paragraph'), 'the control paragraph is read');
      assert.ok(covers(highlights, 'allegedly-distancing', 'the second line stands on its own'), 'text after <br> is read');
      assert.ok(!covers(highlights, 'allegedly-distancing', 'A line of verse'), '<br> separates lines');
      for (const ranges of Object.values(highlights)) {
        for (const text of ranges) assert.doesNotMatch(text, /never read/, `skipped text was highlighted: ${text}`);
      }
      assert.deepEqual(await mutationLog(page), []);
      assert.equal(await serialiseDom(page), await parseLikeBrowser(page, EDGES_PAGE));
      await page.close();
    });

    test('block, flex, grid and list-item phrasing elements, table cells and <br> end the text: no claim runs into the next item', async () => {
      const page = await session.newPage();
      await recordMutations(page);
      await page.goto(server.page('/boxes.html', BOXED_PAGE));
      await session.waitForAction(page, isOn);
      const highlights = await readHighlights(page);
      const ranges = Object.values(highlights).flat().map((text) => text.replace(/\s+/g, ' '));
      for (const [claim, next] of BOXED_PAIRS) {
        const content = claim.slice(claim.indexOf('claimed that ') + 'claimed that '.length);
        assert.ok(ranges.some((text) => text.includes(content)), `the claim "${claim}" is highlighted: ${JSON.stringify(highlights)}`);
        const nextWord = next.split(' ')[0];
        for (const text of ranges) {
          assert.ok(!(text.includes(content) && text.includes(nextWord)), `a range runs from "${claim}" into "${next}": "${text}"`);
          assert.ok(!text.includes(next.split(' ').slice(0, 2).join(' ')), `the item "${next}" is no claim: "${text}"`);
        }
      }
      assert.deepEqual(await mutationLog(page), []);
      await page.close();
    });

    test('text added later is analysed, removed text loses its ranges, edited text is re-read', async () => {
      const url = server.page('/feed.html', FEED_PAGE);
      const page = await session.newPage();
      await recordMutations(page);
      await page.goto(url);
      const start = await session.waitForAction(page, isOn);
      assert.equal(start.badge, '0');

      // A late article body.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.id = 'late';
        p.append('The mayor ', Object.assign(document.createElement('a'), { href: '/mayor', textContent: 'claimed' }), ' that the dam was safe.');
        document.getElementById('feed').append(p);
      });
      await session.waitForAction(page, (s) => s.badge === '1');
      assert.ok(covers(await readHighlights(page), 'allegedly-distancing', 'claimed that the dam was safe'));

      // Infinite scroll: five batches of ten paragraphs in quick succession.
      await page.evaluate(async () => {
        for (let batch = 0; batch < 5; batch++) {
          const section = document.createElement('section');
          for (let i = 0; i < 10; i++) {
            const p = document.createElement('p');
            p.textContent = `Police said that incident ${batch * 10 + i} was under investigation.`;
            section.append(p);
          }
          document.getElementById('feed').append(section);
          await new Promise((r) => setTimeout(r, 50));
        }
      });
      await session.waitForAction(page, (s) => s.badge === '51');
      const grown = await readHighlights(page);
      assert.ok(covers(grown, 'allegedly-attributed', 'incident 49 was under investigation'));

      // Removal drops the ranges; editing text re-reads it.
      await page.evaluate(() => document.getElementById('late').remove());
      await session.waitForAction(page, (s) => s.badge === '50');
      assert.ok(!covers(await readHighlights(page), 'allegedly-distancing', 'the dam was safe'), 'ranges of removed text are gone');
      await page.evaluate(() => {
        document.getElementById('first').firstChild.data = 'The minister insisted that the budget was balanced.';
      });
      await session.waitForAction(page, (s) => s.badge === '51');
      const edited = await readHighlights(page);
      assert.ok(Object.values(edited).flat().some((t) => t.includes('the budget was balanced')), 'edited text is highlighted');

      // Off: changes are not followed (the observer is disconnected); on again catches up.
      await session.clickToolbarButton(page);
      await session.waitForAction(page, isOff);
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'Witnesses claimed that the fire started at night.';
        document.getElementById('feed').append(p);
      });
      await new Promise((r) => setTimeout(r, 600));
      assert.equal((await session.actionState(page)).badge, '', 'nothing happens while off');
      await session.clickToolbarButton(page);
      await session.waitForAction(page, (s) => s.badge === '52');
      assert.ok(covers(await readHighlights(page), 'allegedly-distancing', 'the fire started at night'));

      assert.deepEqual(await mutationLog(page), [], 'no mutation outside the test area');
      await page.close();
    });

    test('text revealed by the hidden attribute or an opened <details> is analysed; hidden again, it loses its ranges', async () => {
      const url = server.page('/reveal.html', REVEAL_PAGE);
      const page = await session.newPage();
      await recordMutations(page);
      await page.goto(url);
      const start = await session.waitForAction(page, isOn);
      assert.equal(start.badge, '0', 'hidden text is not read');

      await page.evaluate(() => document.getElementById('more').removeAttribute('hidden'));
      await session.waitForAction(page, (s) => s.badge === '1');
      assert.ok(covers(await readHighlights(page), 'allegedly-attributed', 'the bridge would reopen in May'));

      await page.evaluate(() => {
        document.getElementById('box').open = true;
      });
      await session.waitForAction(page, (s) => s.badge === '2');
      assert.ok(covers(await readHighlights(page), 'allegedly-distancing', 'sales had doubled'));

      await page.evaluate(() => {
        document.getElementById('box').open = false;
        document.getElementById('more').hidden = true;
      });
      await session.waitForAction(page, (s) => s.badge === '0');
      const after = Object.values(await readHighlights(page)).flat();
      assert.ok(!after.some((t) => t.includes('bridge') || t.includes('sales')), 'text hidden again has no ranges');

      assert.deepEqual(await mutationLog(page), [], 'no mutation outside the test area');
      await page.close();
    });

    test('a large page is analysed in several messages, to its end', async () => {
      const { html, claims, last } = largePage(2_500_000);
      const url = server.page('/large.html', html);
      const page = await session.newPage();
      await page.goto(url);
      const state = await session.waitForAction(page, isOn, { timeout: 60_000 });
      assert.equal(Number(state.badge), claims);
      assert.ok(covers(await readHighlights(page), 'allegedly-distancing', `report ${last} was accurate`), 'the last claim is highlighted');
      await page.close();
    });
  });
}

// Neither browser can switch the Highlight API off any more (Chromium's Blink feature and Firefox's
// pref are gone), so the test simulates an older browser where it matters: in the content script's
// own world, by a one-line prelude in a copy of the built extension. Everything else is the real path.
for (const name of BROWSER_NAMES) {
  const skip = unavailable(name, { extension: true }) || (seeds.length ? '' : 'no seed articles');
  describe(`${name} without the Highlight API`, { skip: skip || false, timeout: 120_000 }, () => {
    let session;
    let server;
    let dir;
    before(async () => {
      dir = mkdtempSync(path.join(tmpdir(), 'allegedly-nohl-'));
      cpSync(EXTENSION_DIRS[name], dir, { recursive: true });
      const content = path.join(dir, 'content.js');
      writeFileSync(content, `Object.defineProperty(CSS, 'highlights', { value: undefined, configurable: true });\n${readFileSync(content, 'utf8')}`);
      server = await serveFixtures();
      session = await launch(name, { extension: dir });
    });
    after(async () => {
      await session?.close();
      await server?.close();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    test('says so on the button, logs once, leaves the page alone', async () => {
      const html = seedPage(seeds[0]);
      const page = await session.newPage();
      const messages = [];
      page.on('console', (m) => messages.push(m.text()));
      await recordMutations(page);
      await page.goto(server.page('/nohl.html', html));
      const unsupported = (s) => s.badge === '' && /cannot highlight/i.test(s.title);
      await session.waitForAction(page, unsupported);
      await session.clickToolbarButton(page);
      await new Promise((r) => setTimeout(r, 300));
      assert.ok(unsupported(await session.actionState(page)), 'a click changes nothing');
      assert.equal(await page.evaluate(() => [...CSS.highlights.keys()].length), 0, 'nothing registered');
      const ours = messages.filter((m) => m.startsWith('allegedly'));
      assert.ok(ours.length <= 1, `logged at most once: ${JSON.stringify(ours)}`);
      if (name === 'chromium') assert.equal(ours.length, 1, 'Chromium shows content-script logs in the page console');
      assert.deepEqual(await mutationLog(page), []);
      assert.equal(await serialiseDom(page), await parseLikeBrowser(page, html));
      await page.close();
    });
  });
}
