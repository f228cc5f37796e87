/**
 * Sections titled by the question they answer. Guides and articles often head a section with a
 * question ("Qu'est-ce que l'open data ?", "Quelles sont ces obligations en matière de
 * transparence ?", "Êtes-vous concerné ?"); when such a heading holds the asker's question, the
 * section's opening sentences are the answer, whatever words they use.
 */
import type { Lang, Passage } from '../ingest/types.js';
import type { PassageSearch } from '../index/types.js';
import { fold } from './normalize.js';
import { analysed, neighbour } from './passage-terms.js';
import { completeQuote } from './quote-span.js';
import { coverageOf, groupMatches, type TermGroup } from './sentences.js';

/** Share of the question a heading must hold to be the same question. */
export const FAQ_MIN = 0.75;
/** The quoted opening of a section: at most this many sentences and characters. */
const OPENING_MAX = 3;
const OPENING_CHARS = 500;
/** A heading this much longer than the question (in words) asks something broader. */
const MAX_EXTRA_WORDS = 4;

export interface FaqAnswer {
  passage: Passage;
  sentences: number[];
  /** Share of the question the heading holds. */
  coverage: number;
}

const sectionTerms = new WeakMap<Passage, string[]>();

/** What kind of question a sentence asks, by its interrogative words (folded, lowercase); undefined when none. */
const KINDS: [string, RegExp][] = [
  ['when', /\b(?:quand|when|dans quels? cas|a quel moment|a partir de quand|in which cases?|in what cases?)\b/],
  ['what', /\b(?:qu'est[- ]ce|c'est quoi|qu'entend[- ]on|que (?:signifie|veut dire|designe)|what (?:is|are|does|do)|what's|define|definition)\b/],
  ['why', /\b(?:pourquoi|why)\b/],
  ['how', /\b(?:comment|how)\b/],
  ['howmuch', /\b(?:combien|how (?:many|much))\b/],
  ['who', /\b(?:qui|who)\b/],
  ['which', /\b(?:quels?|quelles?|which|what)\b/],
  ['yesno', /^(?:est[- ]ce|etes[- ]vous|dois[- ]je|doit[- ]on|peut[- ]on|faut[- ]il|is|are|do|does|can|must|should)\b/],
];
/** The kind of question a text asks (a section's numbering, "3.1", left aside). */
export const questionKind = (text: string): string | undefined => {
  const folded = fold(text).replace(/^\s*[\d.]+\s*/, '');
  return KINDS.find(([, re]) => re.test(folded))?.[0];
};

/** The section of `p` answers the question by its heading: its first passage's opening sentences. */
export function faqAnswer(
  p: Passage,
  groups: TermGroup[],
  analyze: (text: string, lang?: Lang) => string[],
  index: PassageSearch,
  kind: string | undefined,
): FaqAnswer | undefined {
  if (!/\?\s*$/.test(p.section) || groups.length < 2) return undefined;
  // "Dans quels cas… ?" does not answer "Qu'est-ce que… ?": the heading must ask the same kind of question.
  const headingKind = questionKind(p.section);
  if (kind && headingKind && kind !== headingKind) return undefined;
  let terms = sectionTerms.get(p);
  if (!terms) sectionTerms.set(p, (terms = analyze(p.section, p.lang)));
  if (terms.length > groups.length + MAX_EXTRA_WORDS) return undefined;
  // With the document's title, which names what "ce partenariat" of the heading is.
  const { coverage } = coverageOf(groups, analysed(p, analyze).heading);
  const top = Math.max(...groups.map((g) => g.weight));
  // What the question asks must be the heading's question, not only the title's topic.
  const asked = groups.filter((g) => terms.some((t) => groupMatches(g, t)));
  const strongestThere = asked.length >= 1 && asked.reduce((s, g) => s + g.weight, 0) >= top;
  if (coverage < FAQ_MIN || !strongestThere || groups.some((g) => g.unknown)) return undefined;
  const first = sectionStart(p, index);
  if (!first.sentences.length) return undefined;
  // The section's opening, a few sentences (a lead-in rarely answers alone).
  const opening: number[] = [];
  let chars = 0;
  for (const [i, sentence] of first.sentences.entries()) {
    if (opening.length >= OPENING_MAX || (opening.length && chars + sentence.length > OPENING_CHARS)) break;
    opening.push(i);
    chars += sentence.length;
  }
  return { passage: first, sentences: completeQuote(first.sentences, opening), coverage };
}

/** The first passage of `p`'s section. */
function sectionStart(p: Passage, index: PassageSearch): Passage {
  let first = p;
  for (let prev = neighbour(index, p, -1), k = -1; prev; prev = neighbour(index, p, --k)) {
    if (prev.section !== p.section || (prev.page !== undefined && first.page !== undefined && first.page - prev.page > 1)) break;
    first = prev;
  }
  return first;
}
