import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { RawDocument } from '../../src/ingest/blocks.js';
import { IngestError } from '../../src/ingest/errors.js';
import { dateFromFileName, readText } from '../../src/ingest/markdown.js';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SEEDS = join(REPO, 'corpus/articles');
const SHARED = resolve(REPO, '../shared/corpus/articles');

function seed(prefix: string): { name: string; text: string } {
  const name = readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
  return { name, text: readFileSync(join(SEEDS, name), 'utf8') };
}
function readSeed(prefix: string): RawDocument[] {
  const { name, text } = seed(prefix);
  return readText(text, name);
}
function readShared(rel: string): RawDocument {
  const docs = readText(readFileSync(join(SHARED, rel), 'utf8'), rel.split('/').pop()!);
  expect(docs).toHaveLength(1);
  return docs[0]!;
}
const texts = (doc: RawDocument, type?: string): string[] =>
  doc.blocks.filter((b) => !type || b.type === type).map((b) => b.text);
const all = (doc: RawDocument): string => texts(doc).join('\n');

/** Markup that must never reach a block. */
const MARKUP =
  /\]\(|\{:|<\/?(?:a|p|br|div|span|img|iframe|em|strong|center|blockquote|script)\b|<[a-z]+\s[^>]*=|https?:\/\/|&[a-z]+;|&#\d+;|\*\*|!\[|\[:[a-z]{0,2}\]/i;

describe('readText on the seed articles', () => {
  it('000: front matter becomes metadata, chapeau-text the lead paragraph', () => {
    const [doc] = readSeed('000_');
    expect(doc!.kind).toBe('article');
    expect(doc!.title).toBe('Découvrez la 1re promotion des Entrepreneurs d’intérêt général !');
    expect(doc!.date).toBe('2017-02-20');
    expect(doc!.meta['categories']).toEqual(['Article']);
    expect(typeof doc!.meta['date']).toBe('string');
    expect(doc!.meta['date']).toMatch(/^2017-02-20T/);
    expect(String(doc!.meta['chapeau-text'])).toContain('11 lauréats');
    // An image list holds nothing readable: dropped.
    expect(doc!.meta).not.toHaveProperty('une-ou-diaporama');
    const first = doc!.blocks[0]!;
    expect(first.type).toBe('paragraph');
    expect(first.text).toMatch(/^Suite à l’appel à candidatures « Entrepreneur d’intérêt général » lancé par le Gouvernement, 11 lauréats/);
    expect(first.text).not.toContain('modernisation.gouv.fr');
    // A short line without punctuation above a paragraph is a heading.
    expect(doc!.blocks.find((b) => b.text === '11 entrepreneurs')?.type).toBe('heading');
    // Lines after a lead-in ending with ':' are the items of a flattened list.
    const lead = doc!.blocks.findIndex((b) => b.text === 'Il poursuit 2 objectifs :');
    expect(doc!.blocks[lead + 1]).toMatchObject({ type: 'list-item' });
    expect(doc!.blocks[lead + 1]!.text).toMatch(/^développer l’innovation ouverte/);
  });

  it('001: no front matter, title from the first line, plain-text headings and WordPress bullets', () => {
    const [doc] = readSeed('001_');
    expect(doc!.title).toBe('Le Programme « Entrepreneur.e d’Intérêt Général » a été lancé en 2016 par la Présidence de la République.');
    expect(doc!.date).toBeUndefined();
    expect(doc!.meta).toEqual({});
    const headings = texts(doc!, 'heading');
    expect(headings).toContain('Une troisième promotion en 2019 : 28 entrepreneur.e.s, 15 défis');
    expect(headings).toContain('Une première promotion en 2017 : 11 entrepreneur.e.s, 9 défis d’intérêt général');
    // Conservative: sentences and lead-ins stay paragraphs.
    expect(headings).not.toContain('Pour découvrir :');
    expect(headings.every((h) => !/[.!?:]$/.test(h))).toBe(true);
    const items = texts(doc!, 'list-item');
    expect(items).toContain('Ministère de l’Intérieur :');
    expect(items.some((t) => t.startsWith('projet 1 : monter en qualité les données du système national du permis de conduire'))).toBe(true);
    expect(items.some((t) => t.startsWith('projet 2 : croiser les données d’accidentalité'))).toBe(true);
    // The bare URL goes, the sentence stays; arrows of "read more" links go.
    expect(all(doc!)).toContain('Voir le site du programme :');
    expect(all(doc!)).not.toMatch(/https?:|>>/);
    expect(all(doc!)).toContain('2,5 millions d’euros');
  });

  it('002: tags, files labels, blockquote with a kramdown class unwrapped', () => {
    const [doc] = readSeed('002_');
    expect(doc!.title).toBe('Une 2ème promotion d’entrepreneurs d’intérêt général entre aujourd’hui dans l’administration !');
    expect(doc!.date).toBe('2018-01-15');
    expect(doc!.meta['tags']).toEqual(['entrepreneur.e d’intérêt général']);
    expect(doc!.meta['files']).toEqual(['Télécharger le communiqué de presse']);
    expect(doc!.blocks[0]!.text).toMatch(/^Lancé en janvier 2017, le programme « Entrepreneur.e d’intérêt général » \(EIG\)/);
    expect(doc!.blocks.find((b) => b.type === 'heading')).toMatchObject({
      text: 'Le programme Entrepreneur.e d’intérêt général en bref',
      level: 3,
    });
    expect(texts(doc!, 'list-item')).toContain('28 talents recrutés en CDD de 10 mois à compter de janvier 2018');
    expect(all(doc!)).toContain('Découvrez en détail les défis et les profils de la 2ème promotion EIG.');
    expect(all(doc!)).toContain('Il est porté par la Présidence de la République, soutenu par Mounir Mahjoubi');
    expect(all(doc!)).not.toMatch(MARKUP);
  });

  it('003: iframes, kramdown attributes, image links and <br> are gone, link-free prose stays', () => {
    const [doc] = readSeed('003_');
    expect(doc!.meta['tags']).toEqual(['Entrepreneur d\'Intérêt Général', 'intelligence artificielle', 'données ouvertes']);
    expect(doc!.date).toBe('2017-10-18');
    const text = all(doc!);
    expect(text).not.toMatch(MARKUP);
    expect(text).not.toMatch(/iframe|dailymotion|target|uploads|<br/i);
    // Image-in-link: the whole thing goes, alt text and link title included.
    expect(text).not.toContain('Accéder au témoignage');
    expect(text).toContain(
      'Améliorer la sécurité routière avec un outil cartographique interactif, défi relevé pour Tristram Gräbener et Francis Chabouis, entrepreneurs d’intérêt général, et leur mentor Daniel Ansellem, ministère de l’Intérieur.',
    );
    expect(text).toContain('Le programme Entrepreneur.e d\'intérêt général (EIG) a été lancé par la Présidence de la République');
    expect(texts(doc!, 'heading')).toEqual(['Une première promotion qui a fait bouger les lignes']);
    expect(texts(doc!, 'list-item')).toHaveLength(2);
  });
});

describe('readText on the shared articles', () => {
  it('a défi page keeps owner, project-date and misc; kramdown markup is gone', () => {
    const doc = readShared('eig-defis-2018/17-09-26-archemse.md');
    expect(doc.title).toBe('ArchiFiltre : assurer la mémoire des politiques sociales en transformant la gestion des archives');
    expect(doc.meta['owner']).toBe('Secrétariat général des ministères sociaux');
    expect(doc.meta['project-date']).toBe('Janvier 2018');
    expect(doc.meta['misc']).toBe('conception-développement web, data science');
    expect(doc.meta['layout']).toBe('defi');
    expect(doc.date).toBe('2017-09-26');
    expect(doc.blocks[0]).toMatchObject({ type: 'heading', text: 'La problématique', level: 1 });
    // Hard-wrapped lines are rejoined into one paragraph.
    expect(doc.blocks[1]!.text).toMatch(/^Les données produites par les ministères sociaux ont statut d’archives publiques\. A ce titre, leur création/);
    expect(texts(doc, 'list-item')).toContain('Jean-Baptiste Assouad: Développement');
    expect(texts(doc, 'list-item')).toContain(
      'Constituer un entrepôt de documents à plat par extraction des fichiers contenus dans des ensembles documentaires aux formats variés',
    );
    expect(all(doc)).not.toMatch(MARKUP);
    expect(all(doc)).not.toContain('/img/');
    expect(texts(doc, 'heading')).toContain('En savoir plus : le pitch du défi en 4 slides');
  });

  it('a blog post: author and description kept, date from a short file name, description as lead', () => {
    const doc = readShared('eig-blog/18-07-23-Memo-anglais.md');
    expect(doc.title).toBe('Public Interest Entrepreneurs, why, what and how');
    expect(doc.date).toBe('2018-07-23');
    expect(doc.meta['author']).toBe('Sophie Miljkovic, Etalab team');
    expect(doc.meta['tags']).toEqual(['accompagnement', 'méthode', 'international']);
    expect(doc.blocks[0]!.text).toMatch(/^Here at Etalab, we are convinced/);
    // A link wrapped over two lines keeps its text.
    expect(all(doc)).toContain('Inspired by the Presidential Innovation Fellows, the “Public Interest Entrepreneurs” program');
    expect(all(doc)).toContain('Its ambition: to champion the digital transformation of the government.');
  });

  it('a description repeated as the first paragraph appears once', () => {
    const doc = readShared('eig-blog/18-05-29-pourquoi-devenir-EIG.md');
    const hits = texts(doc).filter((t) => t.includes('Tiphaine revient sur son parcours'));
    expect(hits).toHaveLength(1);
    expect(all(doc)).not.toContain('TiphainePheNeau.jpg');
  });

  it('markup shown as code stays text', () => {
    const doc = readShared('eig-blog/2019-08-30-demonstrations-accessibilite-numerique.md');
    expect(all(doc)).toContain('Alors que s\'il est borné par les balise <h2> et </h2>il sera repéré rapidement');
  });

  it('lead sentences already at the top of the body are not repeated', () => {
    const doc = readShared('eig-blog/19-05-27-retour-seminaire-mai-2019.md');
    const text = all(doc);
    expect(text.split('Pourquoi sortir les EIG de leurs administrations').length).toBe(2);
    expect(doc.blocks[0]!.text).toMatch(/^L'équipe de coordination du programme EIG a organisé un premier séminaire/);
  });

  it('a bold-only line is a heading; lists after a lead-in are items', () => {
    const doc = readShared('eig-blog/2019-07-10-benchmark-eig.md');
    expect(doc.date).toBe('2019-07-10');
    expect(texts(doc, 'heading')).toContain('Qu\'est-ce que le programme Entrepreneurs d\'Intérêt Général ?');
    expect(texts(doc, 'list-item')).toContain('Presidential Innovation Fellows, Etats-Unis');
  });

  it('no markup survives in any block of any shared article', () => {
    for (const dir of ['eig-blog', 'eig-defis-2018']) {
      for (const name of readdirSync(join(SHARED, dir))) {
        for (const doc of readText(readFileSync(join(SHARED, dir, name), 'utf8'), name)) {
          expect(doc.title.length, name).toBeGreaterThan(3);
          for (const b of doc.blocks) expect(b.text, `${name}: ${b.text.slice(0, 80)}`).not.toMatch(MARKUP);
        }
      }
    }
  });
});

describe('readText on synthetic input', () => {
  it('reads Markdown constructs into clean blocks', () => {
    const md = [
      'Titre du document',
      '=================',
      '',
      'Un paragraphe avec un [lien](https://exemple.fr "titre"), une [référence][ref], un <span class="x">tag</span>,',
      'du **gras**, de l\'_italique_, du `code` et des entités &amp; &laquo;ici&raquo; &#233;.',
      '',
      '[ref]: https://exemple.fr/ref',
      '',
      'Sous-partie',
      '-----------',
      '',
      '1. premier point',
      '2. second point',
      '   sur deux lignes',
      '',
      '| Colonne A | Colonne B |',
      '|-----------|-----------|',
      '| 12 | treize |',
      '',
      '```',
      'const x = 1;',
      '```',
      '<!-- commentaire -->',
      '<div class="encadre">Un encadré</div>',
      '* * *',
      'fichier_avec_soulignés reste intact.',
    ].join('\n');
    const [doc] = readText(md, 'note.md');
    expect(doc!.title).toBe('Titre du document');
    expect(doc!.blocks).toEqual([
      { type: 'heading', text: 'Titre du document', level: 1 },
      {
        type: 'paragraph',
        text: 'Un paragraphe avec un lien, une référence, un tag, du gras, de l\'italique, du code et des entités & «ici» é.',
      },
      { type: 'heading', text: 'Sous-partie', level: 2 },
      { type: 'list-item', text: 'premier point' },
      { type: 'list-item', text: 'second point sur deux lignes' },
      { type: 'paragraph', text: 'Colonne A ; Colonne B' },
      { type: 'paragraph', text: '12 ; treize' },
      { type: 'paragraph', text: 'const x = 1;' },
      { type: 'paragraph', text: 'Un encadré' },
      { type: 'paragraph', text: 'fichier_avec_soulignés reste intact.' },
    ]);
  });

  it('reports broken front matter as a front-matter IngestError', () => {
    const bad = '---\ntitle: "unterminated\ntags: [a, b\n---\nCorps du texte.\n';
    let error: unknown;
    try {
      readText(bad, 'casse.md');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(IngestError);
    expect((error as IngestError).reason).toBe('front-matter');
    expect((error as IngestError).message).toMatch(/^invalid YAML front matter in casse\.md: .*line \d/);
  });

  it('reads a list or a string between two rules as Markdown, not as fields', () => {
    const [doc] = readText('---\njust a line\n---\n\nThe body.\n', 'x.md');
    expect(doc!.meta).toEqual({});
    expect(doc!.blocks.map((b) => b.text)).toEqual(['just a line', 'The body.']);
  });

  it('keeps odd front matter values as searchable scalars', () => {
    const src = '---\ntitle: 2019\npublished: false\ndate: 2019-03-04\nlang: en\nnested:\n  label: Un libellé\n  src: /img/x.png\n---\nBody text here.\n';
    const [doc] = readText(src, 'x.md');
    expect(doc!.title).toBe('2019');
    expect(doc!.meta).toMatchObject({ title: 2019, published: false, date: '2019-03-04T00:00:00.000Z', nested: ['Un libellé'] });
    expect(doc!.date).toBe('2019-03-04');
    expect(doc!.lang).toBe('en');
  });

  it('reads a BOM, CRLF line ends and NFD text', () => {
    const src = '\ufeff# Été\r\n\r\nLe café est prêt.\r\n'.normalize('NFD');
    const [doc] = readText(src, 'x.txt');
    expect(doc!.title).toBe('Été');
    expect(doc!.blocks[1]!.text).toBe('Le café est prêt.');
    expect(doc!.blocks[1]!.text).toBe(doc!.blocks[1]!.text.normalize('NFC'));
  });

  it('dates file names, long and short forms, and rejects impossible ones', () => {
    expect(dateFromFileName('2019-12-16-partenariat.md')).toBe('2019-12-16');
    expect(dateFromFileName('blog/18-07-23-x.md')).toBe('2018-07-23');
    expect(dateFromFileName('2019-13-40-x.md')).toBeUndefined();
    expect(dateFromFileName('000_4f38.txt')).toBeUndefined();
    expect(dateFromFileName('2019-12-160.md')).toBeUndefined();
  });
});
