/**
 * Questions no published document can answer, whatever their words: the
 * asker's own case ("la date de ma JDC", "my password") and today's facts
 * ("le taux du livret A cette année", "the weather tomorrow", who is president
 * now). The reports and articles are dated public texts; quoting one of them
 * as the answer would present an old, general statement as the asker's
 * current answer.
 * Pure functions over folded text (see normalize.ts).
 */

/** "Today", "this year", "tomorrow"…: the answer changes with the day the question is asked. */
const NOW =
  /\b(?:aujourd'?hui|demain|hier soir|ce soir|cette (?:annee|semaine)|ce mois(?:-ci)?|cette nuit|en ce moment|a l'heure actuelle|today|tonight|tomorrow|yesterday|this (?:year|week|month|morning|evening)|right now|at the moment)\b/;

/**
 * When the next one is (« Quand auront lieu les prochaines élections ? », "when is the next call?"): the
 * next one after today, which a dated document cannot know (its own "next" is long past). Not in the past
 * tense ("When was the next promotion launched?" asks what the documents tell).
 */
const NEXT_WHEN =
  /^(?!.*\b(?:was|were|did|had|a ete|ont ete|a-t-(?:il|elle) ete|ont-(?:ils|elles) ete|etait|etaient)\b).*(?:\b(?:quand|when)\b[^,;]*\b(?:prochaine?s?|next|upcoming)\b|\b(?:prochaine?s?|next|upcoming)\b[^,;]*\b(?:aura lieu|auront lieu|take place|be held)\b)/;

/** Who holds an office now: dated reports name who held it then ("le Président des États-Unis Barack Obama" in 2012). */
const HOLDER =
  /\b(?:qui est|who is|who's)\s+(?:(?:l[ea]|l'|the)\s*)?(?:actuel(?:le)?\s+|current\s+)?(?:president\w*|premier ministre|prime minister|ministre|minister|chef d'etat|head of state|maire|mayor|roi|reine|king|queen|pape|pope|chancel\w*|gouverneur|governor)\b/;

/**
 * The asker's own records: "mon mot de passe", "ma carte d'identité", "my account", or the date, place or
 * status *of* something of theirs ("la date de ma JDC"). Asked in the first person, a question about a
 * role or a procedure stays a question for the documents ("quel est mon rôle de mentor ?",
 * "comment préparer ma candidature ?").
 */
const MY = '(?:ma|mon|mes|my)';
const RECORDS =
  "mots? de passe|passwords?|comptes?|accounts?|cartes?|cards?|passeports?|passports?|permis|licen[cs]es?|identifiants?|login|e-?mails?|courriels?|messagerie|telephones?|phones?|adresses?|address(?:es)?|quartier|neighbou?rhood|rue|street|ville|town|voiture|car|colis|parcels?|packages?|commandes?|orders?|factures?|bills?|banque|bank|impots?|taxes|remboursements?|refunds?|retraite|pension|allocations?|benefits?|mutuelle|medecin|doctor|rendez-vous|appointments?|convocation|resultats?|results?|notes?|grades?|dossier|file|demande|application status";
const MINE = new RegExp(`\\b${MY}\\s+(?:\\p{L}+\\s+)?(?:${RECORDS})\\b|\\b(?:date|heure|lieu|adresse|statut|etat|suivi|time|place|status)\\s+(?:de|d'|of)\\s*${MY}\\b`, 'u');

/**
 * A hypothetical about one's own case, or one asking for one's deadline, asks for the rule, which the
 * documents state: « Si l'administration ne répond pas à ma demande, combien de temps ai-je pour saisir la CADA ? »
 */
const PROCEDURE = /^(?:et )?(?:si|if)\b|\b(?:combien de temps (?:ai-je|ai je|j'ai)|de quel delai|how long do i have)\b/;

/** Does the question ask about the asker's own situation or about today, which documents cannot state? */
export function beyondDocuments(folded: string): boolean {
  return NOW.test(folded) || NEXT_WHEN.test(folded) || HOLDER.test(folded) || (MINE.test(folded) && !PROCEDURE.test(folded));
}
