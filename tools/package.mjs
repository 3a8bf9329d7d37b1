// Assembles the build output: dist/chrome and dist/firefox (each loadable unpacked, plus a zip) and
// dist/www (the playground), all around the one wasm package in dist/pkg. Nothing is written twice:
// the playground takes the extension's highlight styles and the same pkg.
//
// usage: node tools/package.mjs DIST
import { cp, mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dist = path.resolve(process.argv[2] ?? path.join(root, 'dist'));
const pkg = path.join(dist, 'pkg');
const source = path.join(root, 'extension');

/**
 * A browser's own value for a key the manifest also shares: lists are joined (`chrome_permissions`
 * adds to `permissions`), objects merged (`firefox_commands` adds to `commands`), anything else
 * replaced.
 */
function mergeKey(shared, own) {
  if (Array.isArray(shared) && Array.isArray(own)) return [...shared, ...own];
  const isObject = (v) => v && typeof v === 'object' && !Array.isArray(v);
  if (isObject(shared) && isObject(own)) return { ...shared, ...own };
  return own;
}

/** How each browser runs the background script: a service worker in Chrome, an event page in Firefox. */
const BACKGROUND = {
  chrome: (script) => ({ service_worker: script, type: 'module' }),
  firefox: (script) => ({ scripts: [script], type: 'module' }),
};

/**
 * The manifest for `browser` from the shared one (extension/manifest.json): keys prefixed with the
 * browser's name (`chrome_`, `firefox_`) become its own keys, the other browser's are dropped.
 */
function manifestFor(browser, manifest) {
  manifest.background = BACKGROUND[browser](manifest.background.script);
  for (const key of Object.keys(manifest)) {
    const prefix = /^(chrome|firefox)_/.exec(key)?.[1];
    if (!prefix) continue;
    if (prefix === browser) {
      const name = key.slice(prefix.length + 1);
      manifest[name] = mergeKey(manifest[name], manifest[key]);
    }
    delete manifest[key];
  }
  return manifest;
}

/**
 * Mozilla's Readability (npm @mozilla/readability, Apache-2.0), the article focus's engine
 * (extension/content/article.js), copied as the registry serves it with its licence: its two
 * browser scripts define the globals `Readability` and `isProbablyReaderable`.
 */
const READABILITY = path.join(root, 'node_modules', '@mozilla', 'readability');
const READABILITY_FILES = ['Readability.js', 'Readability-readerable.js', 'LICENSE.md'];

async function copyReadability(out) {
  const dir = path.join(out, 'vendor', 'readability');
  await mkdir(dir, { recursive: true });
  for (const file of READABILITY_FILES) await cp(path.join(READABILITY, file), path.join(dir, file));
}

async function packageExtension(browser) {
  const out = path.join(dist, browser);
  await rm(out, { recursive: true, force: true });
  await cp(source, out, { recursive: true, filter: (file) => path.basename(file) !== 'manifest.json' });
  await cp(pkg, path.join(out, 'pkg'), { recursive: true });
  await copyReadability(out);
  const manifest = JSON.parse(await readFile(path.join(source, 'manifest.json'), 'utf8'));
  await writeFile(path.join(out, 'manifest.json'), JSON.stringify(manifestFor(browser, manifest), null, 2) + '\n');
  const zip = `allegedly-${browser}.zip`;
  execFileSync(
    path.join(root, 'node_modules', '.bin', 'web-ext'),
    ['build', '--source-dir', out, '--artifacts-dir', dist, '--filename', zip, '--overwrite-dest'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
}

async function packagePlayground() {
  const out = path.join(dist, 'www');
  await rm(out, { recursive: true, force: true });
  await cp(path.join(root, 'www'), out, { recursive: true });
  await cp(pkg, path.join(out, 'pkg'), { recursive: true });
  // The extension's highlight styles, its claims module, its words (the one vocabulary, issue 17) and
  // the article focus (issue 14): the playground runs the very same files.
  for (const shared of ['highlights.css', 'categories.js', 'content/article.js', '_locales/en/messages.json']) {
    await mkdir(path.dirname(path.join(out, shared)), { recursive: true });
    await cp(path.join(source, shared), path.join(out, shared));
  }
  await copyReadability(out);
  await packageSeeds(path.join(out, 'seeds'));
  // The page's install links point here, so they work offline and on a static deploy alike.
  await cp(path.join(root, 'README.md'), path.join(out, 'README.md'));
}

/**
 * The playground's samples are the seed articles in tests/fixtures/seeds (the only bundled texts),
 * copied as they are, with seeds/index.json listing [{file, title}] for the page's sample picker.
 */
async function packageSeeds(out) {
  const seeds = path.join(root, 'tests', 'fixtures', 'seeds');
  const files = (await readdir(seeds)).filter((file) => file.endsWith('.txt')).sort();
  await mkdir(out, { recursive: true });
  const list = [];
  for (const file of files) {
    const text = await readFile(path.join(seeds, file), 'utf8');
    await writeFile(path.join(out, file), text);
    list.push({ file, title: seedTitle(text, file) });
  }
  await writeFile(path.join(out, 'index.json'), JSON.stringify(list, null, 2) + '\n');
}

/** A seed's first line that reads like a headline (four words or more), shortened at a word. */
function seedTitle(text, fallback) {
  const line = text.split('\n').map((l) => l.trim()).find((l) => l.split(/\s+/).length >= 4) ?? fallback;
  if (line.length <= 72) return line;
  return `${line.slice(0, 72).replace(/\s+\S*$/, '')}…`;
}

await mkdir(dist, { recursive: true });
await Promise.all([packageExtension('chrome'), packageExtension('firefox'), packagePlayground()]);
