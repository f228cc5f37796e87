/**
 * The bot: normalise → small talk → rules over the knowledge → retrieval →
 * fallback. Everything corpus-dependent (entity catalogue, classifier,
 * suggestions) is built once here, so `answer` is synchronous and cheap.
 */
import type { Lang } from '../ingest/types.js';
import type { LoadedCorpus } from '../index/types.js';
import { acronymMeaning, acronymTable, acronymText } from './acronyms.js';
import { answerType, BACKGROUND_CUE, DATE_CUE, FIGURE_CUE, opensWithPlaceOrReason, statesUnit, topicText } from './answer-type.js';
import { statesDate, statesFigure } from './statements.js';
import { buildCatalog, defiHandle } from './catalog.js';
import { followUpIntent, isFollowUp, mergeSlots, remember, type Slots } from './conversation.js';
import { matchEntities, type Entities } from './entities.js';
import { fallbackAnswer } from './fallback.js';
import { features, trainIntents, type Intent, type RuleIntent } from './intents.js';
import { fold, normalizeQuestion, words } from './normalize.js';
import type { TermTools } from './question-terms.js';
import { retrieve } from './retrieval.js';
import { beyondDocuments } from './scope.js';
import { answerRule, toSources } from './rules.js';
import { matchSmalltalk, stripGreeting } from './smalltalk.js';
import { buildSuggestions } from './suggestions.js';
import { indexTermTools } from './terms.js';
import { questionVerbs } from './verbs.js';
import { ENGLISH_VERBS, FRAME_WORDS, FRENCH_VERBS, MEASURE_WORDS } from './question-words.js';
import * as t from './templates.js';
import type { Answer, AnswerOptions, Bot, Session } from './types.js';

export interface BotOptions {
  /** Link of a cited file (and page); default `/corpus/<path>#page=N`. */
  sourceUrl?: (path: string, page?: number) => string;
  /** The index's analyzer and expansion; default: the ones of `src/index`. */
  terms?: TermTools;
}

/** Below this confidence a retrieved sentence is not shown as an answer. */
export const RETRIEVAL_MIN = 0.68;

export const defaultSourceUrl = (path: string, page?: number): string =>
  `/corpus/${path.split('/').map(encodeURIComponent).join('/')}${page !== undefined ? `#page=${page}` : ''}`;

const DEFI_CUE = /\b(?:defis?|challenges?|projets?|projects?|propos(?:e|es|ee|ees|er|ent|ait|aient|itions?|als?|ed)|port(?:e|ee|es|ees|er|ent|ait|aient|eurs?)|submit\w*|host\w*|accueilli\w*|lance\w*)\b/;
const WHO_CUE = /\b(?:qui|who|quels? (?:eig|entrepreneu\w*|personnes?)|which (?:eig|entrepreneurs?|people)|equipe|team|membres?|members?)\b/;
/** "Avec qui travaille X ?" asks for the people sharing X's défi, not for X's défi. */
const TEAM_CUE = /\bavec qui\b|\bwith whom\b|\bwork\w* with\b|\bco-?equipi\w*|\bteam-?mates?\b|\bcoll[eè]gues?\b|\bcolleagues?\b/;
const MENTOR_CUE = /\bmentor\w*|\bencadr\w*|\bsupervis\w*/;

/** Rules that answer about a person: their défis, their mentor. */
const PERSON_INTENTS = new Set<Intent>(['defis_of_person', 'mentor_of']);
/** Beginnings of the words that ask for a person's défis or mentor. */
const PERSON_CUE = /^(?:defi|challeng|proj|travail|work|mentor|encadr|supervis|role|mission|sujet|eig|entrepreneu|promo|port|did|do)/;

/** Question words that neither name the person nor ask for their défis or mentor, and that the rule's answer lacks. */
function offTopicWords(residual: string[][], answerFolded: string): number {
  return residual.filter((alts) => !alts.some((a) => PERSON_CUE.test(a) || answerFolded.includes(a))).length;
}

function allowedIntents(e: Entities, folded: string): Intent[] {
  const allowed: Intent[] = [];
  // "Combien de défis…" / "when…" want the figure or date the documents state, not a list; "where…" / "why…"
  // (« Où la deuxième promotion s'est-elle réunie pour ses défis ? ») a place or a reason.
  const defiCue = DEFI_CUE.test(folded) && !FIGURE_CUE.test(folded) && !DATE_CUE.test(folded) && !opensWithPlaceOrReason(folded);
  if (e.admins.length && defiCue) allowed.push('defis_by_administration');
  if ((e.year !== undefined || e.promotion !== undefined) && defiCue && !e.admins.length) allowed.push('defis_by_promotion');
  if ((e.defis.length || (e.admins.length && defiCue)) && WHO_CUE.test(folded)) allowed.push('people_of_defi');
  // "Where did X work before…" asks about the person's past, which the text says, not the knowledge.
  if (e.people.length && !BACKGROUND_CUE.test(folded)) allowed.push('defis_of_person');
  if ((e.people.length || e.defis.length) && MENTOR_CUE.test(folded)) allowed.push('mentor_of');
  return allowed;
}

function slotsOf(e: Entities): Slots {
  const s: Slots = {};
  const admin = e.admins[0];
  if (admin) {
    s.administration = admin.admin.id;
    if (admin.keys.length) s.adminKeys = admin.keys.join(' ');
  }
  if (e.defis[0]) s.defi = e.defis[0].id;
  if (e.people[0]) s.person = e.people[0].id;
  if (e.year !== undefined) s.year = String(e.year);
  if (e.promotion !== undefined) s.promotion = String(e.promotion);
  return s;
}

const RULE_INTENTS = new Set<string>(['defis_by_administration', 'defis_by_promotion', 'people_of_defi', 'defis_of_person', 'mentor_of']);

export function createBot(corpus: LoadedCorpus, options: BotOptions = {}): Bot {
  const catalog = buildCatalog(corpus.knowledge);
  const model = trainIntents();
  const suggestions = buildSuggestions(catalog);
  const url = options.sourceUrl ?? defaultSourceUrl;
  const tools = options.terms ?? indexTermTools(corpus.knowledge, (term) => corpus.index.documentFrequency(term));
  // Word lists as the analyzer's terms, in the languages a question using them may be in.
  const termsOf = (list: string, langs: Lang[]): Set<string> => new Set(langs.flatMap((l) => tools.analyze(list, l)));
  const measure = termsOf(MEASURE_WORDS, ['fr', 'en']);
  // A question's own language frames it; the other language's frame words count only where they stem to
  // themselves (« quel », « combien » in a mixed question), since a foreign stemmer mangles the rest: French
  // « dis » stemmed as English is "di", which is "died".
  const frameOf = (lang: Lang): Set<string> => {
    const other: Lang = lang === 'fr' ? 'en' : 'fr';
    const foreign = FRAME_WORDS[other].split(' ').filter((w) => tools.analyze(w, lang).join(' ') === w);
    return new Set([...tools.analyze(FRAME_WORDS[lang], lang), ...tools.analyze(foreign.join(' '), lang)]);
  };
  const frame: Record<Lang, Set<string>> = { fr: frameOf('fr'), en: frameOf('en') };
  const light: Record<Lang, Set<string>> = { en: termsOf(ENGLISH_VERBS, ['en']), fr: termsOf(FRENCH_VERBS, ['fr']) };
  const acronyms = acronymTable(corpus.knowledge);

  const reply = (lang: Lang, partial: Omit<Answer, 'lang' | 'suggestions'> & { suggestions?: string[] }): Answer => ({
    lang,
    ...partial,
    suggestions: partial.suggestions ?? suggestions[lang],
  });

  /** Analysed words of the entities the question names (people, défi handles, administrations). */
  function subjectTerms(text: string, e: Entities, lang: Lang): Set<string> {
    const folded = fold(text);
    const names = [
      ...e.people.map((p) => p.name),
      ...e.defis.map((d) => defiHandle(d.title)).filter((h): h is string => !!h && folded.includes(fold(h))),
      ...e.admins.map((a) => a.keys.join(' ')),
    ];
    return new Set(names.length ? tools.analyze(names.join(' '), lang) : []);
  }

  function ruleStep(text: string, lang: Lang, e: Entities, session?: Session): Answer | undefined {
    const folded = fold(text);
    let intent: RuleIntent | undefined;
    let slots = slotsOf(e);
    const last = session?.lastIntent;
    if (last && RULE_INTENTS.has(last) && isFollowUp(folded)) {
      intent = followUpIntent(last as RuleIntent, slots);
      if (intent) slots = mergeSlots(intent, session?.lastSlots ?? {}, slots);
    }
    if (!intent && e.people.length && TEAM_CUE.test(folded) && !MENTOR_CUE.test(folded)) intent = 'people_of_defi';
    // The intents to try, best first, up to "other": when the knowledge has nothing for one (« a-t-il travaillé »
    // read as the ministère du Travail, which proposed no défi that year), the next one may answer.
    const tried: RuleIntent[] = [];
    if (intent) tried.push(intent);
    else {
      for (const r of model.rank(features(text, e), allowedIntents(e, folded))) {
        if (r.intent === 'other') break;
        tried.push(r.intent);
      }
    }
    let result: ReturnType<typeof answerRule> = undefined;
    for (const candidate of tried) {
      result = answerRule(catalog, candidate, slots, lang);
      if (result) {
        intent = candidate;
        break;
      }
    }
    if (!intent || !result) return undefined;
    // A question naming a person but asking something else ("Which Emacs add-on does X maintain?",
    // « Quelle conférence X a-t-il organisée avec son mentor ? ») is not answered by X's défis or mentor.
    if (PERSON_INTENTS.has(intent) && offTopicWords(e.residual, fold(result.text)) >= 2) return undefined;
    remember(session, lang, intent, slots);
    return reply(lang, { answer: result.text, kind: 'rule', intent, confidence: result.confidence, sources: toSources(result.facts, url) });
  }

  function retrievalStep(text: string, lang: Lang, subject: Set<string>, promotion: number | undefined, session?: Session): Answer | undefined {
    const folded = fold(text);
    const { attempts, counted, unit } = answerType(folded, lang, tools.analyze, text);
    const verbs = questionVerbs(text, folded, lang);
    const lightHere = verbs.length ? new Set([...light[lang], ...tools.analyze(verbs.join(' '), lang)]) : light[lang];
    const results = retrieve(topicText(text, attempts[0]), lang, corpus.index, tools, frame[lang], attempts, { subject, minConfidence: RETRIEVAL_MIN, measure, counted, unit, light: lightHere, promotion });
    // A figure or date question answered without the requirement must still quote a figure or a date,
    // and « combien coûte » a sum of money, « quel taux » a rate, « combien de temps » a duration.
    const figure = (quote: string) => statesFigure(quote) && (!unit || statesUnit(quote, unit));
    const states = attempts[0] === 'figure' ? figure : attempts[0] === 'date' || attempts[0] === 'end' ? statesDate : undefined;
    for (const [i, requirement] of attempts.entries()) {
      const r = results[i];
      if (!r || r.confidence < RETRIEVAL_MIN) continue;
      if ((requirement === undefined || requirement === 'figure') && states && !states(r.quote)) continue;
      // "Combien de bureaux…" is not answered by « deux modèles »: a count in words counts what it names.
      if (attempts[0] === 'figure' && r.counts === false && !/\d/.test(r.quote)) continue;
      const intent = requirement === 'figure' ? 'programme_figure' : requirement === 'date' || requirement === 'end' ? 'programme_date' : 'retrieval';
      const rule = requirement === 'figure' || requirement === 'date' || requirement === 'end';
      remember(session, lang, intent);
      const p = r.passage;
      return reply(lang, {
        answer: t.quoteAnswer(lang, r.quote, p.title, p.page),
        kind: rule ? 'rule' : 'retrieval',
        intent,
        confidence: Math.min(1, r.confidence),
        sources: [{ id: p.id, title: p.title, path: p.path, page: p.page, url: url(p.path, p.page), snippet: r.quote }],
      });
    }
    return undefined;
  }

  return {
    answer(question: string, session?: Session, answerOptions?: AnswerOptions): Answer {
      const n = normalizeQuestion(question, answerOptions?.lang, session?.lastLang);
      const lang = n.lang;
      if (!n.text.replace(/[\s\p{P}]+/gu, '')) {
        return reply(lang, { answer: t.say(t.T.empty, lang), kind: 'smalltalk', intent: 'empty', confidence: 1, sources: [] });
      }
      const small = matchSmalltalk(n.text);
      if (small) {
        remember(session, lang, small);
        return reply(lang, { answer: t.say(t.T[small], lang), kind: 'smalltalk', intent: small, confidence: 1, sources: [] });
      }
      const text = stripGreeting(n.text) || n.text;
      const folded = fold(text);
      if (beyondDocuments(folded)) {
        remember(session, lang, 'beyond_documents');
        return reply(lang, { ...fallbackAnswer(lang), answer: t.say(t.T.beyond, lang), intent: 'beyond_documents' });
      }
      const meaning = acronymMeaning(text, folded, acronyms);
      if (meaning) {
        remember(session, lang, 'acronym_meaning');
        const sources = toSources(meaning.meanings.flatMap((m) => m.sources), url, 3);
        return reply(lang, { answer: acronymText(lang, meaning), kind: 'rule', intent: 'acronym_meaning', confidence: 1, sources });
      }
      const e = matchEntities(catalog, folded, words(text));
      const answer = ruleStep(text, lang, e, session) ?? retrievalStep(text, lang, subjectTerms(text, e, lang), e.promotion, session);
      if (answer) return answer;
      remember(session, lang, 'fallback');
      return reply(lang, fallbackAnswer(lang));
    },
  };
}
