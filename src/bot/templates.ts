/**
 * Every sentence the bot writes itself, in French and English. Facts are
 * never written here: they are quoted from sources by the callers.
 */
import type { Lang } from '../ingest/types.js';

type Text = Record<Lang, string>;

export const T = {
  greeting: {
    fr: 'Bonjour ! Je réponds aux questions sur les rapports publiés et sur le programme Entrepreneurs d’intérêt général, en citant mes sources.',
    en: 'Hello! I answer questions about the published reports and the Entrepreneurs d’intérêt général programme, and I cite my sources.',
  },
  thanks: { fr: 'Avec plaisir ! Une autre question ?', en: 'You are welcome! Any other question?' },
  goodbye: { fr: 'Au revoir, à bientôt !', en: 'Goodbye, see you soon!' },
  help: {
    fr: 'Je peux vous dire quels défis une administration a proposés, les défis d’une promotion ou d’une année, qui a travaillé sur un défi, sur quoi une personne a travaillé, qui était son mentor, et retrouver dans les documents la phrase qui répond à votre question, avec sa source et sa page.',
    en: 'I can tell you which défis an administration proposed, the défis of a promotion or a year, who worked on a défi, what a person worked on, who their mentor was, and find the sentence of the documents that answers your question, with its source and page.',
  },
  fallback: {
    fr: 'Je ne trouve pas de réponse fiable à cette question dans les documents dont je dispose. Essayez de la reformuler, ou posez une question sur les rapports ou le programme EIG.',
    en: 'I could not find a reliable answer to this question in the documents I have. Try rephrasing it, or ask about the reports or the EIG programme.',
  },
  beyond: {
    fr: 'Je réponds à partir des rapports et articles publiés : ils ne disent rien de votre situation personnelle ni de l’actualité du jour. Pour cela, adressez-vous au service concerné. Je peux en revanche vous dire ce que disent les documents.',
    en: 'I answer from the published reports and articles: they say nothing about your own situation or about today’s news. Please ask the service concerned. I can tell you what the documents say, though.',
  },
  empty: {
    fr: 'Posez-moi une question sur les rapports ou le programme Entrepreneurs d’intérêt général.',
    en: 'Ask me a question about the reports or the Entrepreneurs d’intérêt général programme.',
  },
} satisfies Record<string, Text>;

export const say = (text: Text, lang: Lang): string => text[lang];

/** "promotion 2 (2018)" / "promotion 2 (2018)"; a year alone or "date not stated". */
export function groupLabel(lang: Lang, promotion?: number, year?: number): string {
  if (promotion !== undefined && year !== undefined) return `Promotion ${promotion} (${year})`;
  if (promotion !== undefined) return `Promotion ${promotion}`;
  if (year !== undefined) return String(year);
  return lang === 'fr' ? 'Promotion non précisée' : 'Promotion not stated';
}

export function scopeLabel(lang: Lang, promotion?: string, year?: string): string {
  if (promotion) return lang === 'fr' ? ` (promotion ${promotion})` : ` (promotion ${promotion})`;
  if (year) return lang === 'fr' ? ` en ${year}` : ` in ${year}`;
  return '';
}

const FEMININE_HEADS = new Set(
  'agence direction cour bibliotheque mission caisse commission delegation inspection autorite prefecture gendarmerie region ville commune chambre assemblee maison fondation association union federation universite societe'.split(' '),
);
const PLURAL_HEADS = new Set(['services', 'archives']);
/** Generic head nouns written in lower case after an article ("le ministère de l’Intérieur"). */
const COMMON_HEADS = new Set('ministere direction mission services service secretariat delegation commissariat departement inspection'.split(' '));

/**
 * An administration's name with its French definite article, for running
 * text: "Ministère de l’Intérieur" → "le ministère de l’Intérieur",
 * "Agence française…" → "l’Agence française…", "Cour des comptes" → "la Cour des comptes".
 */
export function withFrenchArticle(name: string): string {
  const first = name.split(/\s+/)[0] ?? '';
  const head = first.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  const shown = COMMON_HEADS.has(head) ? first.toLowerCase() + name.slice(first.length) : name;
  if (/^[aeiouyh]/.test(head)) return `l’${shown}`;
  if (PLURAL_HEADS.has(head)) return `les ${shown}`;
  return `${FEMININE_HEADS.has(head) ? 'la' : 'le'} ${shown}`;
}

export const defisOfAdministrationHeader = (lang: Lang, admin: string, n: number, scope: string): string =>
  lang === 'fr'
    ? `${n === 1 ? 'Défi proposé' : `${n} défis proposés`} par **${withFrenchArticle(admin)}**${scope} :`
    : `${n === 1 ? 'Défi' : `${n} défis`} proposed by **${admin}**${scope}:`;

export const defisOfPromotionHeader = (lang: Lang, scope: string, n: number): string =>
  lang === 'fr' ? `${n} défi${n > 1 ? 's' : ''}${scope} :` : `${n} défi${n > 1 ? 's' : ''}${scope}:`;

export const peopleOfDefiHeader = (lang: Lang, defi: string): string =>
  lang === 'fr' ? `Sur le défi « ${defi} » :` : `On the défi “${defi}”:`;

export const defisOfPersonHeader = (lang: Lang, person: string): string =>
  lang === 'fr' ? `**${person}** a travaillé sur :` : `**${person}** worked on:`;

/** A person the documents name without a défi: what they are said to be. */
export const personHeader = (lang: Lang, person: string): string =>
  lang === 'fr' ? `Les documents présentent **${person}** ainsi :` : `The documents present **${person}** as:`;

export const teammatesHeader = (lang: Lang, who: string, defi: string): string =>
  lang === 'fr' ? `Avec ${who} sur le défi « ${defi} » :` : `With ${who} on the défi “${defi}”:`;

export const mentorHeader = (lang: Lang, who: string): string =>
  lang === 'fr' ? `Mentor(s) de ${who} :` : `Mentor(s) of ${who}:`;

export const roleLabel = (lang: Lang, role: 'eig' | 'mentor' | 'other'): string =>
  ({
    eig: { fr: 'entrepreneur·e d’intérêt général', en: 'entrepreneur d’intérêt général (EIG)' },
    mentor: { fr: 'mentor', en: 'mentor' },
    other: { fr: 'autre rôle', en: 'other role' },
  })[role][lang];

/** The source line under a quoted fact: "— *Title*, p. 3". */
export function cite(lang: Lang, title: string, page?: number): string {
  const p = page !== undefined ? (lang === 'fr' ? `, p. ${page}` : `, p. ${page}`) : '';
  return `*${title}*${p}`;
}

/** A retrieval answer: the quoted sentence(s) and where they are. */
export function quoteAnswer(lang: Lang, quote: string, title: string, page?: number): string {
  const where = cite(lang, title, page);
  return lang === 'fr' ? `D’après ${where} :\n\n> ${quote}` : `According to ${where} (in French):\n\n> ${quote}`;
}

export const alsoSee = (lang: Lang): string => (lang === 'fr' ? 'Voir aussi :' : 'See also:');

/** Ask back when a question names a slot the bot cannot resolve. */
export const unknownEntity = (lang: Lang, what: string): string =>
  lang === 'fr'
    ? `Je ne connais pas « ${what} » dans les documents indexés.`
    : `I do not know “${what}” in the indexed documents.`;
