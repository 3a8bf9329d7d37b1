// The claims panel (panel.html, Chrome's side panel / Firefox's sidebar), opened as an extension page
// in a tab and pinned to the article's tab (?tab=N), in Chromium and Firefox: the seed claims grouped
// by source with counts per kind, page text shown as text, a click scrolls the article to the claim
// and flashes it, the kind filter, Markdown and JSON export, and live updates when the page changes.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSER_NAMES, launch, unavailable } from './lib/browsers.mjs';
import { CLAIM_NAMES, covers, readHighlights } from './lib/highlights.mjs';
import { htmlDocument, loadSeeds, seedPage } from './lib/pages.mjs';
import { serveFixtures } from './lib/server.mjs';
import { FIREFOX_PREFS, openExtensionPage, tabIdOf, until } from './lib/ui.mjs';

const seeds = loadSeeds();
const seed = seeds.find((s) => s.text.includes('claimed Friday'));
const isOn = ({ badge }) => /^\d+$/.test(badge);

// Page text that looks like markup must stay text everywhere it is shown.
const HOSTILE = '<img src=x onerror="window.pwned=1">';
const HOSTILE_PAGE = htmlDocument({
  title: 'Hostile <b>title</b>',
  body: `<main id="feed" data-test-area>
<p>The spokesman claimed that ${HOSTILE.replace(/</g, '&lt;').replace(/>/g, '&gt;')} was a harmless picture.</p>
<p>The mayor said that the bridge would open in May.</p>
</main>`,
});

// A source named once, then "he": the quotation belongs with the senator.
const PRONOUN_PAGE = htmlDocument({
  title: 'Council vote',
  body: `<p>Senator John Smith criticised the plan on Monday, before the council met.</p>
<p>The vote is due next week, after a public hearing.</p>
<p>“It is a disaster for the city and nobody asked for it,” he said.</p>`,
});

// One person under two spellings (issue 17): a surname after the full name, an apposition after a comma.
const SOURCING_PAGE = htmlDocument({
  title: 'Sourcing',
  body: `<p>Mark Meadows said on Tuesday that the committee had overreached.</p>
<p>Meadows told reporters the documents were private.</p>
<p>Jo Grady, the UCU general secretary, said the strike would go ahead.</p>
<p>Grady claimed the offer was an insult.</p>
<p>Officials said the talks had stalled.</p>
<p>It is claimed that the vote was rigged.</p>
<p>The minister allegedly hid the payments.</p>`,
});

// Unnamed people and a named source (issue 17: specificity).
const ANONYMOUS_PAGE = htmlDocument({
  title: 'Anonymous',
  body: `<p>Officials said the talks had stalled.</p>
<p>People familiar with the matter said the deal was close.</p>
<p>Reuters reported that the plant had closed.</p>`,
});

/** What the panel shows: { status, groups: [{ source, counts, claims: [{ id, kind, text }] }], filters } */
function readPanel(panel) {
  return panel.evaluate(() => ({
    status: document.getElementById('status').textContent,
    groups: [...document.querySelectorAll('section.group')].map((g) => ({
      source: g.querySelector('h2').textContent,
      counts: g.querySelector('.counts').textContent,
      claims: [...g.querySelectorAll('button.claim')].map((b) => ({ id: Number(b.dataset.claimId), kind: b.querySelector('.tag').textContent, text: b.querySelector('.text').textContent })),
    })),
    filters: [...document.querySelectorAll('#filters label')].map((l) => l.textContent),
    images: document.querySelectorAll('img').length,
    pwned: 'pwned' in window,
  }));
}

/** The panel's view once it lists claims. */
const listedClaims = (panel) =>
  until(async () => {
    const v = await readPanel(panel);
    return v.groups.length ? v : null;
  }, 'the panel to list claims');

const claimCount = (view) => view.groups.reduce((n, g) => n + g.claims.length, 0);

for (const name of BROWSER_NAMES) {
  const skip = unavailable(name, { extension: true }) || (seed ? '' : 'no seed with "claimed Friday"');
  describe(`claims panel in ${name}`, { skip: skip || false, timeout: 120_000 }, () => {
    let session;
    let server;
    before(async () => {
      server = await serveFixtures();
      server.page('/article.html', seedPage(seed));
      server.page('/hostile.html', HOSTILE_PAGE);
      server.page('/pronoun.html', PRONOUN_PAGE);
      server.page('/sourcing.html', SOURCING_PAGE);
      server.page('/anonymous.html', ANONYMOUS_PAGE);
      session = await launch(name, { extension: true, prefs: FIREFOX_PREFS });
    });
    after(async () => {
      await session?.close();
      await server?.close();
    });

    test('lists the seed claims grouped by source, with counts per kind; a click shows the claim in the page', async () => {
      const page = await session.newPage();
      await page.goto(server.url('/article.html'));
      const action = await session.waitForAction(page, isOn);
      const tab = await tabIdOf(session, page);
      const highlights = await readHighlights(page);
      const panel = await openExtensionPage(session, `panel.html?tab=${tab}`);
      const view = await listedClaims(panel);

      assert.equal(claimCount(view), Number(action.badge), 'every highlighted claim is listed');
      const ministry = view.groups.find((g) => g.source === "Iran's Intelligence Ministry");
      assert.ok(ministry, `a group for the Intelligence Ministry: ${JSON.stringify(view.groups.map((g) => g.source))}`);
      assert.ok(ministry.claims.some((c) => c.kind === 'Distancing' && c.text.includes('claimed Friday')), JSON.stringify(ministry));
      assert.match(ministry.counts, /^\d+ claims?: .*\d+ Distancing/);
      const sources = view.groups.map((g) => g.source);
      assert.equal(new Set(sources).size, sources.length, 'one group per source');
      assert.equal(view.groups.at(-1).source === 'No source named' || !sources.includes('No source named'), true, 'unnamed sources last');
      // Every listed claim is one the page highlights.
      const drawn = CLAIM_NAMES.flatMap((n) => highlights[n] ?? []).map((t) => t.replace(/\s+/g, ' ').trim());
      // (One tint per claim: where claims overlap, a claim's tint may be in pieces, each inside its text.)
      for (const group of view.groups) for (const claim of group.claims) assert.ok(drawn.some((d) => d && claim.text.includes(d)), `listed claim is highlighted: ${claim.text}`);
      // Counts per kind in the filter add up to the claims.
      const total = view.filters.filter((label) => !label.startsWith('Claims from anonymous')).reduce((n, label) => n + Number(/\((\d+)\)$/.exec(label)[1]), 0);
      assert.equal(total, claimCount(view));
      // "No source named" is not a source (issue 17: "10 claims from 10 sources" counted it).
      const real = view.groups.filter((g) => g.source !== 'No source named').length;
      assert.match(view.status, new RegExp(`^${claimCount(view)} claims? from ${real} sources?$`));

      // The panel is keyboard operable: claims are buttons under headings, in lists.
      const structure = await panel.evaluate(() => ({
        h1: document.querySelectorAll('h1').length,
        listItems: document.querySelectorAll('section.group ul > li > button').length,
      }));
      assert.equal(structure.h1, 1);
      assert.equal(structure.listItems, claimCount(view));

      // A click (keyboard: Enter on the focused button) scrolls the article to the claim and flashes it.
      const target = view.groups.flatMap((g) => g.claims).at(-1);
      await page.bringToFront();
      await page.evaluate(() => window.scrollTo(0, 0));
      await panel.bringToFront();
      await panel.focus(`button[data-claim-id="${target.id}"]`);
      await panel.keyboard.press('Enter');
      await page.bringToFront();
      const flashed = await until(
        () => page.evaluate(() => {
          const focus = CSS.highlights.get('allegedly-focus');
          if (!focus) return null;
          const range = [...focus][0];
          const rect = range.getBoundingClientRect();
          return { text: range.toString().replace(/\s+/g, ' ').trim(), top: rect.top, bottom: rect.bottom, height: innerHeight, scrolled: scrollY };
        }),
        'the flash highlight',
      );
      assert.equal(flashed.text, target.text);
      assert.ok(flashed.top >= 0 && flashed.bottom <= flashed.height, `the claim is in view: ${JSON.stringify(flashed)}`);
      assert.ok(flashed.scrolled > 0, 'the page scrolled to it');
      await until(() => page.evaluate(() => !CSS.highlights.has('allegedly-focus')), 'the flash to end');
      await panel.close();
      await page.close();
    });

    test('"he said" is listed under the person an earlier paragraph named', async () => {
      const page = await session.newPage();
      await page.goto(server.url('/pronoun.html'));
      await session.waitForAction(page, isOn);
      const tab = await tabIdOf(session, page);
      const panel = await openExtensionPage(session, `panel.html?tab=${tab}`);
      const view = await listedClaims(panel);
      const sources = view.groups.map((g) => g.source);
      const smith = view.groups.find((g) => g.source === 'Senator John Smith');
      assert.ok(smith, JSON.stringify(sources));
      assert.deepEqual(
        smith.claims.map((c) => c.text.includes('disaster')),
        [false, true],
        'the quotation "he said" is grouped with the senator',
      );
      assert.ok(!sources.some((s) => /^he$/i.test(s)), JSON.stringify(sources));
      await panel.close();
      await page.close();
    });

    test('the sourcing at a glance: one group per person, the summary and its strip chart, the legend', async () => {
      const page = await session.newPage();
      await page.goto(server.url('/sourcing.html'));
      const action = await session.waitForAction(page, isOn);
      const tab = await tabIdOf(session, page);
      const panel = await openExtensionPage(session, `panel.html?tab=${tab}`);
      const view = await listedClaims(panel);
      const total = claimCount(view);
      assert.equal(total, Number(action.badge));
      const bySource = Object.fromEntries(view.groups.map((g) => [g.source, g.claims.length]));
      assert.equal(bySource['Mark Meadows'], 2, `"Meadows" is Mark Meadows: ${JSON.stringify(bySource)}`);
      assert.equal(bySource['Jo Grady'], 2, `"Grady" is Jo Grady, the apposition cut: ${JSON.stringify(bySource)}`);
      for (const gone of ['Meadows', 'Grady', 'Jo Grady, the UCU general secretary']) assert.ok(!(gone in bySource), `no group "${gone}"`);
      const real = view.groups.filter((g) => g.source !== 'No source named').length;
      assert.equal(view.status, `${total} claims from ${real} sources`);

      const summary = await panel.evaluate(() => ({
        hidden: document.getElementById('summary').hidden,
        rects: [...document.querySelectorAll('#summary svg rect')].map((r) => [r.dataset.share, Number(r.getAttribute('width'))]),
        shares: [...document.querySelectorAll('#summary .shares li')].map((li) => [li.dataset.share, li.textContent]),
        top: document.querySelector('#summary .top')?.textContent,
        chartName: document.querySelector('#summary svg').getAttribute('aria-label'),
        legend: [...document.querySelectorAll('#legend li .sample')].map((el) => el.textContent),
      }));
      assert.equal(summary.hidden, false);
      assert.ok(summary.rects.length >= 2, JSON.stringify(summary.rects));
      assert.ok(Math.abs(summary.rects.reduce((n, [, w]) => n + w, 0) - 100) < 0.01, 'the strip adds up to the whole');
      const counted = summary.shares.reduce((n, [, text]) => n + Number(/^(\d+)/.exec(text)[1]), 0);
      assert.equal(counted, total, `the shares add up to the claims: ${JSON.stringify(summary.shares)}`);
      assert.ok(summary.shares.some(([share, text]) => share === 'hedged' && /^1 hedged by the writer \(\d+%\)$/.test(text)), JSON.stringify(summary.shares));
      assert.match(summary.top, /^Most quoted: (Mark Meadows|Jo Grady) \(2\), (Mark Meadows|Jo Grady) \(2\)/);
      assert.match(summary.chartName, /^Share of the claims by sourcing: /);
      assert.deepEqual(summary.legend, ['Said, confirmed or believed', 'Unsourced', 'Hedged', 'Distancing', 'Named source', 'Anonymous source', 'Cue']);
      await panel.close();
      await page.close();
    });

    test('anonymous sources: their own style in the page, their tag, share and filter in the panel', async () => {
      const page = await session.newPage();
      await page.goto(server.url('/anonymous.html'));
      await session.waitForAction(page, ({ badge }) => badge === '3');
      const before = await readHighlights(page);
      assert.ok(covers(before, 'allegedly-anonymous', 'Officials'), `"Officials" marked as anonymous: ${JSON.stringify(before)}`);
      assert.ok(covers(before, 'allegedly-anonymous', 'People familiar with the matter'), JSON.stringify(before));
      assert.ok(covers(before, 'allegedly-source', 'Reuters') && !covers(before, 'allegedly-source', 'Officials'), JSON.stringify(before));

      const tab = await tabIdOf(session, page);
      const panel = await openExtensionPage(session, `panel.html?tab=${tab}`);
      let view = await until(async () => {
        const v = await readPanel(panel);
        return claimCount(v) === 3 ? v : null;
      }, 'three claims in the panel');
      const tags = await panel.evaluate(() => [...document.querySelectorAll('button.claim')].map((b) => [b.querySelector('.text').textContent, b.dataset.specificity, !!b.querySelector('.tag.anonymous')]));
      for (const [text, specificity, tagged] of tags) {
        const anonymous = !text.includes('Reuters');
        assert.equal(specificity, anonymous ? 'anonymous' : 'named', text);
        assert.equal(tagged, anonymous, `the anonymous tag on "${text}"`);
      }
      const shares = await panel.evaluate(() => Object.fromEntries([...document.querySelectorAll('#summary .shares li')].map((li) => [li.dataset.share, li.textContent])));
      assert.match(shares.anonymous, /^2 from anonymous sources \(67%\)$/);
      assert.match(shares.named, /^1 from named sources \(33%\)$/);
      assert.ok(view.filters.includes('Claims from anonymous sources (2)'), JSON.stringify(view.filters));

      // The filter hides them in the panel and in the page, and brings them back.
      await panel.click('#kind-anonymous');
      view = await until(async () => {
        const v = await readPanel(panel);
        return claimCount(v) === 1 ? v : null;
      }, 'only the named claim');
      assert.deepEqual(view.groups.map((g) => g.source), ['Reuters']);
      const hidden = await until(async () => {
        const h = await readHighlights(page);
        return !(h['allegedly-anonymous'] ?? []).length && !covers(h, 'allegedly-unsourced', 'talks had stalled') && !covers(h, 'allegedly-attributed', 'talks had stalled') ? h : null;
      }, 'the anonymous claims to leave the page');
      assert.ok(covers(hidden, 'allegedly-source', 'Reuters'));
      await panel.click('#kind-anonymous');
      await until(async () => claimCount(await readPanel(panel)) === 3, 'the anonymous claims to come back');
      await until(async () => covers(await readHighlights(page), 'allegedly-anonymous', 'Officials'), 'their marks to come back');
      await panel.close();
      await page.close();
    });

    test('filter per kind, export as Markdown and JSON (download), page text stays text, live updates', async () => {
      const page = await session.newPage();
      await page.goto(server.url('/hostile.html'));
      await session.waitForAction(page, ({ badge }) => badge === '2');
      const tab = await tabIdOf(session, page);
      const panel = await openExtensionPage(session, `panel.html?tab=${tab}`);
      let view = await until(async () => {
        const v = await readPanel(panel);
        return claimCount(v) === 2 ? v : null;
      }, 'two claims in the panel');
      const hostile = view.groups.flatMap((g) => g.claims).find((c) => c.text.includes('harmless'));
      assert.ok(hostile.text.includes(HOSTILE), `markup shown as text: ${hostile.text}`);
      assert.equal(view.images, 0, 'no element made from page text');
      assert.equal(view.pwned, false, 'no page text ran as code');
      assert.equal(await panel.evaluate(() => document.getElementById('page').textContent), 'Hostile <b>title</b>');

      // Filter: hide "Said"; only the distancing claim remains, in the panel and in the page (the
      // switches are the reader's settings, and the panel says so).
      assert.match(await panel.evaluate(() => document.getElementById('filter-help').textContent), /also hide the claims in the page/);
      await panel.click('#kind-neutral');
      view = await until(async () => {
        const v = await readPanel(panel);
        return claimCount(v) === 1 ? v : null;
      }, 'the "Said" claim to leave the panel');
      assert.deepEqual(view.groups.flatMap((g) => g.claims.map((c) => c.kind)), ['Distancing']);
      assert.ok(view.filters.includes('Said (1)'), `the hidden kind keeps its count: ${view.filters}`);
      await until(async () => {
        const h = await readHighlights(page);
        return !(h['allegedly-attributed'] ?? []).some((t) => t.includes('bridge')) && (h['allegedly-distancing'] ?? []).length === 1;
      }, 'the page to hide the "Said" claim too');

      // Export what is shown: capture the Blob handed to the download link.
      await panel.evaluate(() => {
        window.exports = [];
        const create = URL.createObjectURL.bind(URL);
        URL.createObjectURL = (blob) => {
          window.exports.push(blob.text());
          return create(blob);
        };
        window.downloads = [];
        document.addEventListener('click', (e) => e.target.download && window.downloads.push(e.target.download), true);
      });
      await panel.click('#download-json');
      await panel.click('#download-md');
      const [json, markdown] = await panel.evaluate(() => Promise.all(window.exports));
      const data = JSON.parse(json);
      assert.equal(data.url, server.url('/hostile.html'));
      assert.equal(data.claims.length, 1);
      assert.deepEqual(Object.keys(data.claims[0]).sort(), ['claimKind', 'cue', 'explanation', 'kind', 'kindLabel', 'source', 'specificity', 'stance', 'text']);
      assert.equal(data.claims[0].kind, 'distancing');
      assert.equal(data.claims[0].kindLabel, 'Distancing');
      // Worded by the panel from the claim's fields, as the card words it (explain.js).
      assert.match(data.claims[0].explanation, /^Distancing — (named source|anonymous source|source): The spokesman — cue: ‘claimed’ \(distancing: the writer does not vouch for it\)$/);
      // The summary travels with the export.
      assert.equal(data.summary.total, 1);
      assert.equal(Object.values(data.summary.shares).reduce((a, b) => a + b), 1);
      assert.ok(data.claims[0].text.includes(HOSTILE));
      assert.match(markdown, /^# Claims in “Hostile \\<b\\>title\\<\/b\\>”/);
      assert.ok(markdown.includes('\\<img src=x onerror="window.pwned=1"\\>'), `markup escaped in Markdown: ${markdown}`);
      assert.match(markdown, /^- \*\*Distancing\*\* — /m);
      assert.match(markdown, /^## Sourcing at a glance\n\n1 claim from 1 source\n/m, 'the summary, with "1 claim" in the singular');
      // File names carry the page title and the date, not only the site.
      const downloads = await panel.evaluate(() => window.downloads);
      const today = await panel.evaluate(() => {
        const d = new Date();
        return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
      });
      assert.deepEqual(downloads, [`claims-hostile-b-title-b-${today}.json`, `claims-hostile-b-title-b-${today}.md`]);
      await panel.click('#kind-neutral');
      await until(async () => claimCount(await readPanel(panel)) === 2, 'the "Said" claim to come back');

      // The page gains a claim: the panel follows without being asked.
      await page.evaluate(() => {
        const p = document.createElement('p');
        p.textContent = 'According to the harbour master, the ferry was late.';
        document.getElementById('feed').append(p);
      });
      view = await until(async () => {
        const v = await readPanel(panel);
        return claimCount(v) === 3 ? v : null;
      }, 'the new claim in the panel');
      assert.ok(view.groups.some((g) => /harbour master/.test(g.source)), JSON.stringify(view.groups.map((g) => g.source)));

      // Off in the page: the panel says so.
      await session.clickToolbarButton(page);
      await session.waitForAction(page, ({ badge }) => badge === '');
      view = await until(async () => {
        const v = await readPanel(panel);
        return /off on/.test(v.status) ? v : null;
      }, 'the panel to say it is off');
      assert.equal(view.groups.length, 0);
      await session.clickToolbarButton(page);
      await session.waitForAction(page, isOn);
      await panel.close();
      await page.close();
    });
  });
}
