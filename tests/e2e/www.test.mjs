// The playground (dist/www) in Chromium and Firefox: the seed samples are highlighted with the
// extension's categories, grouped by source in the table and exported as JSON; an HTML file is read
// as text only; page text is never parsed as markup; a 5 MB paste is analysed in a module Worker
// with progress while the page keeps painting; new input cancels a running analysis; and without
// the Highlight API the claims still reach the table.
//
// The page is served from a sub-path (/www/ of dist), as on a Pages deploy: every URL it uses must be
// relative. No timing is asserted; responsiveness is checked as "frames kept coming while it worked".
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serveDirectory } from '../../tools/serve.mjs';
import { BROWSER_NAMES, DIST, launch, unavailable } from './lib/browsers.mjs';
import { CLAIM_NAMES, HIGHLIGHT_NAMES, covers, summarise, tintOverlaps } from './lib/highlights.mjs';
import { furniturePage } from './lib/focus.mjs';
import { loadSeeds } from './lib/pages.mjs';

const WWW = path.join(DIST, 'www');
const seeds = loadSeeds();

// Phrases that lie under a highlight of the given name in the text view, checked on every seed
// whose text holds them (the same core as the extension's seed test).
const EXPECTED = [
  ['allegedly-distancing', 'claimed Friday'],
  ['allegedly-attributed', 'according to the ministry'],
  ['allegedly-hedged', 'allegedly involved'],
  ['allegedly-hedged', 'allegedly uncovered'],
  ['allegedly-unsourced', 'It is claimed that'],
  ['allegedly-attributed', 'According to the Mehr news agency'],
  ['allegedly-cue', 'claimed'],
  ['allegedly-cue', 'allegedly'],
  ['allegedly-source', "Iran's Intelligence Ministry"],
];

/** { name: [text, …] } of the highlight ranges inside the text view (not the legend or table). */
function viewHighlights(page) {
  return page.evaluate((names) => {
    const view = document.getElementById('text');
    const out = {};
    for (const name of names) {
      const highlight = CSS.highlights.get(name);
      if (!highlight) continue;
      out[name] = [...highlight]
        .filter((range) => view.contains(range.commonAncestorContainer))
        .map((range) => range.toString());
    }
    return out;
  }, HIGHLIGHT_NAMES);
}

/** Waits for the page to finish a run; returns the status line. Fails on an error state. */
async function finished(page, timeout = 30_000) {
  await page.waitForFunction(() => ['done', 'error'].includes(document.body.dataset.state), { timeout, polling: 100 });
  const [state, status] = await page.evaluate(() => [document.body.dataset.state, document.getElementById('status').textContent]);
  assert.equal(state, 'done', `the run failed: ${status}`);
  return status;
}

/** Marks the page as waiting, so that finished() sees the next run's end and not the last one's. */
function arm(page) {
  return page.evaluate(() => (document.body.dataset.state = 'test-waiting'));
}

/** Records, from the first script on: module Workers created, and every value the progress bar took. */
function instrument() {
  window.__workers = [];
  const NativeWorker = window.Worker;
  window.Worker = class extends NativeWorker {
    constructor(url, options) {
      super(url, options);
      window.__workers.push({ url: String(url), type: options?.type ?? 'classic' });
    }
  };
  window.__progress = [];
  document.addEventListener('DOMContentLoaded', () => {
    const bar = document.getElementById('progress');
    new MutationObserver(() => window.__progress.push(Number(bar.value))).observe(bar, { attributes: true, attributeFilter: ['value'] });
  });
}

/** The seed texts repeated to `chars` characters, one paragraph per line. */
function bigText(chars) {
  const paragraphs = seeds.flatMap((seed) => seed.text.split('\n').filter((line) => line.trim()));
  const lines = [];
  let length = 0;
  for (let i = 0; length < chars; i++) {
    const line = paragraphs[i % paragraphs.length];
    lines.push(line);
    length += line.length + 1;
  }
  return lines.join('\n');
}

/** A real paste (Ctrl+V) of `text` into the text box, through the browser's clipboard. */
async function paste(page, text) {
  await page.click('h1'); // a user gesture, which the clipboard API asks for
  const wrote = await page.evaluate((t) => navigator.clipboard.writeText(t).then(() => 'ok', (e) => String(e)), text);
  assert.equal(wrote, 'ok', 'the test could not write to the clipboard');
  await page.focus('#input');
  await page.keyboard.down('Control');
  await page.keyboard.press('v');
  await page.keyboard.up('Control');
}

for (const name of BROWSER_NAMES) {
  const skip =
    unavailable(name) ||
    (existsSync(path.join(WWW, 'index.html')) && existsSync(path.join(WWW, 'pkg')) ? '' : `${WWW} is missing: run ./build.sh first`) ||
    (seeds.length ? '' : 'no seed articles');

  describe(`playground in ${name}`, { skip: skip || false }, () => {
    let session;
    let server;
    let origin;
    let page;
    const foreign = [];

    before(async () => {
      server = await serveDirectory(DIST);
      origin = `http://127.0.0.1:${server.address().port}`;
      session = await launch(name, { viewport: { width: 1280, height: 1000 } });
      page = await session.newPage();
      page.on('request', (request) => {
        const url = request.url();
        if (!url.startsWith(`${origin}/`) && !url.startsWith('data:') && !url.startsWith('blob:')) foreign.push(url);
      });
      await page.evaluateOnNewDocument(instrument);
      await page.goto(`${origin}/www/`);
      await page.waitForFunction(() => document.getElementById('sample').options.length > 1, { timeout: 10_000 });
    });

    after(async () => {
      await session?.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    });

    test('the page is labelled, explains itself and links to the install instructions', async () => {
      const facts = await page.evaluate(() => ({
        title: document.title,
        h1: document.querySelector('h1').textContent,
        install: [...document.querySelectorAll('a')].filter((a) => /install/i.test(a.textContent)).map((a) => a.getAttribute('href')),
        unlabelled: [...document.querySelectorAll('input, select, textarea, button')]
          .filter((el) => !el.hidden && !(el.labels?.length || el.getAttribute('aria-label') || el.textContent.trim()))
          .map((el) => el.outerHTML),
        live: document.getElementById('status').getAttribute('aria-live'),
        legend: [...document.querySelectorAll('#legend li strong')].map((el) => el.textContent),
      }));
      assert.match(facts.title, /Allegedly/);
      assert.ok(facts.h1.length > 10);
      assert.ok(facts.install.some((href) => /README\.md#install$/.test(href)), `install links: ${facts.install}`);
      assert.ok(facts.install.every((href) => !/^[a-z]+:|^\//i.test(href)), 'install links are relative');
      for (const href of new Set(facts.install.filter((h) => !h.startsWith('#')))) {
        const found = await page.evaluate(async (h) => {
          const response = await fetch(new URL(h, location.href));
          return { status: response.status, text: await response.text() };
        }, href);
        assert.equal(found.status, 200, `${href} is served with the playground`);
        assert.match(found.text, /^## Install$/m, `${href} holds the install instructions`);
      }
      assert.deepEqual(facts.unlabelled, [], 'every control has a label');
      assert.equal(facts.live, 'polite');
      // The extension's vocabulary (messages.json, read by the playground too).
      assert.deepEqual(facts.legend, ['Said, confirmed or believed', 'Distancing', 'Unsourced', 'Hedged', 'Cue', 'Named source', 'Anonymous source']);
    });

    for (const seed of seeds) {
      test(`sample ${seed.name}: highlights, claims by source, JSON`, async () => {
        await arm(page);
        await page.select('#sample', `${seed.name}.txt`);
        const status = await finished(page);
        assert.match(status, /^Found \d+ claims? in \d+ paragraphs?/);

        const highlights = await viewHighlights(page);
        const summary = JSON.stringify(summarise(highlights));
        const cues = highlights['allegedly-cue']?.length ?? 0;
        assert.ok(cues >= 3, `at least 3 claims in a seed article: ${summary}`);
        const drawn = CLAIM_NAMES.reduce((n, k) => n + (highlights[k]?.length ?? 0), 0);
        assert.ok(drawn >= 1, `claims are tinted: ${summary}`);
        // One tint per claim (issue 17): no two tinted ranges share a character.
        const overlaps = await tintOverlaps(page, 'text');
        assert.deepEqual(overlaps, [], 'no word under two tints');
        for (const [category, phrase] of EXPECTED) {
          if (!seed.text.includes(phrase)) continue;
          assert.ok(covers(highlights, category, phrase), `"${phrase}" lies under ${category}; it has ${JSON.stringify(highlights[category] ?? [])}`);
        }

        // The rendering is the text, paragraph for paragraph, and nothing else.
        const rendered = await page.evaluate(() => [...document.querySelectorAll('#text p')].map((p) => p.textContent));
        assert.deepEqual(rendered, seed.text.split('\n').filter((line) => line.trim()));

        // Legend counts and the table agree with the highlights.
        const table = await page.evaluate(() => ({
          legend: [...document.querySelectorAll('#legend .count')].reduce((n, el) => n + Number(el.textContent), 0),
          rows: document.querySelectorAll('#claims tbody tr:not(.group):not(.more)').length,
          sources: [...document.querySelectorAll('#claims tr.group .source')].map((el) => el.textContent),
          counts: [...document.querySelectorAll('#claims tr.group .counts')].map((el) => el.textContent),
          more: !document.getElementById('more-sources').hidden,
        }));
        assert.equal(table.legend, cues, 'legend counts add up to the claims');
        if (!table.more) assert.equal(table.rows, cues, 'every claim has a row (nothing paged away)');
        assert.ok(table.sources.length >= 2, `claims grouped by source: ${table.sources}`);
        for (const counts of table.counts) assert.match(counts, /^\d+ claims?: \d+ (Said|Confirmed or believed|Distancing|Unsourced|Hedged)/);
        for (const counts of table.counts) assert.doesNotMatch(counts, /^1 claims/, 'plurals by the locale\'s rules');

        // The sourcing summary, as the panel shows it: shares that add up, a strip chart; the JSON carries it.
        const sourcing = await page.evaluate(() => ({
          hidden: document.getElementById('sourcing').hidden,
          rects: document.querySelectorAll('#sourcing svg rect').length,
          shares: [...document.querySelectorAll('#sourcing .shares li')].map((li) => li.textContent),
          status: document.getElementById('claims-summary').textContent,
        }));
        assert.equal(sourcing.hidden, false);
        assert.equal(sourcing.rects, sourcing.shares.length);
        assert.equal(sourcing.shares.reduce((n, text) => n + Number(/^(\d+)/.exec(text)[1]), 0), cues, JSON.stringify(sourcing.shares));
        assert.match(sourcing.status, /^\d+ claims? from \d+ sources?$/);
        if (seed.text.includes("Iran's Intelligence Ministry claimed")) {
          assert.ok(table.sources.includes("Iran's Intelligence Ministry"), `a group for the ministry: ${table.sources}`);
        }

        // The JSON parses and lists the same claims, with their quoted text.
        await page.evaluate(() => (document.getElementById('json').open = true));
        await page.waitForFunction(() => document.getElementById('json-text').textContent.length > 0, { timeout: 10_000 });
        const json = JSON.parse(await page.$eval('#json-text', (el) => el.textContent));
        assert.equal(json.claims.length, cues);
        assert.equal(json.summary.total, cues, 'the JSON carries the summary');
        const paragraphs = seed.text.split('\n').filter((line) => line.trim());
        for (const claim of json.claims) {
          assert.equal(paragraphs[claim.block].slice(claim.cue[0], claim.cue[1]), claim.text.cue);
          assert.ok(['attributed', 'unsourced', 'hedged'].includes(claim.kind));
        }
        await page.evaluate(() => (document.getElementById('json').open = false));

        // "Show" puts the claim in the selection and in view. Pressed from the keyboard: a mouse click
        // aims at coordinates, which the previous sample's smooth scroll may still be moving.
        await page.focus('#claims button.show');
        await page.keyboard.press('Enter');
        const selected = await page.evaluate(() => getSelection().toString());
        assert.ok(selected.length > 0 && seed.text.includes(selected), `selected "${selected}"`);
      });
    }

    test('pasted markup is shown as text, never parsed', async () => {
      const text = 'The ministry <b>claimed</b> that <img src=x onerror="window.__pwned=1"> spies were found.\n<script>window.__pwned=2</script>';
      await arm(page);
      await page.evaluate((t) => {
        const input = document.getElementById('input');
        input.value = t;
        input.dispatchEvent(new Event('input', { bubbles: true }));
      }, text);
      await finished(page);
      const view = await page.evaluate(() => ({
        elements: [...document.querySelectorAll('#text *')].map((el) => el.tagName).filter((tag) => !['DIV', 'P'].includes(tag)),
        text: [...document.querySelectorAll('#text p')].map((p) => p.textContent),
        pwned: window.__pwned ?? null,
      }));
      assert.deepEqual(view.elements, []);
      assert.deepEqual(view.text, text.split('\n'));
      assert.equal(view.pwned, null);
      assert.ok(covers(await viewHighlights(page), 'allegedly-cue', 'claimed'));
    });

    test('an .html file is read as its visible text', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'allegedly-www-'));
      const file = path.join(dir, 'article.html');
      writeFileSync(
        file,
        `<!doctype html><html><head><title>Head title never shown</title><style>p{}</style></head><body>
        <nav>Home</nav><article><h1>Spies</h1>
        <p>The <a href="/m">Intelligence Ministry</a> <b>claimed</b> on Friday that it had found spies.</p>
        <p hidden>Hidden text never shown.</p><p style="display: none">Styled away, never shown.</p>
        <script>document.title = 'script never shown'</script>
        <p>The plot <em>allegedly</em> involved defective parts.</p></article>
        <img src="http://example.invalid/never-loaded.png"></body></html>`,
      );
      try {
        await arm(page);
        const input = await page.$('#file');
        await input.uploadFile(file);
        await finished(page);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const rendered = await page.evaluate(() => [...document.querySelectorAll('#text p')].map((p) => p.textContent));
      assert.deepEqual(rendered, [
        'Home',
        'Spies',
        'The Intelligence Ministry claimed on Friday that it had found spies.',
        'The plot allegedly involved defective parts.',
      ]);
      const highlights = await viewHighlights(page);
      assert.ok(covers(highlights, 'allegedly-distancing', 'Intelligence Ministry claimed on Friday'), JSON.stringify(highlights));
      assert.ok(covers(highlights, 'allegedly-hedged', 'allegedly involved'), JSON.stringify(highlights));
    });

    test('an .html news page is read as its article only; the switch reads the whole page, and a pasted page source is read as HTML', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'allegedly-www-'));
      const file = path.join(dir, 'news.html');
      const html = furniturePage();
      writeFileSync(file, html);
      const shown = () => page.evaluate(() => [...document.querySelectorAll('#text p')].map((p) => p.textContent).join('\n'));
      try {
        await arm(page);
        await (await page.$('#file')).uploadFile(file);
        await finished(page);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const article = await shown();
      assert.match(article, /^Minister says new climate plan will halve emissions by 2035\nThe government claimed/);
      assert.match(article, /Analysts believe the plan is likely to pass/);
      for (const furniture of ['Up Next', 'cookies', 'Supported by', 'Photograph:', 'allegedly said the deal', 'Please explain', 'Filed Under', 'may not be reproduced']) {
        assert.ok(!article.includes(furniture), `${furniture} read`);
      }
      assert.match(await page.$eval('#focus-note', (el) => el.textContent), /article only/i);

      await arm(page);
      await page.click('#article-only');
      await finished(page);
      const whole = await shown();
      for (const furniture of ['Up Next', 'cookies', 'Supported by', 'may not be reproduced']) assert.ok(whole.includes(furniture), `${furniture} not read`);

      await page.click('#article-only'); // back on, for the paste
      await arm(page);
      await paste(page, html);
      await finished(page);
      assert.equal(await shown(), article);
      assert.equal(await page.$eval('#input', (el) => el.value.includes('<')), false, 'the page source is never shown as text');
    });

    test('a dropped .txt file is analysed; a dropped image is refused with a message', async () => {
      const drop = (name, type, content) =>
        page.evaluate(
          (file) => {
            document.body.dataset.state = 'test-waiting';
            const data = new DataTransfer();
            data.items.add(new File([file.content], file.name, { type: file.type }));
            const target = document.getElementById('input');
            target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
            const drop = new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true });
            target.dispatchEvent(drop);
            return drop.defaultPrevented; // the browser did not navigate to the file
          },
          { name, type, content },
        );
      assert.ok(await drop('dropped.txt', 'text/plain', 'The ministry claimed that spies were found.\nIt is claimed that more exist.'));
      const status = await finished(page);
      assert.match(status, /^Found \d+ claims? in 2 paragraphs of dropped\.txt/);
      const rendered = await page.evaluate(() => [...document.querySelectorAll('#text p')].map((p) => p.textContent));
      assert.deepEqual(rendered, ['The ministry claimed that spies were found.', 'It is claimed that more exist.']);
      assert.ok(covers(await viewHighlights(page), 'allegedly-cue', 'claimed'));

      assert.ok(await drop('photo.png', 'image/png', '\u0089PNG\r\n\u001a\n\u0000\u0000'));
      await page.waitForFunction(() => document.body.dataset.state === 'error', { timeout: 10_000 });
      assert.match(await page.$eval('#status', (el) => el.textContent), /photo\.png does not look like a \.txt or \.html file/);
    });

    test('a 5 MB paste is analysed in a Worker with progress while the page keeps painting; new input cancels it', async () => {
      const text = bigText(5_000_000);
      await page.evaluate(() => {
        window.__progress.length = 0;
        window.__frames = 0;
        window.__beat = true;
        const beat = () => {
          window.__frames++;
          if (window.__beat) requestAnimationFrame(beat);
        };
        requestAnimationFrame(beat);
      });
      await arm(page);
      const framesBefore = await page.evaluate(() => window.__frames);
      await paste(page, text);
      const status = await finished(page, 180_000);
      const run = await page.evaluate(() => {
        window.__beat = false;
        return {
          frames: window.__frames,
          progress: window.__progress,
          workers: window.__workers,
          boxLength: document.getElementById('input').value.length,
          paragraphs: document.querySelectorAll('#text p').length,
          cues: CSS.highlights.get('allegedly-cue')?.size ?? 0,
        };
      });
      const paragraphs = text.split('\n').length;
      assert.match(status, new RegExp(`^Found [\\d,]+ claims in ${paragraphs} paragraphs of the pasted text \\(5\\.0M characters\\)`));

      // The analysis ran in a module Worker and reported progress chunk by chunk up to 100%.
      assert.ok(run.workers.some((w) => w.type === 'module' && /analysis-worker\.js$/.test(w.url)), JSON.stringify(run.workers));
      const steps = run.progress.filter((v, i, all) => i === 0 || v !== all[i - 1]);
      assert.ok(steps.length >= 10, `progress moved in steps: ${steps}`);
      assert.deepEqual([...steps].sort((a, b) => a - b), steps, 'progress never went back within a run');
      assert.equal(steps.at(-1), 100);

      // The page kept painting while it worked: frames kept coming between the paste and the end.
      assert.ok(run.frames - framesBefore >= 10, `frames painted during the run: ${run.frames - framesBefore}`);

      // Every paragraph is in the page; only the ones near the view carry highlights; the text box
      // was spared the 5 MB.
      assert.equal(run.paragraphs, paragraphs);
      assert.ok(run.cues > 0, 'highlights near the top of the text');
      assert.equal(run.boxLength, 0);

      // Scrolling far down draws that part's claims.
      await page.evaluate(() => {
        const paragraphs = document.querySelectorAll('#text p');
        paragraphs[Math.floor(paragraphs.length * 0.75)].scrollIntoView({ block: 'center' });
      });
      await page.waitForFunction(
        () => {
          const view = document.getElementById('text');
          const top = view.getBoundingClientRect().top;
          return [...(CSS.highlights.get('allegedly-cue') ?? [])].some((r) => {
            const rect = r.getBoundingClientRect();
            return rect.height > 0 && rect.top >= top && rect.bottom <= top + view.clientHeight;
          });
        },
        { timeout: 10_000, polling: 100 },
      );

      // A new input while a large analysis runs replaces it: the seed's result, not the big one.
      // The sample is picked as soon as the big run reports its first progress: mid-run by
      // construction, however fast or slow this machine analyses 5 MB.
      await page.evaluate((file) => {
        window.__progress.length = 0;
        const bar = document.getElementById('progress');
        const sample = document.getElementById('sample');
        const observer = new MutationObserver(() => {
          if (!(bar.value > 0)) return;
          observer.disconnect();
          sample.value = file;
          sample.dispatchEvent(new Event('change'));
        });
        observer.observe(bar, { attributes: true, attributeFilter: ['value'] });
      }, `${seeds[0].name}.txt`);
      await paste(page, text);
      await page.waitForFunction(
        () => document.body.dataset.state === 'done' && /of the sample/.test(document.getElementById('status').textContent),
        { timeout: 30_000, polling: 100 },
      );
      await new Promise((resolve) => setTimeout(resolve, 500)); // room for a stale run to (wrongly) paint
      const after = await page.evaluate(() => ({
        paragraphs: document.querySelectorAll('#text p').length,
        status: document.getElementById('status').textContent,
        progress: window.__progress,
      }));
      assert.equal(after.paragraphs, seeds[0].text.split('\n').filter((line) => line.trim()).length);
      assert.match(after.status, /of the sample/);
      const lastStart = after.progress.lastIndexOf(0);
      assert.ok(lastStart > 0 && !after.progress.slice(0, lastStart).includes(100), `the big run stopped short of 100%: ${after.progress}`);
    });

    test('no request leaves for another host', () => {
      assert.deepEqual(foreign, []);
    });
  });

  describe(`playground in ${name} without the Highlight API`, { skip: skip || false }, () => {
    let session;
    let server;
    before(async () => {
      server = await serveDirectory(DIST);
      session = await launch(name);
    });
    after(async () => {
      await session?.close();
      await new Promise((resolve) => (server ? server.close(resolve) : resolve()));
    });

    test('says so, and the claims still reach the table and the JSON', async () => {
      const page = await session.newPage();
      await page.evaluateOnNewDocument(() => {
        delete CSS.highlights;
        if ('highlights' in CSS) Object.defineProperty(CSS, 'highlights', { value: undefined });
      });
      await page.goto(`http://127.0.0.1:${server.address().port}/www/`);
      await page.waitForFunction(() => document.getElementById('sample').options.length > 1, { timeout: 10_000 });
      assert.equal(await page.evaluate(() => Boolean(CSS.highlights)), false, 'the test removed the API');
      await arm(page);
      await page.select('#sample', `${seeds[0].name}.txt`);
      await finished(page);
      const facts = await page.evaluate(() => ({
        notice: !document.getElementById('no-highlights').hidden,
        rows: document.querySelectorAll('#claims tbody tr:not(.group)').length,
        paragraphs: document.querySelectorAll('#text p').length,
      }));
      assert.ok(facts.notice, 'the page explains why nothing is highlighted');
      assert.ok(facts.rows >= 3, `claims in the table: ${facts.rows}`);
      assert.ok(facts.paragraphs > 0);
      await page.close();
    });
  });
}

// The seed list the page offers is the fixtures, and only them.
test('the playground bundles exactly the seed articles as samples', { skip: existsSync(path.join(WWW, 'seeds', 'index.json')) ? false : 'dist/www missing' }, () => {
  const list = JSON.parse(readFileSync(path.join(WWW, 'seeds', 'index.json'), 'utf8'));
  assert.deepEqual(list.map((s) => s.file).sort(), seeds.map((s) => `${s.name}.txt`).sort());
  for (const seed of seeds) assert.equal(readFileSync(path.join(WWW, 'seeds', `${seed.name}.txt`), 'utf8'), seed.text);
});
