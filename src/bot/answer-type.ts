/**
 * What kind of statement answers the question (the "expected answer type"
 * of question answering): a figure for "combien", counting the noun after it
 * and in the unit its measure implies (euros for a cost, % for a rate, time
 * for a duration); a date for "quand"; a closing date for "jusqu'à quand";
 * a cause or purpose for "pourquoi". Pure functions over folded text.
 */
import type { Lang, Passage } from '../ingest/types.js';
import { statesAgent, statesDate, statesEnd, statesFigure, statesPlace, statesReason } from './statements.js';

/**
 * What the quote must state: a figure (combien), a date (quand), an end date (jusqu'à quand), a cause or
 * purpose (pourquoi), a list (quels sont les), someone's past (what they did before), a frequency (how often).
 */
export type Requirement = 'figure' | 'date' | 'end' | 'reason' | 'list' | 'background' | 'frequency' | 'place' | 'agent' | undefined;

/** The unit a figure question's measure implies. */
export type Unit = 'money' | 'percent' | 'duration' | 'threshold';

export interface AnswerType {
  /** Requirements to try in order, the last one `undefined` (any quote). */
  attempts: Requirement[];
  /** Analysed noun a "combien de X / how many X" question counts. */
  counted?: string;
  unit?: Unit;
}

/** Question forms asking for a figure. */
const FIGURE_FORM = /\b(?:combien|how many|how much|how long|how old|how big|how large|what age|quel age)\b/;
/** Measure nouns: a question naming one asks for a figure, unless its form asks for a date (« Quand le budget… »). */
const MEASURE_NOUN =
  /\b(?:nombre|number of|montant|amount|cout\w*|cost\w*|budget|salaires?|remunerations?|salar(?:y|ies)|wages?|price|taux|rate|pourcentage|percentage|part de|share of|proportion|quelle part|what share|duree|(?:what|which|quel(?:le)?s?) (?:\w+ )?(?:size|threshold|seuil|taille))\b/;
export const FIGURE_CUE = new RegExp(`${FIGURE_FORM.source}|${MEASURE_NOUN.source}`);
/** Words a question may open with before what it asks (« Et… », "So…", « Bonjour, … »), folded. */
const OPENERS = String.raw`(?:(?:and|so|but|ok|then|hello|hi|et|mais|alors|donc|bon|bonjour|salut)\W+)*`;

/**
 * A measure noun asks for a figure where it is what is asked: a few words after what/which/quel (« Quel est
 * le taux… », "what's the local rate", « quelle a été l'évolution du nombre »), or opening the question,
 * after a request or a follow-up's « et » (« Donnez-moi le montant… », "Tell me the cost…", « Et le taux ? »).
 * Further on it qualifies something else ("What cap… was introduced by the social security budget law?"),
 * and « Qui finance le salaire… ? », "How is the cost shared?" ask who or how.
 */
const ASKED_MEASURE = new RegExp(
  `(?:^${OPENERS}(?:(?:donnez|donne|dites|dis|indiquez|indique|precisez|precise|tell|give|show)(?:-moi|-nous)?\\W+(?:me\\W+|us\\W+)?)?(?:(?:le|la|les|l|the|a|un|une)\\W+)?` +
    `|\\b(?:what|which|quel(?:le)?s?)(?:\\W+[\\w']+){0,5}?\\W+|(?=\\b(?:what|which|quel)))(?:${MEASURE_NOUN.source})`,
);
/** "Where", « dans quelle ville »: a place answers (« où » is read before folding: folded, it is « ou », "or"). */
const PLACE_CUE = /\b(?:where|in (?:which|what) (?:town|city|place|country|region|building)|dans quelle (?:ville|commune|region)|a quel endroit|en quel lieu)\b/;
const OU = /(?<!\p{L}|d['’])où(?!\p{L})/iu;
/** « D'où viennent… », "Where does… come from?" ask for an origin, which need not be a place. */
const ORIGIN = /\bwhere\b.*\bfrom\b/;
/**
 * « Qui a lancé… », "Who funds…", « Par qui… »: who did it. Not « Qui est… », "Who is…" (what someone is),
 * nor « Qui peut… », "Who must…" (who may or must).
 */
const WHO_CUE =
  /^(?:et |and )?(?:par qui|by whom|qui|who)\b(?! (?:est|sont|etait|etaient|peut|peuvent|doit|doivent|is|are|was|were|can|could|must|should|may)\b)/;

/** "How often", « à quelle fréquence »: a frequency answers. */
const FREQUENCY_CUE = /\b(?:how often|how frequently|at what frequency|a quelle frequence|tous les combien)\b/;
/**
 * « Quand / when » asks for a date where a question word stands: first (« Et quand… »), after « depuis,
 * jusqu'à, savez-vous » ("since", "do you know"), or last (« c'est quand ? »). Elsewhere it opens a clause:
 * "Which tool is used when training a model?", « Que doit-on savoir quand on demande… ».
 */
export const DATE_CUE = new RegExp(
  String.raw`(?:^${OPENERS}|\b(?:since|until|till|do you know|can you tell me|depuis|jusqu'?a|de|d'ici|savez-vous|sais-tu|dites-moi|c'est)\s+)(?:quand|when)\b|\b(?:quand|when)\W*$|\b(?:en quelle annee|in what year|which year|what year|quelle date|what date|a quelle date)\b`,
);
const END_CUE =
  /\b(?:jusqu'?a quand|until when|date limite|deadline|avant quelle date|by (?:what|which) date|quand (?:se termine|prend fin|s'acheve|ferme|cloture)|when does .* (?:end|close))\b/;
const WHY_CUE = /\b(?:pourquoi|why|pour quelle raison|for what reason|quelles? (?:est|sont) (?:la|les) raisons?|what (?:is|are) the reasons?)\b/;
/** "Quels sont les facteurs…", "what are the obligations…": several things, often listed after an announcement. */
const LIST_CUE = /^(?:quels|quelles) sont (?:les|des|ces) ([\p{L}-]+)|^(?:what|which) are the (?:[\p{L}-]+ )?([\p{L}-]+)/u;
/** "Where did X work before…", « que faisait X avant de devenir EIG » ask about someone's past… */
export const BACKGROUND_CUE =
  /\b(?:before (?:she|he|they|becoming|joining)|previously|prior to|avant (?:de (?:devenir|rejoindre|integrer)|d'(?:etre|integrer))|auparavant|precedemment)\b/;
/** …when they ask about work ("What did the Court previously recommend?" does not). */
const WORK_CUE = /\b(?:travaill\w*|faisai(?:t|ent)|work\w*|do(?:ing)? before|careers?|carrieres?|parcours|jobs?|emplois?|metiers?|background)\b/;
/** Words that tell someone's past in a sentence (« ils étaient auparavant indépendants », "previously worked"). */
const PAST = /(?<!\p{L})(?:auparavant|pr[ée]c[ée]demment|avant (?:de|d['’])|ancien(?:ne)?s?|(?:a|ont|avait|avaient) travaill[ée]|parcours|carri[eè]res?|previously|formerly|used to|worked)(?!\p{L})/iu;
export const statesBackground = (sentence: string): boolean => PAST.test(sentence);
/** Words that tell how often (« toutes les deux semaines », « une fois par mois », "weekly"). */
const OFTEN =
  /(?<!\p{L})(?:chaque (?:jour|semaine|mois|ann[ée]e|trimestre|lundi|mardi|mercredi|jeudi|vendredi)|tou(?:s|tes) les (?:\p{L}+ )?(?:jours|semaines|mois|ans|ann[ée]es|lundis|mardis|mercredis|jeudis|vendredis)|(?:une|deux|trois|quatre|\d+) fois par|par (?:jour|semaine|mois|an|trimestre)|hebdomadaires?|mensuel(?:le)?s?|quotidien(?:ne)?s?|bimensuel(?:le)?s?|trimestriel(?:le)?s?|weekly|monthly|daily|fortnightly|every (?:\p{L}+ )?(?:day|week|month|year|fortnight)|(?:once|twice|\d+ times) (?:a|per) (?:day|week|month|year))(?!\p{L})/iu;
export const statesFrequency = (sentence: string): boolean => OFTEN.test(sentence);
/** A question that opens by asking why. */
const WHY_START = /^(?:et |and |mais |but )?(?:pourquoi|why|pour quelle raison|for what reason)\b/;

/**
 * Does the question open with where or why (folded: « où » is « ou », which opens no other question)? It
 * asks for a place or a reason, not for a list of things (bot.ts: no défis list for it).
 */
export const opensWithPlaceOrReason = (folded: string): boolean =>
  WHY_START.test(folded) || /^(?:(?:et|and|so|alors) )?(?:where|ou)\b/.test(folded);
/** The noun a count question counts ("combien de jours", "how many women"). */
// "How many of the fourth cohort's projects": the possessive's owner is not what is counted.
const COUNTED =
  /\b(?:combien d(?:e |')|how many |nombre d(?:e |')|number of )(?:(?:l'|la |les |des |of (?:the|these|those|its|their|his|her) )?)(?:(?:[\p{L}\d-]+ )?[\p{L}\d-]+'s )?([\p{L}\d-]+(?: [\p{L}\d-]+)?)/u;

const UNIT_CUES: [Unit, RegExp][] = [
  // An age is a number of years: « jusqu'à l'âge de 25 ans ».
  ['duration', /\b(?:combien de temps|how long|duree|pendant combien|for how long|quel age|what age|how old)\b/],
  ['percent', /\b(?:pourcentage|taux|proportion|percentage|rate|quelle part|what share)\b/],
  // A threshold is a figure past which something applies: « plus de 3 500 habitants ».
  ['threshold', /\b(?:seuils?|thresholds?|a partir de (?:quel|combien)|from (?:what|which|how many))\b/],
  ['money', /\b(?:cout\w*|montant|prix|budget|salaire|remuner\w*|combien gagn\w*|depens\w*|financ\w*|subvention|cost\w*|price|amount|salary|wages?|earn\w*|paid|spen[dt]\w*|fund\w*|grant)\b/],
];

/**
 * The cues in the order they decide: a question opening with "why" asks for a reason whatever measure
 * it names; "combien" before a date form; a measure noun only when no date form asks (« Quand le budget… »).
 */
const NEED_ORDER: [(folded: string) => boolean, NonNullable<Requirement>][] = [
  [(f) => WHY_START.test(f), 'reason'],
  [(f) => FIGURE_FORM.test(f), 'figure'],
  [(f) => FREQUENCY_CUE.test(f), 'frequency'],
  [(f) => END_CUE.test(f), 'end'],
  [(f) => DATE_CUE.test(f), 'date'],
  [(f) => ASKED_MEASURE.test(f), 'figure'],
  [(f) => WHY_CUE.test(f), 'reason'],
  [(f) => BACKGROUND_CUE.test(f) && WORK_CUE.test(f), 'background'],
  // "Where did she work before…" asks for her past; other "where" questions for a place.
  [(f) => PLACE_CUE.test(f) && !ORIGIN.test(f), 'place'],
  [(f) => LIST_CUE.test(f), 'list'],
  [(f) => WHO_CUE.test(f), 'agent'],
];

/** The kind of statement that answers the question (folded text; `analyze` gives the counted noun's term). */
export function answerType(folded: string, lang: Lang, analyze: (text: string, lang: Lang) => string[], question?: string): AnswerType {
  const need: Requirement = NEED_ORDER.find(([test]) => test(folded))?.[1] ?? (question && OU.test(question) ? 'place' : undefined);
  // An end date not found, any date of the thing asked about is the next best answer. Someone's past, how
  // often something happens or where it is are only told by a sentence saying it: any other answers something else.
  const attempts: Requirement[] =
    need === 'end' ? ['end', 'date', undefined] : need === 'background' || need === 'frequency' || need === 'place' ? [need] : need ? [need, undefined] : [undefined];
  if (need === 'list') {
    // The listed things: "6 facteurs de réussite" announces them.
    const list = LIST_CUE.exec(folded);
    const counted = analyze(list?.[1] ?? list?.[2] ?? '', lang)[0];
    return { attempts, ...(counted ? { counted } : {}) };
  }
  if (need !== 'figure') return { attempts };
  // The counted noun: the first word in French ("jours d'absence"), the last of two in English ("young people"),
  // unless that one is a past tense ("people died", "projects published").
  const phrase = COUNTED.exec(folded)?.[1] ?? '';
  const thing = analyze(lang === 'en' && /^\S+ \S+ed$/.test(phrase) ? phrase.split(' ')[0] ?? '' : phrase, lang);
  const counted = lang === 'en' ? thing[thing.length - 1] : thing[0];
  // The measure asked for comes first: « quelle part … des affections de longue durée » asks for a share.
  const unit = UNIT_CUES.map(([u, re]) => [u, folded.search(re)] as const)
    .filter(([, at]) => at >= 0)
    .sort((a, b) => a[1] - b[1])[0]?.[0];
  // "Combien de temps": the unit is the answer's noun, not "temps".
  return { attempts, ...(counted && unit !== 'duration' ? { counted } : {}), ...(unit ? { unit } : {}) };
}

/** Number words before days: not « un jour », "one day", which tell when more often than how long. */
const DAY_COUNT =
  'deux|trois|quatre|cinq|six|sept|huit|neuf|dix|onze|douze|quinze|vingt|trente|two|three|four|five|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty';
/** Number words before another unit of time (« un délai d'un mois », « sept ans », "two weeks"). */
const DURATION_COUNT = `une?|one|${DAY_COUNT}`;

const UNIT_TEXT: Record<Unit, RegExp> = {
  money: /\d\s*(?:€|euros?\b|m€|md€|k€|millions? d'euros|milliards? d'euros|\$|dollars?\b)|[€$]\s*\d/i,
  // A share said in words (« un peu moins de la moitié », "a third") is a share too.
  percent: /\d\s*(?:%|pour ?cent|percent|points?\b)|\b(?:(?:la moiti[ée]|un tiers|deux tiers|un quart|trois quarts) (?:d(?:es|u)\b|de (?:la|l['’]|leurs?|ses|son|sa|ces|cette|nos|vos)\b)|(?:(?:a|one|two) thirds?|(?:a|one|three) quarters?|half) of\b)/i,
  // A duration in words (« un délai d'un mois », "two weeks") is one too.
  // « Un jour », "one day" tell when more often than how long: a day counts from two.
  duration: new RegExp(
    `(?:\\d|(?<!\\p{L})(?:${DURATION_COUNT}))\\s*(?:minutes?|min|heures?|h|hours?|semaines?|weeks?|mois|months?|ans|ann[ée]es?|years?)(?!\\p{L})` +
      // « un an », « 1 an », but not "in 2019 an audit".
      `|(?:(?<!\\d)\\d{1,2}|(?<!\\p{L})(?:${DURATION_COUNT}))\\s*an(?!\\p{L})` +
      `|(?:\\d|(?<!\\p{L})(?:${DAY_COUNT}))\\s*(?:jours?|journ[ée]es?|days?)(?!\\p{L})`,
    'iu',
  ),
  threshold: /(?:plus d['e’]|moins d['e’]|au moins|au-del[àa] d['e’]|[àa] partir d['e’]|sup[ée]rieure? [àa]|inf[ée]rieure? [àa]|more than|less than|fewer than|at least|over|above|below|under)\s*\d/i,
};

/** Does the sentence state a figure in the unit? */
export const statesUnit = (sentence: string, unit: Unit): boolean => UNIT_TEXT[unit].test(sentence.replace(/[\u00a0\u202f]/g, ' '));

/** Does the sentence announce or hold a list (ends with ':', "3 obligations", items separated by ';')? */
export const statesList = (sentence: string): boolean =>
  /:\s*$/.test(sentence) || /\b\d{1,2}\s+\p{L}{4,}/u.test(sentence) || (sentence.match(/;/g)?.length ?? 0) >= 2;

const needCache = new WeakMap<Passage, Record<NonNullable<Requirement>, boolean[]>>();

/** Does sentence `i` of the passage meet the requirement? (memoised per passage) */
export function meets(p: Passage, i: number, need: Requirement): boolean {
  if (!need) return true;
  let flags = needCache.get(p);
  if (!flags) {
    flags = {
      figure: p.sentences.map(statesFigure),
      date: p.sentences.map(statesDate),
      end: p.sentences.map(statesEnd),
      reason: p.sentences.map(statesReason),
      list: p.sentences.map(statesList),
      background: p.sentences.map(statesBackground),
      frequency: p.sentences.map(statesFrequency),
      place: p.sentences.map(statesPlace),
      agent: p.sentences.map(statesAgent),
    };
    needCache.set(p, flags);
  }
  return flags[need][i] ?? false;
}

/**
 * Words that only say which kind of statement answers ("how long", "how often", "combien de temps", "en quelle année",
 * "quelle date"): the answer states a duration or a date, not these words, so they are not the topic.
 * Letter lookarounds, not \b, which ignores accented letters (« À quelle date »).
 */
const TYPE_WORDS =
  /(?<!\p{L})(?:how long|for how long|how (?:often|frequently)|at what frequency|(?<=(?:what|which|quel(?:le)?s?) (?:\p{L}+ )?)(?:size|threshold|seuil|taille)|(?:à|a) quelle fr[ée]quence|tous les combien|combien de temps|pendant combien de temps|en quelle ann[ée]e|(?:in )?(?:what|which) year|quelle ann[ée]e|(?:à|a) quelle date|quelle date|(?:on )?what date|which date)(?!\p{L})/giu;

/** In a duration question, the verb of lasting ("dure", "a duré", "last", "spend" time) only says it is one. */
const DURATION = /\b(?:how long|combien de (?:temps|jours|mois|semaines|heures|minutes|ann[ée]es)|dur[ée]e)\b/iu;
const LASTING = /\b(?:a |ont )?(?:dur[ée]e?s?|dure|durent|durait|duraient|durera|last|lasts|lasted|spend|spends|spent|take|takes|took)(?![\p{L}-])/giu;

/** In a figure question, "per year" says the figure is yearly: « par an » is in many sentences stating another one. */
const PER_YEAR = /(?<!\p{L})(?:par an|chaque ann[ée]e|par ann[ée]e|per year|each year|every year|a year|annually|yearly)(?!\p{L})/giu;

/**
 * Words that say how the asker sees the fact, not which fact: "is supposed to", adverbs of time, emphasis
 * and habit (« peut-on encore », "typically"), indefinite quantifiers (« certains établissements »).
 * Removed as written: their stems are content words (« généralement » → « général », "actually" → "actual").
 */
const FILLERS =
  /(?<!\p{L})(?:supposed|encore|toujours|d[ée]j[àa]|vraiment|exactement|pr[ée]cis[ée]ment|still|already|exactly|really|actually|ever|typically|usually|generally|normally|typiquement|g[ée]n[ée]ralement|habituellement|normalement|certain(?:e|s|es)?|plusieurs|quelques|various)(?!\p{L})/giu;

/**
 * "Higher or lower", « en hausse ou en baisse »: both sides of a comparison are the question's form, and
 * the answer states figures, seldom either word.
 */
const EITHER_WAY =
  /(?<!\p{L})(?:(?:higher|greater|more|bigger|larger|better|up) or (?:lower|less|smaller|fewer|worse|down)|(?:lower|less|smaller|fewer|worse|down) or (?:higher|greater|more|bigger|larger|better|up)|(?:plus|moins) ou (?:plus|moins)|sup[ée]rieure?s? ou inf[ée]rieure?s?|inf[ée]rieure?s? ou sup[ée]rieure?s?|en (?:hausse|baisse) ou en (?:hausse|baisse))(?!\p{L})/giu;

/** The question without its answer-type words and fillers. */
export function topicText(question: string, need?: Requirement): string {
  const text = (DURATION.test(question) ? question.replace(LASTING, ' ') : question).replace(TYPE_WORDS, ' ').replace(FILLERS, ' ').replace(EITHER_WAY, ' ');
  return (need === 'figure' ? text.replace(PER_YEAR, ' ') : text).replace(/\s+/g, ' ').trim();
}
