/**
 * A hit as retrieval scores it before quoting: its passage's coverage of the question, its sentences'
 * scores (on demand), and the upper bound of the rank any quote of it can reach (see passage-quote.ts).
 */
import type { PassageSearch, SearchHit } from '../index/types.js';
import { analysed, neighbour, type AnalysedPassage } from './passage-terms.js';
import { documentAnalyzer, type TermTools } from './question-terms.js';
import type { QuoteGates } from './quote-gates.js';
import { coverageOf, groupMatches, reweighted, scoreSentence, type SentenceScore, type TermGroup } from './sentences.js';
import { agentVerbs, causeClause } from './statements.js';

/** Passage ranking among candidates: confidence (how much of the question) and the best sentence's choice score (what sets it apart) weigh alike. */
export const RANK_CONFIDENCE = 0.5;

export interface HitScores {
  hit: SearchHit;
  rankPos: number;
  groups: TermGroup[];
  parts: AnalysedPassage;
  passage: SentenceScore;
  sentences: SentenceScore[];
  /** Does sentence i give as its cause what the question asks about (so it explains something else)? */
  causeIsTopic(i: number): boolean;
  /** Terms of the passages just before this one in its document (where a post introduces whom it quotes). */
  earlier(): string[][];
  /** Gates already worked out for a set of quoted sentences (the requirements often quote the same ones). */
  gates: Map<string, QuoteGates>;
  /** Does sentence i say by whom something the question names was done (« financé par » for "who funds")? */
  agentOfAsked(i: number): boolean;
}

/** How many passages before a quote may name whom or what it is about. */
const EARLIER = 3;

export function scoreHit(hit: SearchHit, rankPos: number, groups: TermGroup[], tools: TermTools, index: PassageSearch): HitScores {
  const analyze = documentAnalyzer(tools);
  const parts = analysed(hit.passage, analyze);
  let sentences: SentenceScore[] | undefined;
  let before: string[][] | undefined;
  return {
    gates: new Map(),
    hit,
    rankPos,
    groups,
    parts,
    passage: coverageOf(groups, parts.unique),
    // Scored on demand: most candidates are ruled out by their passage's coverage alone.
    get sentences() {
      return (sentences ??= parts.sentences.map((terms) => scoreSentence(groups, terms)));
    },
    agentOfAsked(i) {
      const verbs = agentVerbs(hit.passage.sentences[i] ?? '');
      if (!verbs.length) return false;
      const terms = analyze(verbs.join(' '), hit.passage.lang);
      return groups.some((g) => !g.subject && terms.some((t) => groupMatches(g, t)));
    },
    causeIsTopic(i) {
      const split = causeClause(hit.passage.sentences[i] ?? '');
      if (!split) return false;
      const weigh = (text: string) => coverageOf(groups, analyze(text, hit.passage.lang)).coverage;
      return weigh(split.cause) > weigh(split.rest);
    },
    earlier() {
      if (!before) {
        before = [];
        for (let k = 1; k <= EARLIER; k++) {
          const p = neighbour(index, hit.passage, -k);
          if (p) before.push(analysed(p, analyze).all);
        }
      }
      return before;
    },
  };
}

const localCache = new WeakMap<HitScores, { local: number[]; shares: number[]; bound: number }>();

/** Each sentence's share of the local weights, and the hit's rank bound (memoised per hit and weights). */
export function localScores(h: HitScores, local: number[]): { shares: number[]; bound: number } {
  let cached = localCache.get(h);
  if (cached?.local !== local) {
    const shares = h.sentences.map((s) => reweighted(s, local));
    const bound = h.passage.coverage * RANK_CONFIDENCE + Math.max(0, ...shares) * (1 - RANK_CONFIDENCE);
    localCache.set(h, (cached = { local, shares, bound }));
  }
  return cached;
}

/**
 * The highest rank `candidate` can give the hit under any requirement: its confidence is at most its
 * passage's coverage, and its choice score at most its best sentence's share of the local weights
 * (every other factor is at most 1). A hit whose bound is below the best rank so far is not worth quoting.
 */
export const rankBound = (h: HitScores, local: number[]): number => localScores(h, local).bound;
