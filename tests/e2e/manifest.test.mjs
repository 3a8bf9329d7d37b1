// The built manifests (no browser needed): each browser gets only its own keys, so neither warns;
// permissions stay minimal; WebAssembly is allowed for extension pages only; nothing remote.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { EXTENSION_DIRS } from './lib/browsers.mjs';

const read = (browser) => JSON.parse(readFileSync(path.join(EXTENSION_DIRS[browser], 'manifest.json'), 'utf8'));
const built = existsSync(path.join(EXTENSION_DIRS.chromium, 'manifest.json')) && existsSync(path.join(EXTENSION_DIRS.firefox, 'manifest.json'));

describe('built manifests', { skip: built ? false : 'run ./build.sh first' }, () => {
  test('Chrome gets a service worker and no Firefox keys', () => {
    const m = read('chromium');
    assert.deepEqual(m.side_panel, { default_path: 'panel.html' });
    assert.equal(m.sidebar_action, undefined);
    assert.ok(m.commands['open-panel'] && !m.commands._execute_sidebar_action);
    // Chrome assigns at most four suggested keys.
    assert.ok(Object.values(m.commands).filter((c) => c.suggested_key).length <= 4);
    assert.deepEqual(m.background, { service_worker: 'background.js', type: 'module' });
    assert.equal(m.browser_specific_settings, undefined);
    assert.equal(m.minimum_chrome_version, '120');
    assert.ok(!Object.keys(m).some((k) => k.startsWith('chrome_') || k.startsWith('firefox_')));
  });

  test('Firefox gets an event page, its add-on id and ESR 140 as the minimum', () => {
    const m = read('firefox');
    assert.equal(m.sidebar_action.default_panel, 'panel.html');
    assert.equal(m.side_panel, undefined);
    assert.ok(m.commands._execute_sidebar_action && !m.commands['open-panel']);
    assert.deepEqual(m.background, { scripts: ['background.js'], type: 'module' });
    assert.equal(m.browser_specific_settings.gecko.strict_min_version, '140.0');
    assert.deepEqual(m.browser_specific_settings.gecko.data_collection_permissions, { required: ['none'] });
    assert.equal(m.minimum_chrome_version, undefined);
    assert.ok(!Object.keys(m).some((k) => k.startsWith('chrome_') || k.startsWith('firefox_')));
  });

  for (const browser of ['chromium', 'firefox']) {
    test(`${browser}: minimal permissions, wasm only for extension pages, nothing remote`, () => {
      const m = read(browser);
      // The content script's parts, in load order: each defines a namespace the next ones use.
      const CONTENT_PARTS = [
        'content/diagnostics.js',
        // The article focus: Mozilla's Readability (vendored at build time), then content/article.js.
        'vendor/readability/Readability.js', 'vendor/readability/Readability-readerable.js', 'content/article.js',
        'content/collect.js', 'content/marks.js', 'card.js', 'content/navigate.js',
        'content/palette.js', 'content/panel-data.js', 'content/reader.js', 'content/changes.js',
      ];
      assert.equal(m.manifest_version, 3);
      // sidePanel: Chrome's claims panel (Firefox's sidebar_action needs no permission).
      assert.deepEqual(m.permissions, browser === 'chromium' ? ['storage', 'sidePanel'] : ['storage']);
      assert.equal(m.host_permissions, undefined, 'content scripts need no host_permissions');
      assert.equal(m.optional_permissions, undefined);
      assert.equal(m.externally_connectable, undefined, 'no page can message the extension');
      assert.equal(m.web_accessible_resources, undefined, 'pages cannot load or fingerprint our files');
      assert.deepEqual(m.content_scripts, [
        // Only asks the background to start its analyzer while the page loads (cold start).
        { matches: ['http://*/*', 'https://*/*'], js: ['common.js', 'content/prepare.js'], run_at: 'document_start' },
        { matches: ['http://*/*', 'https://*/*'], js: ['common.js', 'categories.js', 'settings.js', 'explain.js', ...CONTENT_PARTS, 'content.js'], css: ['highlights.css'], run_at: 'document_idle' },
      ]);
      assert.equal(m.content_security_policy.extension_pages, "script-src 'self' 'wasm-unsafe-eval'; object-src 'self'");
      const text = readFileSync(path.join(EXTENSION_DIRS[browser], 'manifest.json'), 'utf8');
      assert.doesNotMatch(text, /https?:\/\/(?!\*\/\*)/, 'no URL in the manifest but the match patterns');
      for (const file of ['background.js', 'content/prepare.js', ...CONTENT_PARTS, 'content.js', 'common.js', 'settings.js', 'categories.js', 'explain.js', 'panel.html', 'panel.js', 'options.html', 'options.js', 'highlights.css', 'pkg/allegedly.js', 'pkg/allegedly_bg.wasm', '_locales/en/messages.json']) {
        assert.ok(existsSync(path.join(EXTENSION_DIRS[browser], file)), `${file} is packaged`);
      }
    });
  }
});
