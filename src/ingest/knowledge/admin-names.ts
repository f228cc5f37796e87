import { ADMIN_HEADS, MINISTRY_HEADS, NAME_ADJECTIVES, PARTICLES, PORTFOLIOS, SMALL_WORDS, WEAK_HEADS } from './lexicon.js';
import { fold, tidyName, words } from './names.js';
import { isAcronymToken } from './acronyms.js';

/** Recognising and normalising administration names; pure functions over strings. */

const LEADING_ARTICLES = /^(?:(?:(?:au|aux|à\s+la|à|a|dans\s+la|dans\s+le|auprès\s+du|auprès\s+de\s+la|auprès\s+des|du|de\s+la|des|de|le|la|les|at\s+the|at|the|of\s+the|of|by\s+the)\s+)|(?:(?:à\s+|dans\s+|auprès\s+de\s+|de\s+)?[ld]['’]\s*))+/i;

/** The name without a leading preposition or article ("au ministère de …" → "ministère de …"). */
export function stripArticles(name: string): string {
  return tidyName(name.replace(LEADING_ARTICLES, ''));
}

export function headOf(name: string): string | undefined {
  return words(stripArticles(name))[0];
}

export function isMinistryName(name: string): boolean {
  const h = headOf(name);
  return h !== undefined && MINISTRY_HEADS.has(h);
}

/** A name that starts like an administration's ("Agence …", "ministère de …", "Cour des comptes"). */
export function looksLikeAdministration(name: string): boolean {
  const clean = stripArticles(name);
  const ws = words(clean);
  const head = ws[0];
  if (!head || !ADMIN_HEADS.has(head) || ws.length < 2 || ws.length > 22) return false;
  if (WEAK_HEADS.has(head) && !/^\S+\s+(?:\S+\s+)?(?:\p{Lu}|d[eu]s?\b|de\s+l)/u.test(clean)) return false;
  if (/[.!?:;]\s|\s:/.test(clean)) return false;
  return true;
}

const PORTFOLIO_RE = new RegExp(
  `(?<![a-z])(${Object.keys(PORTFOLIOS)
    .sort((a, b) => b.length - a.length)
    .map((k) => k.replace(/[-]/g, '\\-'))
    .join('|')})(?![a-z])`,
  'g',
);

/** Canonical portfolios named in a ministry's name, in order ("Education nationale, Enseignement supérieur…"). */
const PORTFOLIO_CACHE = new Map<string, string[]>();

export function portfolioKeywords(name: string): string[] {
  let cached = PORTFOLIO_CACHE.get(name);
  if (!cached) {
    cached = computePortfolios(name);
    if (PORTFOLIO_CACHE.size > 5000) PORTFOLIO_CACHE.clear();
    PORTFOLIO_CACHE.set(name, cached);
  }
  return cached;
}

function computePortfolios(name: string): string[] {
  const text = words(name).join(' ');
  const out: string[] = [];
  for (const m of text.matchAll(PORTFOLIO_RE)) {
    const p = PORTFOLIOS[m[1]!]!;
    if (!out.includes(p)) out.push(p);
  }
  return out;
}

/**
 * Merge key: a ministry is keyed by its first portfolio (so its French, English and longer
 * names meet), any other body by its content words.
 */
export function adminKey(name: string): string {
  const clean = stripArticles(name);
  const ws = words(clean);
  if (ws[0] && MINISTRY_HEADS.has(ws[0])) {
    const p = portfolioKeywords(clean);
    return `ministere ${p[0] ?? ws.slice(1).filter((w) => !SMALL_WORDS.has(w)).join(' ')}`;
  }
  return ws.filter((w) => !SMALL_WORDS.has(w)).join(' ');
}

const WORD_RE = /[\p{L}\p{N}]+(?:[-'’][\p{L}\p{N}]+)*['’]?|[^\s\p{L}\p{N}]/gu;

/**
 * Free-text ministry mentions: "ministère de l'Intérieur", "Ministry of Economy and Finance",
 * "ministère de l'Enseignement supérieur, de la Recherche et de l'Innovation". A ministry's name
 * runs while particles lead to capitalised words or portfolio words, plus their adjectives.
 */
export function findMinistryMentions(sentence: string): { name: string; start: number; end: number }[] {
  if (!/minist/i.test(sentence)) return [];
  const toks = [...sentence.matchAll(WORD_RE)].map((m) => ({ t: m[0], f: fold(m[0]), start: m.index, end: m.index + m[0].length }));
  const isParticle = (k: number): boolean => {
    const tok = toks[k];
    return !!tok && ((PARTICLES.has(tok.f) && tok.f !== 'et' && tok.f !== 'and') || /^[dl]'$/.test(tok.f));
  };
  const isConnector = (k: number): boolean => toks[k]?.t === ',' || toks[k]?.f === 'et' || toks[k]?.f === 'and';
  const isAdjective = (k: number): boolean => {
    const tok = toks[k];
    if (!tok) return false;
    if (NAME_ADJECTIVES.has(tok.f)) return true;
    return tok.f === 'et' && NAME_ADJECTIVES.has(toks[k + 1]?.f ?? '');
  };
  /** One portfolio segment from k: particles, a name word, its adjectives; returns the last token index or -1. */
  const segment = (k: number, needParticle: boolean): number => {
    const from = k;
    let of = false;
    while (isParticle(k)) {
      if (/^(?:de|du|des|d'|of|for|pour)$/.test(toks[k]!.f)) of = true;
      k++;
    }
    if (k > from && !of) return -1;
    const tok = toks[k];
    if (!tok) return -1;
    const elided = /^[dl]'./.test(tok.f);
    const bare = elided ? tok.t.slice(2) : tok.t;
    const fbare = elided ? tok.f.slice(2) : tok.f;
    const named = /^\p{Lu}/u.test(bare) || fbare in PORTFOLIOS || PORTFOLIO_FIRST_WORDS.has(fbare);
    if (/^\p{Lu}{2,}$/u.test(bare)) return -1;
    if (!named || (needParticle && k === from && !elided)) return -1;
    if (ADMIN_HEADS.has(fbare) && !(fbare in PORTFOLIOS)) return -1;
    let last = k++;
    while (isAdjective(k)) {
      if (toks[k]!.f === 'et') k++;
      last = k++;
    }
    return last;
  };
  const out: { name: string; start: number; end: number }[] = [];
  for (let i = 0; i < toks.length; i++) {
    if (!MINISTRY_HEADS.has(toks[i]!.f)) continue;
    let last = segment(i + 1, true);
    if (last < 0) continue;
    while (isConnector(last + 1)) {
      const soft = toks[last + 1]!.t !== ',';
      const next = segment(last + 2, !soft);
      if (next < 0) break;
      last = next;
    }
    const start = toks[i]!.start;
    const end = toks[last]!.end;
    out.push({ name: sentence.slice(start, end), start, end });
    i = last;
  }
  return out;
}

const PORTFOLIO_FIRST_WORDS = new Set(Object.keys(PORTFOLIOS).map((k) => k.split(' ')[0]!));

/** A bare acronym used as a name ("BnF", "DGGN"). */
export function isBareAcronym(name: string): boolean {
  return isAcronymToken(name.trim());
}
