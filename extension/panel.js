// The claims panel (Chrome side panel, Firefox sidebar): the current tab's claims grouped by source,
// with counts per kind, a filter per kind, and export as Markdown or JSON. It is the accessible view
// of the highlights: headings per source, a list of buttons, all keyboard operable. Page text is
// data: everything is built with textContent.
//
// It follows the window's active tab; `panel.html?tab=N` pins it to tab N (tests, or a panel in a tab).
(() => {
  'use strict';

  const { api, MSG, fromUs, focusKey, t } = globalThis.Allegedly;
  const Settings = globalThis.AllegedlySettings;
  const { groupBySource: groupBy } = globalThis.AllegedlyCategories;
  const AllegedlyExplain = globalThis.AllegedlyExplain;
  const $ = (id) => document.getElementById(id);

  const pinnedTab = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
  let tabId = Number.isInteger(pinnedTab) ? pinnedTab : null;
  let windowId = null;
  let snapshot = null; // the tab's last reply: { site, url, title, state, claims }
  const hiddenKinds = new Set(); // the panel's own filter (the options page decides what is drawn)

  // -------------------------------------------------------------------------------------------------
  // Small DOM helpers: elements with text, never markup.

  function el(tag, props = {}, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props)) {
      if (key === 'text') node.textContent = value;
      else if (key === 'class') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.slice(2), value);
      else if (value !== undefined && value !== null && value !== false) node.setAttribute(key, value === true ? '' : String(value));
    }
    node.append(...children.filter(Boolean));
    return node;
  }

  function setStatus(text) {
    $('status').textContent = text;
  }

  // -------------------------------------------------------------------------------------------------
  // Grouping and counting.

  /** The claims by source, as the playground groups them (categories.js): [{ key, source, claims }]. */
  const groupBySource = (claims) => groupBy(claims, (claim) => claim.source);

  function countKinds(claims) {
    const counts = Object.fromEntries(Settings.KINDS.map((k) => [k, 0]));
    for (const claim of claims) counts[claim.kind] = (counts[claim.kind] ?? 0) + 1;
    return counts;
  }

  const tally = (counts) =>
    Settings.KINDS.filter((k) => counts[k] > 0)
      .map((k) => t('panelKindTally', counts[k], t(`kindShort_${k}`)))
      .join(', ');

  const visibleClaims = () => (snapshot?.claims ?? []).filter((c) => !hiddenKinds.has(c.kind));

  // -------------------------------------------------------------------------------------------------
  // Rendering.

  function renderFilters() {
    const counts = countKinds(snapshot?.claims ?? []);
    const boxes = Settings.KINDS.map((kind) => {
      const input = el('input', { type: 'checkbox', id: `kind-${kind}`, 'data-kind': kind });
      input.checked = !hiddenKinds.has(kind);
      input.addEventListener('change', () => {
        if (input.checked) hiddenKinds.delete(kind);
        else hiddenKinds.add(kind);
        renderGroups();
      });
      return el('label', { class: `kind kind-${kind}`, for: `kind-${kind}`, title: t(`kindName_${kind}`) }, input, el('span', { text: t('panelKindCount', t(`kindShort_${kind}`), counts[kind]) }));
    });
    $('filters').replaceChildren(...boxes);
  }

  function claimItem(claim) {
    const button = el(
      'button',
      { type: 'button', class: 'claim', 'data-claim-id': claim.id, title: t('panelClaimHint'), onclick: () => focusClaim(claim.id) },
      el('span', { class: `tag kind-${claim.kind}`, text: t(`kindShort_${claim.kind}`) }),
      el('span', { class: 'text', text: claim.text }),
      el('span', { class: 'cue', text: t('panelCue', claim.cue) }),
    );
    return el('li', {}, button);
  }

  function renderGroups() {
    const claims = visibleClaims();
    const groups = groupBySource(claims);
    const sections = groups.map((group, i) => {
      const headingId = `group-${i}`;
      return el(
        'section',
        { class: 'group', 'aria-labelledby': headingId, 'data-source': group.source ?? '' },
        el('h2', { id: headingId, text: group.source ?? t('panelNoSource') }),
        el('p', { class: 'counts', text: t('panelGroupCounts', group.claims.length, tally(countKinds(group.claims))) }),
        el('ul', { class: 'claims' }, ...group.claims.map(claimItem)),
      );
    });
    $('groups').replaceChildren(...sections);
    if (!snapshot) return;
    if (snapshot.state !== 'on') setStatus(t('panelOff', snapshot.site));
    else if (!snapshot.claims.length) setStatus(t('panelEmpty'));
    else if (!claims.length) setStatus(t('panelFilteredOut'));
    else setStatus(t('panelSummary', claims.length, groups.length));
  }

  /**
   * The site's article-focus switch (issue 14), stored like the on/off choice: the tab follows the
   * stored value (content.js), reads the page again, and reports; the panel then refreshes.
   */
  function renderFocus() {
    const focus = snapshot?.focus;
    $('focus').hidden = !focus;
    if (!focus) return;
    $('article-only').checked = focus.articleOnly;
    let note = '';
    if (!focus.articleOnly) note = t('panelFocusChosen', snapshot.site);
    else if (snapshot.state === 'on' && focus.article) note = t('panelFocusArticle');
    else if (snapshot.state === 'on' && focus.reason) note = t('panelFocusWhole', focus.reason);
    $('focus-note').textContent = note;
  }

  async function switchFocus() {
    if (!snapshot?.site) return;
    try {
      await api.storage.local.set({ [focusKey(snapshot.site)]: $('article-only').checked });
    } catch (error) {
      setStatus(String(error?.message ?? error));
    }
  }

  function render() {
    $('page').textContent = snapshot ? snapshot.title || snapshot.url : '';
    renderFocus();
    $('controls').hidden = !snapshot || snapshot.state !== 'on' || !snapshot.claims.length;
    renderFilters();
    renderGroups();
  }

  // -------------------------------------------------------------------------------------------------
  // Talking to the tab.

  let refreshing = null;
  let refreshAgain = false;

  /** Asks the tab for its claims (one request at a time; a change meanwhile asks once more). */
  async function refresh() {
    if (refreshing) {
      refreshAgain = true;
      return refreshing;
    }
    refreshing = (async () => {
      do {
        refreshAgain = false;
        if (tabId === null) await findActiveTab();
        if (tabId === null) break;
        const asked = tabId;
        let reply = null;
        try {
          reply = await api.tabs.sendMessage(asked, { type: MSG.CLAIMS });
        } catch {
          reply = null; // no content script in that tab
        }
        if (asked !== tabId) {
          refreshAgain = true;
          continue;
        }
        snapshot = reply && Array.isArray(reply.claims) ? reply : null;
        if (!snapshot) {
          render();
          setStatus(t('panelNoPage'));
        } else {
          render();
        }
      } while (refreshAgain);
    })().finally(() => {
      refreshing = null;
    });
    return refreshing;
  }

  let refreshTimer = 0;
  function refreshSoon() {
    clearTimeout(refreshTimer);
    refreshTimer = setTimeout(refresh, 150); // a burst of state reports is one refresh
  }

  async function findActiveTab() {
    const query = windowId === null ? { active: true, currentWindow: true } : { active: true, windowId };
    const [tab] = await api.tabs.query(query);
    tabId = tab?.id ?? null;
    if (tab) windowId = tab.windowId;
  }

  async function focusClaim(id) {
    try {
      const reply = await api.tabs.sendMessage(tabId, { type: MSG.FOCUS_CLAIM, id });
      if (!reply?.found) {
        setStatus(t('panelClaimGone'));
        refreshSoon();
      }
    } catch {
      setStatus(t('panelNoPage'));
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Export: Markdown for reading, JSON for tools; copied, or downloaded through a Blob URL.

  /** Escapes the characters that would make page text into links, emphasis, code or HTML in Markdown. */
  const md = (text) => String(text).replace(/[\\`*_[\]<>|~&]/g, '\\$&');

  function toMarkdown() {
    const claims = visibleClaims();
    const lines = [`# ${md(t('panelExportTitle', snapshot.title || snapshot.site))}`, '', `<${snapshot.url.replace(/[<>\s]/g, encodeURIComponent)}>`, ''];
    for (const group of groupBySource(claims)) {
      lines.push(`## ${md(group.source ?? t('panelNoSource'))}`, '', `${md(t('panelGroupCounts', group.claims.length, tally(countKinds(group.claims))))}`, '');
      for (const claim of group.claims) lines.push(`- **${md(t(`kindShort_${claim.kind}`))}** — ${md(claim.text)} (${md(t('panelCue', claim.cue))})`);
      lines.push('');
    }
    return lines.join('\n');
  }

  function toJson() {
    const claims = visibleClaims().map(({ kind, claimKind, stance, source, sourceText, antecedent, cue, text }) => ({
      kind,
      claimKind,
      stance,
      source,
      cue,
      text,
      explanation: AllegedlyExplain.summary({ kind: claimKind, stance, antecedent }, sourceText ?? '', cue),
    }));
    return JSON.stringify({ url: snapshot.url, title: snapshot.title, exported: new Date().toISOString(), claims }, null, 2) + '\n';
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('panelCopied'));
    } catch (error) {
      setStatus(t('panelCopyFailed', error?.name ?? String(error)));
    }
  }

  function fileName(extension) {
    const base = (snapshot.site || 'page').replace(/[^a-z0-9.-]+/gi, '-');
    return `claims-${base}.${extension}`;
  }

  function download(text, type, extension) {
    const url = URL.createObjectURL(new Blob([text], { type }));
    const name = fileName(extension);
    const link = el('a', { href: url, download: name });
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    setStatus(t('panelDownloaded', name));
  }

  // -------------------------------------------------------------------------------------------------
  // Start: localise, wire the buttons, follow the tab.

  function localise() {
    document.title = t('panelTitle');
    document.documentElement.lang = api.i18n.getUILanguage?.() ?? 'en';
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  }

  function start() {
    localise();
    setStatus(t('panelLoading'));
    $('article-only').addEventListener('change', switchFocus);
    $('copy-md').addEventListener('click', () => snapshot && copy(toMarkdown()));
    $('copy-json').addEventListener('click', () => snapshot && copy(toJson()));
    $('download-md').addEventListener('click', () => snapshot && download(toMarkdown(), 'text/markdown;charset=utf-8', 'md'));
    $('download-json').addEventListener('click', () => snapshot && download(toJson(), 'application/json;charset=utf-8', 'json'));
    $('options').addEventListener('click', (event) => {
      event.preventDefault();
      api.runtime.openOptionsPage();
    });

    // The tab reports its state after every change (analysis done, toggle, filter, page edits).
    api.runtime.onMessage.addListener((msg, sender) => {
      if (fromUs(sender) && msg?.type === MSG.STATE && sender.tab?.id === tabId && sender.frameId === 0) refreshSoon();
      return false;
    });
    if (!Number.isInteger(pinnedTab)) {
      api.tabs.onActivated.addListener((info) => {
        if (windowId !== null && info.windowId !== windowId) return;
        tabId = info.tabId;
        snapshot = null;
        refresh();
      });
    }
    api.tabs.onUpdated.addListener((id, change) => {
      if (id === tabId && (change.status === 'complete' || change.url)) refreshSoon();
    });
    api.tabs.onRemoved.addListener((id) => {
      if (id !== tabId) return;
      if (Number.isInteger(pinnedTab)) {
        snapshot = null;
        render();
        setStatus(t('panelNoPage'));
      } else {
        tabId = null;
        refreshSoon();
      }
    });
    refresh();
  }

  start();
})();
