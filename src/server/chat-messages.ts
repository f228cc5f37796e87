/**
 * What the chat socket says on its own (welcome, errors), in French and
 * English, and the Botkit web-chat message shapes it sends.
 */
import { newSession, type Answer, type Bot, type Lang, type Source } from '../bot/types.js';

/** Botkit web-chat's outgoing message, plus the answer's details for richer clients. */
export interface ChatMessage {
  type: 'message';
  text: string;
  quick_replies: { title: string; payload: string }[];
  sources: Source[];
  lang: Lang;
  kind: Answer['kind'];
  intent?: string;
  confidence?: number;
  session?: ChatSession;
}

/**
 * The conversation's resume token, on the welcome (and on the first answer
 * of a client that asks without greeting). A field rather than a frame of
 * its own: clients that read "the next message" keep working unchanged.
 */
export interface ChatSession {
  token: string;
  /** True when the token the client presented was honoured. */
  resumed: boolean;
}

export interface ChatError {
  type: 'error';
  code: ErrorCode;
  text: string;
}

export type ErrorCode =
  | 'rate_limited'
  | 'invalid_json'
  | 'bad_message'
  | 'bad_request'
  | 'unsupported_type'
  | 'not_ready'
  | 'internal_error';

const errors: Record<ErrorCode, Record<Lang, string>> = {
  rate_limited: {
    fr: 'Vous envoyez des messages trop vite. Patientez quelques secondes.',
    en: 'You are sending messages too fast. Please wait a few seconds.',
  },
  invalid_json: { fr: 'Message illisible (JSON invalide).', en: 'Unreadable message (invalid JSON).' },
  bad_message: {
    fr: 'Message non reconnu : envoyez un objet JSON avec un champ "type".',
    en: 'Unrecognised message: send a JSON object with a "type" field.',
  },
  bad_request: { fr: 'Question invalide.', en: 'Invalid question.' },
  unsupported_type: {
    fr: 'Type de message non pris en charge (attendu : hello, welcome_back ou message).',
    en: 'Unsupported message type (expected hello, welcome_back or message).',
  },
  not_ready: {
    fr: 'Le service démarre : réessayez dans un instant.',
    en: 'The service is starting: please retry in a moment.',
  },
  internal_error: {
    fr: 'Une erreur est survenue. Veuillez reformuler ou réessayer.',
    en: 'Something went wrong. Please rephrase or retry.',
  },
};

export const chatError = (code: ErrorCode, lang: Lang, detail?: string): ChatError => ({
  type: 'error',
  code,
  text: detail ? `${errors[code][lang]} (${detail})` : errors[code][lang],
});

export const answerMessage = (answer: Answer): ChatMessage => ({
  type: 'message',
  text: answer.answer,
  quick_replies: answer.suggestions.map((s) => ({ title: s, payload: s })),
  sources: answer.sources,
  lang: answer.lang,
  kind: answer.kind,
  intent: answer.intent,
  confidence: answer.confidence,
});

/** Serialised answer frames of shared (cached, frozen) answers: a popular answer is serialised once. */
const frames = new WeakMap<Answer, string>();

export function answerFrame(answer: Answer): string {
  if (!Object.isFrozen(answer)) return JSON.stringify(answerMessage(answer));
  let frame = frames.get(answer);
  if (frame === undefined) frames.set(answer, (frame = JSON.stringify(answerMessage(answer))));
  return frame;
}

const welcomeText: Record<Lang, { hello: string; back: string }> = {
  fr: {
    hello: 'Bonjour ! Posez-moi une question sur les rapports et articles publiés : je réponds en citant la source et la page.',
    back: 'Re-bonjour ! Quelle est votre question ?',
  },
  en: {
    hello: 'Hello! Ask me a question about the published reports and articles: I answer citing the source and page.',
    back: 'Welcome back! What is your question?',
  },
};

const greeting: Record<Lang, string> = { fr: 'Bonjour', en: 'Hello' };

/** Suggestions come from the bot's own answer to a greeting, cached per bot. */
const suggestionCache = new WeakMap<Bot, Partial<Record<Lang, string[]>>>();

function welcomeSuggestions(bot: Bot | undefined, lang: Lang): string[] {
  if (!bot) return [];
  let cached = suggestionCache.get(bot);
  if (!cached) suggestionCache.set(bot, (cached = {}));
  if (!cached[lang]) {
    try {
      // A throwaway session: the greeting must not count as a turn of the visitor's conversation.
      cached[lang] = bot.answer(greeting[lang], newSession(), { lang }).suggestions.slice(0, 4);
    } catch {
      cached[lang] = [];
    }
  }
  return cached[lang] ?? [];
}

export function welcomeMessage(bot: Bot | undefined, lang: Lang, back: boolean): ChatMessage {
  return {
    type: 'message',
    text: back ? welcomeText[lang].back : welcomeText[lang].hello,
    quick_replies: welcomeSuggestions(bot, lang).map((s) => ({ title: s, payload: s })),
    sources: [],
    lang,
    kind: 'smalltalk',
    intent: back ? 'welcome_back' : 'welcome',
  };
}
