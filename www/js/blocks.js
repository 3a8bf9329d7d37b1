// Text → blocks: the units the analyzer sees and the page renders, one paragraph each.
//
// A claim never crosses a paragraph, so lines are natural blocks. A very long line (a whole book
// pasted without line breaks) is cut at sentence ends, so that no single block makes one long task in
// the worker or one huge text node to lay out on the page.

/** Longest block in UTF-16 code units before it is cut. */
export const MAX_BLOCK = 8000;

const SENTENCE_END = /[.!?…]["'”’)\]]*\s+/g;

/** Splits `text` into non-empty blocks (whitespace-only lines are dropped). */
export function splitBlocks(text, maxBlock = MAX_BLOCK) {
  const blocks = [];
  for (const line of text.split(/\r\n|\r|\n|\u2028|\u2029/)) {
    if (!/\S/.test(line)) continue;
    if (line.length <= maxBlock) blocks.push(line);
    else for (const piece of cutLongLine(line, maxBlock)) blocks.push(piece);
  }
  return blocks;
}

/** Cuts a line into pieces of at most `maxBlock`, preferring sentence ends, then spaces. */
function cutLongLine(line, maxBlock) {
  const pieces = [];
  let start = 0;
  while (line.length - start > maxBlock) {
    const window = line.slice(start, start + maxBlock);
    let cut = lastMatchEnd(window, SENTENCE_END);
    if (cut < maxBlock / 4) cut = window.lastIndexOf(' ') + 1;
    if (cut < maxBlock / 4) cut = maxBlock;
    // Never split a surrogate pair: a lone half would render as a replacement character.
    const code = line.charCodeAt(start + cut - 1);
    if (code >= 0xd800 && code <= 0xdbff) cut -= 1;
    pieces.push(line.slice(start, start + cut));
    start += cut;
  }
  pieces.push(line.slice(start));
  return pieces.filter((piece) => /\S/.test(piece));
}

function lastMatchEnd(text, pattern) {
  let end = 0;
  pattern.lastIndex = 0;
  for (let match; (match = pattern.exec(text)); ) end = match.index + match[0].length;
  return end;
}
