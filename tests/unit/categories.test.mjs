// What the extension and the playground compute alike (extension/categories.js): the kind and
// category of a claim, grouping by source, and the context each analysis request carries.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const [C, Settings] = await load('AllegedlyCategories', 'AllegedlySettings');

test('kindOf: the analyzer kind, attributions split by stance; categoryOf folds neutral into attributed', () => {
  const cases = [
    [{ kind: 'hedged', stance: 'hedge' }, 'hedged', 'hedged'],
    [{ kind: 'hedged', stance: 'distancing' }, 'hedged', 'hedged'],
    [{ kind: 'unsourced', stance: 'neutral' }, 'unsourced', 'unsourced'],
    [{ kind: 'attributed', stance: 'distancing' }, 'distancing', 'distancing'],
    [{ kind: 'attributed', stance: 'neutral' }, 'neutral', 'attributed'],
    [{ kind: 'attributed', stance: 'factive' }, 'attributed', 'attributed'],
    [{ kind: 'attributed', stance: 'hedge' }, 'attributed', 'attributed'],
  ];
  for (const [claim, kind, category] of cases) {
    assert.equal(C.kindOf(claim), kind, JSON.stringify(claim));
    assert.equal(C.categoryOf(claim), category, JSON.stringify(claim));
  }
});

test('every kind is a switch in the settings, and every category a highlight', () => {
  assert.deepEqual(Settings.KINDS, C.KINDS);
  assert.deepEqual(Object.keys(Settings.DEFAULTS.kinds), [...C.KINDS]);
  for (const stance of ['neutral', 'distancing', 'hedge', 'factive']) {
    for (const kind of ['attributed', 'unsourced', 'hedged']) {
      const claim = { kind, stance };
      assert.ok(C.KINDS.includes(C.kindOf(claim)));
      assert.ok(C.CLAIMS.includes(C.categoryOf(claim)));
      assert.ok(C.categoryOf(claim) in C.PRIORITY);
    }
  }
});

test('claimExtent spans the cue, source and content', () => {
  assert.deepEqual(C.claimExtent({ cue: [10, 14], source: [0, 9], content: [20, 40] }), [0, 40]);
  assert.deepEqual(C.claimExtent({ cue: [10, 14], source: null, content: null }), [10, 14]);
});

test('sourceKey: case, spacing and a leading article make no new source', () => {
  assert.equal(C.sourceKey('The ministry'), 'ministry');
  assert.equal(C.sourceKey('  the   Ministry '), 'ministry');
  assert.equal(C.sourceKey('An official'), 'official');
  assert.equal(C.sourceKey('A.P.'), 'a.p.', 'an initial is not an article');
  assert.equal(C.sourceKey('Theresa May'), 'theresa may', 'only the whole word "the"');
  assert.equal(C.sourceKey(''), '');
  assert.equal(C.sourceKey(null), '');
  assert.equal(C.sourceKey(undefined), '');
});

test('groupBySource: "The ministry" and "ministry" are one group, named as first met; unnamed last', () => {
  const claims = [
    { id: 1, source: null },
    { id: 2, source: 'The ministry' },
    { id: 3, source: 'Reuters' },
    { id: 4, source: 'ministry' },
    { id: 5, source: 'the  Ministry' },
    { id: 6, source: null },
    { id: 7, source: 'Reuters' },
    { id: 8, source: 'AP' },
  ];
  const groups = C.groupBySource(claims, (c) => c.source);
  assert.deepEqual(
    groups.map((g) => [g.source, g.claims.map((c) => c.id)]),
    [
      ['The ministry', [2, 4, 5]],
      ['Reuters', [3, 7]],
      ['AP', [8]],
      [null, [1, 6]],
    ],
  );
});

test('SourceGroups: equal counts keep the order first met', () => {
  const groups = new C.SourceGroups();
  for (const source of ['Bo', 'Al', 'Cy', 'Al', 'Bo', 'Cy']) groups.add(source, source);
  assert.deepEqual(groups.sorted().map((g) => g.source), ['Bo', 'Al', 'Cy']);
});

test('RecentText keeps the last `chars` characters, cutting the earliest text at its start', () => {
  const recent = new C.RecentText(10);
  assert.deepEqual(recent.texts(), []);
  recent.push('abcd');
  recent.push('efgh');
  assert.deepEqual(recent.texts(), ['abcd', 'efgh']);
  recent.push('ijklmn');
  assert.deepEqual(recent.texts(), ['efgh', 'ijklmn'], 'exactly the limit: "abcd" is let go');
  recent.push('op');
  assert.deepEqual(recent.texts(), ['gh', 'ijklmn', 'op'], '"efgh" cut at its start');
  recent.push('0123456789AB');
  assert.deepEqual(recent.texts(), ['23456789AB'], 'one text longer than the limit: its end');
  recent.clear();
  assert.deepEqual(recent.texts(), []);
});

test('RecentText: the joined context is always the last min(limit, total) characters', () => {
  const limit = C.CONTEXT_CHARS;
  assert.equal(limit, 1500);
  const recent = new C.RecentText();
  let all = '';
  // Pseudo-random block lengths from 1 to 900, deterministic.
  let seed = 7;
  for (let i = 0; i < 400; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const text = String.fromCharCode(97 + (i % 26)).repeat(1 + (seed % 900));
    recent.push(text);
    all += text;
    assert.equal(recent.texts().join(''), all.slice(-limit));
  }
});
