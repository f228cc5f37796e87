import { describe, expect, it } from 'vitest';
import { analyze, foldAccents, stem, stripElision, tokenize, words } from '../../src/index/analyzer.js';
import { stemFr } from '../../src/text/natural.js';

describe('analyzer', () => {
  it('folds accents before stemming, so accented and bare spellings meet', () => {
    expect(analyze('sécurité')).toEqual(analyze('securite'));
    expect(analyze('Ministère')).toEqual(analyze('ministere'));
    // Stemming the accented word first would not give the same term.
    expect(stemFr('sécurité')).not.toBe(stemFr('securite'));
    expect(analyze('sécurité')).toEqual([stemFr('securite')]);
  });

  it('normalises NFD input to the same terms as NFC', () => {
    const nfd = 'Éducation nationale, intérêt général'.normalize('NFD');
    expect(nfd).not.toBe(nfd.normalize('NFC'));
    expect(analyze(nfd)).toEqual(analyze(nfd.normalize('NFC')));
    expect(analyze(nfd).join(' ')).not.toMatch(/\p{M}/u);
  });

  it('removes French elisions written with either apostrophe', () => {
    for (const q of ["l'Intérieur", 'l’Intérieur', "d'intérieur", 'qu’intérieur', "jusqu'intérieur", 'lorsqu’intérieur']) {
      expect(analyze(q)).toEqual(analyze('intérieur'));
    }
    expect(stripElision("l'état")).toEqual(['état']);
    expect(stripElision('aujourd’hui')).toEqual(['aujourd', 'hui']);
  });

  it('drops French and English stopwords, also written without accents', () => {
    expect(analyze('le ministère de la santé et des sports')).toEqual(analyze('ministère santé sports'));
    expect(words('what is the cost of the programme')).toEqual(['cost', 'programme']);
    expect(words('ou etait meme')).toEqual([]);
  });

  it('keeps the French « an » (a year) that the English stopword list would drop', () => {
    expect(words('4 500 € par an')).toEqual(['4500', 'an']);
    expect(words('un an plus tard')).toEqual(['an', 'tard']);
    expect(words("l'an dernier")).toEqual(['an', 'dernier']);
    expect(words('in 2019 an audit')).toEqual(['2019', 'audit']);
    expect(analyze('deux ans')).toContain('an');
    // The English article stays a stopword.
    expect(words('what is an EIG')).toEqual(['eig']);
  });

  it('keeps numbers findable as one term', () => {
    expect(tokenize('1 140 agents')).toEqual(['1140', 'agents']);
    expect(tokenize('1\u202f140 agents')).toEqual(['1140', 'agents']);
    expect(tokenize('12 000,5 €')).toEqual(['12000,5']);
    expect(analyze('2,5 %')).toEqual(['2,5']);
    expect(analyze('2.5')).toEqual(['2,5']);
    expect(analyze('en 2016 150 jeunes')).toEqual(['2016', '150', stem('jeunes', 'fr')]);
    expect(analyze('3 défis')).toContain('3');
  });

  it('runs the steps in order: lowercase, split, elision, stopword, fold, stem', () => {
    expect(analyze("L’Agence française de développement (AFD)")).toEqual(['agenc', 'francais', 'developp', 'afd']);
    expect(foldAccents('Œuvre à l’été')).toBe('OEuvre a l’ete');
    expect(analyze('œuvre')).toEqual(analyze('oeuvre'));
  });

  it('stems with the requested language', () => {
    expect(analyze('ministries', 'en')).toEqual(analyze('ministry', 'en'));
    expect(analyze('ministères', 'fr')).toEqual(analyze('ministère', 'fr'));
  });
});
