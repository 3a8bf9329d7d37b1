// Content script at document_start (top frame, http/https pages): asks the background to start its
// analyzer while the page is still loading, so that the first analysis request of content.js (at
// document_idle, after the page's parse) finds it ready. On the first page after the service worker
// / event page stopped (both stop after 30 s idle), the worker's own start-up took 100–190 ms on
// the bench machine, and it only began when the first message was sent. Nothing else happens here:
// no DOM read, no state; a browser without the CSS Custom Highlight API is not asked to prepare.
(() => {
  'use strict';

  const { api, MSG } = globalThis.Allegedly;
  if (typeof Highlight !== 'function' || typeof CSS === 'undefined' || !CSS.highlights) return;
  try {
    api.runtime.sendMessage({ type: MSG.PREPARE }).catch(() => {
      // The extension was reloaded or removed meanwhile: content.js finds out and stays quiet.
    });
  } catch {
    // same
  }
})();
