/**
 * One passage's quote, scored: the sentences a hit offers under a requirement (a figure, a date, a
 * reason…), chosen by the words that set them apart from the other candidates, with the confidence that
 * says how much of the question they answer and the rank that orders the candidates (see retrieval.ts).
 */
import type { Passage } from '../ingest/types.js';
import { meets, statesUnit, type Requirement, type Unit } from './answer-type.js';
import type { FaqAnswer } from './faq.js';
import { aboutOtherPromotions } from './entities.js';
import { fold } from './normalize.js';
import { localScores, RANK_CONFIDENCE, type HitScores } from './hit-scores.js';
import type { AnalysedPassage } from './passage-terms.js';
import { quoteGates } from './quote-gates.js';
import { completeQuote } from './quote-span.js';
import { countsThing, figureProximity } from './figure-terms.js';
import { coverageOf, groupMatches, groupsOf, scoreSentence, type TermGroup, YEAR_TERM } from './sentences.js';
import { citation, quotable } from './statements.js';

export interface RetrievalResult {
  passage: Passage;
  /** Indexes of the quoted sentences in `passage.sentences`, in order. */
  sentences: number[];
  quote: string;
  /** In [0, 1]. */
  confidence: number;
  /** Weighted share of the question found in the passage and in the quoted sentences. */
  passageCoverage: number;
  sentenceCoverage: number;
  /** For "combien de X": does a quoted sentence state a number of X? */
  counts?: boolean;
}

/**
 * Share of the confidence given to the passage (with its title and section)
 * against the quoted sentence: the sentence states the fact, the passage
 * around it names what the fact is about.
 */
const CONFIDENCE_PASSAGE = 0.6;
/** Confidence factor when the question's most specific word is not where the answer is quoted. */
const UNANCHORED = 0.6;
/** Share of the question the quote (with its heading) must hold by itself. */
const QUOTE_MIN = 0.5;
/** A second sentence is quoted when it scores at least this share of the best one. */
const SECOND_SENTENCE = 0.8;

const emptyCache = new WeakMap<AnalysedPassage, boolean[]>();

/**
 * Sentences whose every word repeats the passage's title or section (a cover page line, a running title
 * with its date) tell nothing the citation does not already say (memoised per analysed passage).
 */
function uninformative(parts: AnalysedPassage): boolean[] {
  let flags = emptyCache.get(parts);
  if (!flags) {
    const heading = new Set(parts.heading);
    flags = parts.sentences.map((terms) => terms.every((t) => heading.has(t) || /\d/.test(t)));
    emptyCache.set(parts, flags);
  }
  return flags;
}

const classCache = new WeakMap<Passage, { quotable: boolean[]; citation: boolean[] }>();
/** Which of the passage's sentences are quotable, and which are citations (memoised per passage). */
function classes(p: Passage): { quotable: boolean[]; citation: boolean[] } {
  let c = classCache.get(p);
  if (!c) classCache.set(p, (c = { quotable: p.sentences.map(quotable), citation: p.sentences.map(citation) }));
  return c;
}
/** Groups weighing at least this share of the heaviest local weight are what the question asks about. */
const ASKED_SHARE = 0.5;
/** Choice factor of a sentence that is not quotable. */
const POOR_QUOTE = 0.7;
/** Choice factor of a figure sentence lacking the year the question names. */
const OTHER_YEAR = 0.6;
/** Choice and rank factor of a figure that does not count what "combien de X" asks for, or not in the unit asked. */
const UNCOUNTED = 0.8;
/** Further factor, when choosing a passage's sentence, of one not counting what "combien de X" asks for. */
const PICK_UNCOUNTED = 0.6;
/** Choice factor of a sentence that only repeats its heading. */
const EMPTY_QUOTE = 0.3;

/** Farthest apart (in words) a two-word question's words may be in a quoted sentence. */
const PAIR_SPAN = 4;

/**
 * A question of two words, neither a name (« le sens de la vie »), names one thing:
 * the two words far apart in every quoted sentence, and neither in the heading, are two other things
 * (« la vie privée… dans un sens moins restrictif »).
 */
function scattered(h: HitScores, chosen: number[]): boolean {
  const { groups, parts } = h;
  if (groups.length !== 2 || groups.some((g) => g.name !== undefined)) return false;
  if (parts.heading.some((t) => groupsOf(groups, t).length > 0)) return false;
  return !chosen.some((i) => (h.sentences[i]?.matched ?? 0) === 2 && (h.sentences[i]?.span ?? Infinity) <= PAIR_SPAN);
}

/** The quote a passage offers under one requirement, scored. */
export function candidate(
  h: HitScores,
  need: Requirement,
  local: number[],
  { counted, unit, promotion }: { counted?: string; unit?: Unit; promotion?: number },
): { result: RetrievalResult; rank: number } | undefined {
  const { hit, rankPos, groups, parts } = h;
  const sentenceTerms = parts.sentences;
  const passageScore = h.passage;
  const scores = h.sentences;
  // The sentence is chosen by the words that set it apart from the other candidates, not by the topic words they all share.
  // A figure or a date should sit next to what is asked about (the words weighing most among the candidates).
  const maxLocal = Math.max(...local);
  // A year qualifies the figure; it is not what the figure should sit next to.
  const askedLocal = need ? groups.filter((g, i) => (local[i] ?? 0) >= maxLocal * ASKED_SHARE && !YEAR_TERM.test(g.term)) : [];
  const empty = uninformative(parts);
  // A year in a figure question qualifies the figure: a sentence without it states another year's figure.
  const years = need === 'figure' ? groups.filter((g) => YEAR_TERM.test(g.term)) : [];
  const yearOk = (i: number): boolean => years.every((g) => (sentenceTerms[i] ?? []).some((t) => groupMatches(g, t)));
  // "Combien de jours…": a figure counting days answers, a percentage of days does not.
  const asked = counted !== undefined ? groups.find((g) => g.term === counted) : undefined;
  const thing = need === 'figure' || need === 'list' ? asked : undefined;
  // "Combien coûte…": a figure in euros answers, a percentage does not.
  const measured = need === 'figure' ? unit : undefined;
  const countOk = (i: number): boolean =>
    (!thing || countsThing(sentenceTerms[i] ?? [], thing)) && (!measured || statesUnit(hit.passage.sentences[i] ?? '', measured));
  const { shares } = localScores(h, local);
  const choice = scores.map(
    (s, i) =>
      (shares[i] ?? 0) *
      (classes(hit.passage).quotable[i] ? 1 : POOR_QUOTE) *
      (empty[i] ? EMPTY_QUOTE : 1) *
      (years.length && !yearOk(i) ? OTHER_YEAR : 1) *
      (countOk(i) ? 1 : UNCOUNTED) *
      ((need === 'figure' || need === 'date' || need === 'end') && s.matched && meets(hit.passage, i, need)
        ? figureProximity(sentenceTerms[i] ?? [], askedLocal, need === 'figure' ? 'figure' : 'date')
        : 1),
  );
  // Inside the passage, a sentence counting what is asked beats a fuller one counting something else.
  const pick = (k: number) => (choice[k] ?? 0) * (thing && !countOk(k) ? PICK_UNCOUNTED : 1);
  let top = -1;
  choice.forEach((_, i) => {
    if (!meets(hit.passage, i, need)) return;
    // "Why is activity falling?" is not answered by « Du fait de la baisse de l'activité, X s'accroît »:
    // the question's topic is that sentence's cause, not what it explains.
    if (need === 'reason' && h.causeIsTopic(i)) return;
    // "Who funds it?" is answered by « financé par X », not by any « par X » (« un atelier organisé par Etalab »).
    if (need === 'agent' && !h.agentOfAsked(i)) return;
    if (top < 0 || pick(i) > pick(top)) top = i;
  });
  const topScore = scores[top];
  if (top < 0 || !topScore) return undefined;
  const chosen = [top];
  // A neighbour that adds question terms the chosen sentence lacks completes the answer.
  for (const n of [top + 1, top - 1]) {
    const both = sentenceTerms[n] ? scoreSentence(groups, [...(sentenceTerms[top] ?? []), ...sentenceTerms[n]]) : undefined;
    if (both && both.coverage > topScore.coverage + 0.1 && chosen.length < 3) chosen.push(n);
  }
  // A second sentence of the passage nearly as relevant often carries the figure or the end of the answer.
  const second = choice
    .map((c, i) => [c, i] as const)
    .filter(([, i]) => !chosen.includes(i))
    .sort((x, y) => y[0] - x[0])[0];
  if (second && second[0] >= (choice[top] ?? 0) * SECOND_SENTENCE && chosen.length < 3) chosen.push(second[1]);
  // A very short sentence ("Oui.", a title) says little on its own: add the next one.
  if ((hit.passage.sentences[top]?.length ?? 0) < 60 && top + 1 < sentenceTerms.length && !chosen.includes(top + 1)) {
    chosen.push(top + 1);
  }
  chosen.sort((a, b) => a - b);
  const quotedTerms = chosen.flatMap((i) => sentenceTerms[i] ?? []);
  const gatesKey = chosen.join(' ');
  let gates = h.gates.get(gatesKey);
  if (!gates) h.gates.set(gatesKey, (gates = quoteGates(groups, quotedTerms, parts, counted, h.earlier)));
  const { anchored, mentionOnly, quoteCoverage } = gates;
  const sentenceCoverage = coverageOf(groups, quotedTerms).coverage;
  // A quote that is only citations (a source line, a table row, a roster) states nothing.
  const says = chosen.some((i) => !empty[i]) && !chosen.every((i) => classes(hit.passage).citation[i]);
  // « Les 32 EIG… la promotion 3 » (its sentences, title or section) does not answer about the first promotion.
  const p = hit.passage;
  // A figure is the promotion's its own sentence names (read after the one before it, which may name the
  // promotions it ranks), whatever the heading: « La première… 9 défis » under the title « …pour la troisième
  // promotion » counts the first promotion's défis.
  const otherPromotion =
    promotion !== undefined &&
    (aboutOtherPromotions(fold([p.title, p.section, ...chosen.map((i) => p.sentences[i])].join(' ')), promotion) ||
      (need === 'figure' && aboutOtherPromotions(fold(`${p.sentences[top - 1] ?? ''} ${p.sentences[top] ?? ''}`), promotion)));
  const confidence =
    (CONFIDENCE_PASSAGE * passageScore.coverage + (1 - CONFIDENCE_PASSAGE) * sentenceCoverage) *
    (anchored && says && !mentionOnly && !otherPromotion && !scattered(h, chosen) ? 1 : UNANCHORED) *
    (quoteCoverage >= QUOTE_MIN ? 1 : UNANCHORED);
  // The quote reads as whole statements (a sentence cut at a line end, one announcing a list with ':');
  // the completion only shows more of the passage: confidence and rank stay those of the chosen sentences.
  const quoted = completeQuote(hit.passage.sentences, chosen);
  return {
    // Rank by confidence, then by how compact the best sentence is, lightly by the index's order.
    rank: (confidence * RANK_CONFIDENCE + (choice[top] ?? 0) * (1 - RANK_CONFIDENCE)) * (countOk(top) ? 1 : UNCOUNTED) - rankPos * 0.005,
    result: {
      passage: hit.passage,
      sentences: quoted,
      quote: quoted.map((i) => hit.passage.sentences[i] ?? '').join(' '),
      confidence,
      passageCoverage: passageScore.coverage,
      sentenceCoverage,
      ...(asked ? { counts: chosen.some((i) => countsThing(sentenceTerms[i] ?? [], asked)) } : {}),
    },
  };
}

/** A section titled by the question, as a candidate: its heading is the question, so its choice score is full. */
export function faqCandidate(f: FaqAnswer): { result: RetrievalResult; rank: number } {
  return {
    rank: f.coverage * RANK_CONFIDENCE + (1 - RANK_CONFIDENCE),
    result: {
      passage: f.passage,
      sentences: f.sentences,
      quote: f.sentences.map((i) => f.passage.sentences[i] ?? '').join(' '),
      confidence: f.coverage,
      passageCoverage: f.coverage,
      sentenceCoverage: f.coverage,
    },
  };
}
