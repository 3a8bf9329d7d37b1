// Content script: what a batch of DOM mutations changed, as elements to read again and known blocks
// that lost or changed text (content.js re-reads and re-analyses them). Defines AllegedlyChanges in
// the content scripts' own world.
(() => {
  'use strict';

  const { UI_ATTRIBUTE, CHECKPOINT, TEXT_NODE, isInline, blockContainer, readableTextNodes } = globalThis.AllegedlyCollect;
  const { blockOfNode } = globalThis.AllegedlyMarks;

  function isOwnUi(node) {
    const el = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
    return !!el?.closest(`[${UI_ATTRIBUTE}]`);
  }

  /** Adds to `into` the blocks holding `node` (a text node) or text under it (attached or not). */
  function blocksUnder(node, into) {
    if (node.nodeType === Node.TEXT_NODE) {
      const block = blockOfNode.get(node);
      if (block) into.add(block);
      return;
    }
    if (node.nodeType !== Node.ELEMENT_NODE) return;
    const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
    for (let text = walker.nextNode(); text; text = walker.nextNode()) {
      const block = blockOfNode.get(text);
      if (block) into.add(block);
    }
  }

  // A class or style change is acted on only when it shows text never read: how far one look goes
  // (readable text nodes under the element), and how far all the looks of one batch go together, so
  // a page that animates by class (carousels, tickers) costs a bounded walk per batch (400 ms).
  const REVEAL_LOOK_NODES = 2_000;
  const REVEAL_BATCH_NODES = 10_000;
  const MIN_TEXT_CHARS = 4; // collect.js's MIN_BLOCK_CHARS: shorter text never makes a block

  /**
   * Whether `el` now shows readable text that no block holds (and that `admits`, when given, lets in):
   * a body revealed by a class or style change. Spends at most `budget.nodes` text nodes.
   */
  function revealsText(el, admits, budget) {
    if (!el.isConnected) return false;
    let seen = 0;
    for (const node of readableTextNodes(el)) {
      if (node === CHECKPOINT || node?.nodeType !== TEXT_NODE) continue;
      if (++seen > REVEAL_LOOK_NODES || --budget.nodes < 0) return false;
      if (!blockOfNode.has(node) && node.data.trim().length >= MIN_TEXT_CHARS && (!admits || admits(node))) return true;
    }
    return false;
  }

  /**
   * What `records` changed: `roots`, elements whose readable text must be collected again, and
   * `affected`, known blocks that lost or changed text. Work is proportional to what changed, not to
   * the page.
   */
  function changes(records, admits = null) {
    const roots = new Set();
    const affected = new Set();
    const looked = new Set();
    const budget = { nodes: REVEAL_BATCH_NODES };
    for (const record of records) {
      const target = record.target;
      if (isOwnUi(target)) continue;
      if (record.type === 'attributes' && (record.attributeName === 'class' || record.attributeName === 'style')) {
        if (looked.has(target)) continue;
        looked.add(target);
        if (budget.nodes > 0 && revealsText(target, admits, budget)) roots.add(blockContainer(target));
        continue;
      }
      if (record.type === 'attributes') {
        blocksUnder(target, affected);
        roots.add(blockContainer(target));
        continue;
      }
      if (record.type === 'characterData') {
        blocksUnder(target, affected);
        if (target.parentElement) roots.add(blockContainer(target.parentElement));
        continue;
      }
      for (const node of record.removedNodes) blocksUnder(node, affected);
      for (const node of record.addedNodes) {
        if (!node.isConnected || isOwnUi(node)) continue;
        if (node.nodeType === Node.ELEMENT_NODE && !isInline(node)) roots.add(node);
        else if (target.nodeType === Node.ELEMENT_NODE) roots.add(blockContainer(target));
      }
    }
    return { roots, affected };
  }

  globalThis.AllegedlyChanges = Object.freeze({ blocksUnder, changes });
})();
