/**
 * Where the widget talks to, and which links it is willing to show.
 * Pure functions over strings so they can be tested without a browser.
 */

/**
 * The chat server's base URL (no trailing slash). `data-server` wins; when it
 * is empty or missing, the origin the script was loaded from, which is the
 * page's origin when the server also serves the page.
 */
export function serverBase(attr: string | null | undefined, scriptSrc: string | undefined, pageHref: string): string {
  const candidates = [attr?.trim(), scriptSrc ? originOf(scriptSrc, pageHref) : undefined, originOf(pageHref, pageHref)];
  for (const c of candidates) {
    if (!c) continue;
    try {
      const url = new URL(c, pageHref);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') continue;
      return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
    } catch {
      // try the next candidate
    }
  }
  return '';
}

function originOf(href: string, base: string): string | undefined {
  try {
    return new URL(href, base).origin;
  } catch {
    return undefined;
  }
}

/**
 * `http(s)://host/path` → `ws(s)://host/path/ws?lang=xx`: the server greets
 * and reports errors in the interface language until the visitor's own
 * language is known from their questions.
 */
export function socketUrl(base: string, lang?: string): string {
  const url = new URL(`${base}/ws`);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  if (lang) url.searchParams.set('lang', lang);
  return url.href;
}

const CORPUS_PREFIX = '/corpus/';

/**
 * A link the widget may render, resolved to an absolute URL, or `undefined`.
 * Allowed: absolute http(s) URLs, and root-relative `/corpus/…` URLs resolved
 * against the chat server (they must still point under `/corpus/` after
 * dot-segments are resolved). Everything else (javascript:, data:,
 * protocol-relative `//host`, other relative paths) is refused.
 */
export function safeLink(raw: string | undefined, base: string): string | undefined {
  if (!raw) return undefined;
  const value = raw.trim();
  if (/[\u0000-\u001f\u007f]/.test(value)) return undefined;
  try {
    if (value.startsWith(CORPUS_PREFIX)) {
      const root = new URL(`${base}/`);
      const url = new URL(`${root.pathname.replace(/\/$/, '')}${value}`, root);
      const prefix = `${root.pathname.replace(/\/$/, '')}${CORPUS_PREFIX}`;
      if (url.origin !== root.origin || !url.pathname.startsWith(prefix)) return undefined;
      return url.href;
    }
    if (!/^https?:\/\//i.test(value)) return undefined;
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : undefined;
  } catch {
    return undefined;
  }
}
