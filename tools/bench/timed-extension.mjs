// A copy of a built extension whose content script leaves its User Timing measures (allegedly-timing:*) on
// the page's performance timeline, for the bench and for the one robustness test that counts
// analysis batches. The shipped extension never does: those entries are visible to the page, and
// a switch the page could flip would not do. The switch is an extra content-script file that only
// these copies have; it sets a global in the content scripts' own world (Chromium's isolated world,
// Firefox's sandbox), which page scripts can neither see nor write.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const TIMINGS_SCRIPT = 'bench-timings.js';

/** Copies the unpacked extension `from` to `to` (a new temp dir by default) with timings on; returns `to`. */
export function timedExtension(from, to = mkdtempSync(path.join(os.tmpdir(), 'allegedly-timed-'))) {
  cpSync(from, to, { recursive: true });
  writeFileSync(path.join(to, TIMINGS_SCRIPT), '// bench build only (tools/bench/timed-extension.mjs)\nglobalThis.allegedlyTimings = true;\n');
  const manifestPath = path.join(to, 'manifest.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  for (const entry of manifest.content_scripts ?? []) {
    if (entry.js?.includes('content.js') && !entry.js.includes(TIMINGS_SCRIPT)) entry.js.unshift(TIMINGS_SCRIPT);
  }
  writeFileSync(manifestPath, JSON.stringify(manifest, null, 2) + '\n');
  return to;
}
