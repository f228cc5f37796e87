/**
 * Checks of what clients send, shared by the HTTP endpoint and the socket.
 * Each failure names the field and says what is wrong, in plain English.
 */
import type { Lang } from '../bot/types.js';

export const MAX_QUESTION_CHARS = 1000;
export const MAX_SESSION_ID_CHARS = 100;

export interface AnswerRequest {
  question: string;
  sessionId?: string;
  lang?: Lang;
}

export interface ValidationError {
  code: string;
  field?: string;
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; error: ValidationError };

const fail = (code: string, message: string, field?: string): { ok: false; error: ValidationError } => ({
  ok: false,
  error: field === undefined ? { code, message } : { code, field, message },
});

export const isLang = (value: unknown): value is Lang => value === 'fr' || value === 'en';

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;

/** A question: a non-blank string of at most 1,000 characters (code points), trimmed. */
export function checkQuestion(value: unknown, field = 'question'): Checked<string> {
  if (value === undefined) return fail('missing_question', `"${field}" is required`, field);
  if (typeof value !== 'string') {
    return fail('invalid_type', `"${field}" must be a string, got ${describe(value)}`, field);
  }
  const question = value.trim();
  if (!question) return fail('empty_question', `"${field}" must not be empty`, field);
  const length = [...question].length;
  if (length > MAX_QUESTION_CHARS) {
    return fail(
      'question_too_long',
      `"${field}" is ${length} characters long; the maximum is ${MAX_QUESTION_CHARS}`,
      field,
    );
  }
  return { ok: true, value: question };
}

/** The body of `POST /api/answer`. Unknown fields are ignored. */
export function checkAnswerRequest(body: unknown): Checked<AnswerRequest> {
  if (body === undefined || body === null || typeof body !== 'object' || Array.isArray(body)) {
    return fail('invalid_body', `the body must be a JSON object, got ${describe(body)}`);
  }
  const input = body as Record<string, unknown>;
  const question = checkQuestion(input.question);
  if (!question.ok) return question;
  const request: AnswerRequest = { question: question.value };

  const { sessionId, lang } = input;
  if (sessionId !== undefined && sessionId !== null) {
    if (typeof sessionId !== 'string') {
      return fail('invalid_type', `"sessionId" must be a string, got ${describe(sessionId)}`, 'sessionId');
    }
    if (sessionId.length > MAX_SESSION_ID_CHARS) {
      return fail('invalid_session_id', `"sessionId" is longer than ${MAX_SESSION_ID_CHARS} characters`, 'sessionId');
    }
    request.sessionId = sessionId;
  }
  if (lang !== undefined && lang !== null) {
    if (!isLang(lang)) return fail('invalid_lang', `"lang" must be "fr" or "en"`, 'lang');
    request.lang = lang;
  }
  return { ok: true, value: request };
}
