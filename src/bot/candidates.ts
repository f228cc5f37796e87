/**
 * The passages retrieval reads for a question: the index's best hits, then the passages they may have
 * pushed out — the lower hits stating what a date, share or duration question asks for, the passages
 * naming a name of the question that no hit contains, and the passages inside the best documents (focus.ts).
 */
import type { Lang, Passage } from '../ingest/types.js';
import type { PassageSearch, SearchHit } from '../index/types.js';
import { meets, statesUnit, type Requirement, type Unit } from './answer-type.js';
import { focusedHits } from './focus.js';
import { capitalisedWords, documentAnalyzer, type TermTools } from './question-terms.js';
import type { TermGroup } from './sentences.js';

export const HITS = 12;
/** Passages read for names of the question that none of the hits contains. */
const NAMED = 6;
/** How much further a date, share or duration question reads the hits, for passages stating one. */
const WIDER = 3;

/** The hits first (their rank counts in scoring), then the other passages to read, each passage once. */
export function candidateHits(
  question: string,
  lang: Lang,
  index: PassageSearch,
  tools: TermTools,
  groups: TermGroup[],
  needs: Requirement[],
  unit?: Unit,
): SearchHit[] {
  const stated = needs.find((n) => n !== undefined);
  const states = stated ? (p: Passage) => p.sentences.some((_, i) => meets(p, i, stated)) : undefined;
  // A « when » question also reads the lower hits that state a date (the answer's passage may rank
  // below passages repeating the question's words without one); a share or duration question, the
  // lower hits stating a percentage or a duration. Not for any figure or sum of money: nearly every
  // report passage states one, and the lower ones only bring more wrong candidates.
  const stating =
    states && (stated === 'date' || stated === 'end')
      ? states
      : stated === 'figure' && unit && unit !== 'money'
        ? (p: Passage) => p.sentences.some((s) => statesUnit(s, unit))
        : undefined;
  const wide = index.search(question, { lang, limit: stating ? HITS * WIDER : HITS });
  const hits = [...wide.slice(0, HITS), ...wide.slice(HITS).filter((h) => stating?.(h.passage))];
  // The passages naming what the question names (« l'équipe Plume », « CibNav ») when common words of
  // the question pushed them all below the hits.
  const unseen = capitalisedWords(question).filter((n) => {
    const terms = tools.analyze(n, lang);
    return terms.length > 0 && !hits.some((h) => terms.some((t) => h.terms.includes(t)));
  });
  const named = unseen.length ? index.search(unseen.join(' '), { lang, limit: NAMED }) : [];
  const seen = new Set(hits.map((h) => h.passage.id));
  const more = [...focusedHits(index, documentAnalyzer(tools), groups, hits, states), ...named].filter((h) => {
    if (seen.has(h.passage.id)) return false;
    seen.add(h.passage.id);
    return true;
  });
  return [...hits, ...more];
}
