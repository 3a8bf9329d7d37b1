// What the bench measures inside a browser: functions run in the page (passed to page.evaluate or
// installed before the page's own scripts) and the per-browser probes for CPU and memory, which
// the page cannot see (Chromium: the DevTools protocol; Firefox: its chrome context, PLATFORM.md).

/** The floor: bare TreeWalker passes reading every text node's text. Returns each pass's ms. */
export function floorPasses(runs) {
  const times = [];
  let nodes = 0;
  let chars = 0;
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let n = 0;
    let c = 0;
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      n++;
      c += node.data.length;
    }
    times.push(performance.now() - t0);
    nodes = n;
    chars = c;
  }
  return { times, nodes, chars };
}

/** The peer: mark.js (already on the page) marking the lexicon regex; script time and to-painted. */
export function markJsPeer(pattern) {
  return new Promise((resolve) => {
    const re = new RegExp(pattern, 'gi');
    let count = 0;
    const t0 = performance.now();
    new window.Mark(document.body).markRegExp(re, { done: (n) => (count = n) });
    const script = performance.now() - t0;
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve({ script, painted: performance.now() - t0, count });
      channel.port2.postMessage(0);
    });
  });
}

/**
 * Installed before the page loads: long tasks (Chromium's 'longtask' entries) and, when `heartbeat`,
 * a MessageChannel ping-pong that records every gap over 16 ms between its turns: a main-thread
 * task (script, style, layout or paint) that long. The heartbeat costs CPU, so it runs only in the
 * responsiveness pass, never while timing.
 */
export function installObservers(heartbeat) {
  const bench = (window.__bench = { longtasks: [], gaps: [], stop: () => {} });
  try {
    if (PerformanceObserver.supportedEntryTypes?.includes('longtask')) {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) bench.longtasks.push([e.startTime, e.duration]);
      }).observe({ type: 'longtask', buffered: true });
    }
  } catch {
    // no long-task timing in this browser
  }
  if (!heartbeat) return;
  const channel = new MessageChannel();
  let last = performance.now();
  let running = true;
  channel.port1.onmessage = () => {
    const t = performance.now();
    if (t - last > 16) bench.gaps.push([last, t - last]);
    last = t;
    if (running) channel.port2.postMessage(0);
  };
  channel.port2.postMessage(0);
  bench.stop = () => (running = false);
}

/** The extension's own timings (allegedly-timing:* User Timing measures), as [name, start, duration]. */
export function extensionMeasures() {
  return performance
    .getEntriesByType('measure')
    .filter((e) => e.name.startsWith('allegedly-timing:'))
    .map((e) => [e.name, e.startTime, e.duration]);
}

/** Records frames from now on: [rAF callback time, time after that frame's rendering]. */
export function recordFrames() {
  const frames = (window.__frames = []);
  const loop = () =>
    requestAnimationFrame(() => {
      const raf = performance.now();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        frames.push([raf, performance.now()]);
        if (window.__frames === frames) loop();
      };
      channel.port2.postMessage(0);
    });
  loop();
}

/**
 * Toggles off and on through the real toolbar action `times` times on a page whose analysis is done;
 * each toggle's cost: { handler, frame, total } (the content script's handler, then the rendering of
 * the first frame after it, rAF → message channel), toPainted (from the handler's start to the end
 * of that frame, whatever ran in between), and for on, when claims far from the viewport
 * were registered after that frame (allegedly-timing:toggle-rest), that task's time and its frame too.
 */
export async function toggleCosts(session, page, times) {
  await page.evaluate(recordFrames);
  const done = async (name, n) => {
    await page.waitForFunction((m, k) => performance.getEntriesByName(m).length >= k, { timeout: 20_000, polling: 50 }, name, n);
    await new Promise((r) => setTimeout(r, 150));
  };
  for (let k = 1; k <= times; k++) {
    await session.clickToolbarButton(page);
    await done('allegedly-timing:toggle-off', k);
    await session.clickToolbarButton(page);
    await done('allegedly-timing:toggle-on', k);
  }
  const frames = await page.evaluate(() => {
    const f = window.__frames;
    window.__frames = null;
    return f;
  });
  const measures = await page.evaluate(extensionMeasures);
  // The first frame whose animation callbacks ran after `at`: its rendering shows what came before.
  const frameAfter = (at) => {
    const frame = frames.find(([raf]) => raf >= at);
    return frame ? frame[1] - frame[0] : null;
  };
  const rests = measures.filter(([n]) => n === 'allegedly-timing:toggle-rest');
  const cost = (name) =>
    measures
      .filter(([n]) => n === name)
      .map(([, start, duration]) => {
        const frame = frameAfter(start + duration);
        const rest = name === 'allegedly-timing:toggle-on' ? rests.find(([, s]) => s >= start && s < start + 1000) : null;
        const painted = frames.find(([raf]) => raf >= start + duration);
        return {
          handler: duration,
          frame,
          total: frame === null ? null : duration + frame,
          // From the handler's start to the end of that frame: also the tasks that ran before it.
          toPainted: painted ? painted[1] - start : null,
          rest: rest ? rest[2] : 0,
          restFrame: rest ? frameAfter(rest[1] + rest[2]) : 0,
        };
      });
  return { off: cost('allegedly-timing:toggle-off'), on: cost('allegedly-timing:toggle-on') };
}

// ---------------------------------------------------------------------------------------------------
// CPU and memory, from outside the page.

// One DevTools session per page: Performance.enable restarts the counters, so it is enabled once.
const cdpSessions = new WeakMap();

async function cdpFor(page) {
  let cdp = cdpSessions.get(page);
  if (!cdp) {
    cdp = await page.createCDPSession();
    await cdp.send('Performance.enable');
    cdpSessions.set(page, cdp);
  }
  return cdp;
}

/**
 * Chromium: main-thread task time of the page's renderer (ms, cumulative since the first call for
 * this page) and its JS heap (after a full GC when `gc`).
 */
export async function chromiumPageStats(page, { gc = true } = {}) {
  const cdp = await cdpFor(page);
  if (gc) await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name) => metrics.find((m) => m.name === name)?.value ?? NaN;
  const heap = await cdp.send('Runtime.getHeapUsage');
  return { cpuMs: get('TaskDuration') * 1000, heapBytes: heap.usedSize };
}

/** Chromium: the extension service worker's JS heap plus array buffers (the wasm memory), bytes. */
export async function chromiumWorkerMemory(session) {
  const target = await session.browser.waitForTarget(
    (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${session.extensionId}/`),
    { timeout: 10_000 },
  );
  const cdp = await target.createCDPSession();
  try {
    await cdp.send('HeapProfiler.collectGarbage').catch(() => {});
    const heap = await cdp.send('Runtime.getHeapUsage');
    return heap.usedSize + (heap.backingStorageSize ?? 0);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

/**
 * Firefox: CPU time (ms, cumulative) and resident memory of the content process showing the
 * selected tab, and of the extension process, from ChromeUtils.requestProcInfo (about:processes).
 */
export async function firefoxProcessStats(session, page, { gc = true } = {}) {
  await page.bringToFront();
  const json = await session.evaluateInChrome(`(async () => {
    const pid = gBrowser.selectedBrowser.browsingContext.currentWindowGlobal.osPid;
    if (${gc}) {
      // Let the content process settle its garbage first, as Chromium's probe does.
      Services.obs.notifyObservers(null, "child-gc-request");
      await new Promise((r) => setTimeout(r, 300));
    }
    const info = await ChromeUtils.requestProcInfo();
    const page = info.children.find((p) => p.pid === pid);
    const ext = info.children.find((p) => p.type === "extension");
    return JSON.stringify({
      cpuMs: page ? page.cpuTime / 1e6 : null,
      heapBytes: page ? page.memory : null,
      extensionBytes: ext ? ext.memory : null,
    });
  })()`);
  return JSON.parse(json);
}
