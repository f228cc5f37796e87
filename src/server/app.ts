/**
 * The express application: API routes, corpus files, the widget bundle and
 * its demo page, with one structured log line per request.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { CORPUS_ROUTE, corpusFilesHandler } from './corpus-files.js';
import { apiRouter, sendError, type ApiOptions } from './http-api.js';

export interface AppOptions extends ApiOptions {
  /** Folder holding `demo.html` and `dist/widget.js`. */
  widgetDir: string;
  /** Express `trust proxy` setting, so that rate limits see the real client behind a proxy. */
  trustProxy?: boolean | number | string;
}

/** Keeps the log free of query strings and long attacker-made paths. */
const routeOf = (req: Request): string => req.originalUrl.split('?')[0]!.slice(0, 200);

export function createApp(options: AppOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  // Express would hash every JSON body for an ETag; answers are POST responses, never revalidated.
  app.set('etag', false);
  app.set('trust proxy', options.trustProxy ?? false);
  const { logger } = options;

  app.use((req, res, next) => {
    const started = performance.now();
    res.set('X-Content-Type-Options', 'nosniff');
    res.on('finish', () => {
      logger.log('http', {
        method: req.method,
        path: routeOf(req),
        status: res.statusCode,
        ms: Math.round((performance.now() - started) * 100) / 100,
        ...(res.locals.logFields as Record<string, string | number> | undefined),
      });
    });
    next();
  });

  app.use('/api', apiRouter(options));
  app.use(CORPUS_ROUTE, corpusFilesHandler(() => options.holder.current?.files));

  const widgetFile = join(options.widgetDir, 'dist', 'widget.js');
  app.get('/widget.js', (_req, res) => {
    if (!existsSync(widgetFile)) {
      return sendError(res, 404, 'widget_not_built', 'the widget is not built: run npm run build:widget');
    }
    res.set({ 'Cache-Control': 'public, max-age=300', 'Access-Control-Allow-Origin': '*' });
    res.sendFile(widgetFile, { headers: { 'Content-Type': 'text/javascript; charset=utf-8' } });
  });
  app.get('/widget.js.map', (_req, res) => {
    const map = `${widgetFile}.map`;
    if (!existsSync(map)) return sendError(res, 404, 'not_found', 'no source map');
    res.sendFile(map);
  });

  const demo = join(options.widgetDir, 'demo.html');
  app.get(['/', '/index.html'], (_req, res) => {
    if (!existsSync(demo)) return sendError(res, 404, 'not_found', 'the demo page is missing');
    res.set({ 'Cache-Control': 'no-cache', 'Referrer-Policy': 'same-origin' });
    res.sendFile(demo, { headers: { 'Content-Type': 'text/html; charset=utf-8' } });
  });

  app.use((_req, res) => sendError(res, 404, 'not_found', 'nothing here'));
  // Express 5 routes sync throws and rejected promises here.
  app.use((err: unknown, _req: Request, res: Response, _next: NextFunction) => {
    logger.log('error', { message: err instanceof Error ? err.message : String(err) });
    if (!res.headersSent) sendError(res, 500, 'internal_error', 'the server failed to answer; please retry');
  });
  return app;
}
