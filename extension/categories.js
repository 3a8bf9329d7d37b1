// What the extension and the playground both compute and say about claims, defined once
// (tools/package.mjs copies this file into www/): the vocabulary (kinds, stances, specificity: which
// words name them, in _locales/en/messages.json), the highlight a claim paints in and the kind a reader
// filters by, how far its background reaches, the stacking order of the highlights, grouping by source
// and the sourcing summary (the panel, the playground), plurals, and the context each analysis request
// carries. So a claim looks, groups and reads the same on a news page, in the panel and in the
// playground. A classic script (see common.js for the form); it defines one global,
// AllegedlyCategories, in the extension's own world (pages never see a content script's globals).
(() => {
  'use strict';

  /** Claim backgrounds, one Highlight each; named `allegedly-<category>` in highlights.css. */
  const CLAIMS = Object.freeze(['attributed', 'unsourced', 'hedged', 'distancing']);
  /**
   * Drawn over the backgrounds: who stands behind the claim (`source`, or `anonymous` when the
   * analyzer calls the source unnamed people: "officials", "people familiar with the matter"), and
   * the words that make it one (`cue`).
   */
  const MARKS = Object.freeze(['source', 'anonymous', 'cue']);

  /** Where claims overlap, distancing paints over hedged over unsourced over attributed; marks on top. */
  const PRIORITY = Object.freeze({ attributed: 1, unsourced: 2, hedged: 3, distancing: 4, source: 5, anonymous: 6, cue: 7 });

  /**
   * The kinds a reader can turn on and off (options, panel), finer than the four highlight colours:
   * neutral "said" attributions are everywhere in news, so they have a switch of their own, apart
   * from the other attributions (confirmed, revealed, believed…).
   */
  const KINDS = Object.freeze(['neutral', 'attributed', 'distancing', 'hedged', 'unsourced']);

  /** The kind a claim is filtered by: its analyzer kind, attributions split by their cue's stance. */
  function kindOf(claim) {
    if (claim.kind === 'hedged') return 'hedged';
    if (claim.kind === 'unsourced') return 'unsourced';
    if (claim.stance === 'distancing') return 'distancing';
    if (claim.stance === 'neutral') return 'neutral';
    return 'attributed';
  }

  /** The category a claim is drawn in: its kind, with neutral and other attributions one colour. */
  function categoryOf(claim) {
    const kind = kindOf(claim);
    return kind === 'neutral' ? 'attributed' : kind;
  }

  /** The source's specificity (issue 17): 'named', 'anonymous', or null (no source, or not known). */
  const specificityOf = (claim) => (claim?.specificity === 'named' || claim?.specificity === 'anonymous' ? claim.specificity : null);

  // -------------------------------------------------------------------------------------------------
  // The vocabulary. Every surface (card, panel, options, playground, exports, announcements, README)
  // names kinds, stances and specificity with these messages and no others; the words themselves are
  // in _locales/en/messages.json. A kind's label is the same word on the card's heading, the panel's
  // tag and filter, the options' switch and the legend; its help gives the cue words that make it.
  // One rule settles "believed": a source that believes ("officials believe that…") is an attribution
  // (`attributed`); "is believed to" with nobody named is the writer's hedge (`hedged`).

  const VOCABULARY = Object.freeze({
    /** Per kind: [label, help with examples]. */
    kinds: Object.freeze(Object.fromEntries(KINDS.map((k) => [k, Object.freeze([`kind_${k}`, `kindHelp_${k}`])]))),
    /** Per highlight category (the legend): [label, help]. */
    categories: Object.freeze(Object.fromEntries([...CLAIMS, ...MARKS].map((c) => [c, Object.freeze([`category_${c}`, `categoryHelp_${c}`])]))),
    /** Per cue stance: what the cue word says about the writer. */
    stances: Object.freeze({ neutral: 'stance_neutral', distancing: 'stance_distancing', hedge: 'stance_hedge', factive: 'stance_factive' }),
    /** Per source specificity: the source line's label ("anonymous source: officials"). */
    specificity: Object.freeze({ named: 'specificity_named', anonymous: 'specificity_anonymous' }),
  });

  const kindLabel = (t, kind) => t(VOCABULARY.kinds[kind]?.[0] ?? 'kind_attributed');
  const kindHelp = (t, kind) => t(VOCABULARY.kinds[kind]?.[1] ?? 'kindHelp_attributed');

  /**
   * `name`'s plural form for `count` by the locale's plural rules (Intl.PluralRules): the message
   * `<name>_<rule>` ("one", "few", "many", "other"…), falling back to `<name>_other`; `$1` is the
   * count, formatted for the locale, `$2…` are `subs`.
   */
  function plural(t, name, count, ...subs) {
    const locale = pluralLocale(t);
    let rule = 'other';
    try {
      rule = new Intl.PluralRules(locale).select(count);
    } catch {
      // An unknown locale tag: English rules are the fallback below.
    }
    const formatted = Number.isFinite(count) ? count.toLocaleString(locale) : String(count);
    const message = t(`${name}_${rule}`, formatted, ...subs);
    return message === `${name}_${rule}` ? t(`${name}_other`, formatted, ...subs) : message;
  }
  const pluralLocale = (t) => {
    const tag = t('@@ui_locale');
    return tag && tag !== '@@ui_locale' ? tag.replace(/_/g, '-') : 'en';
  };

  /**
   * What a claim means, in the reader's words: [kind, source, cue] lines for a claim ({ kind, stance,
   * specificity?, antecedent? }) whose source and cue read `sourceText` and `cueText` ('' when none).
   * The card, its aria label, the announcement and the exports all say it with these lines.
   */
  function explainLines(t, claim, sourceText, cueText) {
    const kind = kindLabel(t, kindOf(claim));
    const spec = specificityOf(claim);
    const label = t(spec ? VOCABULARY.specificity[spec] : 'specificity_unknown');
    let source;
    if (sourceText && claim.antecedent) source = t('cardSourceAntecedent', label, sourceText, claim.antecedent);
    else if (sourceText) source = t('cardSource', label, sourceText);
    else source = t(claim.kind === 'hedged' ? 'cardSourceWriter' : 'cardSourceNone');
    const cue = t('cardCue', cueText, t(VOCABULARY.stances[claim.stance] ?? 'stance_neutral'));
    return [kind, source, cue];
  }

  /**
   * A t() over a parsed messages.json, for pages without the extension's i18n API (the playground),
   * with its rules: `$NAME$` is the named placeholder's content, `$1…$9` the substitutions, `$$` a
   * dollar sign; a missing message is its name, like common.js's t(); `@@ui_locale` is `locale`.
   */
  function translator(messages, locale = 'en') {
    return (name, ...subs) => {
      if (name === '@@ui_locale') return locale;
      const entry = messages?.[name];
      if (!entry || typeof entry.message !== 'string') return name;
      const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([k, v]) => [k.toLowerCase(), String(v?.content ?? '')]));
      const filled = entry.message.replace(/\$([A-Za-z0-9_@]+)\$/g, (all, key) => placeholders[key.toLowerCase()] ?? all);
      return filled.replace(/\$(\$|[1-9])/g, (all, d) => (d === '$' ? '$' : String(subs[Number(d) - 1] ?? '')));
    };
  }

  /** The extent a claim's background covers: from the first to the last of its cue, source and content. */
  function claimExtent(claim) {
    const spans = [claim.cue, claim.source, claim.content].filter(Boolean);
    return [Math.min(...spans.map((s) => s[0])), Math.max(...spans.map((s) => s[1]))];
  }

  /**
   * One tint per claim (issue 17): where the extents of a block's claims overlap, each character is
   * painted by one claim only, the innermost (the shortest extent covering it), on a tie the one that
   * starts first in the sentence, then (the same extent: a writer's hedge over a whole sentence that
   * also reports a source) the higher of `ranks` (PRIORITY of its category), then the first listed. Returns, per extent, null when the claim
   * paints its whole extent (the usual case: no overlap), else the spans it paints, maybe none (an
   * identical extent listed earlier paints it). Before, a sentence with a hedge inside a "said" was
   * two tints blended into an unlabelled brown.
   */
  function paintSpans(extents, ranks = []) {
    const out = extents.map(() => null);
    if (extents.length < 2) return out;
    const order = extents.map((e, i) => i).sort((a, b) => extents[a][0] - extents[b][0] || a - b);
    // Only claims that overlap another need the sweep; most blocks have none.
    const overlapping = new Set();
    let reach = -1;
    let holder = -1;
    for (const i of order) {
      if (extents[i][0] < reach) {
        overlapping.add(i);
        overlapping.add(holder);
      }
      if (extents[i][1] > reach) {
        reach = extents[i][1];
        holder = i;
      }
    }
    if (!overlapping.size) return out;
    // Every claim that overlaps, even one covered by a longer claim that does not reach the holder.
    for (const i of order) for (const j of order) if (i !== j && extents[i][0] < extents[j][1] && extents[j][0] < extents[i][1]) overlapping.add(i);
    const list = [...overlapping];
    const points = [...new Set(list.flatMap((i) => extents[i]))].sort((a, b) => a - b);
    const painted = new Map(list.map((i) => [i, []]));
    for (let k = 0; k + 1 < points.length; k++) {
      const [from, to] = [points[k], points[k + 1]];
      let best = -1;
      for (const i of list) {
        const [s, e] = extents[i];
        if (s > from || e < to) continue;
        if (best < 0) best = i;
        else {
          const lb = extents[best][1] - extents[best][0];
          const li = e - s;
          const [ri, rb] = [ranks[i] ?? 0, ranks[best] ?? 0];
          if (li < lb || (li === lb && (s < extents[best][0] || (s === extents[best][0] && (ri > rb || (ri === rb && i < best)))))) best = i;
        }
      }
      if (best < 0) continue;
      const spans = painted.get(best);
      const last = spans[spans.length - 1];
      if (last && last[1] === from) last[1] = to;
      else spans.push([from, to]);
    }
    for (const [i, spans] of painted) {
      const whole = spans.length === 1 && spans[0][0] === extents[i][0] && spans[0][1] === extents[i][1];
      out[i] = whole ? null : spans;
    }
    return out;
  }

  // -------------------------------------------------------------------------------------------------
  // Grouping by source: by the real source, not its spelling. "The ministry" and "ministry" are one;
  // "Jo Grady, the UCU general secretary" is Jo Grady (an apposition is cut at its comma); "Meadows"
  // and "Mr Meadows" are "Mark Meadows" when the article names exactly one Meadows in full. A source
  // that names nobody ("he" with no antecedent, "which", a bare "the") is no source: it joins the
  // unnamed group, which is never counted as a source.

  /** Titles before a surname: "Mr Meadows", "Senator Smith" are Meadows and Smith. */
  const TITLES = new Set(
    'mr mr. mrs mrs. ms ms. miss dr dr. prof prof. professor sir dame lord lady sen. sen senator rep. rep representative gov. gov governor president gen. gen general col. col colonel capt. capt captain judge justice minister secretary chancellor mayor chief'.split(' '),
  );
  /** Words that name nobody on their own: a "source" made only of these is a fragment. */
  const NOBODY = new Set('he she it they we i you him her them his its their who whom whose which that this these those what one someone somebody the a an'.split(' '));
  /** Words a name never ends with: a "source" cut off after one ("a report highlighting the") is a fragment. */
  const DANGLING = new Set('the a an of to and or but that which who whom whose with for in on at by from as than its their his her'.split(' '));

  /**
   * The source's words as the panel shows them: spacing squashed, an apposition cut at its comma, and
   * the verb of an inverted report dropped ("…, says a report" gave the source "says a report").
   */
  function displaySource(source) {
    if (!source) return '';
    const squashed = source.replace(/\s+/g, ' ').trim().replace(/^(says|said|adds|added|told|writes|wrote) (?=\S)/i, '');
    const head = squashed.split(',')[0].trim();
    return head || squashed;
  }

  /**
   * How a source is grouped: case, spacing, a leading article and an apposition after a comma do not
   * make two sources ("The ministry", "the  Ministry" and "ministry" are one); '' for no source and for
   * fragments that name nobody.
   */
  function sourceKey(source) {
    const key = displaySource(source).toLowerCase().replace(/^(the|a|an) /, '').replace(/[’']s$/, '');
    if (!/\p{L}/u.test(key)) return '';
    const words = key.split(' ');
    if (words.every((word) => NOBODY.has(word)) || DANGLING.has(words[words.length - 1])) return '';
    return key;
  }

  /** A proper name: every word capitalised (particles like "de", "van", "al-" aside). */
  const isProperName = (text) => text.split(' ').every((w) => /^\p{Lu}/u.test(w) || /^(de|da|del|der|di|du|la|le|van|von|bin|al-\S*|el-\S*)$/.test(w));

  /** The surname a short source stands for ("Meadows", "Mr Meadows" → "meadows"), or null. */
  function surnameOf(group) {
    const words = group.key.split(' ');
    const first = group.source.split(' ');
    let i = 0;
    while (i < words.length - 1 && TITLES.has(words[i])) i++;
    return i === words.length - 1 && /^\p{Lu}/u.test(first[first.length - 1]) ? words[i] : null;
  }

  /**
   * Items grouped by source, added one at a time (the playground adds tens of thousands in time
   * slices). Each group is { key, source, claims, specificity }: `source` is the fullest spelling met
   * (the first of equal length), or null; `specificity` the claims' most frequent one, or null.
   */
  class SourceGroups {
    #groups = new Map();

    /**
     * Adds `item` under `source` (the source's text, or ''/null/undefined for none) with the
     * source's `specificity` ('named', 'anonymous', or null).
     */
    add(item, source, specificity = null) {
      const key = sourceKey(source);
      let group = this.#groups.get(key);
      if (!group) {
        group = { key, source: key ? displaySource(source) : null, claims: [], specificities: { named: 0, anonymous: 0 } };
        this.#groups.set(key, group);
      }
      group.claims.push(item);
      if (specificity === 'named' || specificity === 'anonymous') group.specificities[specificity]++;
    }

    /**
     * The groups, surnames folded into the one full name they match; most-quoted sources first, the
     * unnamed group last, otherwise first met first (a stable sort).
     */
    sorted() {
      const groups = [...this.#groups.values()].map((g) => ({ ...g, claims: [...g.claims], specificities: { ...g.specificities } }));
      // Full proper names by their last word: "meadows" → [Mark Meadows]; two Meadows: no folding.
      const fullNames = new Map();
      for (const group of groups) {
        if (!group.key || !group.key.includes(' ') || !isProperName(group.source)) continue;
        const words = group.key.split(' ');
        if (TITLES.has(words[0]) && words.length === 2) continue; // "Mr Meadows" is not a full name
        const last = words[words.length - 1];
        fullNames.set(last, [...(fullNames.get(last) ?? []), group]);
      }
      const folded = new Set();
      for (const group of groups) {
        if (!group.key) continue;
        const surname = surnameOf(group);
        const matches = surname ? fullNames.get(surname) : null;
        if (matches?.length !== 1 || matches[0] === group) continue;
        const into = matches[0];
        into.claims.push(...group.claims);
        into.specificities.named += group.specificities.named;
        into.specificities.anonymous += group.specificities.anonymous;
        folded.add(group);
      }
      return groups
        .filter((g) => !folded.has(g))
        .map(({ specificities, ...g }) => ({
          ...g,
          specificity: specificities.anonymous > specificities.named ? 'anonymous' : specificities.named > 0 ? 'named' : null,
        }))
        .sort((a, b) => (a.key === '') - (b.key === '') || b.claims.length - a.claims.length);
    }
  }

  /** `items` grouped by `sourceOf(item)` (and `specificityOf(item)`), in SourceGroups order. */
  function groupBySource(items, sourceOf, specificityOfItem = () => null) {
    const groups = new SourceGroups();
    for (const item of items) groups.add(item, sourceOf(item), specificityOfItem(item));
    return groups.sorted();
  }

  // -------------------------------------------------------------------------------------------------
  // The sourcing summary (the panel's top, the playground, the exports): how many claims, how many of
  // them from named and from anonymous sources, hedged by the writer, unsourced, and with a source
  // the analyzer could not place; the most quoted sources. The five shares are exclusive and add up
  // to the total, in this order of precedence: a claim with a named or anonymous source counts there
  // whatever its kind.

  const SHARES = Object.freeze(['named', 'anonymous', 'hedged', 'unsourced', 'unclear']);

  /** Which share a claim ({ kind: filter kind, specificity, source }) counts in. */
  function shareOf(item) {
    const spec = specificityOf(item);
    if (spec && item.source) return spec;
    if (item.kind === 'hedged') return 'hedged';
    if (item.kind === 'unsourced' || !sourceKey(item.source)) return 'unsourced';
    return 'unclear';
  }

  /**
   * { total, shares: { named, anonymous, hedged, unsourced, unclear }, sources (how many real sources),
   * top: [{ source, count, specificity }] } for `groups` (SourceGroups.sorted() of items as shareOf
   * takes them); `top` holds at most `limit` sources.
   */
  function summarise(groups, limit = 5) {
    const shares = Object.fromEntries(SHARES.map((s) => [s, 0]));
    let total = 0;
    for (const group of groups) {
      for (const item of group.claims) {
        total++;
        shares[shareOf(item)]++;
      }
    }
    const named = groups.filter((g) => g.key);
    return {
      total,
      shares,
      sources: named.length,
      top: named.slice(0, limit).map((g) => ({ source: g.source, count: g.claims.length, specificity: g.specificity })),
    };
  }

  // -------------------------------------------------------------------------------------------------
  // Context. Each analysis request carries the text just before its first block, which the analyzer
  // reads for the people it names: "he said" at the top of one request may stand for a senator the
  // previous one quoted. The analyzer looks back 1,500 bytes at most; the content script's messages
  // and the playground's chunks pass the same.

  const CONTEXT_CHARS = 1_500;

  /**
   * The last blocks' texts, `chars` of them at most (the earliest cut at its start): the context of
   * the next request. It holds only the blocks that reach into the last `chars`, so push() and
   * texts() cost at most those, however long the text before them.
   */
  class RecentText {
    #texts = [];
    #chars = 0;

    constructor(chars = CONTEXT_CHARS) {
      this.limit = chars;
    }

    push(text) {
      this.#texts.push(text);
      this.#chars += text.length;
      while (this.#chars - this.#texts[0].length >= this.limit) this.#chars -= this.#texts.shift().length;
    }

    clear() {
      this.#texts = [];
      this.#chars = 0;
    }

    texts() {
      const over = this.#chars - this.limit;
      return over > 0 ? [this.#texts[0].slice(over), ...this.#texts.slice(1)] : [...this.#texts];
    }
  }

  globalThis.AllegedlyCategories = Object.freeze({
    CLAIMS,
    MARKS,
    PRIORITY,
    KINDS,
    kindOf,
    categoryOf,
    claimExtent,
    paintSpans,
    specificityOf,
    VOCABULARY,
    kindLabel,
    kindHelp,
    plural,
    explainLines,
    translator,
    displaySource,
    sourceKey,
    SourceGroups,
    groupBySource,
    SHARES,
    shareOf,
    summarise,
    CONTEXT_CHARS,
    RecentText,
  });
})();
