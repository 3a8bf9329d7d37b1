// The message protocol and the helpers every context shares (extension/common.js).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from './load.mjs';

const [Allegedly] = await load('Allegedly');
const EXTENSION = new URL('../../extension/', import.meta.url).pathname;

/** Every script of the extension but common.js, as [relative path, text]. */
function scripts() {
  const out = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory() && entry.name !== '_locales') walk(full);
      else if (entry.name.endsWith('.js') && full !== path.join(EXTENSION, 'common.js')) out.push([path.relative(EXTENSION, full), readFileSync(full, 'utf8')]);
    }
  };
  walk(EXTENSION);
  return out;
}

test('the eight message names are distinct, prefixed and frozen', () => {
  const names = Object.values(Allegedly.MSG);
  assert.equal(names.length, 8);
  assert.equal(new Set(names).size, 8);
  for (const name of names) assert.match(name, /^allegedly:[a-z-]+$/);
  assert.ok(Object.isFrozen(Allegedly.MSG));
  assert.ok(Object.isFrozen(Allegedly));
});

test('no other script spells a message name or the site prefix', () => {
  const names = Object.values(Allegedly.MSG);
  const seen = scripts();
  assert.ok(seen.some(([file]) => file === 'content.js') && seen.some(([file]) => file === 'content/reader.js'), 'the walk found the scripts');
  for (const [file, text] of seen) {
    for (const name of names) assert.ok(!text.includes(`'${name}'`), `${file} spells '${name}': use MSG`);
    assert.ok(!/['`]site:/.test(text), `${file} spells 'site:': use siteKey / SITE_PREFIX`);
    assert.ok(!/i18n\.getMessage/.test(text), `${file} calls i18n.getMessage: use t()`);
  }
});

test('siteKey and SITE_PREFIX agree', () => {
  assert.equal(Allegedly.siteKey('example.org'), 'site:example.org');
  assert.ok(Allegedly.siteKey('a.b').startsWith(Allegedly.SITE_PREFIX));
});

test('t() falls back to the message name, and fromUs() refuses, where no browser API exists', () => {
  assert.equal(Allegedly.api, undefined);
  assert.equal(Allegedly.t('panelTitle', 3), 'panelTitle');
  assert.equal(Allegedly.fromUs({ id: 'x' }), false);
});

test('t() passes its substitutions as strings', async () => {
  // A fresh copy of common.js with a stand-in browser API.
  const calls = [];
  globalThis.chrome = { i18n: { getMessage: (name, subs) => (calls.push([name, subs]), name === 'known' ? `known ${subs.join(' ')}` : '') }, runtime: { id: 'me' } };
  const saved = globalThis.Allegedly;
  try {
    await import(new URL('../../extension/common.js?fresh', import.meta.url));
    const { t, fromUs } = globalThis.Allegedly;
    assert.equal(t('known', 3, 'x'), 'known 3 x');
    assert.deepEqual(calls[0], ['known', ['3', 'x']]);
    assert.equal(t('missing'), 'missing');
    assert.equal(fromUs({ id: 'me' }), true);
    assert.equal(fromUs({ id: 'other' }), false);
  } finally {
    delete globalThis.chrome;
    globalThis.Allegedly = saved;
  }
});

test('Settings.checkHost: host names as DNS has them, and why one is refused', async () => {
  const [Settings] = await load('AllegedlySettings');
  const refused = {
    'not a site!!': 'optionsBadSiteSpaces',
    'notasite!!': 'optionsBadSiteChars',
    'example.com.': 'optionsBadSiteLabel',
    '-a.com': 'optionsBadSiteLabel',
    'a..b': 'optionsBadSiteLabel',
    x: 'optionsBadSiteDot',
    'ftp://x.com': 'optionsBadSiteScheme',
    '': 'optionsBadSiteEmpty',
    [`${'a'.repeat(60)}.${'b'.repeat(60)}.${'c'.repeat(60)}.${'d'.repeat(60)}.${'e'.repeat(60)}.com`]: 'optionsBadSiteLong',
  };
  for (const [input, reason] of Object.entries(refused)) assert.deepEqual(Settings.checkHost(input), { reason }, input);
  const accepted = {
    'www.example.com': 'www.example.com',
    ' https://www.Example.com/path?q=1 ': 'www.example.com',
    'localhost:8080': 'localhost',
    'bücher.de': 'xn--bcher-kva.de',
    '192.168.0.1': '192.168.0.1',
    '[::1]': '[::1]',
  };
  for (const [input, host] of Object.entries(accepted)) assert.deepEqual(Settings.checkHost(input), { host }, input);
  const messages = JSON.parse(readFileSync(new URL('../../extension/_locales/en/messages.json', import.meta.url), 'utf8'));
  for (const reason of Object.values(refused)) assert.ok(messages[reason]?.message, `a message says why: ${reason}`);
});
