/**
 * Sentence scoring, pure: how much of the question a sentence answers.
 *
 * A question is a list of term groups (one per content word: the analysed
 * word and the forms it may take in the documents: translations, synonyms,
 * typo corrections), each weighted by its rarity in the corpus. A sentence's
 * coverage is the weighted share of groups it contains; a word the corpus
 * never uses ("Australie", "weather") weighs the most, so a question about
 * another topic can never be well covered.
 */

export interface TermGroup {
  /** The question's analysed term. */
  term: string;
  /** Forms that count as this term in a document (the term itself included). */
  forms: Set<string>;
  /** Rarity weight, > 0. */
  weight: number;
  /** Part of an entity the question is about (a person, a défi, an administration), not of what it asks. */
  subject?: boolean;
  /** A word the corpus never uses (its weight is then a guess, see retrieval.ts). */
  unknown?: boolean;
  /** Part of a multi-word proper name of the question ("United States"): its words only count together. */
  name?: number;
  /** A known acronym ("EIG", "JDC"): what the question is about, so the passage must name it. */
  acronym?: boolean;
}

export interface SentenceScore {
  /** Weighted share of the question's groups found, in [0, 1]. */
  coverage: number;
  /** Groups found. */
  matched: number;
  /** Smallest span of tokens containing all found groups (1 = adjacent). */
  span: number;
  /** Coverage with a small bonus for compact matches; used to rank. */
  score: number;
  /** Share of the question's neighbouring word pairs found in the same order, close together ("coût moyen"). */
  ordered?: number;
  /** Bit i set when group i was found (groups past the 31st are not tracked). */
  mask: number;
}

/** Inverse document frequency: rare terms weigh more; a term the corpus never uses weighs the most. */
export function rarity(documentFrequency: number, passageCount: number): number {
  return Math.log(1 + passageCount / (1 + documentFrequency));
}

/** A document term counts for a group when it is one of its forms or the same stem give or take an ending. */
export function groupMatches(g: TermGroup, t: string): boolean {
  if (g.forms.has(t)) return true;
  const a = g.term;
  if (a.length < 6 || t.length < 6 || a.charCodeAt(0) !== t.charCodeAt(0) || /\d/.test(a)) return false;
  // Stemmers disagree on inflections ("instaure"/"instaur", "revend"/"revendiqu"): one is the other plus
  // at most two letters, or three when the shorter one is already a long stem.
  const [short, long] = a.length <= t.length ? [a, t] : [t, a];
  // Shorter stems are too often other words ("quart" / "quartier").
  return short.length >= 6 && long.startsWith(short) && long.length - short.length <= 3;
}

/**
 * Which groups each document term matches, memoised per question (its group list), since passages repeat
 * terms; and what lets most terms be told apart without the memo: every form of the question, and the first
 * letters of the terms long enough to match by their stem (groupMatches).
 */
interface Matches {
  memo: Map<string, readonly number[]>;
  forms: Set<string>;
  stemStarts: Set<number>;
}
const memos = new WeakMap<TermGroup[], Matches>();
function matchesOf(groups: TermGroup[]): Matches {
  let m = memos.get(groups);
  if (!m) {
    const forms = new Set<string>();
    const stemStarts = new Set<number>();
    for (const g of groups) {
      for (const f of g.forms) forms.add(f);
      if (g.term.length >= 6 && !/\d/.test(g.term)) stemStarts.add(g.term.charCodeAt(0));
    }
    memos.set(groups, (m = { memo: new Map(), forms, stemStarts }));
  }
  return m;
}

/** No group: shared by the many terms that match none, so that the memo holds no array for them. */
const NO_GROUP: readonly number[] = [];

/** The groups a term matches, memoised per question. */
function groupsOfTerm({ memo, forms, stemStarts }: Matches, groups: TermGroup[], t: string): readonly number[] {
  // Most document terms are no form of the question and cannot share a stem with one: no memo entry for them.
  if (!forms.has(t) && (t.length < 6 || !stemStarts.has(t.charCodeAt(0)))) return NO_GROUP;
  let which = memo.get(t);
  if (!which) {
    let found: number[] | undefined;
    for (let gi = 0; gi < groups.length; gi++) if (groupMatches(groups[gi] as TermGroup, t)) (found ??= []).push(gi);
    which = found ?? NO_GROUP;
    memo.set(t, which);
  }
  return which;
}

/** The indexes of the groups a document term matches (memoised per question: the group list). */
export function groupsOf(groups: TermGroup[], t: string): readonly number[] {
  return groupsOfTerm(matchesOf(groups), groups, t);
}

/** Which groups the terms hold (coverage, count and mask; no span): enough for a whole passage. */
export function coverageOf(groups: TermGroup[], terms: string[]): SentenceScore {
  const total = groups.reduce((s, g) => s + g.weight, 0);
  const memo = matchesOf(groups);
  const seen = new Array<boolean>(groups.length).fill(false);
  let hit = 0;
  let matched = 0;
  let mask = 0;
  for (const t of terms) {
    const which = groupsOfTerm(memo, groups, t);
    for (let k = 0; k < which.length; k++) {
      const gi = which[k] as number;
      if (seen[gi]) continue;
      seen[gi] = true;
      hit += (groups[gi] as TermGroup).weight;
      matched++;
      if (gi < 31) mask |= 1 << gi;
    }
  }
  const coverage = total ? hit / total : 0;
  return { coverage, matched, span: 0, score: coverage, mask };
}

/**
 * A document's phrase term (« base de données » as "bas+donne", TermTools.document) sits before the
 * phrase's first word: it takes that word's position and moves no other word's, so distances count words.
 */
export const isPhraseTerm = (t: string): boolean => t.includes('+');

/** Score one sentence given its analysed terms in order. */
export function scoreSentence(groups: TermGroup[], sentenceTerms: string[]): SentenceScore {
  const total = groups.reduce((s, g) => s + g.weight, 0);
  if (!total || !sentenceTerms.length) return { coverage: 0, matched: 0, span: 0, score: 0, mask: 0 };
  // Positions of each group's matches; most groups match nothing, so lists are made on demand.
  const positions: (number[] | undefined)[] = new Array(groups.length);
  const memo = matchesOf(groups);
  let pos = 0;
  for (let i = 0; i < sentenceTerms.length; i++) {
    const t = sentenceTerms[i] as string;
    const which = groupsOfTerm(memo, groups, t);
    for (let k = 0; k < which.length; k++) (positions[which[k] as number] ??= []).push(pos);
    if (!isPhraseTerm(t)) pos++;
  }
  let hit = 0;
  let matched = 0;
  let mask = 0;
  const found: number[][] = [];
  for (let gi = 0; gi < groups.length; gi++) {
    const p = positions[gi];
    if (p) {
      hit += (groups[gi] as TermGroup).weight;
      matched++;
      if (gi < 31) mask |= 1 << gi;
      found.push(p);
    }
  }
  const span = found.length > 1 ? minimalSpan(found) : found.length;
  const coverage = hit / total;
  // The question's word pairs in its own order ("coût moyen d'une mesure"): the sentence phrases what is asked.
  let pairs = 0;
  for (let gi = 0; gi + 1 < groups.length; gi++) {
    const a = positions[gi];
    const b = positions[gi + 1];
    if (a && b && a.some((x) => b.some((y) => y > x && y - x <= PAIR_WINDOW))) pairs++;
  }
  const ordered = groups.length > 1 ? pairs / (groups.length - 1) : 0;
  // Proximity: matched words close together make a sentence about them, not one mentioning them in passing.
  const compactness = found.length > 1 ? Math.min(1, found.length / span) : 1;
  return { coverage, matched, span, score: coverage * (0.85 + 0.15 * compactness), mask, ordered };
}

/** Two question words this close (in analysed terms) and in the question's order form a phrase of it. */
const PAIR_WINDOW = 3;
/** Share of a sentence's choice score given to phrasing the question's word pairs in order. */
const ORDER_SHARE = 0.15;

/** Smallest window (in tokens) containing one position of each list (0 when a list is empty). */
export function minimalSpan(lists: number[][]): number {
  // Walk the lists in step, always advancing the one at the window's left end: no allocation but the cursors.
  const sorted = lists.map((l) => (l.every((v, i) => i === 0 || (l[i - 1] as number) <= v) ? l : [...l].sort((a, b) => a - b)));
  if (!sorted.length || sorted.some((l) => !l.length)) return 0;
  const at = new Array<number>(sorted.length).fill(0);
  let best = Infinity;
  for (;;) {
    let min = Infinity;
    let max = -Infinity;
    let left = 0;
    for (let i = 0; i < sorted.length; i++) {
      const v = (sorted[i] as number[])[at[i] as number] as number;
      if (v < min) {
        min = v;
        left = i;
      }
      if (v > max) max = v;
    }
    best = Math.min(best, max - min + 1);
    const next = (at[left] as number) + 1;
    if (next >= (sorted[left] as number[]).length) return best;
    at[left] = next;
  }
}

/** Score of an already scored sentence under other weights of the same groups (e.g. weights local to the candidates). */
export function reweighted(s: SentenceScore, weights: number[]): number {
  if (!s.matched) return 0;
  let total = 0;
  let hit = 0;
  weights.forEach((w, i) => {
    total += w;
    if (i < 31 && s.mask & (1 << i)) hit += w;
  });
  const compactness = s.matched > 1 && s.span ? Math.min(1, s.matched / s.span) : 1;
  return total ? (hit / total) * (0.85 + 0.15 * compactness) * (1 - ORDER_SHARE + ORDER_SHARE * (s.ordered ?? 0)) : 0;
}

/** An analysed term that is a year. */
export const YEAR_TERM = /^(?:1[89]|20)\d\d$/;
