/**
 * The HTTP API: `POST /api/answer`, `GET /api/health`, `GET /api/openapi.json`
 * and the token-guarded admin routes.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import express, { type NextFunction, type Request, type Response, type Router } from 'express';
import { ask } from './ask.js';
import type { BotHolder } from './bot-holder.js';
import { corsMiddleware } from './cors.js';
import { KeyedRateLimiter, type RateLimit } from './limits.js';
import type { Logger, UnansweredLog } from './logging.js';
import { openApiDocument } from './openapi.js';
import type { SessionStore } from './sessions.js';
import { checkAnswerRequest } from './validation.js';

export interface ApiOptions {
  holder: BotHolder;
  sessions: SessionStore;
  unanswered: UnansweredLog;
  logger: Logger;
  version: string;
  corsOrigins: readonly string[];
  /** Bearer token of the admin routes; admin routes are disabled without one. */
  adminToken?: string;
  /** Most answers remembered per bot (0 disables). */
  answerCacheSize: number;
  /** Per-client limit of `POST /api/answer`; null disables it. */
  httpRateLimit: RateLimit | null;
}

export const MAX_BODY_BYTES = 16 * 1024;

export const sendError = (res: Response, status: number, error: string, message: string, field?: string): void => {
  res.status(status).json(field === undefined ? { error, message } : { error, message, field });
};

/** Body-parser failures as JSON errors that say what is wrong. */
function bodyErrors(err: unknown, _req: Request, res: Response, next: NextFunction): void {
  const type = (err as { type?: string } | null)?.type;
  if (type === 'entity.too.large') return sendError(res, 413, 'body_too_large', `the body must be at most ${MAX_BODY_BYTES} bytes`);
  if (type === 'entity.parse.failed') return sendError(res, 400, 'invalid_json', 'the body is not valid JSON');
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return sendError(res, 415, 'unsupported_encoding', 'send the body as UTF-8 JSON');
  }
  if (type === 'request.aborted') return sendError(res, 400, 'aborted', 'the request was aborted');
  next(err);
}

export function apiRouter(options: ApiOptions): Router {
  const { holder, sessions, logger, unanswered } = options;
  const router = express.Router();
  const limiter = options.httpRateLimit ? new KeyedRateLimiter(options.httpRateLimit) : undefined;
  const openapi = openApiDocument(options.version);
  const cors = corsMiddleware(options.corsOrigins);
  const askContext = { logger, unanswered, answerCacheSize: options.answerCacheSize };

  router.use(['/answer', '/health', '/openapi.json'], cors);

  router.post(
    '/answer',
    (req: Request, res: Response, next: NextFunction) => {
      if (!req.is('application/json')) {
        return sendError(res, 415, 'unsupported_media_type', 'send the body as JSON with Content-Type: application/json');
      }
      const wait = limiter?.check(req.ip ?? req.socket.remoteAddress ?? '');
      if (wait) {
        res.set('Retry-After', String(wait));
        return sendError(res, 429, 'rate_limited', `too many questions; retry in ${wait} s`);
      }
      next();
    },
    express.json({ limit: MAX_BODY_BYTES, strict: true }),
    bodyErrors,
    (req: Request, res: Response) => {
      const checked = checkAnswerRequest(req.body);
      if (!checked.ok) return sendError(res, 400, checked.error.code, checked.error.message, checked.error.field);
      const inService = holder.current; // read once: a reload mid-request does not affect this answer
      if (!inService) {
        res.set('Retry-After', '1');
        return sendError(res, 503, 'not_ready', 'the index is loading; retry shortly');
      }
      const { question, sessionId, lang } = checked.value;
      // resume() marks the conversation used; the bot updates its session in place.
      const conversation = sessions.resume(sessionId);
      const asked = ask(askContext, inService.bot, question, conversation.session, lang ? { lang } : {});
      res.locals.logFields = { ...asked.fields, channel: 'http' };
      res.json({ ...asked.answer, sessionId: conversation.id });
    },
  );

  router.get('/health', (_req, res) => {
    const inService = holder.current;
    if (!inService) {
      const failed = holder.state === 'failed';
      res.status(503).json(failed ? { status: 'failed', error: holder.error ?? 'unknown error' } : { status: 'loading' });
      return;
    }
    res.set('Cache-Control', 'no-store').json({
      status: 'ok',
      documents: inService.corpus.documents.length,
      passages: inService.passages,
      builtAt: inService.corpus.builtAt,
      loadedAt: inService.loadedAt,
    });
  });

  router.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });

  const admin = express.Router();
  admin.use(adminGuard(options.adminToken));
  admin.post('/reload', async (_req, res) => {
    const result = await holder.reload(true);
    if (result.ok) res.json(result);
    else res.status(422).json({ ...result, error: 'reload_refused', message: result.error ?? 'unknown error' });
  });
  admin.get('/unanswered', (req, res) => {
    const limit = Math.min(1000, Math.max(1, Number(req.query.limit) || 100));
    res.set('Cache-Control', 'no-store').json(unanswered.list(limit));
  });
  router.use('/admin', admin);

  router.use((_req, res) => sendError(res, 404, 'not_found', 'no such API route'));
  return router;
}

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/** Bearer-token check in constant time; without a configured token the admin routes are off. */
function adminGuard(token: string | undefined) {
  const expected = token ? digest(token) : undefined;
  return (req: Request, res: Response, next: NextFunction): void => {
    if (!expected) {
      return sendError(res, 403, 'admin_disabled', 'admin routes are disabled: set RAPPORTEUR_ADMIN_TOKEN');
    }
    const match = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '');
    if (!match?.[1] || !timingSafeEqual(digest(match[1].trim()), expected)) {
      res.set('WWW-Authenticate', 'Bearer');
      return sendError(res, 401, 'unauthorized', 'a valid admin bearer token is required');
    }
    next();
  };
}
