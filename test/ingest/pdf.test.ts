import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { Block } from '../../src/ingest/blocks.js';
import { IngestError } from '../../src/ingest/errors.js';
import { pageLines, readPdf, type PdfRead } from '../../src/ingest/pdf.js';
import { segmentDocument } from '../../src/ingest/segment.js';
import { buildHyphenContext, hyphenChoice, joinLines } from '../../src/ingest/pdf/hyphenation.js';
import { pageNumberValue, removeRunningLines } from '../../src/ingest/pdf/running.js';
import { tocPages } from '../../src/ingest/pdf/headings.js';
import { makePdf } from '../helpers/make-pdf.js';

const here = dirname(fileURLToPath(import.meta.url));
const REPORTS = resolve(here, '../../../shared/corpus/reports');
const CDC = join(REPORTS, 'cour-des-comptes');

const JDC = '2016-01-29-la-journee-defense-et-citoyennete-jdc.pdf';
const MAJEURS = '2016-09-26-la-protection-juridique-des-majeurs-une-reforme-ambitieuse-u.pdf';
const DOCTEURS = '2016-01-05-l-insertion-professionnelle-des-jeunes-docteurs.pdf';

/** Every PDF under the reports folder, read once for the whole file. */
const docs = new Map<string, PdfRead | IngestError>();
const pdfFiles = (): string[] =>
  readdirSync(REPORTS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.pdf'))
    .sort();

beforeAll(async () => {
  for (const rel of pdfFiles()) {
    const bytes = new Uint8Array(readFileSync(join(REPORTS, rel)));
    const name = rel.split('/').pop() as string;
    try {
      docs.set(name, await readPdf(bytes, name));
    } catch (error) {
      if (!(error instanceof IngestError)) throw error;
      docs.set(name, error);
    }
  }
});

function doc(name: string): PdfRead {
  const d = docs.get(name);
  if (!(d instanceof Object) || d instanceof IngestError) throw new Error(`${name} was not read: ${String(d)}`);
  return d;
}

/** Blocks whose text contains `needle`. */
const having = (d: PdfRead, needle: string): Block[] => d.blocks.filter((b) => b.text.includes(needle));

async function failure(bytes: Uint8Array, name = 'bad.pdf'): Promise<IngestError> {
  try {
    await readPdf(bytes, name);
  } catch (error) {
    expect(error).toBeInstanceOf(IngestError);
    return error as IngestError;
  }
  throw new Error('readPdf did not fail');
}

describe('readPdf on the real reports', () => {
  it('reads every text PDF, with pages set on every block and no decomposed accents', () => {
    expect(docs.size).toBe(18);
    for (const [name, d] of docs) {
      if (d instanceof IngestError) continue;
      expect(d.kind, name).toBe('report');
      expect(d.blocks.length, name).toBeGreaterThan(5);
      for (const b of d.blocks) {
        expect(b.page, name).toBeGreaterThanOrEqual(1);
        expect(b.page, name).toBeLessThanOrEqual(d.pages);
        expect(b.text.trim(), name).toBe(b.text);
        expect(/\p{M}/u.test(b.text), `${name}: ${b.text}`).toBe(false);
        expect(/[\uFB00-\uFB06\u00AD\u200B\uE000-\uF8FF\u0000]/u.test(b.text), `${name}: ${b.text}`).toBe(false);
      }
    }
  });

  it('finds a known sentence on its page (checked against pdftotext)', () => {
    const d = doc(JDC);
    expect(d.pages).toBe(45);
    const hits = having(d, 'En 2014, la JDC a accueilli 783 153 jeunes Français en métropole et outre-mer');
    expect(hits.map((b) => b.page)).toEqual([2]);
    const accents = having(d, 'La journée défense et citoyenneté (JDC) a succédé en 2011');
    expect(accents.map((b) => b.page)).toEqual([2]);
  });

  it('removes running headers and page-number lines from every page', () => {
    for (const [name, d] of docs) {
      if (d instanceof IngestError) continue;
      for (const b of d.blocks) {
        // Cour des comptes: "Cour des comptes <tab> <title>" then the page number, on pages 2..n.
        expect(/^Cour des comptes\s/.test(b.text) && (b.page ?? 0) > 1, `${name} p${b.page}: ${b.text}`).toBe(false);
        // Etalab guides: "Etalab Consultez la dernière version de ce guide sur guides.etalab.gouv.fr 7".
        expect(b.text.includes('Consultez la dernière version de ce guide'), `${name}: ${b.text}`).toBe(false);
      }
    }
    // Page numbers: pdf-parse puts "N" on the line after the Cour des comptes header; had it stayed,
    // it would be a block of its own or glued to the page's first words.
    for (const name of readdirSync(CDC)) {
      const d = doc(name);
      for (const b of d.blocks.filter((x) => (x.page ?? 0) > 1)) {
        expect(b.text === String(b.page) || b.text.startsWith(`${b.page} `), `${name} p${b.page}: ${b.text}`).toBe(false);
      }
    }
    // The EIG rules repeat "« Entrepreneur.e d’intérêt général »" above each page number.
    const rules = doc('EIG-promotion2_reglement_programme_VFF.pdf');
    expect(rules.blocks.filter((b) => b.text === '« Entrepreneur.e d’intérêt général »')).toEqual([]);
    // The guides' running title is gone from pages 2.., but the cover still shows it.
    const guide = doc('guide-algorithmes.pdf');
    expect(guide.blocks.filter((b) => b.text.startsWith('Expliquer les algorithmes publics 27/05/2024'))).toEqual([]);
    expect(guide.blocks.some((b) => b.page === 1 && b.text.startsWith('Expliquer les algorithmes publics'))).toBe(true);
  });

  it('rejoins hyphenated line ends and keeps real compounds', () => {
    // "transpa‑⏎rence" (typeset hyphenation with a non-breaking hyphen) becomes one word.
    const guide = doc('guide-algorithmes.pdf');
    expect(having(guide, 'dans la mise en oeuvre du principe de transparence des algorithmes.').map((b) => b.page)).toEqual([4]);
    expect(guide.blocks.some((b) => /transpa-\s?rence/.test(b.text))).toBe(false);
    // "renouvel-⏎lement" and "protec-⏎tion" in table cells of a Cour des comptes report.
    const majeurs = doc(MAJEURS);
    expect(having(majeurs, 'Demandes de renouvellement, conversion').map((b) => b.page)).toEqual([37]);
    expect(having(majeurs, 'Taux pour la protection des biens seulement').map((b) => b.page)).toEqual([39]);
    // "contre-⏎rapporteur", "Vallaud-⏎Belkacem", "sapeurs-⏎pompiers" stay hyphenated.
    const jdc = doc(JDC);
    expect(having(jdc, 'Mme Saliou, conseillère maître, étant le contre-rapporteur.')).toHaveLength(1);
    expect(jdc.blocks.some((b) => /contrerapporteur|contre- rapporteur/.test(b.text))).toBe(false);
    expect(having(doc(DOCTEURS), 'Najat Vallaud-Belkacem')).not.toHaveLength(0);
    expect(having(doc('Rapport-analyse-EIG-VF.pdf'), 'interventions des sapeurs-pompiers, ils sont allés')).toHaveLength(1);
  });

  it('reads a two-column report left column first, a sentence running from one column into the next', () => {
    const d = doc(MAJEURS);
    const spanning = having(d, 'son tuteur ou son curateur en cas d’altération de ses facultés et limiter ainsi l’intervention du juge');
    expect(spanning.map((b) => b.page)).toEqual([3]);
    const page3 = d.blocks.filter((b) => b.page === 3);
    const left = page3.findIndex((b) => b.text.startsWith('Sur le plan des droits des majeurs protégés'));
    const right = page3.findIndex((b) => b.text.startsWith('Ainsi, la volonté du législateur de 2007'));
    expect(left).toBeGreaterThanOrEqual(0);
    expect(right).toBeGreaterThan(left);
    expect(page3.indexOf(spanning[0] as Block)).toBeGreaterThan(left);
    expect(page3.indexOf(spanning[0] as Block)).toBeLessThan(right);
  });

  it('uses the metadata title when it fits the document, and dates from the file name', () => {
    const jdc = doc(JDC);
    expect(jdc.title).toBe('La journée défense et citoyenneté (JDC).');
    expect(jdc.date).toBe('2016-01-29'); // the file name wins over the PDF's CreationDate
    expect(jdc.meta['CreationDate']).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(jdc.meta['Language']).toBe('fr');
    expect(doc('20180504-AAP-EIG3.pdf').date).toBe('2018-05-04');
    // A stale template title that the text never mentions is kept as metadata, not shown as the title.
    const rules = doc('EIG-promotion2_reglement_programme_VFF.pdf');
    expect(rules.meta['Title']).toBe('Foire aux questions sur la labellisation');
    expect(rules.title).toBe('Règlement de l’appel à candidature');
    // No metadata title: the cover's largest text, not the small-caps line above it.
    expect(doc('20180504-AAP-EIG3.pdf').title).toBe(
      'Défis de transition numérique des administrations pour la troisième promotion du programme « Entrepreneur d’Intérêt Général »',
    );
    // No metadata title: the wrapped first lines of page 1.
    expect(doc('mini-guide-reussite-eig.pdf').title).toBe('Mini-guide pour la réussite d’un défi EIG');
  });

  it('cuts numbered lists into items, even without final punctuation', () => {
    const rules = doc('EIG-promotion2_reglement_programme_VFF.pdf');
    const items = rules.blocks.filter((b) => b.type === 'list-item' && /^\d{1,2}\. /.test(b.text) && (b.page === 3 || b.page === 4));
    expect(items.map((b) => Number(/^\d+/.exec(b.text)?.[0]))).toEqual(Array.from({ length: 13 }, (_, i) => i + 1));
    expect(items[0]?.text).toMatch(/^1\. PrédiSauvetage : .*Direction des Affaires Maritimes$/);
  });

  it('finds section headings', () => {
    const jdc = doc(JDC);
    const headings = jdc.blocks.filter((b) => b.type === 'heading');
    expect(headings.map((h) => h.text)).toEqual(expect.arrayContaining(['Avertissement', 'Synthèse', 'Recommandations']));
    const guide = doc('guide-algorithmes.pdf');
    expect(guide.blocks.find((b) => b.text === '1 Introduction')).toMatchObject({ type: 'heading', page: 4, level: 1 });
    expect(guide.blocks.find((b) => b.text === '2.0.2 Comment contribuer?')).toMatchObject({ type: 'heading', level: 3 });
  });

  it('leaves tables of contents out, but not a page that only has a contents title', () => {
    const guide = doc('guide-juridique.pdf');
    expect(guide.blocks.filter((b) => b.page === 2)).toEqual([]); // "Table des matières", dot leaders, page numbers
    expect(guide.blocks.find((b) => b.text === '1 Introduction')).toMatchObject({ type: 'heading', page: 3 });
    const commune = doc('2016-06-06-commune-de-castelnau-le-lez-herault.pdf');
    expect(having(commune, 'La situation financière (2009 à nos jours) de la commune').map((b) => b.page)).toEqual([2]);
  });

  it('takes footnote calls out of the words, keeps real figures, and keeps the notes as paragraphs', () => {
    const jdc = doc(JDC);
    // "du 23 mars 20151." in the text layer: 2015 plus the call of endnote 1.
    expect(having(jdc, 'en date du 11 décembre 2014 et du 23 mars 2015. Une rencontre a eu lieu').map((b) => b.page)).toEqual([2]);
    expect(having(jdc, 'est de 4,1 %, mais ce taux recouvre').map((b) => b.page)).toEqual([3]);
    expect(having(jdc, 'l’illettrisme, les résultats immédiats permettent').map((b) => b.page)).toEqual([6]);
    expect(having(jdc, 'Selon l’article L. 111-2 du code du service national').map((b) => b.page)).toEqual([5]);
    expect(having(jdc, 'entre la date de leur recensement à 16 ans et leurs 18 ans : les jeunes garçons')).toHaveLength(1);
    expect(jdc.blocks.some((b) => /20151|illettrisme15|conventionnelle2/.test(b.text))).toBe(false);
    expect(having(doc(DOCTEURS), 'inscrit dans le processus de Bologne. Il faut souligner')).toHaveLength(1);
    // Each endnote is a paragraph of its own: not glued to the text above, not a heading.
    expect(jdc.blocks.find((b) => b.text.startsWith('1. L’échange de courriers'))).toEqual({
      type: 'paragraph',
      page: 41,
      text: '1. L’échange de courriers figure en annexe n° 1.',
    });
    const unaf = doc('2017-01-05-l-union-nationale-des-associations-familiales-unaf-et-le-res.pdf');
    expect(unaf.blocks.find((b) => b.text.startsWith('2. Ce contrôle a donné lieu'))?.type).toBe('paragraph');
    const commune = doc('2016-06-06-commune-de-castelnau-le-lez-herault.pdf');
    expect(having(commune, 'et le taux de pauvreté est de 10,1 %').map((b) => b.page)).toEqual([3]);
    expect(commune.blocks.filter((b) => /^\d+\.DGFIP/.test(b.text)).map((b) => b.text.slice(0, 8))).toEqual(['3.DGFIP ', '7.DGFIP ']);
  });

  it('keeps a sentence cut by a page break whole, on the page where it starts', () => {
    const jdc = doc(JDC);
    const end = having(jdc, 'qui joue un rôle très important en assurant plus du quart des journées/animateurs.');
    expect(end.map((b) => b.page)).toEqual([2]);
    expect(end[0]?.text.endsWith('plus du quart des journées/animateurs.')).toBe(true);
    const top3 = jdc.blocks.find((b) => b.page === 3);
    expect(top3?.text).toMatch(/^Sans retirer à ces employeurs le choix des animateurs/);
    // The passages quote whole sentences on both sides of the break, each with its own page.
    const { passages } = segmentDocument(jdc, { docId: 'jdc', path: `reports/${JDC}`, root: 0 });
    const sentencePage = (start: string): number | undefined =>
      passages.find((x) => x.sentences.some((t) => t.startsWith(start)))?.page;
    const cut = passages.flatMap((x) => x.sentences).find((t) => t.startsWith('La réussite logistique et pédagogique de la JDC'));
    expect(cut).toMatch(/en assurant plus du quart des journées\/animateurs\.$/);
    expect(sentencePage('La réussite logistique et pédagogique de la JDC')).toBe(2);
    expect(sentencePage('Sans retirer à ces employeurs le choix des animateurs')).toBe(3);
    expect(passages.some((x) => x.sentences.some((t) => t.startsWith('quart des journées')))).toBe(false);
    // No page of the report starts inside a sentence any more, except a list run on after a semicolon.
    jdc.blocks.forEach((b, i) => {
      const before = jdc.blocks[i - 1];
      if (!before || before.page === b.page || !/^\p{Ll}/u.test(b.text)) return;
      expect(before.text, `p${b.page}: ${b.text}`).toMatch(/;$/);
    });
    // A page whose last paragraph ends with a full stop keeps the next page's first paragraph.
    const majeurs = doc(MAJEURS);
    expect(having(majeurs, 'Pour garantir que les droits des personnes protégées soient respectés').map((b) => b.page)).toEqual([6]);
  });

  it('reports the scanned PDF (no text layer)', () => {
    const scanned = docs.get('SequoiaCGDD_MappingBesoins_2020.pdf');
    expect(scanned).toBeInstanceOf(IngestError);
    expect((scanned as IngestError).reason).toBe('scanned');
    expect((scanned as IngestError).message).toMatch(/^no text layer \(scanned image\?\): 1 page, 0 characters/);
  });
});

describe('readPdf on bad and odd files', () => {
  const real = (): Uint8Array => new Uint8Array(readFileSync(join(CDC, '2016-02-25-la-modernisation-du-reseau-la-poste.pdf')));
  afterEach(() => vi.restoreAllMocks());

  it('reports an empty file', async () => {
    expect((await failure(new Uint8Array(0))).reason).toBe('empty');
  });

  it('reports a PDF without pages', async () => {
    const e = await failure(makePdf([]));
    expect(e.reason).toBe('empty');
  });

  it('reports random bytes and an HTML page named .pdf', async () => {
    const random = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 256);
    expect((await failure(random)).reason).toBe('corrupt');
    const html = new TextEncoder().encode('<!doctype html><html><body>Rapport</body></html>');
    const e = await failure(html);
    expect(e.reason).toBe('corrupt');
    expect(e.message).toMatch(/not a PDF/);
  });

  it('reports a truncated PDF', async () => {
    const bytes = real();
    for (const keep of [0.3, 0.6, 0.95]) {
      const e = await failure(bytes.slice(0, Math.floor(bytes.length * keep)));
      expect(e.reason).toBe('corrupt');
      expect(e.message).toMatch(/truncated/);
    }
  });

  it('reports a password-protected PDF, and reads one that only restricts permissions', async () => {
    const pages = [['Un rapport chiffré sur la gestion des données publiques.']];
    const locked = await failure(makePdf(pages, { encrypt: { user: 'secret', owner: 'owner' } }));
    expect(locked.reason).toBe('encrypted');
    expect(locked.message).toMatch(/encrypted/);
    const open = await readPdf(makePdf(pages, { encrypt: { user: '', owner: 'owner' } }), 'ouvert.pdf');
    expect(open.blocks.map((b) => b.text)).toEqual(['Un rapport chiffré sur la gestion des données publiques.']);
  });

  it('reports a PDF whose pages have no text as scanned', async () => {
    const e = await failure(makePdf([[], [], []]));
    expect(e.reason).toBe('scanned');
    expect(e.message).toBe('no text layer (scanned image?): 3 pages, 0 characters of text; not indexed');
    const cover = ['Rapport annuel sur la gestion des services publics, édition 2019.'];
    const mostly = await failure(makePdf([cover, ...Array.from({ length: 9 }, (_, i) => [String(i + 2)])]));
    expect(mostly.reason).toBe('scanned');
    expect(mostly.message).toBe('mostly scanned: only 1 of 10 pages have a text layer; not indexed');
  });

  it('leaves the caller’s bytes intact and prints nothing', async () => {
    const spies = [vi.spyOn(console, 'log'), vi.spyOn(console, 'warn'), vi.spyOn(console, 'error'), vi.spyOn(console, 'info')];
    const bytes = real();
    const copy = bytes.slice();
    await readPdf(bytes, 'poste.pdf');
    await readPdf(makePdf([['Un texte en Helvetica, police non incorporée au fichier.']]), 'helvetica.pdf');
    await failure(bytes.slice(0, bytes.length >> 1));
    expect(bytes).toEqual(copy);
    for (const spy of spies) expect(spy).not.toHaveBeenCalled();
  });

  it('takes the title from the largest text on the cover', async () => {
    const cover = [
      { text: 'PROGRAMME D’INVESTISSEMENTS D’AVENIR', size: 8 },
      { text: 'Appel à projets :', size: 11 },
      { text: 'Défis de transition numérique', size: 20 },
      { text: 'des administrations', size: 20 },
      { text: 'Cahier des charges, publié le 4 mai 2018 par les services de l’État.', size: 11 },
    ];
    const d = await readPdf(makePdf([cover, ['Le texte du cahier des charges commence ici.']]), 'aap.pdf');
    expect(d.title).toBe('Défis de transition numérique des administrations');
  });

  it('takes the title from the text, else from the file name, and composes NFD names', async () => {
    const untitled = await readPdf(makePdf([['Bilan de la réforme', 'Le texte commence ici.']]), 'x.pdf');
    expect(untitled.title).toBe('Bilan de la réforme');
    const nameOnly = await readPdf(makePdf([['2019 — 12 345 678 901']]), '2019-03-04-re\u0301sultats.pdf'.normalize('NFD'));
    expect(nameOnly.title).toBe('2019-03-04-résultats');
    expect(/\p{M}/u.test(nameOnly.title)).toBe(false);
    const withTitle = await readPdf(
      makePdf([['Les résultats de l’enquête sont publiés.']], { info: { Title: 'resultats_final.docx' } }),
      '2019-03-04-re\u0301sultats.pdf'.normalize('NFD'),
    );
    expect(withTitle.date).toBe('2019-03-04');
    expect(withTitle.meta['Title']).toBe('resultats_final.docx');
    expect(withTitle.title).toBe('Les résultats de l’enquête sont publiés.');
  });
});

describe('PDF clean-up functions on crafted lines', () => {
  it('removes recurring header/footer lines and page numbers, keeps repeated body text and stray numbers', () => {
    const topics = ['le recensement', 'la formation', 'les coûts', 'le contenu', 'les animateurs', 'la santé'];
    const pages = Array.from({ length: 6 }, (_, i) => [
      `Cour des comptes \tLa journée défense et citoyenneté (JDC).`,
      String(i + 1),
      `Cette page traite de ${topics[i]}, avec une phrase complète.`,
      'Source : Anafi à partir des comptes de gestion',
      'Une autre phrase du corps de la page.',
      i === 3 ? '23' : `Dernière phrase de la page ${i + 1}.`,
      `Page ${i + 1} sur 6`,
    ]);
    const out = removeRunningLines(pages);
    for (const [i, lines] of out.entries()) {
      expect(lines[0]).toBe(`Cette page traite de ${topics[i]}, avec une phrase complète.`);
      expect(lines).toContain('Source : Anafi à partir des comptes de gestion');
      expect(lines.some((l) => l.startsWith('Cour des comptes') || l.startsWith('Page '))).toBe(false);
    }
    expect(out[3]).toContain('23'); // a table value at the bottom of one page, not a page number
  });

  it('finds table-of-contents pages', () => {
    const toc = ['Table des matières', '1 Introduction 3', '2 L’open data 3', '2.1 Qu’est-ce que l’open data? . . . . . 3', 'Etalab'];
    const more = ['3.2.4 Que faire? . . . . . . 6', '3.2.5 Et ensuite? . . . . . . 7', '4 Réutilisation 9'];
    const prose = ['1 Introduction', 'Le cadre légal de l’open data est présenté ici.', 'Il concerne toutes les administrations.'];
    expect([...tocPages([['Couverture'], toc, more, prose])]).toEqual([1, 2]);
    expect([...tocPages([['SOMMAIRE', 'SYNTHÈSE', ...prose, ...prose]])]).toEqual([]);
  });

  it('recognises page-number lines', () => {
    expect(['12', '- 12 -', '— 12 —', '12/45', '12 / 45', 'Page 12', 'Page 12 sur 45', 'page 12 of 45', 'p. 12'].map(pageNumberValue)).toEqual(
      Array(9).fill(12),
    );
    expect(['29/01/2016', '45/12', 'Page douze', '12 %', '1 234'].map(pageNumberValue)).toEqual(Array(5).fill(undefined));
  });

  it('rejoins typeset hyphenation and keeps compounds', () => {
    const ctx = buildHyphenContext([
      ['La commission a examiné l’établissement public et la gestion médico-sociale des établissements.'],
    ]);
    expect(joinLines('pour at-', 'teindre les objectifs', ctx)).toBe('pour atteindre les objectifs');
    expect(joinLines('un établis-', 'sement public', ctx)).toBe('un établissement public');
    expect(joinLines('la ville de Saint-', 'Étienne et', ctx)).toBe('la ville de Saint-Étienne et');
    expect(joinLines('la prise en charge médico-', 'sociale', ctx)).toBe('la prise en charge médico-sociale');
    expect(joinLines('la sous-', 'direction des études', ctx)).toBe('la sous-direction des études');
    expect(joinLines('le vice-', 'président', ctx)).toBe('le vice-président');
    expect(joinLines('les non-', 'salariés', ctx)).toBe('les non-salariés');
    expect(joinLines('c’est peut-', 'être vrai', ctx)).toBe('c’est peut-être vrai');
    expect(joinLines('celle-', 'ci', ctx)).toBe('celle-ci');
    expect(joinLines('les Hauts-de-', 'Seine', ctx)).toBe('les Hauts-de-Seine');
    expect(joinLines('entre 2013-', '2014', ctx)).toBe('entre 2013-2014');
    expect(joinLines('voir https://www.etalab.gouv.fr/entrepreneurs-', 'dinteret-general', ctx)).toBe(
      'voir https://www.etalab.gouv.fr/entrepreneurs-dinteret-general',
    );
    expect(joinLines('une phrase', 'qui continue', ctx)).toBe('une phrase qui continue');
    expect(joinLines('un tiret —', 'puis la suite', ctx)).toBe('un tiret — puis la suite');
  });

  it('takes the words around line-end hyphens out of the evidence', () => {
    const ctx = buildHyphenContext([['le principe de transpa-', 'rence des algorithmes et la transparence']]);
    expect(ctx.words.has('transpa')).toBe(false);
    expect(ctx.words.has('rence')).toBe(false);
    expect(ctx.words.get('transparence')).toBe(1);
    expect(hyphenChoice('de transpa-', 'rence des', ctx)).toBe('join');
  });

  it('turns symbol-font bullets into list items and drops footnote back-links', () => {
    expect(pageLines('\uF0B7 Premier point ;\n\uF02D Second point.\n\uF0B7\nTroisième point\nvoir supra.\u21A9')).toEqual([
      '• Premier point ;',
      '• Second point.',
      '• Troisième point',
      'voir supra.',
    ]);
  });
});
