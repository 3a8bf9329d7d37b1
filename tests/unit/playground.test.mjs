// The playground's chunks (www/js/analysis.js): every chunk after the first carries the last
// CONTEXT_CHARS of the text before it, the extension's rule, so "he said" at the top of a chunk keeps
// the person the previous chunk named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const [Categories] = await load('AllegedlyCategories');
const { chunks } = await import('../../www/js/analysis.js');
const { splitBlocks } = await import('../../www/js/blocks.js');

test('chunks cover the blocks in order, each after the first with the text before it as context', () => {
  const blocks = [];
  for (let i = 0; i < 300; i++) blocks.push(`Paragraph ${i}: ${'word '.repeat(i % 40)}the minister said.`);
  const all = [];
  let count = 0;
  for (const [first, chunk, context] of chunks(blocks, 2000)) {
    assert.equal(first, all.length, 'no block skipped or repeated');
    const before = all.join('');
    assert.equal(context.join(''), before.slice(-Categories.CONTEXT_CHARS));
    if (first === 0) assert.deepEqual(context, []);
    all.push(...chunk);
    count++;
  }
  assert.deepEqual(all, blocks);
  assert.ok(count > 5, `several chunks (${count})`);
});

test('one long pasted line: cut into blocks, chunked, context from the previous chunk', () => {
  const text = 'Officials said on Monday that the talks had allegedly stalled, according to state media. '.repeat(5000);
  const blocks = splitBlocks(text);
  assert.ok(blocks.length > 50 && blocks.every((b) => b.length <= 8000));
  const list = [...chunks(blocks, 64 * 1024)];
  assert.ok(list.length > 5);
  for (const [first, , context] of list.slice(1)) {
    assert.equal(context.join(''), blocks.slice(0, first).join('').slice(-Categories.CONTEXT_CHARS));
  }
});

test('the playground uses the extension\'s constant', async () => {
  const www = await import('../../www/js/categories.js');
  assert.equal(www.CONTEXT_CHARS, Categories.CONTEXT_CHARS);
  assert.equal(www.RecentText, Categories.RecentText);
});

test('the playground groups sources as the panel does: "The ministry" and "ministry" are one', async () => {
  const { groupBySource } = await import('../../www/js/claims-table.js');
  const blocks = ['The ministry said it was true.', 'The  Ministry claimed so.', 'Reuters reported it.', 'He said it again.', 'It is alleged that it was.'];
  const span = (block, word) => [blocks[block].indexOf(word), blocks[block].indexOf(word) + word.length];
  const claims = [
    { block: 0, claim: { kind: 'attributed', stance: 'neutral', cue: span(0, 'said'), source: span(0, 'The ministry') } },
    { block: 1, claim: { kind: 'attributed', stance: 'distancing', cue: span(1, 'claimed'), source: span(1, 'The  Ministry') } },
    { block: 2, claim: { kind: 'attributed', stance: 'neutral', cue: span(2, 'reported'), source: span(2, 'Reuters') } },
    { block: 3, claim: { kind: 'attributed', stance: 'neutral', cue: span(3, 'said'), source: span(3, 'He'), antecedent: 'ministry' } },
    { block: 4, claim: { kind: 'unsourced', stance: 'distancing', cue: span(4, 'alleged') } },
  ];
  const groups = await groupBySource(blocks, claims);
  assert.deepEqual(
    groups.map((g) => [g.source, g.claims.map((c) => c.block)]),
    [
      ['The ministry', [0, 1, 3]],
      ['Reuters', [2]],
      [null, [4]],
    ],
  );
  // The panel's grouping of the same claims, as content/panel-data.js describes them.
  const panel = Categories.groupBySource(['The ministry', 'The Ministry', 'Reuters', 'ministry', null], (source) => source);
  assert.deepEqual(panel.map((g) => g.claims.length), groups.map((g) => g.claims.length));
});
