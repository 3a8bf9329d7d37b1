// The WebAssembly analyzer's speed in Node, with the trained model and with the rules only, in one
// process: the same build the extension's background runs, without a browser around it.
//
//   node tools/bench/wasm-node.mjs [DIST] [TEXTS]
//
// DIST is a `./build.sh` output (default dist); TEXTS a JSON-lines file of {"text": …} records
// (default $ALLEGEDLY_EVAL_DIR/polnear-train.jsonl, read in place), analysed as one batch of
// blocks, or a plain text file. Runs alternate between the two analyzers; each figure is the median of
// five, in CPU time, so another job on the machine slows both alike.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { median } from './stats.mjs';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const evalDir = process.env.ALLEGEDLY_EVAL_DIR ?? path.join(root, '../shared/eval');
const input = process.argv[3] ?? path.join(evalDir, 'polnear-train.jsonl');
const ROUNDS = 5;

if (!existsSync(path.join(dist, 'pkg/allegedly_bg.wasm'))) {
  console.error(`skipped: no wasm build in ${dist} (run ./build.sh)`);
  process.exit(0);
}
if (!existsSync(input)) {
  console.error(`skipped: ${input} is absent (give a text file, or set ALLEGEDLY_EVAL_DIR)`);
  process.exit(0);
}

const { default: init, Analyzer } = await import(pathToFileURL(path.join(dist, 'pkg/allegedly.js')).href);
await init({ module_or_path: readFileSync(path.join(dist, 'pkg/allegedly_bg.wasm')) });

const raw = readFileSync(input, 'utf8');
const blocks = input.endsWith('.jsonl')
  ? raw.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line).text)
  : [raw]; // the analyzer finds the blocks of plain text itself
const megabytes = blocks.reduce((n, text) => n + Buffer.byteLength(text), 0) / 1e6;

const analyzers = { 'with the model': new Analyzer(undefined), 'rules only': new Analyzer({ rulesOnly: true }) };
const cpuSeconds = (analyzer) => {
  const start = process.cpuUsage();
  analyzer.analyzeBlocks(blocks);
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e6;
};
const times = Object.fromEntries(Object.keys(analyzers).map((name) => [name, []]));
for (const analyzer of Object.values(analyzers)) cpuSeconds(analyzer); // warm-up
for (let round = 0; round < ROUNDS; round++) {
  for (const [name, analyzer] of Object.entries(analyzers)) times[name].push(cpuSeconds(analyzer));
}

console.log(`${path.basename(input)}: ${megabytes.toFixed(2)} MB in ${blocks.length} blocks, median of ${ROUNDS} alternating runs (CPU time)`);
for (const [name, runs] of Object.entries(times)) {
  console.log(`  ${name.padEnd(15)} ${(megabytes / median(runs)).toFixed(1)} MB/s`);
}
const ratio = median(times['with the model']) / median(times['rules only']);
console.log(`  the model takes ${ratio.toFixed(2)}× the rules' time`);
