/**
 * The question as the bot scores it: its content words (frame words such as
 * "quel", "combien" removed), each with the forms it may take in the
 * documents and a rarity weight; multi-word names whose words only count
 * together; hits' typo corrections added per passage.
 */
import type { Lang } from '../ingest/types.js';
import type { PassageSearch, SearchHit } from '../index/types.js';
import { editDistance, oneSlip } from '../text/edit-distance.js';
import { groupMatches, groupsOf, isPhraseTerm, minimalSpan, rarity, type TermGroup } from './sentences.js';

/** A question word as the bot scores it: its analysed term and the forms it may take in the documents. */
export interface QuestionTerm {
  term: string;
  forms: Set<string>;
  /** Position of the first word of the multi-word name or term it belongs to. */
  phrase?: number;
  /** The word is a known acronym. */
  acronym?: boolean;
}

export interface TermTools {
  /** The index's analyzer (same terms as `documentFrequency` and `SearchHit.terms`). */
  analyze(text: string, lang?: Lang): string[];
  /** Other analysed forms a question term may take in documents (translations, synonyms, acronyms). */
  expand?(term: string, lang: Lang): string[];
  /**
   * A document text's terms: `analyze`'s, plus one term for each multi-word phrase a question word may
   * stand for (« base de données » for "database", its terms joined by `+`). Default: `analyze`.
   */
  document?(text: string, lang: Lang): string[];
  /**
   * The question's terms with their document forms (overrides analyze + expand when given);
   * `phrase` (the position of its first word) groups the words of a multi-word name or term.
   */
  question?(text: string, lang: Lang): QuestionTerm[];
}

/** Question terms with their forms and rarity weights, question frame words removed. */
export function termGroups(
  question: string,
  lang: Lang,
  tools: TermTools,
  index: PassageSearch,
  frame: Set<string>,
): TermGroup[] {
  const groups: TermGroup[] = [];
  const seen = new Set<string>();
  const terms: QuestionTerm[] =
    tools.question?.(question, lang) ??
    tools.analyze(question, lang).map((term) => ({ term, forms: new Set([term, ...(tools.expand?.(term, lang) ?? [])]) }));
  const phraseOf = new Map<string, number>();
  for (const { term, forms, phrase, acronym } of terms) {
    if (seen.has(term) || frame.has(term)) continue;
    seen.add(term);
    // A phrase term's count is only bounded by its words' (the index keeps none): it weighs the word only
    // when nothing else does.
    let df = 0;
    let phraseDf = 0;
    for (const f of forms) {
      if (isPhraseTerm(f)) phraseDf = Math.max(phraseDf, phraseFrequency(f, index));
      else df = Math.max(df, index.documentFrequency(f));
    }
    df ||= phraseDf;
    groups.push({ term, forms, weight: df ? rarity(df, index.passageCount) : 0, ...(acronym ? { acronym } : {}) });
    if (phrase !== undefined) phraseOf.set(term, phrase);
  }
  // A lexicon phrase counts as a name only when at least two of its words remain question terms.
  const phraseSize = new Map<number, number>();
  for (const p of phraseOf.values()) phraseSize.set(p, (phraseSize.get(p) ?? 0) + 1);
  // A word the corpus never uses: in a French question it names something the documents do not talk
  // about, so it weighs more than any known word (and becomes the word an answer must contain); in an
  // English question it is more likely a word the bilingual lexicon lacks, so it weighs like a typical
  // one, unless it is a proper name (capitalised inside the question), which names a topic in any language.
  const known = groups.filter((g) => g.weight > 0).map((g) => g.weight).sort((a, b) => a - b);
  const strong = !known.length ? rarity(0, index.passageCount) : (known[known.length - 1] ?? 1) * 1.1;
  const typical = known[Math.floor(known.length / 2)] ?? strong;
  const names = capitalisedWords(question).join(' ');
  const proper = new Set(names ? tools.analyze(names, lang) : []);
  const unknownWeight = (g: TermGroup): number => (lang === 'fr' || proper.has(g.term) ? strong : typical);
  // A known word's rarity says less past a point: an inflected verb ("détiennent", "revient") is rare as
  // a form, not as a notion, and would otherwise outweigh the rest of the question.
  const ceiling = known.length >= 3 ? typical * KNOWN_CEILING : Infinity;
  const phrases = nameRuns(question).map((run) => tools.analyze(run, lang)).filter((terms) => terms.length > 1);
  return groups.map((g) => {
    const run = phrases.findIndex((terms) => terms.includes(g.term));
    const phrase = phraseOf.get(g.term);
    // Capitalised runs are numbered from 0; lexicon phrases after them, by the position of their first word.
    const name = run >= 0 ? run : phrase !== undefined && (phraseSize.get(phrase) ?? 0) > 1 ? phrases.length + phrase : undefined;
    const weighted = g.weight > 0 ? { ...g, weight: Math.min(g.weight, ceiling) } : { ...g, weight: unknownWeight(g), unknown: true };
    return name !== undefined ? { ...weighted, name } : weighted;
  });
}

/** A phrase term's passages, at most those of its rarest word (the index keeps no phrase counts). */
function phraseFrequency(joined: string, index: PassageSearch): number {
  return Math.min(...joined.split('+').map((t) => index.documentFrequency(t)));
}

const documentAnalyzers = new WeakMap<TermTools, (text: string, lang?: Lang) => string[]>();

/** The analyser of passage texts: the tools' `document` when they have one (one function per tools: caches key on it). */
export function documentAnalyzer(tools: TermTools): (text: string, lang?: Lang) => string[] {
  let a = documentAnalyzers.get(tools);
  if (!a) {
    const document = tools.document;
    a = document ? (text, lang) => document(text, lang ?? 'fr') : tools.analyze;
    documentAnalyzers.set(tools, a);
  }
  return a;
}

/** A known word weighs at most this many times the question's median known word (same results from 1.3 to 2). */
const KNOWN_CEILING = 1.6;

/**
 * A multi-word name's words side by side (give or take a word) in one of the texts, as several words:
 * a translation lends every word of "Cour des comptes" the form "court", so "contrats courts" alone
 * would otherwise count as the whole name. `all`, the question's groups the name's are part of, lets the
 * matches be read from their per-question memo.
 */
export function nameFound(name: TermGroup[], texts: string[][], all?: TermGroup[]): boolean {
  const width = name.length + 1;
  // Plain loops, and a text is left at the first word of the name it lacks: this runs for every candidate quote.
  next: for (const terms of texts) {
    const lists: number[][] = [];
    for (const g of name) {
      const at: number[] = [];
      const gi = all ? all.indexOf(g) : -1;
      // Word positions: a phrase term (sentences.ts) takes the position of the word after it.
      for (let i = 0, pos = 0; i < terms.length; i++) {
        const t = terms[i] as string;
        if (all ? groupsOf(all, t).includes(gi) : groupMatches(g, t)) at.push(pos);
        if (!isPhraseTerm(t)) pos++;
      }
      if (!at.length) continue next;
      lists.push(at);
    }
    if (minimalSpan(lists) > width) continue;
    if (name.length < 2) return true;
    const starts = [...new Set(lists.flat())];
    const side = starts.some((s) => {
      const inside = lists.map((l) => l.filter((p) => p >= s && p < s + width));
      return inside.every((l) => l.length) && new Set(inside.flat()).size >= 2;
    });
    if (side) return true;
  }
  return false;
}

/** Small words that may sit inside a name ("Manufacture des Gobelins", "Court of Audit"). */
const PARTICLES = new Set(['de', 'des', 'du', 'la', 'le', 'les', 'of', 'the', 'and', 'et']);

/** Capitalised words inside the question (not its first word), elision and punctuation off: « qu'Etalab » → Etalab. */
export function capitalisedWords(question: string): string[] {
  return question
    .split(/\s+/)
    .slice(1)
    .map((w) => w.replace(/^\p{L}{1,5}['’]/u, '').replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((w) => w.length >= 2 && /^\p{Lu}/u.test(w));
}

/**
 * Multi-word proper names inside the question (not its first word): runs of capitalised words, small
 * particles between them allowed, and capitalised hyphenated words ("Météo-France", "Castelnau-le-Lez").
 */
export function nameRuns(question: string): string[] {
  const runs: string[] = [];
  let run: string[] = [];
  let pending: string[] = [];
  const close = () => {
    if (run.length > 1) runs.push(run.join(' '));
    run = [];
    pending = [];
  };
  for (const w of question.split(/\s+/).slice(1)) {
    // An elided article ("d'UDAF", "l'ONPMP") starts another noun phrase.
    if (/^[dl]['’]/iu.test(w)) close();
    const bare = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '').replace(/^[dl]['’]/iu, '');
    // Two acronyms side by side name two things.
    if (/^\p{Lu}{2,}$/u.test(bare) && run.length && /^\p{Lu}{2,}$/u.test(run[run.length - 1] ?? '')) close();
    const capital = /^\p{Lu}/u.test(bare);
    if (capital && bare.includes('-') && bare.split('-').filter((x) => x.length > 1).length > 1) runs.push(bare.replace(/-/g, ' '));
    if (capital) {
      run.push(...pending, bare);
      pending = [];
    } else if (run.length && PARTICLES.has(bare.toLowerCase())) pending.push(bare);
    else close();
    if (bare !== w.replace(/^[dl]['’]/iu, '') && !/^[^\p{L}]/u.test(w)) close();
  }
  close();
  return runs;
}

/** Shortest analysed word read as a misspelling. */
const TYPO_MIN = 5;

/**
 * A question word the corpus never uses that the index read as a misspelling of one it does (« exmple »,
 * its fuzzy match « exemple »): a typo, not another topic. It takes the word the index matched, and that
 * word's rarity (at most the question's heaviest known word's), instead of an unknown word's weight.
 */
export function corrected(question: string, groups: TermGroup[], hits: SearchHit[], tools: TermTools, index: PassageSearch, lang: Lang): TermGroup[] {
  // Only French questions: an unknown English word already weighs like a typical one (a word the lexicon lacks).
  if (lang !== 'fr' || !groups.some((g) => g.unknown)) return groups;
  // A capitalised word names something (« Les Misérables »): its look-alike in the corpus is another word.
  const names = new Set(tools.analyze(capitalisedWords(question).join(' '), lang));
  const heaviest = Math.max(0, ...groups.filter((g) => !g.unknown).map((g) => g.weight));
  return groups.map((g) => {
    if (!g.unknown || names.has(g.term)) return g;
    let best: string | undefined;
    let bestDf = 0;
    for (const h of hits) {
      h.queryTerms.forEach((q, k) => {
        const t = h.terms[k];
        // A typo is one slip inside the word (« inteligence », « doteurs »): « plante » is not « plate »,
        // « raquette » not « requête », « crêpes » not « créer ».
        if (t === undefined || q.length < TYPO_MIN || !g.forms.has(q) || g.forms.has(t) || !oneSlip(q, t)) return;
        const df = index.documentFrequency(t);
        if (df > bestDf) [best, bestDf] = [t, df];
      });
    }
    if (!best) return g;
    const { unknown: _, ...known } = g;
    const weight = rarity(bestDf, index.passageCount);
    return { ...known, forms: new Set([...g.forms, best]), weight: heaviest ? Math.min(weight, heaviest) : weight };
  });
}

/** Typo tolerance at sentence level: a hit's matched term close to a question term counts as it. */
export function withHitForms(groups: TermGroup[], hit: SearchHit): TermGroup[] {
  let changed = false;
  const out = groups.map((g) => {
    const extra = hit.terms.filter((t) => {
      if (g.forms.has(t)) return false;
      if (t.startsWith(g.term) || (g.term.startsWith(t) && t.length >= 5)) return true;
      const max = g.term.length <= 5 ? 0 : g.term.length <= 8 ? 1 : 2;
      // Cheap checks first: the edit distance is only computed for plausible typos.
      return max > 0 && Math.abs(t.length - g.term.length) <= max && t[0] === g.term[0] && editDistance(t, g.term, max) <= max;
    });
    if (!extra.length) return g;
    changed = true;
    return { ...g, forms: new Set([...g.forms, ...extra]) };
  });
  // The same list when nothing was added, so per-question memos (sentences.ts) are shared across passages.
  return changed ? out : groups;
}
