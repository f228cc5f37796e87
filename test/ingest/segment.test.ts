import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../../src/ingest/blocks.js';
import { readText } from '../../src/ingest/markdown.js';
import { cutLong, segmentDocument, tagsOf } from '../../src/ingest/segment.js';
import { splitSentences } from '../../src/ingest/sentences.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SEEDS = join(REPO, 'corpus/articles');
const SHARED = resolve(REPO, '../shared/corpus/articles');
const ids = (docId: string) => ({ docId, path: `articles/${docId}.md`, root: 0 });

function seedDocs(prefix: string): RawDocument[] {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return readText(readFileSync(join(SEEDS, name), 'utf8'), name);
}

describe('splitSentences', () => {
  it.each([
    ['M. Dupont est arrivé. Mme Martin aussi ! Et MM. Durand et Petit ? Oui.', ['M. Dupont est arrivé.', 'Mme Martin aussi !', 'Et MM. Durand et Petit ?', 'Oui.']],
    ['Le président F. Hollande l’a lancé fin 2016. Neuf défis ont suivi.', ['Le président F. Hollande l’a lancé fin 2016.', 'Neuf défis ont suivi.']],
    ['Le budget atteint 111,5 M€ en 2016. Il passe à 2,5 M€. La version 3.2 suit.', ['Le budget atteint 111,5 M€ en 2016.', 'Il passe à 2,5 M€.', 'La version 3.2 suit.']],
    ['Voir p. 12 et l’art. 4 du décret. Cf. le rapport n° 12. Dr. Who signe.', ['Voir p. 12 et l’art. 4 du décret.', 'Cf. le rapport n° 12.', 'Dr. Who signe.']],
    ['Il a dit « je ne sais pas… Peut-être demain. Ou jamais » puis il est parti. Rideau.', ['Il a dit « je ne sais pas… Peut-être demain. Ou jamais » puis il est parti.', 'Rideau.']],
    ['Le principe ? Constituer une promotion. C’est tout…', ['Le principe ?', 'Constituer une promotion.', 'C’est tout…']],
    ['Tools, e.g. Python, i.e. code. Mr. Smith vs. St. Louis. The U.S. team won.', ['Tools, e.g. Python, i.e. code.', 'Mr. Smith vs. St. Louis.', 'The U.S. team won.']],
    ['C’est fini. » Puis la suite. « Une citation. » 15 défis ont été retenus.', ['C’est fini. »', 'Puis la suite.', '« Une citation. »', '15 défis ont été retenus.']],
    ['Des défis : fraude, santé, etc. Les entrepreneurs arrivent.', ['Des défis : fraude, santé, etc.', 'Les entrepreneurs arrivent.']],
    ['Les entrepreneur.e.s et candidat.e.s présélectionné.e.s sont là. Bien.', ['Les entrepreneur.e.s et candidat.e.s présélectionné.e.s sont là.', 'Bien.']],
    ['1. Le premier point. II. Les constats suivent. En 2016. Puis 2017.', ['1. Le premier point.', 'II. Les constats suivent.', 'En 2016.', 'Puis 2017.']],
    ['Pas de coupure. avant une minuscule.', ['Pas de coupure. avant une minuscule.']],
    ['', []],
  ])('%s', (input, expected) => {
    expect(splitSentences(input)).toEqual(expected);
  });

  it('splits inside a long quotation, which is prose of its own', () => {
    const long = `« ${'Une phrase assez longue pour compter dans la citation. '.repeat(6)}Fin. »`;
    expect(splitSentences(long).length).toBeGreaterThan(5);
  });
});

describe('segmentDocument', () => {
  const raw: RawDocument = {
    kind: 'report',
    title: 'Rapport de test',
    meta: { tags: ['finances publiques'], owner: 'Cour des comptes', layout: 'post' },
    pages: 3,
    blocks: [
      { type: 'paragraph', page: 1, text: 'La dépense a augmenté de 2,5 % en 2016. Elle atteint 111,5 M€. M. Dupont le confirme.' },
      { type: 'heading', page: 1, level: 1, text: 'I. Les constats' },
      { type: 'paragraph', page: 1, text: 'Le premier constat porte sur la gestion. Il est sévère pour l’administration.' },
      { type: 'paragraph', page: 2, text: 'La suite du constat figure à la page suivante. Elle précise les chiffres.' },
      { type: 'heading', page: 2, level: 2, text: 'A. Les recommandations' },
      { type: 'paragraph', page: 2, text: 'La Cour formule trois recommandations :' },
      { type: 'list-item', page: 2, text: 'réduire la dépense de fonctionnement ;' },
      { type: 'list-item', page: 2, text: 'mieux suivre les effectifs ;' },
      { type: 'list-item', page: 2, text: 'publier les résultats chaque année.' },
      { type: 'paragraph', page: 3, text: '12 — 3' },
      { type: 'paragraph', page: 3, text: 'Une dernière phrase conclut ce rapport de test.' },
    ],
  };

  it('builds the Document from the raw one', () => {
    const { document } = segmentDocument(raw, { docId: 'd1', path: 'reports/r.pdf', root: 2 });
    expect(document).toEqual({
      id: 'd1',
      root: 2,
      path: 'reports/r.pdf',
      kind: 'report',
      title: 'Rapport de test',
      lang: 'fr',
      pages: 3,
      meta: raw.meta,
    });
  });

  it('never crosses a page or a section; headings become the section, not text', () => {
    const { passages } = segmentDocument(raw, ids('d1'));
    expect(passages.map((p) => [p.page, p.section, p.sentences.length])).toEqual([
      [1, '', 3],
      [1, 'I. Les constats', 2],
      [2, 'I. Les constats', 2],
      [2, 'A. Les recommandations', 4],
      [3, 'A. Les recommandations', 1],
    ]);
    // The lead-in stays with its list.
    expect(passages[3]!.sentences[0]).toBe('La Cour formule trois recommandations :');
    for (const p of passages) {
      expect(p.text).toBe(p.sentences.join(' '));
      expect(p.text).not.toContain('Les constats');
      expect(p).toMatchObject({ docId: 'd1', path: 'articles/d1.md', kind: 'report', title: 'Rapport de test', lang: 'fr' });
    }
    // Pure numbers are page furniture, not a passage.
    expect(passages.some((p) => p.text.includes('12 — 3'))).toBe(false);
  });

  it('ids are `${docId}:${ordinal}` and stable across runs', () => {
    const a = segmentDocument(raw, ids('d1')).passages;
    const b = segmentDocument(structuredClone(raw), ids('d1')).passages;
    expect(a.map((p) => p.id)).toEqual(['d1:0', 'd1:1', 'd1:2', 'd1:3', 'd1:4']);
    expect(b).toEqual(a);
  });

  it('carries tags from the searchable metadata, not Jekyll plumbing', () => {
    const { passages } = segmentDocument(raw, ids('d1'));
    expect(passages[0]!.tags).toEqual(['finances publiques', 'Cour des comptes']);
    expect(tagsOf({ categories: ['Article'], misc: 'design, data science', author: 'A. B.', 'project-date': 'Janvier 2018' })).toEqual([
      'A. B.',
      'design',
      'data science',
      'Janvier 2018',
    ]);
  });

  it('cuts run-on text at word boundaries so that no passage is enormous', () => {
    const row = Array.from({ length: 400 }, (_, i) => `cellule${i}`).join(' ');
    const { passages } = segmentDocument({ kind: 'article', title: 't', meta: {}, blocks: [{ type: 'paragraph', text: row }] }, ids('d2'));
    expect(passages.length).toBeGreaterThan(3);
    for (const p of passages) {
      expect(p.text.length).toBeLessThanOrEqual(1000);
      for (const s of p.sentences) expect(s).toMatch(/^cellule\d+( cellule\d+)*$/);
    }
    expect(passages.flatMap((p) => p.sentences).join(' ')).toBe(row);
    expect(cutLong('court')).toEqual(['court']);
  });

  it('keeps a document made only of short lines', () => {
    const raw: RawDocument = { kind: 'article', title: 't', meta: {}, blocks: [{ type: 'paragraph', text: 'Trois mots seulement' }] };
    expect(segmentDocument(raw, ids('d4')).passages.map((p) => p.text)).toEqual(['Trois mots seulement']);
  });

  it('detects the language when the reader did not set it', () => {
    const en: RawDocument = { kind: 'article', title: 'A test', meta: {}, blocks: [{ type: 'paragraph', text: 'This is the text of the report, and it is written in English for the readers.' }] };
    expect(segmentDocument(en, ids('d3')).document.lang).toBe('en');
    expect(segmentDocument({ ...en, lang: 'fr' }, ids('d3')).passages[0]!.lang).toBe('fr');
  });
});

describe('segmentDocument on real articles', () => {
  it('001: sections follow the plain-text headings; navigation crumbs are gone', () => {
    const [raw] = seedDocs('001_');
    const { document, passages } = segmentDocument(raw!, ids('s1'));
    expect(document.lang).toBe('fr');
    expect(document.title).toBe(raw!.title);
    const hit = passages.find((p) => p.sentences.includes('15 défis ont été retenus par un jury début juillet 2018.'));
    expect(hit?.section).toBe('Une troisième promotion en 2019 : 28 entrepreneur.e.s, 15 défis');
    const interieur = passages.find((p) => p.sentences.includes('Ministère de l’Intérieur :'));
    expect(interieur?.section).toBe('Une première promotion en 2017 : 11 entrepreneur.e.s, 9 défis d’intérêt général');
    expect(interieur?.sentences.some((s) => s.startsWith('projet 1 :'))).toBe(true);
    const all = passages.map((p) => p.text).join('\n');
    expect(all).not.toMatch(/Suivez-nous|Haut de page/);
    expect(all).toContain('François Hollande fin 2016.');
  });

  it('004: the two language documents are segmented in their own language', () => {
    const [fr, en] = seedDocs('004_');
    const a = segmentDocument(fr!, ids('w#fr'));
    const b = segmentDocument(en!, ids('w#en'));
    expect(a.passages.every((p) => p.lang === 'fr' && p.title === fr!.title)).toBe(true);
    expect(b.passages.every((p) => p.lang === 'en' && p.title === en!.title)).toBe(true);
    expect(b.passages.find((p) => p.text.includes('at the Ministry of Interior'))?.section).toBe('General interest challenges');
  });

  it('every seed and shared article gives sane passages with whole sentences', () => {
    const files = [
      ...readdirSync(SEEDS).map((f) => join(SEEDS, f)),
      ...['eig-blog', 'eig-defis-2018'].flatMap((d) => readdirSync(join(SHARED, d)).map((f) => join(SHARED, d, f))),
    ];
    let count = 0;
    for (const file of files) {
      for (const raw of readText(readFileSync(file, 'utf8'), file)) {
        const { passages } = segmentDocument(raw, ids(file));
        expect(passages.length, file).toBeGreaterThan(0);
        for (const p of passages) {
          count++;
          expect(p.text.length, p.id).toBeLessThanOrEqual(1000);
          expect((p.text.match(/\p{L}{2,}/gu) ?? []).length, p.text).toBeGreaterThanOrEqual(3);
          expect(p.sentences.every((s) => s === s.trim() && s.length > 0)).toBe(true);
          if (p.date !== undefined) expect(p.date, file).toMatch(/^\d{4}-\d{2}-\d{2}$/);
        }
      }
    }
    expect(count).toBeGreaterThan(300);
  });
});
