/**
 * Generic word lists of the bot: grammar words, question words, and the
 * English names of French ministerial portfolios. Nothing here names a
 * document of the corpus; it is the vocabulary of French administration.
 */

/** Words that never identify an entity (articles, prepositions, generic administrative nouns). */
export const STOP = new Set(
  (
    'a à au aux avec ce ces cette d de des du en et l la le les leur leurs ou par pour sur un une dans comme qui que quoi quel quels quelle quelles ' +
    'the of and for to in on at by a an as with which who what whose whom their its is are was were did do does has have had this that these those ' +
    'ministere ministeres ministry ministries ministre minister department direction generale general service services secretariat ' +
    'secretary office mission delegation etat state government gouvernement public publique publics publiques'
  ).split(' '),
);

/** Words that carry the question's intent rather than its topic. */
export const QUESTION_WORDS = new Set(
  (
    'qui que quoi quel quels quelle quelles quand comment combien pourquoi ou est-ce est ce sont etait etaient ete a ont avait avaient fait faire ' +
    'il elle ils elles on t-il t-elle t-ils t-elles y-a-t-il-y ya dit dire dis donne donner explique expliquer parle parler moi me nous vous je tu svp stp ' +
    'who what which when where why how many much is are was were did do does has have had can could would should tell me about explain give please know list ' +
    'defi defis challenge challenges projet projets project projects propose proposes proposee proposees proposed proposer submit submitted ' +
    'travaille travaillait travailler worked work working sur on releve relever releves mentor mentors mentore encadre team equipe membres ' +
    'eig entrepreneur entrepreneurs entrepreneuse entrepreneurs interet general interest people personnes person personne ' +
    'promotion promo promotions cohort annee year et and pour what about how also aussi'
  ).split(' '),
);

/**
 * English portfolio words → the French words of administration names (folded).
 * Lets "Ministry of the Interior" meet "ministère de l'Intérieur".
 */
export const EN_TO_FR: Record<string, string[]> = {
  interior: ['interieur'], home: ['interieur'], culture: ['culture'], cultural: ['culture'],
  economy: ['economie'], economic: ['economie'], economics: ['economie'], finance: ['finances'], finances: ['finances'],
  health: ['sante'], healthcare: ['sante'], defence: ['defense', 'armees'], defense: ['defense', 'armees'],
  armed: ['armees'], forces: ['armees'], armies: ['armees'], army: ['armees'], navy: ['marine'],
  education: ['education'], research: ['recherche'], higher: ['superieur'], innovation: ['innovation'],
  justice: ['justice'], ecology: ['ecologique'], ecological: ['ecologique'], environment: ['environnement'],
  solidarity: ['solidarites'], solidarities: ['solidarites'], social: ['sociaux', 'sociales'], labour: ['travail'],
  labor: ['travail'], employment: ['emploi'], agriculture: ['agriculture'], foreign: ['etrangeres'],
  affairs: ['affaires'], accounts: ['comptes'], audit: ['comptes'], auditors: ['comptes'], court: ['cour'],
  territories: ['territoires'], territorial: ['territoires'], equality: ['egalite'], development: ['developpement'],
  agency: ['agence'], french: ['francaise', 'france'], france: ['france'], national: ['nationale', 'national'],
  library: ['bibliotheque'], gendarmerie: ['gendarmerie'], police: ['police'], maritime: ['maritimes', 'maritime'],
  prime: ['premier'], transport: ['transports'], transports: ['transports'], housing: ['logement'],
  digital: ['numerique'], regional: ['regionale'], communication: ['communication'], sport: ['sports'],
  sports: ['sports'], overseas: ['outre-mer'], action: ['action'], transition: ['transition'], archives: ['archives'],
  sea: ['mer'], seas: ['mer'], ocean: ['mer'], fisheries: ['peche'], fishing: ['peche'], food: ['alimentation'],
  youth: ['jeunesse'], industry: ['industrie'], europe: ['europe'], european: ['europe'], cohesion: ['cohesion'],
  tourism: ['tourisme'], family: ['famille'], families: ['familles'], children: ['enfance'], disability: ['handicap'],
  women: ['femmes'], veterans: ['combattants'], memory: ['memoire'], public: ['publique', 'publics'], civil: ['fonction'],
  treasury: ['tresor'], customs: ['douanes'], tax: ['fiscal', 'impots'], taxes: ['impots'], statistics: ['statistique', 'statistiques'],
  heritage: ['patrimoine'], museum: ['musee'], museums: ['musees'], hospital: ['hopital'], hospitals: ['hopitaux'],
  firefighters: ['pompiers'], fire: ['incendie'], rescue: ['secours'], weather: ['meteo'], space: ['spatial'],
};

/**
 * English phrases whose words translate together, word by word ("higher education" is "enseignement
 * supérieur", not "éducation" plus "supérieur").
 */
export const EN_PHRASES_TO_FR: Record<string, string[][]> = {
  'higher education': [['enseignement', 'superieur'], ['enseignement', 'superieur']],
  'home affairs': [['interieur'], ['interieur']],
  'foreign affairs': [['affaires', 'etrangeres'], ['affaires', 'etrangeres']],
  'public accounts': [['comptes', 'publics'], ['comptes', 'publics']],
  'civil service': [['fonction', 'publique'], ['fonction', 'publique']],
  'armed forces': [['armees'], ['armees']],
};

/** Nouns numbered in a series (« promotion 2 », "second cohort", « session 3 »), folded. */
export const SERIES_NOUN = /^(?:promotions?|promos?|cohortes?|cohorts?|editions?|sessions?|eig|saisons?|seasons?|vagues?|waves?|class(?:es)?)$/;

/** Ordinals written as words, both languages, folded. */
export const ORDINALS: Record<string, number> = {
  premiere: 1, premier: 1, first: 1, '1re': 1, '1ere': 1, '1er': 1, '1e': 1, '1st': 1,
  deuxieme: 2, seconde: 2, second: 2, '2e': 2, '2eme': 2, '2nd': 2, '2de': 2,
  troisieme: 3, third: 3, '3e': 3, '3eme': 3, '3rd': 3,
  quatrieme: 4, fourth: 4, '4e': 4, '4eme': 4, '4th': 4,
  cinquieme: 5, fifth: 5, '5e': 5, '5eme': 5, '5th': 5,
};

/** Plural and feminine endings dropped so "défis"/"défi", "nationale"/"national" meet. */
export function lightStem(word: string): string {
  if (word.length > 4 && /(?:aux)$/.test(word)) return word.slice(0, -3) + 'al';
  if (word.length > 3 && /[sx]$/.test(word)) word = word.slice(0, -1);
  if (word.length > 5 && word.endsWith('e')) word = word.slice(0, -1);
  return word;
}
