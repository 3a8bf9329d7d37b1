// Offsets → DOM boundary points (extension/content/marks.js boundaryAt), on blocks made as
// content/collect.js makes them: segments { node, start, length }, a <br> being a one-character
// segment with no node. Nodes are stand-ins: boundaryAt only hands them back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { load } from './load.mjs';

const [Marks] = await load('AllegedlyMarks');
const { boundaryAt } = Marks;

/** A block from its parts: strings are text nodes, null a line break. */
function block(...parts) {
  const segments = [];
  let start = 0;
  for (const part of parts) {
    const length = part === null ? 1 : part.length;
    segments.push({ node: part === null ? null : { data: part }, start, length });
    start += length;
  }
  return { segments, text: parts.map((p) => p ?? '\n').join('') };
}

const at = (point) => point && [point[0].data, point[1]];

test('inside one node: the node and the offset', () => {
  const b = block('Officials said');
  assert.deepEqual(at(boundaryAt(b, 0, false)), ['Officials said', 0]);
  assert.deepEqual(at(boundaryAt(b, 5, false)), ['Officials said', 5]);
  assert.deepEqual(at(boundaryAt(b, 14, true)), ['Officials said', 14]);
});

test('at a node boundary, a start begins the next node and an end finishes the previous one', () => {
  const b = block('The ', 'ministry', ' said');
  assert.deepEqual(at(boundaryAt(b, 4, false)), ['ministry', 0]);
  assert.deepEqual(at(boundaryAt(b, 4, true)), ['The ', 4]);
  assert.deepEqual(at(boundaryAt(b, 12, true)), ['ministry', 8]);
  assert.deepEqual(at(boundaryAt(b, 12, false)), [' said', 0]);
  assert.deepEqual(at(boundaryAt(b, 17, true)), [' said', 5]);
});

test('a line break is never a boundary: a start moves past it, an end back before it', () => {
  const b = block('first line', null, 'second');
  assert.deepEqual(at(boundaryAt(b, 10, false)), ['second', 0], 'start on the break');
  assert.deepEqual(at(boundaryAt(b, 11, false)), ['second', 0]);
  assert.deepEqual(at(boundaryAt(b, 11, true)), ['first line', 10], 'end just after the break');
  assert.deepEqual(at(boundaryAt(b, 10, true)), ['first line', 10]);
});

test('out of the text: null, never a point in no node', () => {
  const b = block('abc', null);
  assert.equal(boundaryAt(b, 3, false), null, 'a start on a trailing break has no text after it');
  assert.equal(boundaryAt(block(null, 'x'), 1, true), null, 'an end with only a break before it');
  assert.equal(boundaryAt(b, 99, false), null);
});

test('many segments: the bisection finds the same point as a scan', () => {
  const parts = [];
  for (let i = 0; i < 200; i++) parts.push(i % 7 === 3 ? null : `w${i} `);
  const b = block(...parts);
  const scan = (offset, isEnd) => {
    // The obvious linear rule, for comparison.
    const segs = b.segments;
    if (isEnd) {
      for (let i = segs.length - 1; i >= 0; i--) {
        const s = segs[i];
        if (s.start >= offset) continue;
        if (s.node) return [s.node, Math.min(offset - s.start, s.length)];
        offset = s.start;
      }
      return null;
    }
    for (const s of segs) if (s.node && offset < s.start + s.length) return [s.node, Math.max(offset - s.start, 0)];
    return null;
  };
  for (let offset = 0; offset <= b.text.length; offset++) {
    assert.deepEqual(boundaryAt(b, offset, false), scan(offset, false), `start ${offset}`);
    if (offset > 0) assert.deepEqual(boundaryAt(b, offset, true), scan(offset, true), `end ${offset}`);
  }
});
