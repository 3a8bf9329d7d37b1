// Content script: what a batch of DOM mutations changed, as elements to read again and known blocks
// that lost or changed text (content.js re-reads and re-analyses them). Defines AllegedlyChanges in
// the content scripts' own world.
(() => {
  'use strict';

  const { UI_ATTRIBUTE, isInline, blockContainer } = globalThis.AllegedlyCollect;
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

  /**
   * What `records` changed: `roots`, elements whose readable text must be collected again, and
   * `affected`, known blocks that lost or changed text. Work is proportional to what changed, not to
   * the page.
   */
  function changes(records) {
    const roots = new Set();
    const affected = new Set();
    for (const record of records) {
      const target = record.target;
      if (isOwnUi(target)) continue;
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
