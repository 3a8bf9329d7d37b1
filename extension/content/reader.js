// Content script: the reader's side of a page, wired together. content.js owns the claims and calls
// connect() once with its view of the page; this file joins the card (card.js), navigation
// (content/navigate.js), the palette (content/palette.js) and the panel's data
// (content/panel-data.js) to it, applies the reader's settings live, and answers the messages of the
// panel and the keyboard commands. Defines allegedlyReader in the content scripts' own world.
(() => {
  'use strict';

  const { api, MSG, fromUs, siteKey, t } = globalThis.Allegedly;
  const Settings = globalThis.AllegedlySettings;
  const { plural } = globalThis.AllegedlyCategories;
  const Marks = globalThis.AllegedlyMarks;
  const Card = globalThis.AllegedlyCard;
  const Navigate = globalThis.AllegedlyNavigate;
  const Palette = globalThis.AllegedlyPalette;
  const PanelData = globalThis.AllegedlyPanelData;

  let page = null; // content.js's view (connect)
  let settings = Settings.normalise();
  const enabled = () => !!page?.isEnabled();

  async function followDefault() {
    // A new default applies to sites without a choice of their own.
    const key = siteKey(page.site);
    const stored = await api.storage.local.get(key);
    if (typeof stored[key] !== 'boolean') page.setEnabled(settings.enabledByDefault);
  }

  function onSettingsChanged(changes, area) {
    const what = Settings.touched(changes, area);
    if (!what || !page) return;
    Settings.load().then((fresh) => {
      settings = fresh;
      if (what.palette) Palette.apply(settings.palette, enabled());
      if (what.kinds) page.refilter();
      if (what.analyzer) page.reanalyse();
      if (what.enabledByDefault) return followDefault();
      return undefined;
    }).catch((error) => console.warn('allegedly: could not apply the new settings', error));
  }

  function onMessage(msg, sender, sendResponse) {
    if (!fromUs(sender) || !msg || !page) return false;
    switch (msg.type) {
      case MSG.CLAIMS:
        sendResponse({
          site: page.site,
          url: location.href,
          title: document.title,
          state: enabled() ? 'on' : 'off',
          claims: enabled() ? PanelData.describeClaims() : [],
          hidden: enabled() ? PanelData.hiddenCounts() : {},
          focus: page.focusState?.() ?? null,
        });
        return false;
      case MSG.FOCUS_CLAIM: {
        const mark = enabled() ? PanelData.markById(msg.id) : null;
        if (mark) Navigate.focusMark(mark);
        sendResponse({ found: !!mark });
        return false;
      }
      case MSG.NAVIGATE:
        sendResponse({ moved: Navigate.navigate(msg.step < 0 ? -1 : 1) });
        return false;
      default:
        return false;
    }
  }

  /**
   * content.js calls this once with its view of the page:
   * { site, isEnabled(), setEnabled(on), refilter(), reanalyse(), focusState() }.
   * It gets back the hooks it calls: ready, shows(mark), defaultEnabled(), on(), off(), changed(),
   * toggled(enabled, count), teardown().
   */
  function connect(view) {
    page = view;
    Card.use({ focused: Navigate.focused });
    Navigate.use({ enabled });
    const ready = Settings.load().then((loaded) => {
      settings = loaded;
    });
    api.storage.onChanged.addListener(onSettingsChanged);
    api.runtime.onMessage.addListener(onMessage);
    return {
      ready,
      shows: (mark) => Settings.shows(settings, mark.claim),
      defaultEnabled: () => settings.enabledByDefault,
      on() {
        Card.listen(true);
        Palette.apply(settings.palette, true);
      },
      off() {
        Card.listen(false);
        Card.hide();
        Card.removeHost(); // announcements too: off leaves no node behind (an "off" announcement comes after)
        Navigate.reset();
        Palette.apply(settings.palette, false);
      },
      changed() {
        // Only forgets: the order and the indexes are rebuilt when next needed.
        Marks.forgetOrder();
        const shown = Card.current();
        if (shown && !shown.claimRange?.startContainer.isConnected) Card.hide();
        Navigate.changed();
      },
      toggled(on, count) {
        if (on) Card.announce(count > 0 ? plural(t, 'announceOnCount', count) : t('announceOn'));
        else Card.announce(t('announceOff'));
      },
      teardown() {
        Card.listen(false);
        Navigate.unflash();
        Palette.apply(settings.palette, false);
        Card.removeHost();
        api.storage.onChanged.removeListener(onSettingsChanged);
        api.runtime.onMessage.removeListener(onMessage);
        page = null;
      },
    };
  }

  globalThis.allegedlyReader = Object.freeze({ connect });
})();
