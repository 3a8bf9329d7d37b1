// The bench results as Markdown: one table of figures per browser, then the targets of issue 6 as
// ratios measured in the same run.

const FRAME_MS = 1000 / 60;
const ms = (x) => (x === null || x === undefined || !Number.isFinite(x) ? 'n/a' : x < 10 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0));
const ratio = (x) => (Number.isFinite(x) ? `${x < 10 ? x.toFixed(2) : x.toFixed(1)}×` : 'n/a');
const mb = (bytes) => (bytes === null || bytes === undefined || !Number.isFinite(bytes) ? 'n/a' : `${(bytes / 2 ** 20).toFixed(1)} MB`);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const verdict = (ok) => (ok === null ? '—' : ok ? 'met' : '**not met**');

function browserTable(name, browser, pages) {
  if (browser.skipped) return `### ${name}\n\nSkipped: ${browser.skipped}\n`;
  const memoryLabel = name === 'chromium' ? 'page JS heap Δ' : 'content process RSS Δ';
  const rows = [
    `| page | text nodes | claims (registered) | (a) floor: page's world | (a) floor: extension's world | (b) collect | (c) draw | window moves | **main thread** (collect + draw + window) | (b) analyse (background, off the page's thread) | pipeline, wall | first highlights | mark.js (script, main thread) | (e) longest task | (d) toggle off / on (+ its frame); then far claims (+ their frame) | idle CPU, ms per s: median, max of 5 (page alone) | (f) ${memoryLabel} |`,
    '|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|--:|',
  ];
  for (const [page, { plain, extension: ext }] of Object.entries(browser.pages)) {
    if (!ext) continue;
    const longest = [ext.longTaskMs !== null ? `${ms(ext.longTaskMs)} (longtask)` : null, `${ms(ext.longestGapMs)} (heartbeat; page alone ${ms(plain.ownGapMs)})`].filter(Boolean).join(', ');
    // On: the handler (+ its frame), then the far claims' task (+ its frame) when there were any.
    const rest = ext.toggle?.on.restMs ? `; then ${ms(ext.toggle.on.restMs)} (+${ms(ext.toggle.on.restFrameMs)})` : '';
    const toggle = ext.toggle ? `${ms(ext.toggle.off.handlerMs)} / ${ms(ext.toggle.on.handlerMs)} (+${ms(ext.toggle.on.frameMs)})${rest}` : 'not run';
    const memory = Number.isFinite(ext.memory) && Number.isFinite(plain.memory) ? mb(ext.memory - plain.memory) : 'n/a';
    const claims = `${(ext.claims ?? NaN).toLocaleString('en')} (${(ext.registered ?? NaN).toLocaleString('en')})`;
    rows.push(
      `| ${page} | ${plain.textNodes.toLocaleString('en')} | ${claims} | ${ms(plain.floorMs)} | ${ms(ext.floorWorldMs)} | ${ms(ext.collectMs)} | ${ms(ext.drawMs)} | ${ms(ext.windowMs)} | **${ms(ext.mainThreadMs)}** | ${ms(ext.analyzeMs)} | ${ms(ext.pipelineMs)} | ${ms(ext.firstDrawMs)} | ${ms(plain.markjs.script)} | ${longest} | ${toggle} | ${ms(ext.idleCpu?.medianMs)}, ${ms(ext.idleCpu?.maxMs)} (${ms(plain.idleCpu?.medianMs)}, ${ms(plain.idleCpu?.maxMs)}) | ${memory} |`,
    );
  }
  const bg = browser.backgroundMemory ? `Background (${name === 'chromium' ? 'service worker JS heap + array buffers' : 'extension process RSS'}): ${mb(browser.backgroundMemory)}.` : '';
  return `### ${browser.version}\n\n${rows.join('\n')}\n\n${bg}\n`;
}

function targets(results) {
  const rows = ['| target | browser | measured | |', '|---|---|--:|---|'];
  const add = (target, browser, value, ok) => rows.push(`| ${target} | ${browser} | ${value} | ${verdict(ok)} |`);
  for (const [name, browser] of Object.entries(results.browsers)) {
    if (browser.skipped) continue;
    for (const [page, { plain, extension: ext }] of Object.entries(browser.pages)) {
      if (!ext) continue;
      // Judged on the main thread (what the reader feels), against the walk in the page's own world.
      const main = ext.mainThreadMs / plain.floorMs;
      const mainWorld = ext.mainThreadMs / ext.floorWorldMs;
      const wall = ext.pipelineMs / plain.floorMs;
      add(`pipeline ≤ 3× floor, ${page}: main thread ÷ page-world floor (÷ extension-world floor; wall ÷ page-world floor)`, name, `${ratio(main)} (${ratio(mainWorld)}; ${ratio(wall)})`, main <= 3);
    }
    const long = browser.pages.long;
    if (long?.extension) {
      const x = long.plain.markjs.script / long.extension.mainThreadMs;
      const wall = long.plain.markjs.script / long.extension.pipelineMs;
      add('≥ 5× faster than mark.js, long page: mark.js ÷ our main thread (÷ our wall)', name, `${ratio(x)} (${ratio(wall)})`, x >= 5);
    }
    const huge = browser.pages.huge;
    if (huge?.extension) {
      const worst = Math.max(huge.extension.longTaskMs ?? 0, huge.extension.longestGapMs ?? 0);
      add('no main-thread task > 50 ms, 10 MB page', name, `${ms(worst)} ms`, worst <= 50);
      add('first highlights within 100 ms, 10 MB page', name, `${ms(huge.extension.firstDrawMs)} ms`, Number.isFinite(huge.extension.firstDrawMs) ? huge.extension.firstDrawMs <= 100 : null);
    }
    const typical = browser.pages.typical?.extension?.toggle;
    if (typical) {
      const worst = Math.max(typical.off.totalMs ?? Infinity, typical.on.totalMs ?? Infinity);
      add('toggle within one frame, typical article (handler + its frame)', name, `${ms(worst)} ms`, worst <= FRAME_MS);
    }
    // A median over one-second windows: something of ours that runs while idle would be in each.
    const idle = Object.values(browser.pages).map((p) => (p.extension?.idleCpu?.medianMs ?? NaN) - (p.plain.idleCpu?.medianMs ?? NaN));
    const worstIdle = Math.max(...idle.filter(Number.isFinite));
    add('no CPU while idle (median ms per second over 5 s, minus the page alone, worst page)', name, `${ms(worstIdle)} ms/s`, worstIdle <= 1);
  }
  rows.push(`| wasm ≤ 150 KB gzipped | both | ${kb(results.wasm.gzipBytes)} (${kb(results.wasm.bytes)} raw) | ${verdict(results.wasm.gzipBytes <= 150 * 1024)} |`);
  return rows.join('\n');
}

export function markdownReport(results) {
  const pages = Object.entries(results.pages)
    .map(([name, p]) => `${name}: ${p.title}, ${p.words.toLocaleString('en')} words, ${(p.chars / 1e6).toFixed(2)} M characters of text, ${mb(p.htmlBytes)} of HTML`)
    .join('; ');
  const sections = Object.entries(results.browsers).map(([name, b]) => browserTable(name, b, results.pages));
  return `## In-browser benchmark (${results.date.slice(0, 10)}, commit ${results.commit ?? '?'})

Machine: ${results.machine.cpus} cores (${results.machine.model}), ${results.machine.memoryGB} GB, ${results.machine.os}.
Pages (generated at run time from ${results.text.join(' and ')}): ${pages}.
Peer: mark.js \`markRegExp\` with the analyzer's ${results.lexiconForms} cue forms as one regex, same page, same run.
Times in ms (median of the timed loads); the extension's phases come from its content script's own User Timing measures (on only in the bench's copy of the extension). *Main thread* is the content script's own work on the page's thread; the analysis runs in the background (service worker / event page) and blocks nothing on the page; *pipeline, wall* runs from the start of the walk to the last claim drawn. *Claims (registered)*: every claim found (the badge) and how many are registered with \`CSS.highlights\` at the end (on pages with more than 400 claims, only those of blocks within 1.5 screens of the viewport).

${sections.join('\n')}
### Targets (issue 6)

${targets(results)}
`;
}
