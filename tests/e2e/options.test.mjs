// The options page, in Chromium and Firefox, driven like a reader would (clicks and typing in
// options.html opened as an extension page), with an article open in another tab: every change
// re-renders the open page without a reload (the page's own state survives), a bad word is refused
// with the analyzer's error and not saved, turning the trained model off and on changes what the
// open page shows, and the site list and the default for new sites work.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { BROWSER_NAMES, launch, unavailable } from './lib/browsers.mjs';
import { covers, readHighlights } from './lib/highlights.mjs';
import { htmlDocument, loadSeeds, seedPage } from './lib/pages.mjs';
import { serveFixtures } from './lib/server.mjs';
import { FIREFOX_PREFS, openExtensionPage, until } from './lib/ui.mjs';

const seeds = loadSeeds();
const seed = seeds.find((s) => s.text.includes('according to the ministry') && s.text.includes('claimed Friday'));
const isOn = ({ badge }) => /^\d+$/.test(badge);
const SPUN_PAGE = htmlDocument({ title: 'Spun', body: '<p>The agency spun that the figures were perfectly fine.</p><p>The mayor said that the bridge was safe.</p>' });
// "knows that" is a report only the trained model finds (tests/learned.rs; `allegedly --rules-only`
// finds nothing in it); "said" is the word lists' own.
// A reader's cue word ending in a non-ASCII letter: a whole word, never part of a longer one.
const ACCENT_PAGE = htmlDocument({
  title: 'Exposé',
  body: '<p>The Times exposé that the minister hid the payments drew outrage.</p><p>Reporters met in two cafés near the ministry.</p>',
});
const MODEL_PAGE = htmlDocument({
  title: 'Model',
  body: '<p>The governor knows that the vote will be close.</p><p>The mayor said that the bridge was safe.</p>',
});

/** Waits until the page's highlights satisfy `predicate`; returns them. */
const highlightsWhen = (page, predicate, what) =>
  until(async () => {
    const h = await readHighlights(page);
    return predicate(h) ? h : null;
  }, what);

/** The extension's storage as the options page sees it. */
const storage = (options, area) => options.evaluate((a) => (globalThis.browser ?? globalThis.chrome).storage[a].get(null), area);

/** A real click in the options page, brought to the front first (background tabs get no frames). */
async function click(options, selector) {
  await options.bringToFront();
  await options.click(selector);
}

async function typeInto(options, selector, text) {
  await options.bringToFront();
  await options.click(selector, { count: 3 });
  await options.evaluate((s) => {
    document.querySelector(s).value = '';
  }, selector);
  if (text) await options.type(selector, text);
}

for (const name of BROWSER_NAMES) {
  const skip = unavailable(name, { extension: true }) || (seed ? '' : 'no seed with the pinned phrases');
  describe(`options page in ${name}`, { skip: skip || false, timeout: 150_000 }, () => {
    let session;
    let server;
    before(async () => {
      server = await serveFixtures();
      server.page('/article.html', seedPage(seed));
      server.page('/spun.html', SPUN_PAGE);
      server.page('/model.html', MODEL_PAGE);
      server.page('/accent.html', ACCENT_PAGE);
      session = await launch(name, { extension: true, prefs: FIREFOX_PREFS });
    });
    after(async () => {
      await session?.close();
      await server?.close();
    });

    test('kinds, words and palette re-render an open page without a reload', async () => {
      const page = await session.newPage();
      await page.goto(server.url('/article.html'));
      const on = await session.waitForAction(page, isOn);
      await page.evaluate(() => {
        window.notReloaded = true;
      });
      const spun = await session.newPage();
      await spun.goto(server.url('/spun.html'));
      await session.waitForAction(spun, ({ badge }) => badge === '1');
      const before = await readHighlights(page);
      assert.ok(covers(before, 'allegedly-attributed', 'according to the ministry'));

      const options = await openExtensionPage(session, 'options.html');
      await options.waitForSelector('#kind-neutral');

      // Neutral "said" attributions off: gone from the page, the rest stays.
      await click(options, '#kind-neutral');
      const withoutSaid = await highlightsWhen(page, (h) => !covers(h, 'allegedly-attributed', 'according to the ministry'), 'neutral claims to go');
      assert.ok(covers(withoutSaid, 'allegedly-distancing', 'claimed Friday'), 'distancing claims stay');
      const fewer = await session.waitForAction(page, (s) => isOn(s) && Number(s.badge) < Number(on.badge));
      assert.equal(Number(fewer.badge), withoutSaid['allegedly-cue'].length, 'the badge counts what is shown');
      assert.equal(await page.evaluate(() => window.notReloaded), true, 'no reload');
      assert.deepEqual((await storage(options, 'sync')).kinds.neutral, false);
      await click(options, '#kind-neutral');
      await session.waitForAction(page, (s) => s.badge === on.badge);
      const sortAll = (h) => Object.fromEntries(Object.entries(h).map(([k, v]) => [k, [...v].sort()]));
      assert.deepEqual(sortAll(await readHighlights(page)), sortAll(before), 'the same claims come back');

      // An ignore word: the analyzer is rebuilt and the open pages analysed again.
      await typeInto(options, '#ignore-words', 'claim');
      await click(options, '#words button[type=submit]');
      // (Re-analysis first clears the page's claims, then draws the new ones: wait for the other cues.)
      const ignored = await highlightsWhen(
        page,
        (h) => !covers(h, 'allegedly-cue', 'claimed') && covers(h, 'allegedly-attributed', 'according to the ministry'),
        '"claimed" cues to go, the others to stay',
      );
      assert.ok(!covers(ignored, 'allegedly-distancing', 'claimed Friday'));
      assert.equal(await page.evaluate(() => window.notReloaded), true, 'no reload');

      // A user cue word: "spun" becomes a distancing cue in the other open tab.
      await typeInto(options, '#extra-cues', 'spun');
      await click(options, '#words button[type=submit]');
      await highlightsWhen(spun, (h) => covers(h, 'allegedly-distancing', 'spun that the figures were perfectly fine'), 'the user cue to count');
      await session.waitForAction(spun, ({ badge }) => badge === '2');

      // A word the analyzer refuses: its error is shown and nothing is saved.
      await typeInto(options, '#extra-cues', 'spun\n!!!');
      await click(options, '#words button[type=submit]');
      const error = await until(() => options.$eval('#words-error', (e) => e.textContent), 'the error');
      assert.match(error, /^Not saved: .*"!!!"/);
      const sync = await storage(options, 'sync');
      assert.deepEqual(sync.extraCues, ['spun'], 'the refused list was not saved');
      assert.deepEqual(sync.ignoreWords, ['claim']);

      // Back to no words: "claimed" is a cue again.
      await typeInto(options, '#extra-cues', '');
      await typeInto(options, '#ignore-words', '');
      await click(options, '#words button[type=submit]');
      await highlightsWhen(page, (h) => covers(h, 'allegedly-distancing', 'claimed Friday'), '"claimed" to come back');

      // The colour-blind palette: a sheet with one line style per category, adopted while on.
      const paletteRules = () =>
        page.evaluate(() =>
          [...document.adoptedStyleSheets].flatMap((s) => [...s.cssRules].map((r) => r.cssText)).filter((t) => t.includes('allegedly-')),
        );
      assert.deepEqual(await paletteRules(), []);
      await click(options, 'input[name=palette][value=colourblind]');
      const rules = await until(async () => {
        const r = await paletteRules();
        return r.length ? r : null;
      }, 'the palette sheet');
      const styles = ['attributed', 'distancing', 'hedged', 'unsourced'].map((c) => /(solid|wavy|dotted|dashed)/.exec(rules.find((r) => r.includes(`allegedly-${c})`)))?.[1]);
      assert.equal(new Set(styles).size, 4, `a different line style per category: ${styles}`);
      await session.clickToolbarButton(page);
      await session.waitForAction(page, ({ badge }) => badge === '');
      assert.deepEqual(await paletteRules(), [], 'no sheet while off');
      await session.clickToolbarButton(page);
      await until(async () => (await paletteRules()).length > 0, 'the sheet back when on');
      await click(options, 'input[name=palette][value=default]');
      await until(async () => (await paletteRules()).length === 0, 'the sheet to go');

      await options.close();
      await spun.close();
      await page.close();
    });

    test('the trained model can be turned off and on; the open page follows without a reload', async () => {
      const page = await session.newPage();
      await page.goto(server.url('/model.html'));
      // On by default: the model's "knows that" and the word lists' "said".
      await session.waitForAction(page, ({ badge }) => badge === '2');
      const withModel = await readHighlights(page);
      assert.ok(covers(withModel, 'allegedly-cue', 'knows'), 'the model finds "knows that"');
      assert.ok(covers(withModel, 'allegedly-attributed', 'knows that the vote will be close'));
      assert.ok(covers(withModel, 'allegedly-source', 'The governor'));
      assert.ok(covers(withModel, 'allegedly-cue', 'said'));
      await page.evaluate(() => {
        window.notReloaded = true;
      });

      const options = await openExtensionPage(session, 'options.html');
      await options.waitForSelector('#trained-model');
      assert.equal(await options.$eval('#trained-model', (e) => e.checked), true, 'on by default');
      const label = await options.$eval('#trained-model', (e) => e.closest('label').textContent.trim());
      assert.match(label, /trained model/);

      // Off: the analyzer runs its word lists alone, and the open page is analysed again.
      await click(options, '#trained-model');
      const rulesOnly = await highlightsWhen(
        page,
        (h) => !covers(h, 'allegedly-cue', 'knows') && covers(h, 'allegedly-cue', 'said'),
        'the model\'s claim to go and the word lists\' to stay',
      );
      assert.ok(!covers(rulesOnly, 'allegedly-attributed', 'knows that the vote'));
      assert.ok(!covers(rulesOnly, 'allegedly-source', 'The governor'));
      await session.waitForAction(page, ({ badge }) => badge === '1');
      assert.equal((await storage(options, 'sync')).trainedModel, false);
      assert.equal(await options.$eval('#trained-model', (e) => e.checked), false);
      assert.match(await options.$eval('#status', (e) => e.textContent), /analysed again/);
      // A page opened now is analysed without the model too.
      const fresh = await session.newPage();
      await fresh.goto(server.url('/model.html'));
      await session.waitForAction(fresh, ({ badge }) => badge === '1');
      assert.ok(!covers(await readHighlights(fresh), 'allegedly-cue', 'knows'));
      await fresh.close();

      // On again: the model's claim comes back in the page that stayed open.
      await click(options, '#trained-model');
      await highlightsWhen(page, (h) => covers(h, 'allegedly-cue', 'knows') && covers(h, 'allegedly-cue', 'said'), 'the model\'s claim to come back');
      await session.waitForAction(page, ({ badge }) => badge === '2');
      assert.equal((await storage(options, 'sync')).trainedModel, true);
      assert.equal(await page.evaluate(() => window.notReloaded), true, 'no reload');

      // A change made elsewhere (another options tab, another device) shows on this page.
      await options.evaluate(() => (globalThis.browser ?? globalThis.chrome).storage.sync.set({ trainedModel: false }));
      await until(async () => (await options.$eval('#trained-model', (e) => e.checked)) === false || null, 'the box to follow storage');
      await session.waitForAction(page, ({ badge }) => badge === '1');
      await click(options, '#trained-model');
      await session.waitForAction(page, ({ badge }) => badge === '2');

      await options.close();
      await page.close();
    });

    test('a cue word that ends in a non-ASCII letter counts as a whole word', async () => {
      const page = await session.newPage();
      await page.goto(server.url('/accent.html'));
      await session.waitForAction(page, ({ badge }) => badge === '0');
      const options = await openExtensionPage(session, 'options.html');
      await options.waitForSelector('#extra-cues');
      await typeInto(options, '#extra-cues', 'exposé\ncafé');
      await click(options, '#words button[type=submit]');
      const found = await highlightsWhen(page, (h) => covers(h, 'allegedly-cue', 'exposé'), 'the reader\'s cue to count');
      assert.ok(covers(found, 'allegedly-distancing', 'exposé that the minister hid the payments'));
      assert.ok(!covers(found, 'allegedly-cue', 'caf'), '"café" is not part of "cafés"');
      await session.waitForAction(page, ({ badge }) => badge === '1');
      await typeInto(options, '#extra-cues', '');
      await click(options, '#words button[type=submit]');
      await session.waitForAction(page, ({ badge }) => badge === '0');
      await options.close();
      await page.close();
    });

    test('the words are the vocabulary\'s; shortcuts named, with a way to the browser\'s settings; the legend', async () => {
      const options = await openExtensionPage(session, 'options.html');
      await until(() => options.$$eval('#kinds label', (l) => l.length === 6 || null), 'the switches');
      const page = await options.evaluate(() => ({
        kinds: [...document.querySelectorAll('#kinds label strong')].map((e) => e.textContent),
        shortcuts: [...document.querySelectorAll('#shortcuts li')].map((li) => [li.dataset.command, li.textContent]),
        button: document.getElementById('shortcut-settings').textContent,
        legend: [...document.querySelectorAll('#preview .sample')].map((e) => e.textContent),
      }));
      assert.deepEqual(page.kinds, ['Said', 'Confirmed or believed', 'Distancing', 'Hedged', 'Unsourced', 'Claims from anonymous sources']);
      assert.ok(page.shortcuts.length >= 4, JSON.stringify(page.shortcuts));
      for (const [command, text] of page.shortcuts) {
        if (command === '_execute_action') assert.match(text, /Toolbar button: turn claim highlights on or off/, text);
        else assert.doesNotMatch(text, /— $|_execute/, text);
      }
      assert.ok(page.shortcuts.filter(([, text]) => /Open the claims panel/.test(text)).length <= 1, 'only the panel command says it opens the panel');
      assert.match(page.button, /Change shortcuts/);
      assert.deepEqual(page.legend, ['Said, confirmed or believed', 'Unsourced', 'Hedged', 'Distancing', 'Named source', 'Anonymous source', 'Cue']);
      await options.close();
    });

    test('sites where it is off can be removed; the default for new sites applies live', async () => {
      const page = await session.newPage();
      await page.goto(server.url('/article.html'));
      await session.waitForAction(page, isOn);
      await session.clickToolbarButton(page);
      await session.waitForAction(page, ({ badge }) => badge === '');

      const options = await openExtensionPage(session, 'options.html');
      const listed = await until(async () => {
        const items = await options.$$eval('#sites-off li', (lis) => lis.map((li) => li.querySelector('span')?.textContent ?? li.textContent));
        return items.includes('127.0.0.1') ? items : null;
      }, 'the site in the off list');
      assert.deepEqual(listed, ['127.0.0.1']);

      // Remove: the site follows the default (on) again, in the open tab.
      await click(options, '#sites-off li button');
      await session.waitForAction(page, isOn);
      assert.equal((await storage(options, 'local'))['site:127.0.0.1'], undefined);

      // New sites off by default: the open tab (no choice of its own) turns off, and stays off.
      await click(options, '#enabled-by-default');
      await session.waitForAction(page, ({ badge }) => badge === '');
      await page.reload();
      await session.waitForAction(page, ({ badge, title }) => badge === '' && /click to highlight/i.test(title));
      assert.deepEqual(await readHighlights(page), {});

      // A site named by hand joins the off list.
      await typeInto(options, '#site-name', 'https://news.example.org/a/b');
      await click(options, '#add-site button');
      await until(async () => (await options.$$eval('#sites-off li span', (s) => s.map((e) => e.textContent))).includes('news.example.org'), 'the added site');
      // Not a host name: refused, with the reason, and nothing stored (it was "not%20a%20site!!").
      for (const [bad, reason] of [
        ['not a site!!', /it holds spaces/],
        ['notasite!!', /only letters, digits, dots and hyphens/],
        ['ftp://example.org', /only web pages/],
      ]) {
        await typeInto(options, '#site-name', bad);
        await click(options, '#add-site button');
        const status = await until(async () => {
          const text = await options.$eval('#status', (e) => e.textContent);
          return text.startsWith(`“${bad}” is not a site name`) ? text : null;
        }, `the refusal of "${bad}"`);
        assert.match(status, reason);
        assert.equal(await options.$eval('#site-name', (e) => e.getAttribute('aria-invalid')), 'true');
      }
      const stored = Object.keys(await storage(options, 'local')).filter((k) => k.startsWith('site:'));
      assert.ok(!stored.some((k) => /not|ftp|%/.test(k)), `nothing stored for the refused names: ${stored}`);
      await click(options, '#enabled-by-default');
      await session.waitForAction(page, isOn);
      await options.close();
      await page.close();
    });
  });
}
