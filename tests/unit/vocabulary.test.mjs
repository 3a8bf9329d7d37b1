// One vocabulary (issue 17): kinds, stances, specificity and highlight styles are named once, in
// extension/categories.js (VOCABULARY) and _locales/en/messages.json; plurals go through the locale's
// rules; the playground's translator reads the same file as the browser does.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load } from './load.mjs';

const [C] = await load('AllegedlyCategories');
const ROOT = new URL('../../', import.meta.url).pathname;
const messages = JSON.parse(readFileSync(path.join(ROOT, 'extension/_locales/en/messages.json'), 'utf8'));
const t = C.translator(messages, 'en');

test('every vocabulary entry has its message, and every kind is in the vocabulary', () => {
  const names = [
    ...Object.values(C.VOCABULARY.kinds).flat(),
    ...Object.values(C.VOCABULARY.categories).flat(),
    ...Object.values(C.VOCABULARY.stances),
    ...Object.values(C.VOCABULARY.specificity),
    ...C.SHARES.map((s) => `share_${s}`),
  ];
  for (const name of names) assert.ok(messages[name]?.message, `messages.json lacks ${name}`);
  assert.deepEqual(Object.keys(C.VOCABULARY.kinds), [...C.KINDS]);
  assert.deepEqual(Object.keys(C.VOCABULARY.categories), [...C.CLAIMS, ...C.MARKS]);
  const labels = C.KINDS.map((k) => C.kindLabel(t, k));
  assert.equal(new Set(labels).size, labels.length, 'kinds have distinct names');
});

test('the words agree: "claimed" is distancing, "believed" with nobody named is a hedge', () => {
  assert.match(C.kindHelp(t, 'distancing'), /claimed/);
  assert.doesNotMatch(C.kindHelp(t, 'neutral'), /claim/);
  assert.match(C.kindHelp(t, 'hedged'), /is believed to/);
  assert.doesNotMatch(C.kindHelp(t, 'attributed'), /is believed/);
  // No retired names survive anywhere in the shipped scripts and pages.
  const retired = ['kindShort_', 'kindName_', 'cardKind', 'cueNeutral', 'cueDistancing', 'cueHedge', 'cueFactive', 'Attributed claim', 'Neutral attributions', 'Other attributions'];
  const walk = (dir) => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  for (const file of [...walk(path.join(ROOT, 'extension')), ...walk(path.join(ROOT, 'www'))].filter((f) => /\.(js|html|json)$/.test(f))) {
    const text = readFileSync(file, 'utf8');
    for (const word of retired) assert.ok(!text.includes(word), `${path.relative(ROOT, file)} still says ${word}`);
  }
});

test('plural: the locale\'s rules pick the message; no "1 claims"', () => {
  assert.equal(C.plural(t, 'countClaims', 1), '1 claim');
  assert.equal(C.plural(t, 'countClaims', 0), '0 claims');
  assert.equal(C.plural(t, 'countClaims', 2), '2 claims');
  assert.equal(C.plural(t, 'countClaims', 12345), '12,345 claims', 'the count is formatted for the locale');
  assert.equal(C.plural(t, 'panelGroupCounts', 1, '1 Said'), '1 claim: 1 Said');
  assert.equal(C.plural(t, 'announceOnCount', 1), 'Claim highlights on: 1 claim');
  // A locale with a "few" rule but no "few" message: the "other" form.
  const polish = C.translator(messages, 'pl');
  assert.equal(C.plural(polish, 'countClaims', 3), '3 claims');
  assert.equal(C.plural(polish, 'countClaims', 1), '1 claim');
});

test('translator: named placeholders, $1…$9, $$; a missing message is its name', () => {
  assert.equal(t('cardSource', 'anonymous source', 'officials'), 'anonymous source: officials');
  assert.equal(t('summaryShare', 5, 'from named sources', '42%'), '5 from named sources (42%)');
  assert.equal(t('nope'), 'nope');
  assert.equal(C.translator({ x: { message: 'costs $$$1' } })('x', 5), 'costs $5');
  assert.equal(t('@@ui_locale'), 'en');
});

test('explainLines: kind by its vocabulary name, the source with its specificity, the cue\'s stance', () => {
  assert.deepEqual(C.explainLines(t, { kind: 'attributed', stance: 'distancing', specificity: 'named' }, 'The spokesman', 'claimed'), [
    'Distancing',
    'named source: The spokesman',
    'cue: ‘claimed’ (distancing: the writer does not vouch for it)',
  ]);
  assert.deepEqual(C.explainLines(t, { kind: 'attributed', stance: 'neutral', specificity: 'anonymous' }, 'officials', 'said'), [
    'Said',
    'anonymous source: officials',
    'cue: ‘said’ (neutral: the writer passes it on without judging it)',
  ]);
  assert.equal(C.explainLines(t, { kind: 'attributed', stance: 'neutral' }, 'he', 'said')[1], 'source: he', 'no specificity: plain "source"');
  assert.equal(C.explainLines(t, { kind: 'attributed', stance: 'neutral', specificity: 'named', antecedent: 'John Smith' }, 'he', 'said')[1], 'named source: he (most likely John Smith, named earlier)');
  assert.equal(C.explainLines(t, { kind: 'hedged', stance: 'hedge' }, '', 'allegedly')[0], 'Hedged');
  assert.equal(C.explainLines(t, { kind: 'hedged', stance: 'hedge' }, '', 'allegedly')[1], 'source: the writer (their own hedge)');
  assert.equal(C.explainLines(t, { kind: 'unsourced', stance: 'neutral' }, '', 'it is claimed')[1], 'source: not named');
});
