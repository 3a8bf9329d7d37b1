// The one namespace every extension context shares (background, content scripts, panel, options),
// in the manner of uBlock Origin's vAPI: the browser API, the names of the messages the contexts send
// each other, the storage key of a site's on/off choice, and the translation helper.
//
// Form: like every shared file here, a classic script that defines one frozen global and nothing
// else, so it loads unchanged as a content script (content scripts cannot be modules), a <script> in
// an extension page, a side-effect `import './common.js'` in the background module, and a side-effect
// import in Node (tests/unit). Pages never see it: content scripts run in an isolated world.
(() => {
  'use strict';

  const api = globalThis.browser ?? globalThis.chrome;

  /**
   * Every message between the contexts, by what it asks; the value is the wire name (`msg.type`).
   * Sender → receiver, and the fields each carries:
   *   PREPARE        content/prepare.js → background: start the analyzer while the page loads.
   *   ANALYZE        content.js → background: { blocks: string[], context: string[] } → { claims, ms } | { error }.
   *   STATE          content.js → background and panel: { state, count, site } (toolbar badge; panel refresh).
   *   CHECK_CONFIG   options → background: { config } → { ok } | { error }.
   *   TOGGLE         background → content.js: { announce } → { state, site }.
   *   NAVIGATE       background → the reader (content/reader.js): { step: 1 | -1 } → { moved }.
   *   CLAIMS         panel → the reader: → { site, url, title, state, claims, hidden } (hidden: counts the reader's switches hide).
   *   FOCUS_CLAIM    panel → the reader: { id } → { found }.
   * Performance measures have names of their own (AllegedlyDiagnostics.measure), never these.
   */
  const MSG = Object.freeze({
    PREPARE: 'allegedly:prepare',
    ANALYZE: 'allegedly:analyze',
    STATE: 'allegedly:state',
    CHECK_CONFIG: 'allegedly:check-config',
    TOGGLE: 'allegedly:toggle',
    NAVIGATE: 'allegedly:navigate',
    CLAIMS: 'allegedly:claims',
    FOCUS_CLAIM: 'allegedly:focus-claim',
  });

  /** Whether `sender` is this extension (pages cannot message us, but other extensions could try). */
  const fromUs = (sender) => !!api && sender?.id === api.runtime.id;

  /** Per-site choices live in storage.local (set by the toolbar): `site:<hostname>` → true / false. */
  const SITE_PREFIX = 'site:';
  const siteKey = (host) => `${SITE_PREFIX}${host}`;
  /**
   * And the article-focus choice (issue 14), set by the claims panel and the options page:
   * `focus:<hostname>` → true (article only) / false (whole page); absent means article only.
   */
  const FOCUS_PREFIX = 'focus:';
  const focusKey = (host) => `${FOCUS_PREFIX}${host}`;

  /** The UI string `name` (_locales/*\/messages.json) with its $1…$n filled in; the name itself when missing. */
  const t = (name, ...subs) => api?.i18n.getMessage(name, subs.map(String)) || name;

  globalThis.Allegedly = Object.freeze({ api, MSG, fromUs, SITE_PREFIX, siteKey, FOCUS_PREFIX, focusKey, t });
})();
