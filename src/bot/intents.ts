/**
 * Intent classifier for the rule answers: natural's naive Bayes trained on
 * French and English phrasings in which entities are replaced by slot
 * placeholders, so what it learns is the shape of the question ("qui a
 * travaillé sur DEFI ?"), not the names of the corpus.
 */
import { BayesClassifier, type TextClassifier } from '../text/natural.js';
import type { Entities } from './entities.js';
import { words } from './normalize.js';
import { lightStem, QUESTION_WORDS } from './vocabulary.js';

export type RuleIntent =
  | 'defis_by_administration'
  | 'defis_by_promotion'
  | 'people_of_defi'
  | 'defis_of_person'
  | 'mentor_of';
export type Intent = RuleIntent | 'other';

/** Words that shape a question beyond the generic question words. */
const FRAME = new Set([
  ...QUESTION_WORDS,
  ...'rapport report dit say says recommande recommend recommends cout cost montant amount budget nombre number chiffre ' +
    'lance launched date role objectif goal pourquoi why combien quand when'.split(' '),
]);

const TRAINING: Record<Intent, string[]> = {
  defis_by_administration: [
    'quels defis ADMIN a-t-il proposes', 'quels sont les defis de ADMIN', 'les defis proposes par ADMIN',
    'quels projets ADMIN a-t-il portes', 'defis ADMIN', 'liste des defis de ADMIN', 'quels defis EIG chez ADMIN',
    'quels defis ADMIN a proposes en YEAR', 'ADMIN a propose quels defis', 'quels defis pour ADMIN',
    'quels projets EIG au sein de ADMIN', 'quels defis a accueillis ADMIN', 'et pour ADMIN', 'et ADMIN',
    'which defis did ADMIN propose', 'what challenges did ADMIN submit', 'list the defis of ADMIN',
    'what projects did ADMIN host', 'defis proposed by ADMIN', 'what were the challenges of ADMIN',
    'which challenges were proposed by ADMIN in YEAR', 'what about ADMIN', 'and ADMIN', 'challenges at ADMIN',
  ],
  defis_by_promotion: [
    'quels sont les defis de la PROMO', 'quels defis en YEAR', 'defis de la PROMO', 'liste des defis YEAR',
    'quels etaient les defis de la PROMO', 'quels defis ont ete retenus en YEAR', 'les defis de YEAR',
    'quels projets pour la PROMO', 'et en YEAR', 'et pour la PROMO',
    'which defis were in the PROMO', 'what challenges in YEAR', 'list of challenges of the PROMO',
    'what were the defis of YEAR', 'which projects were selected in YEAR', 'and in YEAR', 'what about the PROMO',
  ],
  people_of_defi: [
    'qui a travaille sur DEFI', 'qui sont les eig de DEFI', 'quels entrepreneurs ont releve le defi DEFI',
    'equipe du defi DEFI', 'qui a releve DEFI', 'qui travaillait sur le projet DEFI', 'quels eig sur DEFI',
    'qui etait sur le defi DEFI', 'qui a travaille sur le defi de ADMIN',
    'who worked on DEFI', 'who are the entrepreneurs of DEFI', 'which eig worked on DEFI', 'team of DEFI',
    'who took up the DEFI challenge', 'who was on the DEFI project', 'who worked on the challenge of ADMIN',
  ],
  defis_of_person: [
    'sur quoi a travaille PERSON', 'quel defi PERSON a releve', 'quel est le defi de PERSON',
    'sur quel projet travaillait PERSON', 'qui est PERSON', 'que faisait PERSON', 'PERSON a travaille sur quoi',
    'quel etait le projet de PERSON', 'dans quelle administration travaillait PERSON',
    'what did PERSON work on', 'which defi did PERSON work on', 'what was PERSON project', 'who is PERSON',
    'what challenge did PERSON take up', 'where did PERSON work',
  ],
  mentor_of: [
    'qui est le mentor de PERSON', 'qui a encadre PERSON', 'qui etait la mentor de PERSON', 'mentor de DEFI',
    'qui sont les mentors du defi DEFI', 'qui etait le mentor sur DEFI', 'mentors de PERSON',
    'who was PERSON mentor', 'who mentored PERSON', 'who is the mentor of DEFI', 'mentors of DEFI',
    'who were the mentors on DEFI', 'who supervised PERSON',
  ],
  other: [
    'combien ADMIN a-t-il de  ', 'que recommande la  a ADMIN', 'quel est le  de la ', 'que dit le rapport sur ',
    'what does the report say about ', 'how much does ADMIN spend on ', 'quand a ete lance le ',
    'combien de  ont ete ', 'what is the  of ', 'quelle est la mission de ADMIN', 'qu est-ce que ',
    'pourquoi ', 'comment ', 'what is ', 'why ', 'how ', 'combien coute la ', 'how many  were  in YEAR',
    'quel est le role de ADMIN dans ', 'what did the  find about ADMIN', 'quelles sont les recommandations de ',
    'quel est le cout de  en YEAR', 'quand ', 'when was ', 'ou ', 'qu est-ce que DEFI', 'what is DEFI',
    'quel est l objectif du programme', 'combien de  pour la PROMO', 'how many  in the PROMO',
  ],
};

const SLOTS = new Set(['ADMIN', 'DEFI', 'PERSON', 'YEAR', 'PROMO']);

/**
 * Features of a question: its frame words (light-stemmed) and one feature
 * per kind of entity found. Topic words are left out on purpose, so the
 * model cannot learn the corpus instead of the phrasing.
 */
export function features(
  text: string,
  entities: Pick<Entities, 'admins' | 'defis' | 'people'> & { year?: number; promotion?: number },
): string[] {
  const out = new Set<string>();
  for (const token of text.split(/[^\p{L}\p{N}'’-]+/u)) {
    if (SLOTS.has(token)) {
      out.add(token);
      continue;
    }
    for (const w of words(token)) {
      if (FRAME.has(w)) out.add(lightStem(w));
      else if (/^(?:19|20)\d\d$/.test(w)) out.add('YEAR');
    }
  }
  if (entities.admins.length) out.add('ADMIN');
  if (entities.defis.length) out.add('DEFI');
  if (entities.people.length) out.add('PERSON');
  if (entities.promotion !== undefined) out.add('PROMO');
  return [...out];
}

export interface IntentModel {
  /** Intents ranked by probability share, restricted to the allowed ones (plus 'other'). */
  rank(feats: string[], allowed: Intent[]): { intent: Intent; share: number }[];
}

export function trainIntents(): IntentModel {
  const classifier: TextClassifier = new BayesClassifier();
  const empty = { admins: [], defis: [], people: [] };
  for (const [label, phrases] of Object.entries(TRAINING)) {
    for (const p of phrases) {
      // Placeholders in the phrase stand for entities; they are features themselves.
      classifier.addDocument(features(p, empty), label);
    }
  }
  classifier.train();
  return {
    rank(feats, allowed) {
      const scores = classifier
        .getClassifications(feats)
        .filter((c) => c.label === 'other' || allowed.includes(c.label as Intent));
      const total = scores.reduce((s, c) => s + c.value, 0) || 1;
      return scores.map((c) => ({ intent: c.label as Intent, share: c.value / total })).sort((a, b) => b.share - a.share);
    },
  };
}
