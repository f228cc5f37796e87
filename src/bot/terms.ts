/**
 * The bot's view of the index's analyzer and lexicon: question terms with
 * the forms they may take in the documents (own stem, other language's
 * stem, bilingual synonyms, acronym expansions), so that an English
 * question is scored against French sentences with the same terms the
 * index matched.
 */
import type { Knowledge, Lang } from '../ingest/types.js';
import { analyze, frenchVerbBase, stem, words } from '../index/analyzer.js';
import { Lexicon } from '../index/lexicon.js';
import { frenchCognates } from '../index/cognates.js';
import type { QuestionTerm, TermTools } from './question-terms.js';
import { SERIES_NOUN } from './vocabulary.js';

/**
 * Number words ↔ digits, so "les trois compétences" meets "3 compétences", in the question's own language:
 * a French « four » is an oven, not 4.
 */
const NUMBER_WORDS: Record<Lang, Record<string, string>> = {
  fr: {
    un: '1', une: '1', deux: '2', trois: '3', quatre: '4', cinq: '5', six: '6', sept: '7', huit: '8', neuf: '9', dix: '10',
    onze: '11', douze: '12', quinze: '15', vingt: '20', cent: '100',
  },
  en: {
    one: '1', two: '2', three: '3', four: '4', five: '5', six: '6', seven: '7', eight: '8', nine: '9', ten: '10',
    eleven: '11', twelve: '12', fifteen: '15', twenty: '20', hundred: '100',
  },
};

/** Ordinals, both languages, with the spellings met in French text ("1re", "2e", "première"). */
const ORDINAL_FORMS: Record<string, string[]> = {
  first: ['premier', 'premiere', '1re', '1er', '1e', '1st'], premier: ['first', '1re', '1er', '1e', '1st'], premiere: ['first', '1re', '1er', '1e', '1st'],
  second: ['deuxieme', 'seconde', '2e', '2eme', '2nd'], deuxieme: ['second', '2e', '2eme', '2nd'],
  third: ['troisieme', '3e', '3eme', '3rd'], troisieme: ['third', '3e', '3eme', '3rd'],
  fourth: ['quatrieme', '4e', '4eme', '4th'], quatrieme: ['fourth', '4e', '4eme', '4th'],
  fifth: ['cinquieme', '5e', '5eme', '5th'], cinquieme: ['fifth', '5e', '5eme', '5th'],
};

/**
 * Do the phrase's words begin with the letters of the word, in order, the first with the first
 * ("jdc" ↔ journée défense citoyenneté; "crpa" ↔ code relations *entre* public administration)?
 */
function isAcronymOf(word: string, terms: string[]): boolean {
  if (word.length < 2 || terms.length < word.length || terms.length > word.length + 2 || terms[0]?.[0] !== word[0]) return false;
  let k = 0;
  for (const t of terms) if (t[0] === word[k]) k++;
  return k >= word.length;
}

/**
 * The bot's term tools over the index's analyzer and lexicon; `documentFrequency` (the index's) lets an
 * acronym meet its expansion's most specific word in a sentence.
 */
export function indexTermTools(knowledge?: Knowledge, documentFrequency?: (term: string) => number): TermTools {
  const lexicon = Lexicon.build(knowledge);
  return {
    analyze: (text, lang) => analyze(text, lang),
    expand: (term, lang) => lexicon.expandTerm(term, lang),
    document: (text, lang) => lexicon.withPhrases(analyze(text, lang), lang),
    question(text: string, lang: Lang) {
      const ws = words(text);
      const other: Lang = lang === 'fr' ? 'en' : 'fr';
      const out = ws.map((w, i): QuestionTerm => {
        const term = stem(w, lang);
        const forms = new Set([term, stem(w, other), ...lexicon.expandTerm(term, lang)]);
        // « utilisent » meets « utilisé » when the documents use the base more than the plural form.
        const base = lang === 'fr' && documentFrequency ? frenchVerbBase(w, documentFrequency) : undefined;
        if (base) forms.add(base);
        const digits = NUMBER_WORDS[lang][w];
        if (digits) forms.add(digits);
        for (const o of ORDINAL_FORMS[w] ?? []) {
          forms.add(stem(o, 'fr'));
          forms.add(stem(o, 'en'));
        }
        // An English word the documents never use may be a French word spelled the English way.
        if (lang === 'en' && documentFrequency && ![...forms].some((f) => documentFrequency(f) > 0)) {
          for (const c of frenchCognates(w)) {
            const fr = stem(c, 'fr');
            if (documentFrequency(fr) > 0) forms.add(fr);
          }
        }
        // "Deuxième promotion" is "promotion 2": an ordinal before a series noun meets the plain number.
        const rank = ORDINAL_FORMS[w]?.find((o) => /^\d/.test(o))?.replace(/\D+$/, '');
        if (rank && SERIES_NOUN.test(ws[i + 1] ?? '')) forms.add(rank);
        return { term, forms };
      });
      // Multi-word equivalents ("court of auditors" ↔ "cour des comptes") lend their terms to every word they cover,
      // and the words of such a phrase name one thing together ("comptes" alone is not the Cour des comptes).
      for (let i = 0; i < ws.length; i++) {
        const m = lexicon.match(ws, i, lang);
        if (!m) continue;
        for (let j = i; j < i + m.length; j++) {
          const entry = out[j];
          if (!entry) continue;
          // One word takes a phrase's terms only as a phrase: "part" of "take part" is not "participant".
          // An acronym takes its expansion's rarest word: "citoyenneté" stands for the JDC, "défense" does not.
          for (const alt of m.alternatives) {
            if (m.length > 1 || alt.length === 1) for (const t of alt) entry.forms.add(t);
            else if (documentFrequency && isAcronymOf(ws[i] ?? '', alt)) {
              const rarest = [...alt].sort((a, b) => documentFrequency(a) - documentFrequency(b))[0];
              if (rarest) entry.forms.add(rarest);
              entry.acronym = true;
            }
            // A word whose equivalent is a phrase ("database" ↔ « base de données ») meets the phrase whole
            // (documents' phrase terms, TermTools.document), never its words apart.
            else entry.forms.add(alt.join('+'));
          }
          // …unless one word can say it ("young people" ↔ "jeunes").
          if (m.length > 1 && m.alternatives.every((alt) => alt.length > 1)) entry.phrase = i;
        }
      }
      return out;
    },
  };
}
