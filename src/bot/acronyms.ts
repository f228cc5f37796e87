/**
 * « Que signifie CROSS ? », "What does CROSS stand for?": the expansion ingestion read in the
 * documents (knowledge.acronyms), cited where it was read. Only explicit meaning questions: « Qu'est-ce
 * que la CNIL ? » asks what the body does, which retrieval answers from the text.
 */
import type { Acronym, FactSource, Knowledge, Lang } from '../ingest/types.js';
import { fold } from './normalize.js';

/**
 * Cues of a question about what letters stand for (folded text). « signifie », not « significatif »;
 * "what does X mean?" only with one word before "mean" ("what does the CNIL mean for companies?" asks
 * about consequences).
 */
const MEANING_CUE =
  /\b(?:signifi(?:e|ent)|signification|veu(?:t|lent) dire|sigles?|acronymes?|abreviations?|en toutes lettres|stands? for|standing for|short for|acronyms?|abbreviations?|spelled out)\b|\bwhat (?:does|do) (?:the )?(?:acronym |abbreviation )?[\p{L}\d&-]+ mean\W*$/u;

/** A lower-case acronym (« que veut dire jdc ») only in a question this short: else it is an ordinary word (« la vie chère »). */
const SHORT_QUESTION = 4;

export interface AcronymAnswer {
  short: string;
  /** The distinct expansions read for it, each with where it was read. */
  meanings: { long: string; sources: FactSource[] }[];
}

/** Acronyms by their folded, upper-cased letters. */
export function acronymTable(knowledge: Knowledge): Map<string, Acronym[]> {
  const table = new Map<string, Acronym[]>();
  for (const a of knowledge.acronyms) {
    const key = fold(a.short).toUpperCase();
    table.set(key, [...(table.get(key) ?? []), a]);
  }
  return table;
}

/**
 * The acronym a meaning question asks about, when ingestion read its expansion. A token written in
 * capitals is preferred; a lower-case one counts only in a short question where it is the only known
 * acronym (« que veut dire jdc »), so that an ordinary word (« la vie chère ») never stands for one.
 */
export function acronymMeaning(text: string, folded: string, table: Map<string, Acronym[]>): AcronymAnswer | undefined {
  if (!MEANING_CUE.test(folded)) return undefined;
  const tokens = text.match(/[\p{L}\p{N}&]+/gu) ?? [];
  const known = tokens.filter((w) => w.length >= 2 && table.has(fold(w).toUpperCase()));
  const capitals = known.filter((w) => (w.match(/\p{Lu}/gu) ?? []).length >= 2);
  const distinct = [...new Set(known.map((w) => fold(w).toUpperCase()))];
  const short = tokens.length <= SHORT_QUESTION;
  const key = capitals[0] ? fold(capitals[0]).toUpperCase() : short && distinct.length === 1 ? distinct[0] : undefined;
  const found = key ? table.get(key) : undefined;
  if (!found?.length) return undefined;
  const meanings = new Map<string, { long: string; sources: FactSource[] }>();
  for (const a of found) {
    const k = fold(a.long);
    const m = meanings.get(k) ?? { long: a.long, sources: [] };
    m.sources.push(...a.sources);
    meanings.set(k, m);
  }
  return { short: found[0]?.short ?? key ?? '', meanings: [...meanings.values()] };
}

/** The answer text: the expansion(s) in the asker's language around the French words. */
export function acronymText(lang: Lang, a: AcronymAnswer): string {
  const [only] = a.meanings;
  if (a.meanings.length === 1 && only) {
    return lang === 'fr' ? `**${a.short}** signifie « ${only.long} ».` : `**${a.short}** stands for “${only.long}” (in French).`;
  }
  const head = lang === 'fr' ? `Les documents donnent plusieurs sens à **${a.short}** :` : `The documents give **${a.short}** several meanings:`;
  return [head, ...a.meanings.map((m) => `- « ${m.long} »`)].join('\n');
}
