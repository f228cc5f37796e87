/**
 * Entities of a question, matched against the catalogue: administrations
 * (names, acronyms, English portfolio names, typos), défis (their handle or
 * their key words), people, years and promotion numbers.
 */
import type { Administration, Defi, Person } from '../ingest/types.js';
import type { Catalog, KeyedEntity } from './catalog.js';
import { adminGroup, canonicalWords } from './catalog.js';
import { ORDINALS, QUESTION_WORDS, SERIES_NOUN, STOP } from './vocabulary.js';

export interface AdminMatch {
  /** The administration named in the question. */
  admin: Administration;
  /** It, the bodies under it, and longer names that contain its matched words. */
  group: Set<string>;
  /** Its key words found in the question. */
  keys: string[];
  score: number;
}

export interface Entities {
  admins: AdminMatch[];
  defis: Defi[];
  people: Person[];
  year?: number;
  promotion?: number;
  /** Question words no entity accounts for, each with its spellings (stem, translation, typo fix). */
  residual: string[][];
}

const ADMIN_MIN = 0.5;
const DEFI_MIN = 0.6;

function coverage(keys: string[], present: Set<string>, weight: Map<string, number>): [number, string[]] {
  let total = 0;
  let hit = 0;
  const matched: string[] = [];
  for (const k of keys) {
    const w = weight.get(k) ?? 1;
    total += w;
    if (present.has(k)) {
      hit += w;
      matched.push(k);
    }
  }
  return [total ? hit / total : 0, matched];
}

function bestKeys<T>(e: KeyedEntity<T>, present: Set<string>, weight: Map<string, number>): [number, string[]] {
  let best: [number, string[]] = NO_KEYS;
  // Every question reads every name: one without a word of the question is passed over without allocating.
  for (let a = -1; a < e.alternates.length; a++) {
    const keys = a < 0 ? e.keys : (e.alternates[a] as string[]);
    let any = false;
    for (const k of keys) if (present.has(k)) any = true;
    if (!any) continue;
    const c = coverage(keys, present, weight);
    if (c[0] > best[0] || (c[0] === best[0] && c[1].length > best[1].length)) best = c;
  }
  return best;
}
/** No key found (shared, never modified). */
const NO_KEYS: [number, string[]] = [0, []];

/** Articles that may follow « de » or "of" inside a name (« ministère de la Culture », "Court of the…"). */
const ARTICLES = new Set(['la', 'le', 'les', 'l', 'the']);
const LINKS = new Set(['de', 'des', 'du', 'of']);
/** Words after « d' » that start no name: adverbs and months (« la Cour d'abord », « la Cour d'octobre 2022 »). */
const NOT_A_NAME = new Set(
  'abord ailleurs apres autant autres aujourd habitude ici environ avril aout octobre'.split(' '),
);

/**
 * Does the question name another body with a word of this one's name: « Cour de cassation », « Cour
 * d'appel », "Court of Appeal" are not the Cour des comptes, though « Cour » is a key of all. A key word
 * followed by « de », « d' » or "of" and a word that is not a key of the name starts another name.
 */
function namesAnother(keys: string[], matched: string[], canon: string[][], rawWords: string[], folded: string): boolean {
  for (let i = 0; i < rawWords.length; i++) {
    if (!(canon[i] ?? []).some((a) => matched.includes(a))) continue;
    // words() drops the elided « d' »: « cour d'appel » reads "cour appel". Not « la Cour d'abord », « d'octobre ».
    const after = rawWords[i + 1] ?? '';
    const elided = !NOT_A_NAME.has(after) && !/\d/.test(after) && folded.includes(`${rawWords[i]} d'${after}`);
    if (!LINKS.has(after) && !elided) continue;
    let k = elided ? i + 1 : i + 2;
    while (ARTICLES.has(rawWords[k] ?? '')) k++;
    const next = canon[k];
    if (next && !STOP.has(rawWords[k] ?? '') && !QUESTION_WORDS.has(rawWords[k] ?? '') && !next.some((a) => keys.includes(a))) return true;
  }
  return false;
}

function matchAdmins(catalog: Catalog, present: Set<string>, rawWords: string[], canon: string[][], folded: string): [AdminMatch[], Set<string>] {
  const found: (AdminMatch & { weight: number; n: number })[] = [];
  const used = new Set<string>();
  for (const w of rawWords) {
    for (const id of catalog.acronyms.get(w) ?? []) {
      const admin = catalog.adminById.get(id);
      if (admin && !STOP.has(w)) {
        found.push({ admin, group: adminGroup(catalog, admin.id, []), keys: [], score: 1, weight: 99, n: 0 });
        used.add(w);
      }
    }
  }
  for (const e of catalog.admins) {
    const [score, matched] = bestKeys(e, present, catalog.adminWeight);
    if (score < ADMIN_MIN) continue;
    const whole = [e.keys, ...e.alternates].some((keys) => keys.every((k) => matched.includes(k)));
    if (!whole && namesAnother(e.keys, matched, canon, rawWords, folded)) continue;
    const weight = matched.reduce((s, k) => s + (catalog.adminWeight.get(k) ?? 1), 0);
    found.push({ admin: e.item, group: adminGroup(catalog, e.item.id, matched), keys: matched, score, weight, n: e.keys.length });
    matched.forEach((k) => used.add(k));
  }
  // Best first: highest coverage, then most matched weight, then the shortest (most general) name.
  found.sort((a, b) => b.score - a.score || b.weight - a.weight || a.n - b.n);
  const out: AdminMatch[] = [];
  for (const f of found) {
    if (out.some((o) => o.group.has(f.admin.id))) continue;
    out.push({ admin: f.admin, group: f.group, keys: f.keys, score: f.score });
  }
  return [out, used];
}

/**
 * People named in full (typos allowed), or by their last name alone when it is typed exactly: a near
 * miss of a lone surname is more often an ordinary word (« chère » is not « Chèvre »).
 */
function matchPeople(catalog: Catalog, present: Set<string>, typed: Set<string>): [Person[], Set<string>] {
  const full: Person[] = [];
  const partial: Person[] = [];
  const used = new Set<string>();
  for (const e of catalog.people) {
    if (!e.keys.length) continue;
    const last = e.keys[e.keys.length - 1] ?? '';
    if (e.keys.length > 1 && e.keys.every((k) => present.has(k))) full.push(e.item);
    else if (last.length >= 4 && present.has(last) && typed.has(last) && !QUESTION_WORDS.has(last)) partial.push(e.item);
    else continue;
    e.keys.forEach((k) => present.has(k) && used.add(k));
  }
  return [full.length ? full : partial, used];
}

function matchDefis(catalog: Catalog, present: Set<string>, residual: string[][]): Defi[] {
  const scored: [number, Defi][] = [];
  const w = (k: string): number => catalog.defiWeight.get(k) ?? 1;
  const wordWeight = (alts: string[]): number => Math.max(...alts.map(w));
  const residualWeight = residual.reduce((s, alts) => s + wordWeight(alts), 0);
  for (const e of catalog.defis) {
    const handle = e.alternates[0];
    if (handle?.length && handle.every((k) => present.has(k))) {
      scored.push([1 + handle.length, e.item]);
      continue;
    }
    const matched = residual.filter((alts) => alts.some((a) => e.keys.includes(a)));
    const rare = matched.length === 1 && residual.length === 1 && wordWeight(matched[0] ?? []) > 1.5;
    if (matched.length < 2 && !rare) continue;
    const score = matched.reduce((s, alts) => s + wordWeight(alts), 0) / (residualWeight || 1);
    if (score >= DEFI_MIN) scored.push([score, e.item]);
  }
  scored.sort((a, b) => b[0] - a[0]);
  const top = scored[0]?.[0] ?? 0;
  return scored.filter(([s]) => s >= top - 1e-9).slice(0, 3).map(([, d]) => d);
}

// A promotion's own nouns, not every series noun (SERIES_NOUN): a « deuxième session » is no promotion.
const NUMBERED = /\b(?:promo(?:tion)?|cohorte?|eig)\s*(?:n[°o]\s*)?#?(\d{1,2})\b/g;
const RANKED = /\b([\p{L}\d]+)\s+(?:eig\s+)?(?:promo(?:tion)?|cohorte?|edition|class)\b/gu;

/** Promotion number from "promotion 2", "2e promotion", "deuxième promotion", "EIG2", "second (EIG) cohort". */
export function matchPromotion(folded: string): number | undefined {
  // The first match of each pattern (matchAll leaves the shared global patterns untouched).
  const [direct] = folded.matchAll(NUMBERED);
  if (direct?.[1]) return Number(direct[1]);
  const [ord] = folded.matchAll(RANKED);
  return ord?.[1] !== undefined ? ORDINALS[ord[1]] : undefined;
}

/** A rank standing for a series noun said just before (« Deux promotions… La première, constituée en 2016, … »). */
const ELIDED = /\b(?:la|le)\s+(\p{L}+)\s*,/gu;
const PROMOTION_NOUN = /\b(?:promo(?:tion)?s?|cohortes?|editions?)\b/;

/** The promotions a folded text names by number or rank (« la promotion EIG 3 », « la 1re promotion », « la première, »). */
function promotionsIn(folded: string): Set<number> {
  const named = new Set<number>();
  for (const m of folded.matchAll(NUMBERED)) named.add(Number(m[1]));
  for (const pattern of [RANKED, ELIDED]) {
    for (const m of folded.matchAll(pattern)) {
      const rank = ORDINALS[m[1] ?? ''];
      // An elided rank is a promotion's only after promotions were named (« trois ateliers : le premier, »).
      if (rank !== undefined && (pattern === RANKED || PROMOTION_NOUN.test(folded.slice(0, m.index)))) named.add(rank);
    }
  }
  return named;
}

/**
 * Is a quote about other promotions than this one: do its sentences and its heading (title, section), folded
 * together, name promotions, none of them this one? Together: « après le succès de la première promotion, une
 * nouvelle promotion… » under the title « Une 2ème promotion… » is about the second.
 */
export function aboutOtherPromotions(folded: string, promotion: number): boolean {
  const named = promotionsIn(folded);
  return named.size > 0 && !named.has(promotion);
}

export function matchEntities(catalog: Catalog, folded: string, rawWords: string[]): Entities {
  const canon = canonicalWords(catalog, rawWords);
  const present = new Set(canon.flat());
  // « Première » in « la première promotion » is a rank, not the first word of « Premier ministre ».
  const ranks = rawWords.map((w, i) => ORDINALS[w] !== undefined && SERIES_NOUN.test(rawWords[i + 1] ?? ''));
  const named = ranks.some(Boolean) ? new Set(canon.filter((_, i) => !ranks[i]).flat()) : present;
  const [admins, adminWords] = matchAdmins(catalog, named, rawWords, canon, folded);
  const [people, personWords] = matchPeople(catalog, present, new Set(rawWords));
  const residual = canon
    .filter((alts, i) => !QUESTION_WORDS.has(rawWords[i] ?? '') && !STOP.has(rawWords[i] ?? ''))
    .filter((alts) => !alts.some((a) => adminWords.has(a) || personWords.has(a)))
    .filter((alts) => !alts.every((a) => /^\d+$/.test(a)));
  const defis = matchDefis(catalog, present, residual);
  const year = /\b(19[5-9]\d|20\d\d)\b/.exec(folded)?.[1];
  return {
    admins,
    defis,
    people,
    year: year ? Number(year) : undefined,
    promotion: matchPromotion(folded),
    residual,
  };
}
