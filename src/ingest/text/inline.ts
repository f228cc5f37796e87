import { decodeEntities } from './entities.js';

/**
 * Markdown/HTML → plain text, in two steps:
 * - `stripHtmlBlocks` runs once on the whole body, before lines are classified,
 *   because embeds (`<iframe>`, `<script>`, tweets) and comments span lines;
 * - `cleanInline` runs on one block's joined text, because a link's text may be
 *   hard-wrapped across lines.
 */

/** Elements whose content is never prose. */
const EMBEDS = /<(script|style|iframe|noscript|object|video|audio|svg|form)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Tags that end a line of prose when rendered. */
const BREAKS = /<(?:br|hr)\b[^>]*>|<\/?(?:p|div|center|section|article|header|footer|figure|figcaption|h[1-6]|ul|ol|li|table|thead|tbody|tr|blockquote|dl|dt|dd)\b[^>]*>/gi;

export function stripHtmlBlocks(text: string): string {
  return text
    // Code spans show markup as text ("la balise `<h2>`"): escape it so that it is not read as markup.
    .replace(/`[^`\n]+`/g, (code) => code.replace(/</g, '&lt;').replace(/>/g, '&gt;'))
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(EMBEDS, '\n\n')
    .replace(/<(?:iframe|script|embed|img|source)\b[^>]*\/?>/gi, '')
    .replace(/\{%[\s\S]*?%\}|\{\{[\s\S]*?\}\}/g, '')
    .replace(BREAKS, '\n\n')
    // Tags may span lines (attributes wrapped by editors): remove them before lines are read.
    .replace(TAG, ' ');
}

/**
 * `(url)`, `(url "title")`, `(<url>)`, and the sloppy `(/img/a photo.bmp)`: anything up to the
 * closing parenthesis, with one level of parentheses inside.
 */
const DEST = String.raw`\((?:[^()\n]|\([^()\n]*\))*\)`;
const IMAGE = new RegExp(String.raw`!\[[^\]]*\](?:${DEST}|\[[^\]]*\])`, 'g');
const LINK = new RegExp(String.raw`\[([^\]]*)\]${DEST}`, 'g');
const REF_LINK = /\[([^\]]+)\]\[[^\]]*\]/g;
const IAL = /\{:[^}\n]*\}/g;
const AUTOLINK_MAIL = /<([^\s<>@]+@[^\s<>@]+\.[a-z]{2,})>/gi;
const AUTOLINK = /<(?:https?|ftp|mailto):[^\s<>]*>/gi;
const TAG = /<\/?[a-z][a-z0-9-]*(?:\s[^<>]*)?\/?>/gi;
/** Bare URLs carry no words a reader would ask about; the sentence around them stays. */
const BARE_URL = /\b(?:https?:\/\/|www\.)[^\s<>«»"]*[^\s<>«»".,;:!?)\]]|\bpic\.twitter\.com\/\S+/gi;
/** Arrows left over from web "read more" links: `>> En savoir plus`, `=> Déposez…`, `Promotion 2 <`. */
const ARROWS = /(^|\s)(?:=>|->|>>|<<|[<>→])(?=\s|$)/g;
/** Upload file names pasted into WordPress text, e.g. `2016-10-27-17_33_01-some-logo`. */
const UPLOAD_NAME = /\b\d{4}-\d{2}-\d{2}[-_]\d{2}[_:-]\d{2}[_:-]\d{2}(?:[-_][\p{L}\p{N}_-]*)?/gu;

export function cleanInline(text: string): string {
  let s = text
    .replace(IAL, '')
    .replace(IMAGE, '')
    .replace(LINK, '$1')
    .replace(REF_LINK, '$1')
    .replace(AUTOLINK_MAIL, '$1')
    .replace(AUTOLINK, '')
    .replace(TAG, ' ')
    .replace(BARE_URL, '')
    .replace(UPLOAD_NAME, ' ');
  s = decodeEntities(s).replace(ARROWS, '$1');
  s = stripEmphasis(s)
    .replace(/\\([\\`*_{}[\]()#+\-.!>|~])/g, '$1')
    .replace(/ \| /g, ' ; ')
    .replace(/[\u00ad\u200b-\u200d\ufeff]/g, '');
  return tidySpaces(s);
}

function stripEmphasis(text: string): string {
  return text
    .replace(/`{1,3}([^`]+)`{1,3}/g, '$1')
    .replace(/(\*\*|__)(?=\S)([\s\S]*?\S)\1/g, '$2')
    .replace(/~~(?=\S)([\s\S]*?\S)~~/g, '$1')
    .replace(/\*(?=[^\s*])([^*]*?[^\s*])\*/g, '$1')
    .replace(/\*(\S)\*/g, '$1')
    // `_x_` only at word edges, so snake_case and URLs-with-underscores survive.
    .replace(/(^|[^\p{L}\p{N}_])_(?=\S)([^_]*?\S)_(?![\p{L}\p{N}_])/gu, '$1$2')
    // Marks whose partner is in another block (emphasis across a paragraph break).
    .replace(/\*\*|__/g, '')
    .replace(/(^|\s)[_*]+(?=\S)|(?<=[^\s@])[_*]+(?=\s|$)/g, '$1');
}

/** Odd spaces → plain space, runs collapsed, the space before a comma or period dropped. */
export function tidySpaces(text: string): string {
  return text
    .replace(/[\u00a0\u2000-\u200a\u202f\u205f\u3000\t]/g, ' ')
    .replace(/[ \r\n]+/g, ' ')
    .replace(/ ([,.])(?=\s|$)/g, '$1')
    .replace(/\(\s*\)|\[\s*\]/g, '')
    .replace(/ {2,}/g, ' ')
    .trim();
}
