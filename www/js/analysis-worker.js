// The analyzer off the main thread: loads the same wasm package as the extension and answers one
// chunk of blocks per message, so the page can show progress and drop a run between chunks.
//
// in:  {id, blocks: string[], context: string[]}   out: {id, claims: Claim[][]} or {id, error: string}
// (`context`: the text just before the blocks, read for the people it names; see analysis.js)
// at start-up it posts {ready: true}, or {error} when the wasm cannot be loaded.
import init, { Analyzer } from '../pkg/allegedly.js';

// The handler is installed before the wasm loads so that no early message is lost.
const analyzer = init().then(() => new Analyzer({ extraCues: [], ignoreWords: [] }));

analyzer.then(
  () => postMessage({ ready: true }),
  (error) => postMessage({ error: `The analyzer could not be loaded: ${error?.message ?? error}` }),
);

onmessage = async ({ data }) => {
  const { id, blocks, context = [] } = data;
  try {
    postMessage({ id, claims: (await analyzer).analyzeBlocks(blocks, context) });
  } catch (error) {
    postMessage({ id, error: String(error?.message ?? error) });
  }
};
