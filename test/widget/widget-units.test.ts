/**
 * The widget's pure parts (Markdown, links, socket URL, backoff, language,
 * message validation) and its bundle, without a browser.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildWidget, GZIP_TARGET_BYTES } from '../../web-widget/build.js';
import { backoffDelay, BACKOFF_MAX_MS } from '../../web-widget/src/backoff.js';
import { pickLang } from '../../web-widget/src/i18n.js';
import { parseInline, parseMarkdown, truncate } from '../../web-widget/src/markdown.js';
import { parseServerMessage } from '../../web-widget/src/protocol.js';
import { safeLink, serverBase, socketUrl } from '../../web-widget/src/urls.js';

describe('markdown', () => {
  it('splits paragraphs, bullet and numbered lists, and bold', () => {
    const blocks = parseMarkdown('Voici **trois** défis :\n\n- Premier **projet**\n* Second\n\n1. Un\n2) Deux\nFin.');
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'list', 'list', 'paragraph']);
    expect(blocks[0]).toEqual({
      type: 'paragraph',
      lines: [[{ text: 'Voici ', bold: false, italic: false }, { text: 'trois', bold: true, italic: false }, { text: ' défis :', bold: false, italic: false }]],
    });
    expect(blocks[1]).toMatchObject({ ordered: false, items: [[{ text: 'Premier ' }, { text: 'projet', bold: true, italic: false }], [{ text: 'Second' }]] });
    expect(blocks[2]).toMatchObject({ ordered: true, items: [[{ text: 'Un' }], [{ text: 'Deux' }]] });
  });

  it('keeps soft line breaks, headings and indented continuations', () => {
    const blocks = parseMarkdown('## Titre\nligne 1\r\nligne 2\n- item\n  suite');
    expect(blocks[0]).toEqual({ type: 'heading', inlines: [{ text: 'Titre', bold: false, italic: false }] });
    expect(blocks[1]).toMatchObject({ type: 'paragraph', lines: [[{ text: 'ligne 1' }], [{ text: 'ligne 2' }]] });
    expect(blocks[2]).toMatchObject({ type: 'list', items: [[{ text: 'item' }, { text: ' ' }, { text: 'suite' }]] });
  });

  it('reads *italic* but not stars inside words or numbers', () => {
    expect(parseInline('a — *cité* et *deux mots*.')).toEqual([
      { text: 'a — ', bold: false, italic: false },
      { text: 'cité', bold: false, italic: true },
      { text: ' et ', bold: false, italic: false },
      { text: 'deux mots', bold: false, italic: true },
      { text: '.', bold: false, italic: false },
    ]);
    expect(parseInline('*début* **gras** *fin*').map((p) => [p.text, p.bold, p.italic])).toEqual([
      ['début', false, true],
      [' ', false, false],
      ['gras', true, false],
      [' ', false, false],
      ['fin', false, true],
    ]);
    expect(parseInline('2*3*4 et a * b *')).toEqual([{ text: '2*3*4 et a * b *', bold: false, italic: false }]);
  });

  it('leaves unmatched markers and HTML as literal text', () => {
    expect(parseInline('a ** b')).toEqual([{ text: 'a ** b', bold: false, italic: false }]);
    expect(parseInline('<img src=x onerror=alert(1)>')).toEqual([{ text: '<img src=x onerror=alert(1)>', bold: false, italic: false }]);
  });

  it('truncates snippets at a word boundary', () => {
    expect(truncate('  court  ', 10)).toBe('court');
    const t = truncate('un deux trois quatre cinq six sept', 20);
    expect(t.endsWith('…')).toBe(true);
    expect(t.length).toBeLessThanOrEqual(21);
    expect(t).toBe('un deux trois…');
  });
});

describe('links', () => {
  const base = 'http://127.0.0.1:3000';
  it('resolves corpus links against the server and keeps the page anchor', () => {
    expect(safeLink('/corpus/reports/rapport%20x.pdf#page=12', base)).toBe('http://127.0.0.1:3000/corpus/reports/rapport%20x.pdf#page=12');
    expect(safeLink('/corpus/a.txt', 'https://h.example/chat')).toBe('https://h.example/chat/corpus/a.txt');
    expect(safeLink('https://www.example.org/x', base)).toBe('https://www.example.org/x');
  });
  it('refuses scripts, data, protocol-relative, other paths and escapes from /corpus/', () => {
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      '//evil.example/corpus/x',
      '/admin',
      'corpus/x.pdf',
      '/corpus/../api/admin/reload',
      '/corpus/%2e%2e/api/health',
      '/corpus/..\\..\\api\\health',
      'http://exa\nmple.org',
      'ftp://example.org/x',
      '',
      undefined,
    ]) {
      expect(safeLink(bad, base), String(bad)).toBeUndefined();
    }
  });
  it('derives the server base and socket URL', () => {
    expect(serverBase('', 'http://localhost:3000/widget.js', 'http://localhost:3000/')).toBe('http://localhost:3000');
    expect(serverBase(null, 'https://cdn.example/widget.js', 'https://site.example/page')).toBe('https://cdn.example');
    expect(serverBase('https://bot.example/chat/', undefined, 'https://site.example/')).toBe('https://bot.example/chat');
    expect(serverBase('javascript:alert(1)', undefined, 'https://site.example/p')).toBe('https://site.example');
    expect(socketUrl('http://localhost:3000')).toBe('ws://localhost:3000/ws');
    expect(socketUrl('https://bot.example/chat', 'en')).toBe('wss://bot.example/chat/ws?lang=en');
  });
});

describe('backoff', () => {
  it('grows exponentially with jitter and is capped', () => {
    expect(backoffDelay(0, () => 0)).toBe(500);
    expect(backoffDelay(0, () => 1)).toBe(1000);
    expect(backoffDelay(3, () => 0)).toBe(4000);
    expect(backoffDelay(3, () => 1)).toBe(8000);
    expect(backoffDelay(50, () => 1)).toBe(BACKOFF_MAX_MS);
    const d = backoffDelay(2, () => 0.5);
    expect(d).toBeGreaterThan(2000);
    expect(d).toBeLessThan(4000);
  });
});

describe('interface language', () => {
  it('follows data-lang, then <html lang>, then the browser, else English', () => {
    expect(pickLang('en', 'fr', ['fr-FR'])).toBe('en');
    expect(pickLang(undefined, 'fr-FR', ['en-US'])).toBe('fr');
    expect(pickLang(null, 'EN', ['fr'])).toBe('en');
    expect(pickLang(null, 'de', ['de-DE', 'fr-CA'])).toBe('fr');
    expect(pickLang(null, '', ['es'])).toBe('en');
  });
});

describe('server messages', () => {
  it('accepts Botkit message shapes and drops malformed parts', () => {
    const msg = parseServerMessage(
      JSON.stringify({
        type: 'message',
        text: 'Réponse',
        lang: 'fr',
        kind: 'rule',
        quick_replies: [{ title: 'Et après ?', payload: 'Et après ?' }, { title: 3 }, 'x'],
        sources: [{ id: 'p1', title: 'Doc', path: 'a.pdf', page: 3, url: '/corpus/a.pdf#page=3', snippet: 's' }, { page: -1 }],
      }),
    );
    expect(msg).toEqual({
      type: 'message',
      text: 'Réponse',
      lang: 'fr',
      kind: 'rule',
      quickReplies: [{ title: 'Et après ?', payload: 'Et après ?' }],
      sources: [{ id: 'p1', title: 'Doc', path: 'a.pdf', page: 3, url: '/corpus/a.pdf#page=3', snippet: 's' }],
    });
    expect(parseServerMessage('{"type":"typing"}')).toEqual({ type: 'typing' });
    const welcome = (session: unknown) => parseServerMessage(JSON.stringify({ type: 'message', text: 'Bonjour', session }));
    expect(welcome({ token: 'AbC_-0123456789abcdef', resumed: true })).toMatchObject({ type: 'message', token: 'AbC_-0123456789abcdef' });
    for (const session of [{ token: 'short' }, { token: 'x'.repeat(101) }, { token: 'has space in it ok?' }, { token: 42 }, 'AbC_-0123456789abcdef']) {
      expect(welcome(session)).not.toHaveProperty('token');
    }
    expect(parseServerMessage('{"type":"error","code":"rate_limited","text":"Trop vite"}')).toEqual({
      type: 'error',
      code: 'rate_limited',
      text: 'Trop vite',
    });
    for (const bad of ['nope', '[]', 'null', '{"type":"message"}', '{"type":"other"}']) expect(parseServerMessage(bad)).toBeNull();
  });
});

describe('bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'widget-build-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it(`is small (< ${GZIP_TARGET_BYTES / 1024} KB gzipped), ES2019, and never parses HTML`, async () => {
    const r = await buildWidget(join(dir, 'widget.js'));
    expect(r.gzipBytes).toBeLessThan(GZIP_TARGET_BYTES);
    const code = readFileSync(r.outfile, 'utf8');
    expect(code).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|createContextualFragment|DOMParser/);
    // ES2019 target: no optional chaining or nullish coalescing left in the output.
    expect(code).not.toMatch(/\?\.[a-zA-Z_$[(]|\?\?/);
    // No regex lookbehind either: Safari before 16.4 refuses to parse the whole script.
    expect(code).not.toMatch(/\(\?<[!=]/);
  });
});
