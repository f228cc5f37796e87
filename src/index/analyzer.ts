/**
 * The one analyzer: text → index terms. The same functions run when indexing,
 * when querying and (through the artifact's recorded version) when an index is
 * loaded, so a term written by one is always found by the other.
 *
 * Order (tested): NFC → lowercase → split on letters/digits (numbers kept whole)
 * → French elisions → stopwords (French and English) → fold accents → stem.
 * Folding comes before stemming so that `securite` and `sécurité` meet.
 */
import type { Lang } from '../ingest/types.js';
import { englishStopwords, frenchStopwords, stemEn, stemFr } from '../text/natural.js';

/** Bump whenever the terms produced for some text change: older artifacts are then refused. */
export const ANALYZER_VERSION = 'rapporteur-analyzer-2';

/**
 * Tokens: thousands written with spaces (`1 140`, `12 000,5`), decimals (`2,5`, `2.5`),
 * then runs of letters/digits, apostrophes kept inside words for the elision step.
 */
const TOKEN =
  /\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:[.,]\d+)?(?![\p{L}\p{N}])|\d+(?:[.,]\d+)+|[\p{L}\p{M}\p{N}]+(?:['’ʼ][\p{L}\p{M}\p{N}]+)*/gu;
const SPACES = /[ \u00a0\u202f\u2009]/g;

const ELISION = /^(?:l|d|qu|j|n|s|c|m|t|jusqu|lorsqu|puisqu|quoiqu)['’ʼ](?=[\p{L}\p{N}])/u;
const APOSTROPHES = /['’ʼ]/u;

/** Words our lists add to natural's: question framing and fragments left by apostrophes. */
const EXTRA_STOPWORDS = (
  'aujourd hui quoi comment combien pourquoi quand dont donc ainsi alors aussi très tout tous toute toutes ' +
  'autre autres plus moins sous vers chez selon lors afin celui celle ceux celles lequel laquelle lesquels ' +
  'lesquelles ça etc si peut peuvent doit doivent ' +
  'will shall may whose yes not nor via upon also its it ll ve re'
).split(' ');

/** Words after which « an » is the French noun (a year), not the English article. */
const YEAR_BEFORE = new Set(['par', 'un', 'chaque', 'dernier', 'premier', 'prochain', 'cet', 'demi']);

/** Accent folding: combining marks removed; ligatures spelled out. */
export function foldAccents(word: string): string {
  return word
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .replace(/œ/g, 'oe')
    .replace(/Œ/g, 'OE')
    .replace(/æ/g, 'ae')
    .replace(/Æ/g, 'AE')
    .replace(/ß/g, 'ss')
    .normalize('NFC');
}

const STOPWORDS: ReadonlySet<string> = (() => {
  // natural's English list holds single digits: numbers are content here.
  const words = [...frenchStopwords, ...englishStopwords, ...EXTRA_STOPWORDS].filter((w) => !/^\d+$/.test(w));
  return new Set([...words, ...words.map(foldAccents)]);
})();

export function isStopword(word: string): boolean {
  return STOPWORDS.has(word);
}

/** NFC, lowercase, split; numbers normalised (`1 140` → `1140`, `2.5` → `2,5`). Elisions still attached. */
export function tokenize(text: string): string[] {
  const lower = text.normalize('NFC').toLowerCase();
  const out: string[] = [];
  for (const m of lower.matchAll(TOKEN)) {
    const t = m[0];
    if (/^\d/.test(t) && /^[\d \u00a0\u202f\u2009.,]+$/.test(t)) out.push(t.replace(SPACES, '').replace(/\./g, ','));
    else out.push(t);
  }
  return out;
}

/** `l'état` → `état`; other apostrophes split the word (`aujourd'hui` → `aujourd`, `hui`). */
export function stripElision(token: string): string[] {
  const bare = token.replace(ELISION, '');
  return APOSTROPHES.test(bare) ? bare.split(/['’ʼ]/u).filter(Boolean) : [bare];
}

const hasDigit = (w: string): boolean => /\d/.test(w);

/** Stems are memoised (the stemmers cost microseconds; vocabularies are small), up to a bound. */
const MEMO_LIMIT = 200_000;
const memo: Record<Lang, Map<string, string>> = { fr: new Map(), en: new Map() };

/** A folded word → its stem in `lang`; words holding digits are kept as they are. */
export function stem(word: string, lang: Lang): string {
  if (hasDigit(word) || word.length < 3) return word;
  const cache = memo[lang];
  let s = cache.get(word);
  if (s === undefined) {
    if (cache.size >= MEMO_LIMIT) cache.clear();
    s = lang === 'en' ? stemEn(word) : stemFr(word);
    cache.set(word, s);
  }
  return s;
}

/**
 * The stem a French verb's third person plural would have without its ending: Snowball leaves
 * « utilisent », « proposent » as they are, apart from « utilisé », « proposer ». Undefined when the
 * word is not such a form (adverbs and nouns in -ment excluded), or when the documents use the base
 * no more than the word itself (`frequency`: the index's document frequency), which keeps nouns in
 * -ent (« président », « patient ») to themselves.
 */
export function frenchVerbBase(word: string, frequency: (term: string) => number): string | undefined {
  if (word.length < 7 || !word.endsWith('ent') || word.endsWith('ment') || hasDigit(word)) return undefined;
  const own = stem(word, 'fr');
  const base = stem(word.slice(0, -2), 'fr');
  return base !== own && frequency(base) > frequency(own) ? base : undefined;
}

/**
 * Everything but the stemming: content words, folded. The lexicon matches
 * phrases on these, and the index stems them in one or both languages.
 */
export function words(text: string): string[] {
  const out: string[] = [];
  let previous = '';
  for (const token of tokenize(text)) {
    for (const w of stripElision(token)) {
      const before = previous;
      previous = w;
      if (w.length < 2 && !hasDigit(w)) continue;
      // French « an » (year) is the English article to the stopword list: « par an », « un an », « l'an » keep it
      // (not after a number: "in 2019 an audit" is English).
      if (w === 'an' && (YEAR_BEFORE.has(before) || /^l['’]/u.test(token))) {
        out.push(w);
        continue;
      }
      if (STOPWORDS.has(w)) continue;
      const folded = foldAccents(w);
      if (STOPWORDS.has(folded)) continue;
      out.push(folded);
    }
  }
  return out;
}

/** Text → index terms, stemmed in `lang` (default French, the corpus' main language). */
export function analyze(text: string, lang: Lang = 'fr'): string[] {
  return words(text).map((w) => stem(w, lang));
}
