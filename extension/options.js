// The options page: which kinds of claims are drawn, whether the trained model looks for the less
// common ways of reporting speech, the palette, the reader's own cue and ignore words (checked by
// the analyzer in the background before they are saved), the sites with a choice
// of their own, and whether new sites start on. Settings go to storage.sync; open tabs follow them
// through storage.onChanged. Site choices stay in storage.local, where the toolbar keeps them.
(() => {
  'use strict';

  const { api, MSG, SITE_PREFIX, siteKey, FOCUS_PREFIX, focusKey, t } = globalThis.Allegedly;
  const Settings = globalThis.AllegedlySettings;
  const C = globalThis.AllegedlyCategories;
  const $ = (id) => document.getElementById(id);

  let settings = Settings.normalise();

  function setStatus(text) {
    $('status').textContent = text;
  }

  async function save(partial) {
    try {
      await Settings.save(partial);
      setStatus(t('optionsSaved'));
      return true;
    } catch (error) {
      setStatus(t('optionsSaveFailed', error?.message ?? String(error)));
      return false;
    }
  }

  // -------------------------------------------------------------------------------------------------
  // Kinds and palette: saved as soon as they change.

  function renderKinds() {
    const fieldset = $('kinds');
    const legend = fieldset.querySelector('legend');
    // Each switch: the kind's name in the vocabulary (categories.js), then what makes it one.
    const row = (id, checked, name, help, onchange) => {
      const input = document.createElement('input');
      input.type = 'checkbox';
      input.id = `kind-${id}`;
      input.dataset.kind = id;
      input.checked = checked;
      input.addEventListener('change', () => onchange(input.checked));
      const label = document.createElement('label');
      const text = document.createElement('strong');
      text.textContent = name;
      const more = document.createElement('span');
      more.className = 'kind-help';
      more.textContent = ` — ${help}`;
      label.append(input, ' ', text, more);
      return label;
    };
    const rows = Settings.KINDS.map((kind) => row(kind, settings.kinds[kind], C.kindLabel(t, kind), C.kindHelp(t, kind), (on) => save({ kinds: { ...settings.kinds, [kind]: on } })));
    rows.push(row('anonymous', settings.showAnonymous, t('filter_anonymous'), t('categoryHelp_anonymous'), (on) => save({ showAnonymous: on })));
    fieldset.replaceChildren(legend, ...rows);
  }

  // The trained model: saved as soon as it changes; the background rebuilds the analyzer and open
  // pages are analysed again (Settings.touched counts it as an analyzer setting).
  function renderModel() {
    $('trained-model').checked = settings.trainedModel;
  }

  async function saveModel(event) {
    if (await save({ trainedModel: event.target.checked })) setStatus(t('optionsAnalysedAgain'));
  }

  function renderPalette() {
    for (const radio of document.querySelectorAll('input[name=palette]')) radio.checked = radio.value === settings.palette;
    const preview = $('preview');
    preview.className = `preview ${settings.palette}`;
    // The legend: every highlight style on its name, in the chosen palette, with what it shows.
    preview.replaceChildren(
      ...[...C.CLAIMS, ...C.MARKS].map((category) => {
        const [label, help] = C.VOCABULARY.categories[category];
        const item = document.createElement('li');
        const span = document.createElement('span');
        span.className = `sample k-${category}`;
        span.textContent = t(label);
        const text = document.createElement('span');
        text.className = 'help';
        text.textContent = ` ${t(help)}`;
        item.append(span, text);
        return item;
      }),
    );
  }

  // -------------------------------------------------------------------------------------------------
  // Words: the analyzer must accept them before they are saved; its error is shown instead.

  const lines = (text) => text.split('\n').map((l) => l.trim()).filter(Boolean);

  function renderWords() {
    $('extra-cues').value = settings.extraCues.join('\n');
    $('ignore-words').value = settings.ignoreWords.join('\n');
  }

  async function saveWords(event) {
    event.preventDefault();
    const errorBox = $('words-error');
    errorBox.textContent = '';
    const rawCues = lines($('extra-cues').value);
    const rawIgnore = lines($('ignore-words').value);
    const config = { extraCues: Settings.cleanWords(rawCues), ignoreWords: Settings.cleanWords(rawIgnore) };
    const tooLong = [...rawCues, ...rawIgnore].some((w) => w.length > Settings.MAX_WORD_CHARS);
    if (tooLong || rawCues.length > Settings.MAX_WORDS || rawIgnore.length > Settings.MAX_WORDS) {
      errorBox.textContent = t('optionsTooManyWords', Settings.MAX_WORDS, Settings.MAX_WORD_CHARS);
      return;
    }
    let reply;
    try {
      reply = await api.runtime.sendMessage({ type: MSG.CHECK_CONFIG, config });
    } catch (error) {
      reply = { error: error?.message ?? String(error) };
    }
    if (!reply?.ok) {
      errorBox.textContent = t('optionsWordsRejected', reply?.error ?? '?');
      return;
    }
    if (await save(config)) setStatus(t('optionsWordsSaved'));
  }

  // -------------------------------------------------------------------------------------------------
  // Sites.

  /**
   * The items of one list of hosts stored under `keyOf(host)`: each with a button that removes its
   * key; `emptyMessage` when there are none. Both site lists (on/off, whole page) are drawn by it.
   */
  function hostItems(hosts, keyOf, emptyMessage) {
    const items = hosts.map((host) => {
      const item = document.createElement('li');
      const name = document.createElement('span');
      name.textContent = host;
      const remove = document.createElement('button');
      remove.type = 'button';
      remove.textContent = '×';
      remove.setAttribute('aria-label', t('optionsRemoveSite', host));
      remove.title = t('optionsRemoveSite', host);
      remove.addEventListener('click', async () => {
        await api.storage.local.remove(keyOf(host));
        setStatus(t('optionsSaved'));
      });
      item.append(name, remove);
      return item;
    });
    if (!items.length) {
      const none = document.createElement('li');
      none.textContent = t(emptyMessage);
      items.push(none);
    }
    return items;
  }

  async function renderSites() {
    $('enabled-by-default').checked = settings.enabledByDefault;
    const all = await api.storage.local.get(null);
    const sites = Object.entries(all)
      .filter(([key, value]) => key.startsWith(SITE_PREFIX) && typeof value === 'boolean')
      .map(([key, value]) => ({ host: key.slice(SITE_PREFIX.length), on: value }))
      .sort((a, b) => a.host.localeCompare(b.host));
    const hosts = (on) => sites.filter((s) => s.on === on).map((s) => s.host);
    $('sites-off').replaceChildren(...hostItems(hosts(false), siteKey, 'optionsNoSites'));
    $('sites-on').replaceChildren(...hostItems(hosts(true), siteKey, 'optionsNoSites'));
    // Choices that equal the default still show, so a reader can see and clear every one.
  }

  /**
   * The sites read whole rather than as their article (issue 14): `focus:<host>` = false in
   * storage.local, set here or by the claims panel's switch. Removing one means article only again.
   */
  async function renderWholeSites() {
    const all = await api.storage.local.get(null);
    const hosts = Object.entries(all)
      .filter(([key, value]) => key.startsWith(FOCUS_PREFIX) && value === false)
      .map(([key]) => key.slice(FOCUS_PREFIX.length))
      .sort((a, b) => a.localeCompare(b));
    $('sites-whole').replaceChildren(...hostItems(hosts, focusKey, 'optionsNoWholeSites'));
  }

  /**
   * Adds the host typed into the form `inputId` under `keyOf(host)` = false in storage.local: the
   * sites where Allegedly is off (siteKey) and those read whole rather than as their article
   * (focusKey, issue 14). One host check for both (Settings.checkHost), which says why a name is refused.
   */
  async function addHost(event, inputId, keyOf) {
    event.preventDefault();
    const input = $(inputId);
    const { host, reason } = Settings.checkHost(input.value);
    if (!host) {
      setStatus(t('optionsBadSite', input.value.trim(), t(reason)));
      input.setAttribute('aria-invalid', 'true');
      return;
    }
    input.removeAttribute('aria-invalid');
    await api.storage.local.set({ [keyOf(host)]: false });
    input.value = '';
    setStatus(t('optionsSaved'));
  }

  // -------------------------------------------------------------------------------------------------
  // Shortcuts, as the browser has them now (the reader may have changed them).

  /**
   * A command as the reader knows it. The browser lists its own commands too, without a
   * description: Chrome's `_execute_action` (the toolbar button, whose click turns highlights on or
   * off), Firefox's `_execute_sidebar_action` (the claims panel, described in the manifest).
   */
  function describeCommand(command) {
    if (command.description) return command.description;
    if (command.name === '_execute_action' || command.name === '_execute_browser_action') return t('commandAction');
    if (command.name === '_execute_sidebar_action' || command.name === 'open-panel') return t('commandPanel');
    return command.name;
  }

  /** Opens the browser's shortcut settings: Firefox has an API for it (137+); Chrome a page. */
  async function openShortcutSettings() {
    const where = 'chrome://extensions/shortcuts';
    try {
      if (typeof api.commands.openShortcutSettings === 'function') await api.commands.openShortcutSettings();
      else await api.tabs.create({ url: where });
    } catch {
      setStatus(t('optionsShortcutSettingsFailed', typeof api.commands.openShortcutSettings === 'function' ? 'about:addons' : where));
    }
  }

  async function renderShortcuts() {
    let commands = [];
    try {
      commands = await api.commands.getAll();
    } catch {
      return;
    }
    $('shortcuts').replaceChildren(
      ...commands.map((c) => {
        const item = document.createElement('li');
        const key = document.createElement('kbd');
        key.textContent = c.shortcut || t('optionsShortcutNone');
        item.dataset.command = c.name;
        item.append(key, ` — ${describeCommand(c)}`);
        return item;
      }),
    );
  }

  // -------------------------------------------------------------------------------------------------

  function localise() {
    document.title = t('optionsTitle');
    for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  }

  function renderAll() {
    renderKinds();
    renderModel();
    renderPalette();
    renderWords();
    return Promise.all([renderSites(), renderWholeSites()]);
  }

  async function start() {
    localise();
    settings = await Settings.load();
    await renderAll();
    renderShortcuts();
    for (const radio of document.querySelectorAll('input[name=palette]')) {
      radio.addEventListener('change', () => radio.checked && save({ palette: radio.value }));
    }
    $('trained-model').addEventListener('change', saveModel);
    $('enabled-by-default').addEventListener('change', (e) => save({ enabledByDefault: e.target.checked }));
    $('words').addEventListener('submit', saveWords);
    $('add-site').addEventListener('submit', (e) => addHost(e, 'site-name', siteKey));
    $('add-whole-site').addEventListener('submit', (e) => addHost(e, 'whole-site-name', focusKey));
    $('shortcut-settings').addEventListener('click', openShortcutSettings);
    api.storage.onChanged.addListener(async (changes, area) => {
      if (area === 'local' && Object.keys(changes).some((k) => k.startsWith(SITE_PREFIX))) renderSites();
      if (area === 'local' && Object.keys(changes).some((k) => k.startsWith(FOCUS_PREFIX))) renderWholeSites();
      if (!Settings.touched(changes, area)) return;
      settings = await Settings.load();
      // Re-render what changed elsewhere (another device, another options tab); a word list being
      // edited here is not overwritten unless it is the one that changed.
      if ('kinds' in changes || 'showAnonymous' in changes) renderKinds();
      if ('trainedModel' in changes) renderModel();
      if ('palette' in changes) renderPalette();
      if ('extraCues' in changes || 'ignoreWords' in changes) renderWords();
      if ('enabledByDefault' in changes) renderSites();
    });
  }

  start().catch((error) => setStatus(t('optionsSaveFailed', error?.message ?? String(error))));
})();
