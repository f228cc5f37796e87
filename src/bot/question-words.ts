/**
 * Word lists that weigh a question's words (folded): what frames a question, what names the measure a
 * figure answers, and the common verbs that weigh less than the nouns naming what is asked. verbs.ts
 * finds the infinitive after the modal and coming verbs listed here.
 */
import type { Lang } from '../ingest/types.js';

/** French modal verbs: they say how (« faut-il », « doit », « peut »), the verb after them what. */
export const FRENCH_MODALS = ['faut', 'faudrait', 'doit', 'doivent', 'devrait', 'devraient', 'peut', 'peuvent', 'pourrait', 'pourraient'];
/** « Venir » before an infinitive (« est venue accueillir »): coming to do something is doing it. */
export const FRENCH_COMING = ['vient', 'viennent', 'venu', 'venue', 'venus', 'venues', 'venir'];

/** Words naming the measure a figure question asks for: the figure itself answers them. */
export const MEASURE_WORDS =
  'montant montants cout couts coute coutent nombre nombres taux pourcentage pourcentages part proportion total somme ' +
  'amount amounts cost costs number numbers rate rates percentage percentages share proportion total sum';

/**
 * Common English verbs: an English question's verb is seldom the word a French document uses ("hold" a
 * seminar, "help" someone), so it weighs less than the nouns that name what is asked.
 */
export const ENGLISH_VERBS =
  'be become became begin began bring brought build built buy bought choose chose come came compare create decide ' +
  'do did get got give gave go went grow grew happen have had help hold held include introduce keep kept know knew ' +
  'lead led leave left let live look make made manage mean meant meet met move need offer pay paid plan play ' +
  'provide put reach receive remain run say said score see saw seem sell sold send sent serve set show start ' +
  'stay take took tell told think thought try turn use want work write wrote';

/**
 * Common French verbs of questions (« Quel décret fixe… », « Combien la commune paie-t-elle… »): rare as
 * inflected forms, they would outweigh the nouns that name what is asked.
 */
export const FRENCH_VERBS =
  'fixe fixent gere gerent paie paient detient detiennent prevoit prevoient permet permettent concerne concernent ' +
  'represente representent compte comptent dispose disposent assure assurent prend prennent met mettent fait font ' +
  'donne donnent rend rendent recoit recoivent touche touchent verse versent existe existent ' +
  // « Quelle ministre est venue accueillir… »: coming to do something is doing it.
  `${FRENCH_COMING.join(' ')} ` +
  // Modal verbs (« Faut-il publier… », « Que doit faire… ») say how, the verb after them what.
  FRENCH_MODALS.join(' ');

/** Words that frame a question without being its topic (analysed, removed before scoring retrieval). */
export const FRAME_WORDS: Record<Lang, string> = {
  fr:
    'qui que quoi quel quels quelle quelles quand comment combien pourquoi dit dire dis explique expliquer parle parler sais savoir connais ' +
    'donne donner moi nous svp stp voudrais aimerais peux pouvez est-ce devant parmi aupres envers ' +
    // Who says it (« selon l'INSEE ») names a source, not what is asked.
    'selon',
  en:
    'what who when why how which many much tell explain say says know give me please could would can does did do is are was were ' +
    'per each about into among according ' +
    // English verb particles ("sent out", "set up", "off-site") add nothing a French document would say.
    'off out up away back',
};
