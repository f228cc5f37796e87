import { describe, expect, it } from 'vitest';
import { PassageIndex } from '../../src/index/passage-index.js';
import { knowledgeWithAcronym, passage } from './fixtures.js';

const ids = (hits: { passage: { docId: string } }[]) => hits.map((h) => h.passage.docId);

const corpus = [
  passage('Le ministère de l’Intérieur accueille deux entrepreneurs pour prévenir les accidents de la route.', { docId: 'interieur' }),
  passage('La santé publique et les hôpitaux manquent de données sur les urgences.', { docId: 'sante' }),
  passage('Les logements de fonction attribués aux agents sont gérés par le secrétariat général.', { docId: 'logement' }),
  passage('La Cour des comptes publie un rapport sur la journée défense et citoyenneté.', { docId: 'cdc' }),
  passage('Le programme finance la recherche en intelligence artificielle.', { docId: 'recherche' }),
  passage('The weekly retrospective helps the team share what it learnt.', { docId: 'english', lang: 'en' }),
  passage('Une sente forestière traverse le domaine.', { docId: 'sente' }),
  passage('Les parlementaires examinent le budget des armées.', { docId: 'parlement' }),
  passage('Le ministère de la Culture numérise ses collections.', { docId: 'culture', title: 'Culture et numérique' }),
];
const index = PassageIndex.build(corpus);

describe('PassageIndex search', () => {
  it('finds a passage by its words, accents or not', () => {
    expect(ids(index.search('logements de fonction'))[0]).toBe('logement');
    expect(ids(index.search('sante publique hopitaux'))[0]).toBe('sante');
  });

  it('tolerates one typo in a word of 5 to 8 letters and two in longer words', () => {
    expect(ids(index.search('logemnts fonction.'))[0]).toBe('logement');
    expect(ids(index.search('secretraiat.'))).toContain('logement'); // 11 letters, a transposition
    expect(ids(index.search('parlamantaires.'))).toContain('parlement'); // two edits
  });

  it('allows no typo in words of 4 letters or fewer', () => {
    // "santé" is 5 letters: one typo allowed; "sant" is 4 and only matches exactly (no prefix: query ends with a dot).
    expect(ids(index.search('sanet.'))).toContain('sante');
    expect(index.search('sanx.')).toEqual([]);
  });

  it('ranks an exact match above a fuzzy one', () => {
    const hits = ids(index.search('sente.'));
    expect(hits[0]).toBe('sente');
    // "santé" is one edit from "sente", but the index knows "sente": no fuzzy match at all.
    expect(hits).not.toContain('sante');
  });

  it('searches the last word as a prefix while it is being typed', () => {
    expect(ids(index.search('secrétariat gén'))[0]).toBe('logement');
    expect(ids(index.search('intelligence artif'))[0]).toBe('recherche');
    // A finished question (final punctuation) is not a prefix search.
    expect(index.search('artif?')).toEqual([]);
  });

  it('finds a French passage from an English question', () => {
    expect(ids(index.search('Which ministry of the interior challenge?', { lang: 'en' }))[0]).toBe('interieur');
    expect(ids(index.search('What does the court of auditors say?', { lang: 'en' }))[0]).toBe('cdc');
    expect(ids(index.search('public health data', { lang: 'en' }))[0]).toBe('sante');
    expect(ids(index.search('research funding', { lang: 'en' }))[0]).toBe('recherche');
  });

  it('finds an English passage from an English question', () => {
    expect(ids(index.search('weekly retrospectives', { lang: 'en' }))[0]).toBe('english');
  });

  it('boosts the title', () => {
    expect(ids(index.search('culture'))[0]).toBe('culture');
  });

  it('returns matched index terms and query terms for highlighting', () => {
    const [hit] = index.search('ministère intérieur');
    expect(hit?.terms.sort()).toEqual(['interieur', 'minister']);
    expect(hit?.queryTerms.sort()).toEqual(['interieur', 'minister']);
    expect(hit?.score).toBeGreaterThan(0);
  });

  it('filters by kind, path prefix and date', () => {
    const dated = PassageIndex.build([
      passage('Rapport sur la poste.', { docId: 'a', kind: 'report', path: 'reports/a.pdf', date: '2016-02-25', page: 3 }),
      passage('Article sur la poste.', { docId: 'b', kind: 'article', path: 'articles/b.md', date: '2018-05-01' }),
      passage('Note sur la poste.', { docId: 'c', kind: 'article', path: 'articles/c.md' }),
    ]);
    expect(ids(dated.search('poste', { filters: { kind: 'report' } }))).toEqual(['a']);
    expect(ids(dated.search('poste', { filters: { pathPrefix: 'articles/' } })).sort()).toEqual(['b', 'c']);
    expect(ids(dated.search('poste', { filters: { dateFrom: '2017-01-01' } }))).toEqual(['b']);
    expect(ids(dated.search('poste', { filters: { dateTo: '2017-12-31' } }))).toEqual(['a']);
    expect(dated.search('poste', { limit: 1 })).toHaveLength(1);
  });

  it('expands acronyms learned at ingestion, both ways', () => {
    const k = knowledgeWithAcronym('AFD', 'Agence française de développement');
    const idx = PassageIndex.build(
      [
        passage('L’AFD finance des projets au Sénégal.', { docId: 'short' }),
        passage('L’Agence française de développement ouvre ses données.', { docId: 'long' }),
        passage('Une agence régionale publie un bilan.', { docId: 'other' }),
      ],
      { knowledge: k },
    );
    expect(ids(idx.search('AFD?')).slice(0, 2).sort()).toEqual(['long', 'short']);
    expect(ids(idx.search('agence française de développement?')).slice(0, 2).sort()).toEqual(['long', 'short']);
    // Without the acronym knowledge, only the literal form is found.
    expect(ids(PassageIndex.build(corpus).search('AFD?'))).toEqual([]);
  });

  it('knows passages by id and counts document frequency of index terms', () => {
    expect(index.passage(corpus[0]!.id)?.docId).toBe('interieur');
    expect(index.passage('nope')).toBeUndefined();
    expect(index.documentFrequency('minister')).toBe(2);
    expect(index.documentFrequency('absent')).toBe(0);
    expect(index.passageCount).toBe(corpus.length);
  });

  it('offers equivalent terms of the lexicon for sentence scoring', () => {
    expect(index.expand('ministri', 'en')).toContain('minister');
    expect(index.expand('minister', 'fr')).toContain('ministri');
  });

  it('survives an empty or stopword-only query', () => {
    expect(index.search('')).toEqual([]);
    expect(index.search('le la les de ?')).toEqual([]);
  });
});
