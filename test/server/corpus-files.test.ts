import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { corpusUrl, CorpusFiles } from '../../src/server/corpus-files.js';
import { startFake, type TestServer } from './harness.js';

let t: TestServer;

beforeAll(async () => {
  t = await startFake();
  // A file inside the root that is not indexed, and secrets beside and above the root.
  writeFileSync(join(t.root, 'reports', 'unlisted.pdf'), 'not indexed');
  writeFileSync(join(t.dir, 'secret.txt'), 'SECRET');
  mkdirSync(join(t.root, '.hidden'), { recursive: true });
  writeFileSync(join(t.root, '.hidden', 'x.txt'), 'hidden');
});
afterAll(() => t.close());

/** Sends the path exactly as written (fetch would normalise `..` and backslashes away). */
function rawGet(path: string, method = 'GET'): Promise<{ status: number; type: string; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: t.server.port, path, method }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, type: String(res.headers['content-type']), body }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('/corpus files', () => {
  it('serves an indexed PDF as application/pdf, by the URL the sources carry', async () => {
    const url = corpusUrl('reports/rapport annuel.pdf', 12);
    expect(url).toBe('/corpus/reports/rapport%20annuel.pdf#page=12');
    const r = await rawGet(url.split('#')[0]!);
    expect(r.status).toBe(200);
    expect(r.type).toBe('application/pdf');
    expect(r.body).toBe('%PDF-1.4 fake');
  });

  it('serves an indexed text file as UTF-8 text, NFC or NFD in the URL', async () => {
    const nfc = await rawGet(corpusUrl('articles/été.txt'));
    expect(nfc.status).toBe(200);
    expect(nfc.type).toBe('text/plain; charset=utf-8');
    expect(nfc.body).toBe('Un article.');
    const nfd = await rawGet('/corpus/' + encodeURIComponent('articles/été.txt'.normalize('NFD')).replace(/%2F/g, '/'));
    expect(nfd.status).toBe(200);
  });

  it('answers HEAD and byte ranges (PDF viewers ask for them)', async () => {
    expect((await rawGet('/corpus/reports/rapport%20annuel.pdf', 'HEAD')).status).toBe(200);
    const range = await fetch(`${t.url}/corpus/reports/rapport%20annuel.pdf`, { headers: { range: 'bytes=0-3' } });
    expect(range.status).toBe(206);
    expect(await range.text()).toBe('%PDF');
  });

  it('is read-only', async () => {
    const r = await fetch(`${t.url}/corpus/articles/%C3%A9t%C3%A9.txt`, { method: 'PUT', body: 'x' });
    expect(r.status).toBe(405);
  });

  it.each([
    '/corpus/reports/unlisted.pdf',
    '/corpus/.hidden/x.txt',
    '/corpus/../secret.txt',
    '/corpus/articles/../../secret.txt',
    '/corpus/%2e%2e/secret.txt',
    '/corpus/%2E%2E%2Fsecret.txt',
    '/corpus/articles%2f..%2f..%2fsecret.txt',
    '/corpus/%252e%252e%252fsecret.txt',
    '/corpus/..%5csecret.txt',
    '/corpus/articles\\..\\..\\secret.txt',
    '/corpus//etc/passwd',
    '/corpus/%2Fetc%2Fpasswd',
    '/corpus/reports/rapport%20annuel.pdf%00.txt',
    '/corpus/reports/rapport%20annuel.pdf/..',
    '/corpus/reports/./rapport%20annuel.pdf',
    '/corpus/',
    '/corpus',
  ])('refuses %s', async (path) => {
    const r = await rawGet(path);
    expect([400, 404]).toContain(r.status);
    expect(r.body).not.toContain('SECRET');
    expect(r.body).not.toContain('root:');
    expect(r.type).toMatch(/application\/json/);
  });

  it('refuses the absolute path of a file outside the root, raw or encoded', async () => {
    const secret = join(t.dir, 'secret.txt');
    for (const path of [`/corpus${secret}`, `/corpus/${encodeURIComponent(secret)}`, `/corpus/${encodeURIComponent(encodeURIComponent(secret))}`]) {
      const r = await rawGet(path);
      expect(r.status).toBe(404);
      expect(r.body).not.toContain('SECRET');
    }
  });

  it('answers 400 to a malformed escape', async () => {
    expect((await rawGet('/corpus/%E0%A4%A')).status).toBe(400);
  });
});

describe('CorpusFiles whitelist', () => {
  it('skips documents whose path would leave their root (tampered artifact)', () => {
    const files = CorpusFiles.fromCorpus({
      roots: ['/srv/corpus'],
      documents: [
        { id: 'a', root: 0, path: '../etc/passwd', kind: 'article', title: '', lang: 'fr', meta: {} },
        { id: 'b', root: 0, path: '/etc/passwd', kind: 'article', title: '', lang: 'fr', meta: {} },
        { id: 'c', root: 3, path: 'x.txt', kind: 'article', title: '', lang: 'fr', meta: {} },
        { id: 'd', root: 0, path: 'ok/x.pdf', kind: 'report', title: '', lang: 'fr', pages: 2, meta: {} },
      ],
    });
    expect(files.size).toBe(1);
    expect(files.lookup('ok/x.pdf')).toEqual({ absolutePath: '/srv/corpus/ok/x.pdf', contentType: 'application/pdf' });
    expect(files.lookup('..%2Fetc%2Fpasswd')).toBeUndefined();
  });

  it('encodes every path segment of a source URL', () => {
    expect(corpusUrl('a b/c#d?e%f.pdf', 3)).toBe('/corpus/a%20b/c%23d%3Fe%25f.pdf#page=3');
    expect(corpusUrl('notes.txt')).toBe('/corpus/notes.txt');
  });
});
