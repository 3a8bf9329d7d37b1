// Runs the analyzer in a module Worker, a chunk of blocks at a time.
//
// Each chunk after the first carries the text just before its first block as context (the last
// CONTEXT_CHARS of the blocks before it), which the analyzer reads for the people it names: "he said"
// at the top of a chunk may stand for a senator the previous one quoted. The rule and the constant are
// the extension's (extension/categories.js), so a text gets the same claims in both.
//
// One chunk is in flight at most: the page reports progress after each, and a cancelled run stops
// at once (a chunk still in flight is abandoned with its worker, and a fresh worker is started the
// next time it is needed).

/** Characters per message to the worker: tens of milliseconds of work, so progress moves smoothly. */
export const CHUNK_CHARS = 64 * 1024;

import { CONTEXT_CHARS, RecentText } from './categories.js';

const WORKER_URL = new URL('./analysis-worker.js', import.meta.url);

export class AnalysisClient {
  #worker = null;
  #ready = null;
  #nextId = 0;

  /**
   * Analyses `blocks`; calls `onChunk(firstBlockIndex, claimsPerBlock)` as results arrive and
   * `onProgress(doneChars, totalChars)` after each chunk. Rejects with an AbortError when `signal`
   * aborts, and with an Error when the analyzer fails.
   */
  async analyze(blocks, { signal, onChunk, onProgress }) {
    const total = blocks.reduce((sum, block) => sum + block.length, 0);
    let done = 0;
    onProgress?.(0, total);
    for (const [first, chunk, context] of chunks(blocks, CHUNK_CHARS)) {
      signal?.throwIfAborted();
      const claims = await this.#request(chunk, context, signal);
      signal?.throwIfAborted();
      onChunk(first, claims);
      done += chunk.reduce((sum, block) => sum + block.length, 0);
      onProgress?.(done, total);
    }
  }

  /** Starts the worker and loads the wasm ahead of the first run; resolves when it is ready. */
  prepare() {
    if (!this.#worker) this.#start();
    const ready = this.#ready;
    return ready.catch((error) => {
      if (this.#ready === ready) this.#stop();
      throw error;
    });
  }

  #start() {
    const worker = new Worker(WORKER_URL, { type: 'module' });
    this.#worker = worker;
    this.#ready = new Promise((resolve, reject) => {
      worker.addEventListener('message', ({ data }) => (data.ready ? resolve() : data.error && reject(new Error(data.error))), { once: true });
      worker.addEventListener('error', (event) => {
        event.preventDefault?.();
        reject(new Error(`The analyzer worker failed to start${event.message ? `: ${event.message}` : ''}.`));
      }, { once: true });
    });
  }

  #stop() {
    this.#worker?.terminate();
    this.#worker = null;
    this.#ready = null;
  }

  async #request(blocks, context, signal) {
    if (!this.#worker) this.#start();
    const worker = this.#worker;
    try {
      await abortable(this.#ready, signal);
    } catch (error) {
      if (error.name !== 'AbortError') this.#stop();
      throw error;
    }
    const id = ++this.#nextId;
    const reply = new Promise((resolve, reject) => {
      const onMessage = ({ data }) => {
        if (data.id !== id) return;
        worker.removeEventListener('message', onMessage);
        worker.removeEventListener('error', onError);
        data.error ? reject(new Error(data.error)) : resolve(data.claims);
      };
      const onError = (event) => {
        event.preventDefault?.();
        worker.removeEventListener('message', onMessage);
        this.#stop();
        reject(new Error(`The analyzer worker stopped${event.message ? `: ${event.message}` : ''}.`));
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', onError, { once: true });
    });
    worker.postMessage({ id, blocks, context });
    try {
      return await abortable(reply, signal);
    } catch (error) {
      // Abandon the chunk in flight: a fresh worker answers the next run without waiting for it.
      if (error.name === 'AbortError' && this.#worker === worker) this.#stop();
      throw error;
    }
  }
}

/**
 * Yields [indexOfFirstBlock, blocks, context] runs of about `size` characters each (at least one
 * block); `context` is the last `contextChars` of the blocks before the run ([] for the first).
 */
export function* chunks(blocks, size, contextChars = CONTEXT_CHARS) {
  const recent = new RecentText(contextChars);
  let first = 0;
  while (first < blocks.length) {
    let end = first;
    let chars = 0;
    while (end < blocks.length && (end === first || chars + blocks[end].length <= size)) chars += blocks[end++].length;
    const context = recent.texts();
    for (let k = first; k < end; k++) recent.push(blocks[k]);
    yield [first, blocks.slice(first, end), context];
    first = end;
  }
}

/** `promise`, or an AbortError as soon as `signal` aborts. */
function abortable(promise, signal) {
  if (!signal) return promise;
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
