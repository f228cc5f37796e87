/**
 * A question's active verbs, found by where they stand (« a-t-il prévu d'installer », « recommande-t-elle »,
 * "plan to build"). The asker's verb is seldom the word the document uses (« accueille » for « installer »),
 * so, like the common verbs listed in bot.ts, it weighs less than the nouns that name what is asked.
 * Participles are left alone: in « est-il dématérialisé », « ont été sélectionnés » the participle is the
 * topic (weighing them less lost two answers). Pure: question text in, verb words out.
 */
import type { Lang } from '../ingest/types.js';
import { fold } from './normalize.js';
import { FRENCH_COMING, FRENCH_MODALS } from './question-words.js';

/** French words that look like verbs by position but name the question itself. */
const FR_NOT = new Set(
  'il elle ils elles on doit doivent est sont ont etait etaient avait avaient sera seront aura auront peut peuvent faut dit lui encore'.split(' '),
);

// « Combien la commune paie-t-elle… », « Que recommande-t-il ? »: the verb before the inverted pronoun.
const FR_INVERTED = /\b([a-z]{3,})-(?:t-)?(?:il|elle|ils|elles|on)\b/g;
// « prévu d'installer », « permet de repérer », « pour financer », « peut-on consulter »: an infinitive after a verb
// of intent or « pour » (not after any « de »: « horaires d'ouverture », « numéro de dossier » are nouns).
const FR_INFINITIVE = new RegExp(
  `\\b(?:(?:pour|afin de) |(?:${[...FRENCH_MODALS, ...FRENCH_COMING].join('|')}|peut-on|va|vont|veut|veulent|permet|permettent|vise|visent|cherche|cherchent|continuer?|commencer?|decide|decident|prevu|prevoit|prevoient|souhaite|souhaitent|tente|tentent)(?: d'| de | a | ))([a-z]{3,}(?:er|ir|re|oir))\\b`,
  'g',
);

// "plan to build", "how to apply", "used to train": an infinitive after a verb of intent or "how".
const EN_INFINITIVE =
  /\b(?:how|order|able|used|use|want|wants|wanted|need|needs|needed|have|has|had|plan|plans|planned|going|try|tried|aim|aims|aimed|intend|intends|intended|expected|supposed|meant|required|allowed|decided|chose)\s+to\s+([a-z]{3,})\b/g;

function collect(folded: string, patterns: RegExp[], not: Set<string>): string[] {
  const out = new Set<string>();
  for (const re of patterns) for (const m of folded.matchAll(re)) if (m[1] && !not.has(m[1])) out.add(m[1]);
  return [...out];
}

/**
 * Verb words of a question, by their position. `folded` is the question lowercased without accents;
 * words written with a capital in `question` are names (« Archifiltre », "Sébastien"), never verbs.
 */
export function questionVerbs(question: string, folded: string, lang: Lang): string[] {
  const names = new Set((question.match(/(?<![\p{L}'’])\p{Lu}\p{L}*/gu) ?? []).map(fold));
  const found = lang === 'fr' ? collect(folded, [FR_INVERTED, FR_INFINITIVE], FR_NOT) : collect(folded, [EN_INFINITIVE], new Set());
  return found.filter((w) => !names.has(w));
}
