/**
 * Generic linguistic resources for knowledge extraction: words, never names of bodies.
 * All entries are folded (lowercase, no accents, straight apostrophes); see `fold` in names.ts.
 */

/** Words that head the name of a ministry. */
/** Singular only: "les ministères de la justice et des affaires sociales" names several bodies. */
export const MINISTRY_HEADS = new Set(['ministere', 'ministry']);

/** Words that head the name of an administration or public body (ministries included). */
export const ADMIN_HEADS = new Set([
  ...MINISTRY_HEADS,
  'agence', 'agency', 'direction', 'directorate', 'cour', 'court', 'bibliotheque', 'library', 'conseil', 'council',
  'secretariat', 'service', 'services', 'institut', 'institute', 'office', 'mission', 'caisse', 'centre', 'center',
  'commission', 'commissariat', 'prefecture', 'gendarmerie', 'assemblee', 'assembly', 'senat', 'senate', 'chambre',
  'chamber', 'etablissement', 'delegation', 'inspection', 'autorite', 'authority', 'departement', 'department',
  'observatoire', 'haut', 'haute', 'union', 'fondation', 'archives', 'musee', 'tribunal', 'presidence', 'cnil',
]);

/** Heads that only name a body when a capitalised word or a particle follows (too common on their own). */
export const WEAK_HEADS = new Set(['service', 'services', 'mission', 'office', 'centre', 'center', 'union', 'haut', 'haute', 'departement', 'department', 'direction', 'chambre', 'presidence']);

/**
 * Ministry portfolio words, French and English, mapped to one canonical portfolio, so that
 * "Ministry of the Interior" and "ministère de l'Intérieur" are the same ministry.
 * Multi-word portfolios are written with single spaces.
 */
export const PORTFOLIOS: Record<string, string> = {
  interieur: 'interieur', interior: 'interieur', 'home affairs': 'interieur',
  culture: 'culture', communication: 'communication',
  economie: 'economie', economy: 'economie', 'economic affairs': 'economie',
  finances: 'finances', finance: 'finances', 'comptes publics': 'comptes publics', 'public accounts': 'comptes publics', budget: 'budget',
  sante: 'sante', health: 'sante',
  defense: 'defense', defence: 'defense', armees: 'armees', 'armed forces': 'armees', armies: 'armees',
  'education nationale': 'education', education: 'education',
  'enseignement superieur': 'enseignement superieur', 'higher education': 'enseignement superieur',
  recherche: 'recherche', research: 'recherche', innovation: 'innovation',
  justice: 'justice', 'affaires sociales': 'affaires sociales', 'social affairs': 'affaires sociales',
  solidarites: 'solidarites', solidarity: 'solidarites', travail: 'travail', labour: 'travail', labor: 'travail', emploi: 'emploi', employment: 'emploi',
  agriculture: 'agriculture', alimentation: 'alimentation', food: 'alimentation',
  'transition ecologique': 'transition ecologique', 'ecological transition': 'transition ecologique', ecologie: 'ecologie', environnement: 'environnement', environment: 'environnement',
  'affaires etrangeres': 'affaires etrangeres', 'foreign affairs': 'affaires etrangeres', 'europe et affaires etrangeres': 'affaires etrangeres',
  transports: 'transports', transport: 'transports', logement: 'logement', housing: 'logement',
  'outre-mer': 'outre-mer', 'overseas': 'outre-mer', sports: 'sports', sport: 'sports', jeunesse: 'jeunesse', youth: 'jeunesse',
  'cohesion des territoires': 'cohesion des territoires', territoires: 'territoires', industrie: 'industrie', industry: 'industrie',
  'action publique': 'action publique', 'fonction publique': 'fonction publique', 'civil service': 'fonction publique', numerique: 'numerique', digital: 'numerique',
};

/** Small words skipped when comparing names or matching acronym initials. */
export const SMALL_WORDS = new Set([
  'de', 'du', 'des', 'd', 'la', 'le', 'les', 'l', 'et', 'pour', 'a', 'au', 'aux', 'en', 'sur', 'of', 'the', 'and', 'for', 'on', 'in', 'to', 'at',
]);

/** Words between the parts of a body's name (lowercase particles). */
export const PARTICLES = new Set(['de', 'du', 'des', 'd', 'la', 'le', 'l', 'of', 'the', 'for', 'pour', 'et', 'and']);

/** Lowercase words that may continue a body's name ("Bibliothèque nationale", "Transition écologique et solidaire"). */
export const NAME_ADJECTIVES = new Set([
  'national', 'nationale', 'nationaux', 'nationales', 'general', 'generale', 'generaux', 'superieur', 'superieure', 'social', 'sociale', 'sociaux',
  'sociales', 'solidaire', 'ecologique', 'public', 'publique', 'publics', 'publiques', 'francais', 'francaise', 'regional', 'regionale',
  'interministeriel', 'interministerielle', 'ministeriel', 'ministerielle', 'numerique', 'economique', 'economiques', 'territorial', 'territoriale',
  'departemental', 'departementale', 'maritime', 'maritimes', 'etrangeres', 'interieur', 'international', 'internationale', 'europeen', 'europeenne',
  'artistique', 'culturel', 'culturelle', 'scientifique', 'technique', 'statistique', 'financier', 'financiere', 'comptes', 'interieure',
]);

export const MONTHS = new Set([
  'janvier', 'fevrier', 'mars', 'avril', 'mai', 'juin', 'juillet', 'aout', 'septembre', 'octobre', 'novembre', 'decembre',
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
]);

/** Ordinals as written in "1re promotion", "deuxième promotion", "third cohort". */
export const ORDINALS: Record<string, number> = {
  premiere: 1, premier: 1, first: 1, deuxieme: 2, seconde: 2, second: 2, troisieme: 3, third: 3, quatrieme: 4, fourth: 4,
  cinquieme: 5, fifth: 5, sixieme: 6, sixth: 6, septieme: 7, seventh: 7, huitieme: 8, eighth: 8,
};

/** Words (folded) that are common sentence starters or titles, never part of a person's name. */
export const NOT_NAME_WORDS = new Set([
  'le', 'la', 'les', 'un', 'une', 'des', 'ce', 'cette', 'ces', 'il', 'elle', 'ils', 'elles', 'nous', 'vous', 'leur', 'leurs', 'son', 'sa', 'ses',
  'monsieur', 'madame', 'etat', 'etalab', 'eig', 'entrepreneur', 'entrepreneurs', 'entrepreneure', 'mentor', 'mentors', 'defi', 'defis',
  'programme', 'program', 'promotion', 'republique', 'president', 'france', 'paris', 'premier', 'ministre', 'photo', 'video', 'son', 'profil',
  'the', 'a', 'an', 'and', 'et', 'pour', 'avec', 'chez', 'dans', 'linkedin', 'twitter', 'github', 'lab', 'data', 'open', 'api',
]);

/** Words refused as names elsewhere but common surnames when they close a person's name ("Delphine Lê", "Julien Paris"). */
export const SURNAME_WORDS = new Set(['le', 'la', 'paris', 'france']);
