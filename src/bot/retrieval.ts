/**
 * Retrieval: the best passages from the index, then the best one to three
 * sentences inside them, with a confidence that says how much of the
 * question they actually answer (see sentences.ts).
 */
import type { Lang } from '../ingest/types.js';
import type { PassageSearch } from '../index/types.js';
import type { Requirement, Unit } from './answer-type.js';
import { candidateHits } from './candidates.js';
import { faqAnswer, questionKind } from './faq.js';
import { rankBound, scoreHit } from './hit-scores.js';
import { candidate, faqCandidate, type RetrievalResult } from './passage-quote.js';
import { corrected, documentAnalyzer, termGroups, withHitForms, type TermTools } from './question-terms.js';
import { continued } from './quote-span.js';
import type { SentenceScore, TermGroup } from './sentences.js';

export type { RetrievalResult } from './passage-quote.js';

/**
 * Weights of the question's groups among the candidates: a word found in nearly every candidate passage
 * (the topic that selected them) weighs little when choosing between them; a word few of them hold decides.
 */
export function localWeights(groups: TermGroup[], passages: SentenceScore[]): number[] {
  const n = passages.length;
  return groups.map((g, i) => {
    const holders = i < 31 ? passages.filter((p) => p.mask & (1 << i)).length : n;
    return g.weight * Math.log(1 + (n + 1) / (1 + holders));
  });
}

/** Weight share left to a measure word ("montant", "cost"). */
const MEASURE_SHARE = 0.3;
/** Weight share left to a light word (an English question's common verb). */
const LIGHT_SHARE = 0.5;

export interface RetrieveOptions {
  /** Analysed words of the entities the question names (what it asks is about them). */
  subject?: ReadonlySet<string>;
  /** Candidates whose passage covers less of the question are not scored. */
  minConfidence?: number;
  /** Analysed measure words ("montant", "cost"): the figure states them, they weigh little. */
  measure?: ReadonlySet<string>;
  /** Analysed noun a "combien de X / how many X" question counts. */
  counted?: string;
  /** Unit a figure question's measure implies (euros for a cost). */
  unit?: Unit;
  /** Analysed words that weigh less than their rarity says (an English question's common verbs). */
  light?: ReadonlySet<string>;
  /** The promotion the question names (« la première promotion »): a quote about another one does not answer. */
  promotion?: number;
}

/**
 * Best quoted sentences for the question under each requirement (one
 * search, one analysis), aligned with `needs`; undefined where nothing matched.
 */
export function retrieve(
  question: string,
  lang: Lang,
  index: PassageSearch,
  tools: TermTools,
  frame: Set<string>,
  needs: Requirement[] = [undefined],
  { subject = new Set(), minConfidence = 0, measure = new Set(), counted, unit, light, promotion }: RetrieveOptions = {},
): (RetrievalResult | undefined)[] {
  // The measure a figure question asks for ("montant", "cost", "pourcentage") is what the figure states:
  // it weighs little, so the quote is chosen by what is measured and its qualifiers ("par participant").
  const base = termGroups(question, lang, tools, index, frame).map((g) => {
    const share = measure.has(g.term) ? MEASURE_SHARE : light?.has(g.term) ? LIGHT_SHARE : 1;
    const w = share < 1 ? { ...g, weight: g.weight * share } : g;
    return subject.has(g.term) ? { ...w, subject: true } : w;
  });
  const best: ({ result: RetrievalResult; rank: number } | undefined)[] = needs.map(() => undefined);
  if (!base.length) return best.map(() => undefined);
  const hits = candidateHits(question, lang, index, tools, base, needs, unit);
  const groups = corrected(question, base, hits, tools, index, lang);
  const scored = hits.map((hit, rankPos) => scoreHit(hit, rankPos, withHitForms(groups, hit), tools, index));
  const local = localWeights(groups, scored.map((h) => h.passage));
  const kind = questionKind(question);
  scored.forEach((h) => {
    // A quote's confidence never exceeds its passage's coverage (its sentences are part of the passage).
    if (h.passage.coverage < minConfidence) return;
    const faq = faqAnswer(h.hit.passage, h.groups, documentAnalyzer(tools), index, kind);
    needs.forEach((need, i) => {
      // Most candidates cannot beat the best one so far: their bound says so before their quote is worked out.
      const c = rankBound(h, local) > (best[i]?.rank ?? -Infinity) ? candidate(h, need, local, { counted, unit, promotion }) : undefined;
      if (c && c.rank > (best[i]?.rank ?? -Infinity)) best[i] = c;
      // A section titled by the question answers it (not a figure or a date: its opening need not state one).
      if (faq && (need === undefined || need === 'list' || need === 'reason')) {
        const f = faqCandidate(faq);
        if (f.rank > (best[i]?.rank ?? -Infinity)) best[i] = f;
      }
    });
  });
  return best.map((b, i) => b && continued(b.result, index, needs[i]));
}
