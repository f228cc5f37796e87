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

/** Who holds an office now: dated reports name who held it then ("le Président des États-Unis Barack Obama" in 2012). */
const HOLDER =
  /\b(?:qui est|who is|who's)\s+(?:(?:l[ea]|l'|the)\s*)?(?:actuel(?:le)?\s+|current\s+)?(?:president\w*|premier ministre|prime minister|ministre|minister|chef d'etat|head of state|maire|mayor|roi|reine|king|queen|pape|pope|chancel\w*|gouverneur|governor)\b/;

/**
 * The asker's own things ("ma carte", "mon mot de passe", "my account"). Their organisation or team
 * is not private: "comment mon administration peut-elle proposer un défi ?" is a question for the documents.
 */
const MINE = /\b(?:ma|mon|mes|my)\s+(?!(?:own\s+)?(?:administrations?|ministeres?|ministry|ministries|services?|equipes?|teams?|organisations?|organizations?|organismes?|agences?|agency|agencies|collectivites?|etablissements?|structures?|direction|department|departement|entites?|entity|institution)\b)\p{L}/u;

/** Does the question ask about the asker's own situation or about today, which documents cannot state? */
export function beyondDocuments(folded: string): boolean {
  return NOW.test(folded) || HOLDER.test(folded) || MINE.test(folded);
}
