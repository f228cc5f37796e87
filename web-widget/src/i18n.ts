/**
 * Interface strings in French and English. The interface follows the host
 * page's `<html lang>`, then the browser's languages; answers carry their own
 * `lang`, detected by the bot from the question.
 */
import type { UiLang } from './protocol.js';

export interface Strings {
  launcher: string;
  title: string;
  close: string;
  conversation: string;
  inputLabel: string;
  send: string;
  typing: string;
  /** Screen-reader prefix of the visitor's messages, with its colon. */
  you: string;
  bot: string;
  sources: string;
  page: (n: number) => string;
  newTab: string;
  suggestions: string;
  connecting: string;
  online: string;
  offline: string;
  pending: string;
  error: string;
}

const fr: Strings = {
  launcher: 'Poser une question',
  title: 'Assistant documentaire',
  close: 'Fermer',
  conversation: 'Conversation',
  inputLabel: 'Votre question',
  send: 'Envoyer',
  typing: 'L’assistant rédige sa réponse…',
  you: 'Vous :',
  bot: 'Assistant :',
  sources: 'Sources',
  page: (n) => `page ${n}`,
  newTab: '(nouvel onglet)',
  suggestions: 'Suggestions',
  connecting: 'Connexion en cours…',
  online: 'En ligne',
  offline: 'Hors ligne : reconnexion en cours. Vos questions seront envoyées dès le retour de la connexion.',
  pending: 'en attente d’envoi',
  error: 'Erreur :',
};

const en: Strings = {
  launcher: 'Ask a question',
  title: 'Document assistant',
  close: 'Close',
  conversation: 'Conversation',
  inputLabel: 'Your question',
  send: 'Send',
  typing: 'The assistant is writing…',
  you: 'You:',
  bot: 'Assistant:',
  sources: 'Sources',
  page: (n) => `page ${n}`,
  newTab: '(new tab)',
  suggestions: 'Suggestions',
  connecting: 'Connecting…',
  online: 'Online',
  offline: 'Offline: reconnecting. Your questions will be sent when the connection is back.',
  pending: 'waiting to be sent',
  error: 'Error:',
};

export const STRINGS: Record<UiLang, Strings> = { fr, en };

const primary = (tag: string | null | undefined): string => (tag ?? '').trim().toLowerCase().split(/[-_]/)[0] ?? '';

/**
 * `explicit` (the script's `data-lang`), then the page's language, then the
 * browser's preferred languages; English for any other language, since a
 * visitor who reads neither is likelier to read English.
 */
export function pickLang(explicit: string | null | undefined, htmlLang: string | null | undefined, browser: readonly string[]): UiLang {
  for (const tag of [explicit, htmlLang, ...browser]) {
    const p = primary(tag);
    if (p === 'fr' || p === 'en') return p;
  }
  return 'en';
}
