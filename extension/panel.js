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
  const C = globalThis.AllegedlyCategories;
  const AllegedlyExplain = globalThis.AllegedlyExplain;
  const $ = (id) => document.getElementById(id);
  const SVG = 'http://www.w3.org/2000/svg';

  const pinnedTab = Number.parseInt(new URLSearchParams(location.search).get('tab') ?? '', 10);
  let tabId = Number.isInteger(pinnedTab) ? pinnedTab : null;
  let windowId = null;
  let snapshot = null; // the tab's last reply: { site, url, title, state, claims, hidden }
  // The "Show" switches are the reader's settings (storage.sync), the ones the options page shows:
  // unticking one hides those claims here and in the page, on every site (issue 17: a filter that
  // left the page's highlights alone surprised readers). The tab lists only the claims it shows.
  let settings = Settings.normalise();

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
  // Grouping, counting and the summary: categories.js, as the playground does them.

  /** The claims by their real source (categories.js): [{ key, source, claims, specificity }]. */
  const groupBySource = (claims) => C.groupBySource(claims, (claim) => claim.source, (claim) => claim.specificity);

  function countKinds(claims) {
    const counts = Object.fromEntries(Settings.KINDS.map((k) => [k, 0]));
    for (const claim of claims) counts[claim.kind] = (counts[claim.kind] ?? 0) + 1;
    return counts;
  }

  const tally = (counts) =>
    Settings.KINDS.filter((k) => counts[k] > 0)
      .map((k) => t('panelKindTally', counts[k], C.kindLabel(t, k)))
      .join(', ');

  const groupCounts = (claims) => C.plural(t, 'panelGroupCounts', claims.length, tally(countKinds(claims)));

  const shownClaims = () => snapshot?.claims ?? [];

  const percent = (part, whole) => `${whole ? Math.round((100 * part) / whole) : 0}%`;

  /** The summary's lines: [shares…, most quoted] as text (the panel and the Markdown export). */
  function summaryLines(summary) {
    const lines = C.SHARES.filter((s) => summary.shares[s] > 0).map((s) => t('summaryShare', summary.shares[s], t(`share_${s}`), percent(summary.shares[s], summary.total)));
    if (summary.top.length) lines.push(t('summaryTop', summary.top.map((s) => t('summaryTopItem', s.source, s.count)).join(', ')));
    return lines;
  }

  /** One line of status: "12 claims from 4 sources" (the unnamed group is not a source). */
  const statusLine = (summary) =>
    summary.sources ? t('panelSummary', C.plural(t, 'countClaims', summary.total), C.plural(t, 'countSources', summary.sources)) : t('panelSummaryNoSources', C.plural(t, 'countClaims', summary.total));

  // -------------------------------------------------------------------------------------------------
  // Rendering.

  /** The switches: one per kind and one for anonymous sources, each with its count on the page. */
  function renderFilters() {
    const counts = countKinds(shownClaims());
    const hidden = snapshot?.hidden ?? {};
    const anonymous = shownClaims().filter((c) => c.specificity === 'anonymous').length + (hidden.anonymous ?? 0);
    const box = (id, checked, label, help, onchange) => {
      const input = el('input', { type: 'checkbox', id: `kind-${id}`, 'data-kind': id });
      input.checked = checked;
      input.addEventListener('change', () => onchange(input.checked));
      return el('label', { class: `kind kind-${id}`, for: `kind-${id}`, title: help }, input, el('span', { text: label }));
    };
    const boxes = Settings.KINDS.map((kind) =>
      box(kind, settings.kinds[kind] !== false, t('panelKindCount', C.kindLabel(t, kind), counts[kind] + (hidden[kind] ?? 0)), C.kindHelp(t, kind), (on) => Settings.save({ kinds: { ...settings.kinds, [kind]: on } })),
    );
    boxes.push(box('anonymous', settings.showAnonymous, t('panelKindCount', t('filter_anonymous'), anonymous), t('categoryHelp_anonymous'), (on) => Settings.save({ showAnonymous: on })));
    $('filters').replaceChildren(...boxes);
  }

  /** The summary: a strip chart of the shares, the shares in words, the most quoted sources. */
  function renderSummary(summary) {
    const section = $('summary');
    section.hidden = !summary.total;
    if (!summary.total) return;
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 100 6');
    svg.setAttribute('preserveAspectRatio', 'none');
    svg.setAttribute('class', 'strip');
    svg.setAttribute('role', 'img');
    svg.setAttribute('aria-label', `${t('summaryChart')}: ${summaryLines({ ...summary, top: [] }).join('; ')}`);
    let x = 0;
    for (const share of C.SHARES) {
      const width = (100 * summary.shares[share]) / summary.total;
      if (!width) continue;
      const rect = document.createElementNS(SVG, 'rect');
      for (const [k, v] of Object.entries({ x, y: 0, width, height: 6, class: `share-${share}`, 'data-share': share })) rect.setAttribute(k, String(v));
      const title = document.createElementNS(SVG, 'title');
      title.textContent = t('summaryShare', summary.shares[share], t(`share_${share}`), percent(summary.shares[share], summary.total));
      rect.append(title);
      svg.append(rect);
      x += width;
    }
    const shares = C.SHARES.filter((s) => summary.shares[s] > 0).map((s) =>
      el('li', { 'data-share': s }, el('span', { class: `swatch share-${s}`, 'aria-hidden': 'true' }), el('span', { text: t('summaryShare', summary.shares[s], t(`share_${s}`), percent(summary.shares[s], summary.total)) })),
    );
    const top = summary.top.length ? el('p', { class: 'top', text: t('summaryTop', summary.top.map((s) => t('summaryTopItem', s.source, s.count)).join(', ')) }) : null;
    $('summary-body').replaceChildren(svg, el('ul', { class: 'shares' }, ...shares), top);
  }

  /** The legend: each highlight style on a sample, named in the vocabulary, in the reader's palette. */
  function renderLegend() {
    $('legend').className = `legend palette-${settings.palette}`;
    $('legend').replaceChildren(
      ...[...C.CLAIMS, ...C.MARKS].map((c) => {
        const [label, help] = C.VOCABULARY.categories[c];
        return el('li', {}, el('span', { class: `sample sample-${c}`, text: t(label) }), ' ', el('span', { class: 'help', text: t(help) }));
      }),
    );
  }

  function claimItem(claim) {
    const button = el(
      'button',
      { type: 'button', class: 'claim', 'data-claim-id': claim.id, 'data-specificity': claim.specificity ?? '', title: t('panelClaimHint'), onclick: () => focusClaim(claim.id) },
      el('span', { class: `tag kind-${claim.kind}`, text: C.kindLabel(t, claim.kind) }),
      claim.specificity === 'anonymous' ? el('span', { class: 'tag anonymous', text: t('specificity_anonymous') }) : null,
      el('span', { class: 'text', text: claim.text }),
      el('span', { class: 'cue', text: t('panelCue', claim.cue) }),
    );
    return el('li', {}, button);
  }

  function renderGroups() {
    const claims = shownClaims();
    const groups = groupBySource(claims);
    const summary = C.summarise(groups);
    renderSummary(summary);
    const sections = groups.map((group, i) => {
      const headingId = `group-${i}`;
      return el(
        'section',
        { class: 'group', 'aria-labelledby': headingId, 'data-source': group.source ?? '', 'data-specificity': group.specificity ?? '' },
        el('h2', { id: headingId, text: group.source ?? t('panelNoSource') }),
        group.specificity ? el('p', { class: `specificity ${group.specificity}`, text: t(C.VOCABULARY.specificity[group.specificity]) }) : null,
        el('p', { class: 'counts', text: groupCounts(group.claims) }),
        el('ul', { class: 'claims' }, ...group.claims.map(claimItem)),
      );
    });
    $('groups').replaceChildren(...sections);
    if (!snapshot) return;
    const hiddenAny = Object.values(snapshot.hidden ?? {}).some((n) => n > 0);
    if (snapshot.state !== 'on') setStatus(t('panelOff', snapshot.site));
    else if (!claims.length) setStatus(t(hiddenAny ? 'panelFilteredOut' : 'panelEmpty'));
    else setStatus(statusLine(summary));
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
    const hiddenAny = Object.values(snapshot?.hidden ?? {}).some((n) => n > 0);
    $('controls').hidden = !snapshot || snapshot.state !== 'on' || (!snapshot.claims.length && !hiddenAny);
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
    const claims = shownClaims();
    const groups = groupBySource(claims);
    const summary = C.summarise(groups);
    const lines = [`# ${md(t('panelExportTitle', snapshot.title || snapshot.site))}`, '', `<${snapshot.url.replace(/[<>\s]/g, encodeURIComponent)}>`, ''];
    lines.push(`## ${md(t('summaryHeading'))}`, '', md(statusLine(summary)), '', ...summaryLines(summary).map((line) => `- ${md(line)}`), '');
    for (const group of groups) {
      lines.push(`## ${md(group.source ?? t('panelNoSource'))}`, '');
      if (group.specificity) lines.push(`*${md(t(C.VOCABULARY.specificity[group.specificity]))}*`, '');
      lines.push(md(groupCounts(group.claims)), '');
      for (const claim of group.claims) lines.push(`- **${md(C.kindLabel(t, claim.kind))}** — ${md(claim.text)} (${md(t('panelCue', claim.cue))})`);
      lines.push('');
    }
    return lines.join('\n');
  }

  function toJson() {
    const claims = shownClaims();
    const summary = C.summarise(groupBySource(claims));
    const out = claims.map(({ kind, claimKind, stance, specificity, source, sourceText, antecedent, cue, text }) => ({
      kind,
      kindLabel: C.kindLabel(t, kind),
      claimKind,
      stance,
      specificity: specificity ?? null,
      source,
      cue,
      text,
      explanation: AllegedlyExplain.summary({ kind: claimKind, stance, specificity, antecedent }, sourceText ?? '', cue),
    }));
    return JSON.stringify({ url: snapshot.url, title: snapshot.title, exported: new Date().toISOString(), summary, claims: out }, null, 2) + '\n';
  }

  async function copy(text) {
    try {
      await navigator.clipboard.writeText(text);
      setStatus(t('panelCopied'));
    } catch (error) {
      setStatus(t('panelCopyFailed', error?.name ?? String(error)));
    }
  }

  /**
   * "claims-<page title>-<YYYY-MM-DD>.<ext>": the title as plain ASCII words (accents dropped), at
   * most 60 characters; the site when the page has no title.
   */
  function fileName(extension, date = new Date()) {
    const words = (text) => (text || '').normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/gi, '-').replace(/^-+|-+$/g, '').toLowerCase();
    const title = words(snapshot.title).slice(0, 60).replace(/-+$/, '') || words(snapshot.site) || 'page';
    const day = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    return `claims-${title}-${day}.${extension}`;
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

  async function start() {
    localise();
    settings = await Settings.load();
    renderLegend();
    api.storage.onChanged.addListener(async (changes, area) => {
      if (!Settings.touched(changes, area)) return;
      settings = await Settings.load();
      renderFilters(); // the tab refilters and reports; its new claims follow (refreshSoon)
      renderLegend();
    });
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
