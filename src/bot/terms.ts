/**
 * The bot's view of the index's analyzer and lexicon: question terms with
 * the forms they may take in the documents (own stem, other language's
 * stem, bilingual synonyms, acronym expansions), so that an English
 * question is scored against French sentences with the same terms the
 * index matched.
 */
import type { Knowledge, Lang } from '../ingest/types.js';
import { analyze, stem, words } from '../index/analyzer.js';
import { Lexicon } from '../index/lexicon.js';
import type { TermTools } from './retrieval.js';

export function indexTermTools(knowledge?: Knowledge): TermTools {
  const lexicon = Lexicon.build(knowledge);
  return {
    analyze: (text, lang) => analyze(text, lang),
    expand: (term, lang) => lexicon.expandTerm(term, lang),
    question(text: string, lang: Lang) {
      const ws = words(text);
      const other: Lang = lang === 'fr' ? 'en' : 'fr';
      const out = ws.map((w) => {
        const term = stem(w, lang);
        const forms = new Set([term, stem(w, other), ...lexicon.expandTerm(term, lang)]);
        return { term, forms };
      });
      // Multi-word equivalents ("court of auditors" ↔ "cour des comptes") lend their terms to every word they cover.
      for (let i = 0; i < ws.length; i++) {
        const m = lexicon.match(ws, i);
        if (!m) continue;
        for (let j = i; j < i + m.length; j++) for (const alt of m.alternatives) for (const t of alt) out[j]?.forms.add(t);
      }
      return out;
    },
  };
}
