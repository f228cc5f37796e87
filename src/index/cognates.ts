/**
 * English → French cognates by regular suffix correspondences ("contributor" → "contributeur",
 * "inventory" → "inventaire", "quality" → "qualité", "strategy" → "stratégie"): much of the
 * vocabulary of public reports is shared, spelled a little differently. Pure; the caller keeps
 * only the candidates the documents actually use.
 */

/** English ending → French endings (folded, no accents: the analyzer folds them too). */
const SUFFIXES: [string, string[]][] = [
  ['ically', ['iquement']],
  ['ational', ['ationnel', 'ationnelle']],
  ['ical', ['ique']],
  ['ic', ['ique']],
  ['ity', ['ite']],
  ['ory', ['oire', 'aire']],
  ['ary', ['aire']],
  ['ies', ['ies']],
  ['y', ['ie', 'e']],
  ['ors', ['eurs']],
  ['or', ['eur']],
  ['ive', ['if', 'ive']],
  ['ized', ['ise']],
  ['ised', ['ise']],
  ['ize', ['iser']],
  ['ise', ['iser']],
  ['ous', ['eux', 'euse']],
  ['al', ['el', 'elle', 'al']],
  ['ment', ['ement']],
  ['er', ['re']],
  ['ist', ['iste']],
  ['ism', ['isme']],
];

/**
 * Endings no French word has: a query word with one of them is English, so its cognates are safe to
 * look up without knowing the question's language (the index does not).
 */
const ENGLISH_ONLY = new Set(['ically', 'ical', 'ic', 'ity', 'ory', 'ary', 'ies', 'y', 'ors', 'or', 'ous', 'ist', 'ism', 'ized', 'ize']);

/** French spellings a folded English word may have in the documents (none when no ending corresponds). */
export function frenchCognates(word: string, englishEndingsOnly = false): string[] {
  if (word.length < 5 || /\d/.test(word)) return [];
  const out: string[] = [];
  for (const [en, frs] of SUFFIXES) {
    if (englishEndingsOnly && !ENGLISH_ONLY.has(en)) continue;
    if (!word.endsWith(en) || word.length - en.length < 3) continue;
    const root = word.slice(0, -en.length);
    for (const fr of frs) out.push(root + fr);
  }
  return [...new Set(out)];
}
