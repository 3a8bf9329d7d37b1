// The analyzer's cue lexicon as one JavaScript regex, for the mark.js peer: the same words the wasm
// looks for, read from the Rust tables (src/lexicon/tables.rs) and inflected by the same rule as
// src/lexicon/mod.rs `inflect`, so the peer marks what our analyzer would consider, no more, no less.
// Context rules (is "report" a noun here?) are the analyzer's extra work; the peer skips them.
import { readFileSync } from 'node:fs';
import path from 'node:path';

/** Regular inflections `[3sg, past, participle, gerund]`, as `inflect` in src/lexicon/mod.rs. */
export function inflect(lemma) {
  const space = lemma.indexOf(' ');
  if (space > 0) {
    const particle = lemma.slice(space + 1);
    return inflect(lemma.slice(0, space)).map((form) => `${form} ${particle}`);
  }
  const stemE = lemma.endsWith('e') ? lemma.slice(0, -1) : null;
  const consonantY = lemma.endsWith('y') && !/[aeou]y$/.test(lemma) ? lemma.slice(0, -1) : null;
  let third;
  if (consonantY !== null) third = `${consonantY}ies`;
  else if (/(?:[sxz]|sh|ch)$/.test(lemma)) third = `${lemma}es`;
  else third = `${lemma}s`;
  let past;
  if (stemE !== null) past = `${stemE}ed`;
  else if (consonantY !== null) past = `${consonantY}ied`;
  else past = `${lemma}ed`;
  const gerund = stemE !== null && !lemma.endsWith('ee') ? `${stemE}ing` : `${lemma}ing`;
  return [third, past, past, gerund];
}

/** The body of a `pub static NAME: … = &[ … ];` table, or null when there is none. */
function table(source, name) {
  const start = source.indexOf(`pub static ${name}:`);
  if (start < 0) return null;
  const open = source.indexOf('&[', source.indexOf('=', start));
  return source.slice(open, source.indexOf('];', open));
}

/**
 * Every surface form of the built-in lexicon (lower case), from the Rust source. Throws when the
 * tables cannot be read, rather than benchmarking the peer against a guessed word list.
 */
export function cueForms(root) {
  const file = path.join(root, 'src/lexicon/tables.rs');
  const source = readFileSync(file, 'utf8');
  const forms = new Set();
  const verbs = table(source, 'VERBS');
  if (verbs) {
    for (const line of verbs.split('\n')) {
      // v("claim", …) | irr("say", ["says", "said", "said", "saying"], …), optionally in skip(…, &[…]).
      const lemma = /\b(?:v|irr)\("([^"]+)"/.exec(line);
      if (!lemma) continue;
      const irregular = /\birr\("[^"]+",\s*\[([^\]]*)\]/.exec(line);
      const inflected = irregular ? [...irregular[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]) : inflect(lemma[1]);
      const skipped = /&\[([^\]]*)\]\)\s*,?\s*$/.exec(line.replace(/\)\),\s*$/, ')),'));
      const skip = new Set(skipped ? [...skipped[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]) : []);
      for (const form of [lemma[1], ...inflected]) if (!skip.has(form)) forms.add(form);
    }
  }
  for (const name of ['PHRASES', 'MODALS']) {
    const body = table(source, name);
    if (!body) continue;
    // PHRASES rows are ("phrase", Role, Stance); MODALS a plain list of strings.
    const literals = name === 'PHRASES' ? [...body.matchAll(/\(\s*"([^"]+)"/g)] : [...body.matchAll(/"([^"]+)"/g)];
    for (const m of literals) forms.add(m[1]);
  }
  for (const must of ['said', 'claimed', 'according to', 'allegedly']) {
    if (!forms.has(must)) throw new Error(`could not read the cue lexicon from ${file} (no "${must}"); update tools/bench/lexicon.mjs`);
  }
  return [...forms].map((f) => f.toLowerCase()).sort();
}

/** One case-insensitive regex source for the forms: whole words, longest first, any spaces in phrases. */
export function lexiconPattern(forms) {
  const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const alternatives = [...forms].sort((a, b) => b.length - a.length || a.localeCompare(b)).map((f) => f.split(' ').map(escape).join('\\s+'));
  return `\\b(?:${alternatives.join('|')})\\b`;
}
