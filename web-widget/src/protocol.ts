/**
 * Botkit web-chat message shapes, as the widget speaks them over `/ws`.
 * Everything from the network is validated here: the rest of the widget
 * only ever sees well-typed, bounded data.
 */
import type { Source } from '../../src/bot/types.js';

export type UiLang = 'fr' | 'en';

export interface QuickReply {
  title: string;
  payload: string;
}

/** The bot's cited source, as the server sends it (validated below before use). */
export type SourceRef = Source;

export type ClientMessage =
  | { type: 'hello' }
  | { type: 'welcome_back'; token?: string }
  | { type: 'message'; text: string };

export type ServerMessage =
  | { type: 'typing' }
  | {
      type: 'message';
      text: string;
      quickReplies: QuickReply[];
      sources: SourceRef[];
      lang?: UiLang;
      kind?: string;
      /** The conversation's resume token (the server issues it; the widget only gives it back). */
      token?: string;
    }
  | { type: 'error'; code?: string; text: string };

const MAX_QUICK_REPLIES = 6;

/** What a server-issued token looks like; anything else is not stored. */
export const isToken = (v: unknown): v is string => typeof v === 'string' && /^[A-Za-z0-9_-]{16,100}$/.test(v);
const MAX_SOURCES = 8;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

function quickReplies(v: unknown): QuickReply[] {
  if (!Array.isArray(v)) return [];
  const out: QuickReply[] = [];
  for (const item of v) {
    if (!isObject(item)) continue;
    const title = str(item.title)?.trim();
    const payload = str(item.payload) ?? title;
    if (title && payload) out.push({ title, payload });
    if (out.length >= MAX_QUICK_REPLIES) break;
  }
  return out;
}

function sources(v: unknown): SourceRef[] {
  if (!Array.isArray(v)) return [];
  const out: SourceRef[] = [];
  for (const item of v) {
    if (!isObject(item)) continue;
    const title = str(item.title)?.trim() || str(item.path) || '';
    if (!title) continue;
    const page = typeof item.page === 'number' && Number.isInteger(item.page) && item.page > 0 ? item.page : undefined;
    out.push({
      id: str(item.id) ?? '',
      title,
      path: str(item.path) ?? '',
      page,
      url: str(item.url),
      snippet: str(item.snippet) ?? '',
    });
    if (out.length >= MAX_SOURCES) break;
  }
  return out;
}

/** Parses one socket frame; `null` for anything the widget does not understand. */
export function parseServerMessage(data: string): ServerMessage | null {
  let raw: unknown;
  try {
    raw = JSON.parse(data);
  } catch {
    return null;
  }
  if (!isObject(raw)) return null;
  switch (raw.type) {
    case 'typing':
      return { type: 'typing' };
    case 'message': {
      const text = str(raw.text);
      if (text === undefined) return null;
      const lang = raw.lang === 'fr' || raw.lang === 'en' ? raw.lang : undefined;
      return {
        type: 'message',
        text,
        quickReplies: quickReplies(raw.quick_replies),
        sources: sources(raw.sources),
        lang,
        kind: str(raw.kind),
        ...(isObject(raw.session) && isToken(raw.session.token) ? { token: raw.session.token } : {}),
      };
    }
    case 'error':
      return { type: 'error', code: str(raw.code), text: str(raw.text) ?? str(raw.message) ?? '' };
    default:
      return null;
  }
}

export const encodeClientMessage = (msg: ClientMessage): string => JSON.stringify(msg);
