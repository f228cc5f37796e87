/**
 * CORS by allowlist for the public API. Origins are compared exactly
 * (scheme + host + port); `*` allows any origin. No credentials are ever
 * allowed: the API uses none.
 */
import type { NextFunction, Request, Response } from 'express';

export function corsMiddleware(allowed: readonly string[]) {
  const any = allowed.includes('*');
  const set = new Set(allowed.map((o) => o.replace(/\/+$/, '').toLowerCase()));
  return (req: Request, res: Response, next: NextFunction): void => {
    const origin = req.headers.origin;
    res.vary('Origin');
    const ok = origin !== undefined && (any || set.has(origin.toLowerCase()));
    if (ok) res.set('Access-Control-Allow-Origin', any ? '*' : origin);
    if (req.method === 'OPTIONS') {
      if (ok) {
        res.set({
          'Access-Control-Allow-Methods': 'GET, POST, OPTIONS',
          'Access-Control-Allow-Headers': 'Content-Type',
          'Access-Control-Max-Age': '600',
        });
      }
      res.status(204).end();
      return;
    }
    next();
  };
}

/** Splits a comma-separated list of origins from the environment. */
export const parseOrigins = (text: string | undefined): string[] =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
