// Cooperative scheduling: long jobs on the main thread run in slices of a few milliseconds, so input,
// scrolling and painting carry on between them.

/** Milliseconds of work per slice; well under the 50 ms that counts as a long task. */
export const SLICE_MS = 8;

/** Resolves on a fresh task, letting the browser handle input and paint first. */
export function nextTask() {
  if (globalThis.scheduler?.yield) return globalThis.scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Calls `step(i)` for i in [0, count), yielding to the browser every SLICE_MS. Rejects with the
 * signal's reason when it aborts.
 */
export async function forEachSliced(count, step, signal) {
  let sliceStart = performance.now();
  for (let i = 0; i < count; i++) {
    step(i);
    if (performance.now() - sliceStart > SLICE_MS) {
      await nextTask();
      signal?.throwIfAborted();
      sliceStart = performance.now();
    }
  }
}
