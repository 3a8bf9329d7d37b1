// Watching what the extension does from outside, for the robustness tests: its log lines, the work it
// does (analysis batches, counted by the User Timing measures content.js leaves on the page's
// timeline), and cheap waits on the page's highlight registry.

/**
 * Collects console lines of the page (Chromium shows the content script's there too) and, in
 * Chromium, of the extension's service worker, plus uncaught page errors. `lines` is live;
 * `ours()` is the extension's (prefixed "allegedly"); `errors` holds uncaught exceptions.
 */
export async function watchLogs(session, page) {
  const lines = [];
  const errors = [];
  page.on('console', (m) => lines.push({ from: 'page', text: m.text() }));
  page.on('pageerror', (e) => errors.push(String(e?.message ?? e)));
  if (session.name === 'chromium') {
    const worker = await session.serviceWorker();
    worker.on('console', (m) => lines.push({ from: 'background', text: m.text() }));
  }
  return {
    lines,
    errors,
    ours: () => lines.filter((l) => /^allegedly\b/i.test(l.text)),
  };
}

/** Number of analysis batches the content script ran in this page (one measure per batch). */
export function analysisBatches(page) {
  return page.evaluate(() => performance.getEntriesByName('allegedly-timing:analyze').length);
}

/** Waits until the page's registry does (on = true) or does not hold the extension's cue highlight. */
export function waitRegistered(page, on, timeout = 10_000) {
  return page.waitForFunction((want) => CSS.highlights.has('allegedly-cue') === want, { polling: 20, timeout }, on);
}

/**
 * One on/off cycle through the real toolbar action. Waits on the page's registry, which changes
 * synchronously with the content script's toggle (quicker to poll than the badge).
 */
export async function toggleCycle(session, page) {
  await session.clickToolbarButton(page);
  await waitRegistered(page, false);
  await session.clickToolbarButton(page);
  await waitRegistered(page, true);
}

/** Resolves after `ms`: for letting a page run, never for a timing assertion. */
export const pause = (ms) => new Promise((r) => setTimeout(r, ms));

/** Whether every range of every allegedly-* highlight lies in nodes still in the document. */
export function allRangesConnected(page, names) {
  return page.evaluate(
    (ns) => ns.every((n) => [...(CSS.highlights.get(n) ?? [])].every((r) => r.startContainer.isConnected && r.endContainer.isConnected)),
    names,
  );
}
