// `web-ext lint` of the Firefox package, every warning an error, except the two that Mozilla's own
// Readability (vendor/readability/Readability.js, copied unchanged from npm) raises by name: its
// `innerHTML` assignments, which restore its working copy between passes and unwrap <noscript>
// images. They run on the inert copy content/article.js hands it (a document made by
// createHTMLDocument: no browsing context, so no script in that HTML runs and nothing loads). Any
// other warning, in any file, fails as before.
//
// usage: node tools/lint-firefox.mjs DIST/firefox
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const ALLOWED = [{ code: 'UNSAFE_VAR_ASSIGNMENT', file: 'vendor/readability/Readability.js', most: 2 }];

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = process.argv[2];
if (!dir) throw new Error('usage: node tools/lint-firefox.mjs DIST/firefox');
let out;
try {
  out = execFileSync(path.join(root, 'node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', dir, '--output', 'json'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
} catch (error) {
  out = error.stdout; // web-ext exits non-zero on errors; the JSON still says which
}
const report = JSON.parse(out);
const allowed = new Map(ALLOWED.map((a) => [`${a.code} ${a.file}`, a.most]));
const failures = [...report.errors];
for (const warning of report.warnings) {
  const key = `${warning.code} ${warning.file}`;
  if (allowed.get(key) > 0) allowed.set(key, allowed.get(key) - 1);
  else failures.push(warning);
}
for (const f of failures) console.error(`${f._type} ${f.code}: ${f.message} (${f.file ?? ''}${f.line ? `:${f.line}` : ''})`);
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings (${report.summary.warnings - failures.filter((f) => f._type === 'warning').length} allowed: Readability's innerHTML on its inert copy), ${report.summary.notices} notices`);
process.exit(failures.length ? 1 : 0);
