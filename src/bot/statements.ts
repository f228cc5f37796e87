/**
 * What a sentence states, whatever the question: a figure, a date, an end date, a cause or purpose.
 * Pure tests over the raw sentence (accents and capitals as written); the answer type (answer-type.ts)
 * says which one a question needs.
 */
const NUMBER_WORDS =
  /\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|quarante|cinquante|cent|cents|centaines?|dizaines?|douzaines?|vingtaines?|trentaines?|mille|milliers|millions?|milliards?|tiers|quart|two|three|four|five|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|hundreds?|thousands?|dozens?|billions?|half)\b|\bmoiti[eé](?![a-zà-ÿ])/i;
// Letter boundaries, not \b: « marché » is not "march" (\b sees « é » as a boundary).
const MONTHS =
  /(?<!\p{L})(?:janvier|fevrier|février|mars|avril|mai|juin|juillet|aout|août|septembre|octobre|novembre|decembre|décembre|january|february|march|april|may|june|july|august|september|october|november|december)(?!\p{L})/iu;

/** Day(s) of a date ("5 mars", "24 et 25 mars", "1er juillet", "March 5"): part of a date, not a figure. */
const DAY_OF_MONTH = new RegExp(
  `\\b\\d{1,2}(?:er)?(?:\\s*(?:et|au|à|and|to|-|–|,)\\s*\\d{1,2}(?:er)?)*\\s+(?=${MONTHS.source})|(?<=${MONTHS.source})\\s+\\d{1,2}\\b`,
  'giu',
);

/**
 * Nouns whose number names one of a series ("promotion 2", "article 12", "programme 167", "EIG 4",
 * "recommandation n° 3"): a label, not a quantity.
 */
const LABELS =
  'promotions?|articles?|chapitres?|chapters?|pages?|p\\.|annexes?|annex|tableaux?|tables?|figures?|graphiques?|sections?|parties|partie|parts?|titres?|titles?|livres?|tomes?|volumes?|programmes?|programs?|actions?|recommandations?|recommendations?|propositions?|proposals?|defis?|défis?|challenges?|lots?|niveaux?|levels?|phases?|etapes?|étapes?|steps?|saisons?|seasons?|versions?|sessions?|rounds?|eig|n°|no';
const LABELLED = new RegExp(`\\b(?:${LABELS})\\s*(?:n°\\s*)?\\d+(?:\\s*(?:et|and|à|to|-|–|,)\\s*\\d+)*\\b`, 'gi');

/** Does the sentence state a figure (a number that is not just a year, a day of a date, a label, a list item's number or an ordinal, or a number word)? */
export const statesFigure = (sentence: string): boolean =>
  /\d/.test(
    sentence
      .replace(DAY_OF_MONTH, ' ')
      .replace(LABELLED, ' ')
      // A footnote call glued to its word (« au CTO(2) d'une entreprise ») refers, it does not count.
      .replace(/(?<=\p{L})\(\d{1,3}\)/gu, ' ')
      // A code article (« L. 300-2 », « R.311-3-1 »), a clause (« 2° ») or a reference numbered by its year
      // (« Réf. : S 2016-0954 », « ordonnance n° 2015-1288 ») names a text, it does not count.
      .replace(/(?<!\p{L})[LRD]\.?\s?\d+(?:-\d+)+|\d+\s?°|(?<![\d,.])(?:1[89]|20)\d\d-\d{3,}(?!\d)/gu, ' ')
      // A list item's number (« 4.Au sein du ministère », « 2) Les données ») orders, it does not count.
      .replace(/(?<=^\s*|[.:;!?]\s{0,3})\d{1,2}\s?[.)]\s*(?=\p{Lu})/gu, ' ')
      .replace(/\b(?:1[89]|20)\d\d\b|\b\d{1,2}(?:e|è|ème|eme|er|re|ère|nd|rd|th|st)\b/g, ''),
  ) || NUMBER_WORDS.test(sentence);

/** Connectives that give a cause or a purpose, French and English (folded or not). */
const REASON =
  /\b(?:en raison d|a cause d|à cause d|du fait d|parce qu|car\b|puisqu|grace a|grâce à|afin d|dans le but d|pour (?:que|permettre|eviter|éviter|faciliter|favoriser|repondre|répondre|garantir|assurer|mieux)|suite a|suite à|face a|face à|(?:est|sont|[ée]tait|[ée]taient|serait|seraient|[êe]tre) d[uû]e?s? (?:a|à|au|aux)(?=\s)|(?:hausse|baisse|augmentation|diminution|recul|retard|chute|progression|croissance|d[ée]gradation|am[ée]lioration)[^.;]{0,80}?li[ée]e?s? (?:en particulier |notamment |surtout |principalement )?(?:a|à|au|aux)(?=\s)|s'expliqu|s’expliqu|expliqu\w* par|r[ée]sulte(?:nt)? d|provien\w* d|faute d|because|due to|owing to|caused by|results? from|stems? from|explained by|as a result|so that|in order to|so as to|the reason|la raison|les raisons|motiv)/i;

/** Does the sentence give a cause or a purpose ("en raison des mesures de confinement", "because")? */
export const statesReason = (sentence: string): boolean => REASON.test(sentence);

/** A place: a capitalised name after « à / en / dans », "in / at" (« à Orléans », "in Paris"), or a street, a district. */
const PLACE =
  /(?<!\p{L})(?:à|au|aux|en|dans|in|at)\s+(?:la |le |les |l['’]|the )?\p{Lu}\p{L}+|(?<!\p{L})(?:rue|avenue|boulevard|place|quai|arrondissement|street|road|district)\s+(?:de |du |des |d['’])?\p{Lu}|\b(?:\d{1,2}(?:e|er|ème|eme)|[IVX]+(?:e|ème))\s+arrondissement/u;
export const statesPlace = (sentence: string): boolean => PLACE.test(sentence);

/** A participle and its agent: « lancé par », « financé par », "run by" (what was done, by whom). */
const AGENT = /(\p{L}+(?:é|ée|és|ées|i|ie|is|ies|u|ue|us|ues|it|ite|its|ites|ed|en|un))\s+(?:par|by)\s/giu;

/** Does the sentence say by whom something was done (« a été lancé par la Présidence »)? */
export const statesAgent = (sentence: string): boolean => agentVerbs(sentence).length > 0;

/** The participles of a sentence that an agent follows (« lancé » in « lancé par la Présidence »). */
export const agentVerbs = (sentence: string): string[] => [...sentence.matchAll(AGENT)].map((m) => m[1] ?? '');

/**
 * The sentence split at its first connective of cause: the clause it introduces (up to the next comma,
 * semicolon or colon) and the rest. « Du fait de la baisse de l'activité, le nombre des bureaux
 * s'accroît » gives the cause « la baisse de l'activité » and the rest « le nombre des bureaux s'accroît ».
 */
export function causeClause(sentence: string): { cause: string; rest: string } | undefined {
  const m = REASON.exec(sentence);
  if (!m) return undefined;
  // The connective may end inside a word (« du fait d|e », « parce qu|'il »): the clause starts after it.
  const from = m.index + m[0].length + (/^\p{L}*['’]?/u.exec(sentence.slice(m.index + m[0].length))?.[0].length ?? 0);
  const stop = sentence.slice(from).search(/[,;:]/);
  const to = stop < 0 ? sentence.length : from + stop;
  return { cause: sentence.slice(from, to).trim(), rest: `${sentence.slice(0, m.index)} ${sentence.slice(to)}`.trim() };
}

/** Words that close a period: "jusqu'au 15 juin", "avant le", "date limite", "until", "by". */
const END = /\b(?:jusqu'?(?:au|a|à|en)|jusqu’(?:au|a|à|en)|avant (?:le|la|fin)|au plus tard|date limite|cl[oô]tur\w*|prend fin|s'ach[eè]v\w*|until|till|no later than|deadline|closes?|closing|ends? on|by the end)/i;

/** Does the sentence state when something ends (a date with "jusqu'au", "avant le", "until")? */
export const statesEnd = (sentence: string): boolean => statesDate(sentence) && END.test(sentence.replace(/’/g, "'"));

/** Days of the week and times of day: "chaque vendredi à 15 heures" says when, too. */
const WEEKDAYS_AND_TIMES =
  /\b(?:lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b|\b\d{1,2}\s?(?:h\d{0,2}|heures?)\b|\b\d{1,2}(?::\d\d)?\s?(?:a\.?m\.?|p\.?m\.?|o'clock)/i;

/** Does the sentence state a date (a year, a month, a day of the week or a time of day)? */
export const statesDate = (sentence: string): boolean =>
  /\b(?:1[89]|20)\d\d\b/.test(sentence) || MONTHS.test(sentence) || WEEKDAYS_AND_TIMES.test(sentence);

/**
 * Not a statement: a source line or a figure caption ending with its source (« … par classe d'âge Source :
 * INSEE, 2007–2060 »), a reference, a table row, a roster of people met (« Natacha LEMAIRE, adjointe… Philippe BURNEL… »).
 */
export const citation = (s: string): boolean =>
  /^\s*(?:\(?\d{1,3}[.)]\s*)?(?:sources?|notes?)\s*:|\bsources?\s*:[^:]{0,160}$/iu.test(s) || reference(s) || tabular(s) || roster(s);
/** A reference to another publication: « …, 22 juillet 2002, 3 p., disponible sur www.ccomptes.fr ». */
const reference = (s: string): boolean => /\b\d+\s?p\.,|\b(?:disponible sur|available (?:at|on|from))\s+\S+\s*\.?\s*$/iu.test(s);
/** Footnotes ("31. À noter que…") and citations say little on their own. */
export const quotable = (s: string): boolean => s.length >= 40 && !/^\s*(?:\(\d{1,2}\)|\d{1,3}[.)]\s)/u.test(s) && !citation(s);
/** Three "Firstname SURNAME" or more: a list of people, not a statement. */
const roster = (s: string): boolean => (s.match(/\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)? \p{Lu}{2,}(?:[- ]\p{Lu}{2,})*\b/gu)?.length ?? 0) >= 3;
/**
 * A table row read as text ("Salaires 756 553,38 € 1 801 326 € …"): numbers with few words between them,
 * not written as a sentence. « Les montants prélevés s'élevaient à 81 569 € pour 2009, 88 128 € pour 2010… »
 * is a statement: capitalised, ended as a sentence, its figures joined by small words (« pour », « en »,
 * « et »), no cells joined by « ; », no source line.
 */
function tabular(s: string): boolean {
  // A space groups thousands (« 81 569 ») only before three digits: « 12,5 13,1 » is two numbers.
  const numbers = s.match(/\d+(?:[,.]\d+|\s\d{3}(?!\d))*/g)?.length ?? 0;
  const words = s.match(/\p{L}{3,}/gu)?.length ?? 0;
  return numbers >= 5 && numbers >= words * 0.5 && !written(s);
}
const written = (s: string): boolean =>
  /^\s*\p{Lu}/u.test(s) && /[.!?…]\s*$/u.test(s) && !/ ; |\bsources?\s*:/iu.test(s) && FIGURE_THEN_WORD.test(s);
/**
 * A figure (with its unit) followed by a small word, maybe after one other word (« 81 569 € pour », « 11 000
 * sessions et »), or by a comma and the next figure (« 233, 229, 238 »: a table's cells have no commas between).
 */
const FIGURE_THEN_WORD =
  /\d[\d\s,.]*(?:\s*(?:%|€|M€|Md€|k€))?\s*\)?\s+(?:\p{L}+\s+)?(?:pour|en|et|à|de|du|des|au|aux|soit|contre|par|sur|dont|ou|in|for|and|to|of|from|per|or)\s|\d\s*(?:%|€)?,\s+\d/iu;
