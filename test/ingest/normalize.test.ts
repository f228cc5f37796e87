import { describe, expect, it } from 'vitest';
import {
  collapseWhitespace,
  expandLigatures,
  nfc,
  normalizeFileName,
  normalizeHyphens,
  normalizeSpaces,
  normalizeText,
  removeInvisibles,
  removeSoftHyphens,
} from '../../src/ingest/normalize.js';

const COMBINING = /\p{M}/u;

describe('normalize', () => {
  it('composes NFD text and file names into NFC', () => {
    const nfd = 'Cour des comptes : la journée défense, l’État, Île-de-France'.normalize('NFD');
    expect(COMBINING.test(nfd)).toBe(true);
    const out = normalizeText(nfd);
    expect(COMBINING.test(out)).toBe(false);
    expect(out).toBe('Cour des comptes : la journée défense, l’État, Île-de-France');
    expect(nfc('e\u0301')).toBe('é');
    const name = normalizeFileName('2016-01-29-la-journe\u0301e.pdf');
    expect(name).toBe('2016-01-29-la-journée.pdf');
    expect(COMBINING.test(name)).toBe(false);
  });

  it('spells out every ligature', () => {
    expect(expandLigatures('e\uFB00et \uFB01nance \uFB02eur e\uFB03cace a\uFB04ux \uFB05 \uFB06')).toBe(
      'effet finance fleur efficace afflux st st',
    );
    expect(normalizeText('la dé\uFB01nition de l’e\uFB03cacité')).toBe('la définition de l’efficacité');
  });

  it('drops soft hyphens and joins a soft-hyphenated line end', () => {
    expect(removeSoftHyphens('at\u00AD\nteindre')).toBe('atteindre');
    expect(removeSoftHyphens('at\u00AD \r\n  teindre les objectifs')).toBe('atteindre les objectifs');
    expect(removeSoftHyphens('trans\u00ADparence')).toBe('transparence');
    expect(normalizeText('une ré\u00ADforme\nambitieuse')).toBe('une réforme\nambitieuse');
  });

  it('removes zero-width characters', () => {
    expect(removeInvisibles('don\u200Bnées\uFEFF pu\u2060bliques\u200D')).toBe('données publiques');
    expect(removeInvisibles('\u0000 Découvrez\u0007 nos\u0085 guides\tet\nplus')).toBe(' Découvrez nos guides\tet\nplus');
  });

  it('turns non-breaking and typographic spaces into plain spaces but keeps tabs and newlines', () => {
    expect(normalizeSpaces('783\u00A0153 jeunes\u202F; 2\u2009%\tx\ny')).toBe('783 153 jeunes ; 2 %\tx\ny');
  });

  it('maps non-breaking hyphens to plain hyphens', () => {
    expect(normalizeHyphens('elles\u2011mêmes c’est\u2010à\u2010dire')).toBe('elles-mêmes c’est-à-dire');
  });

  it('normalises line endings and is idempotent', () => {
    const raw = 'Ligne 1\r\nLigne\u00A02\rLigne 3 \uFB01n';
    const once = normalizeText(raw);
    expect(once).toBe('Ligne 1\nLigne 2\nLigne 3 fin');
    expect(normalizeText(once)).toBe(once);
  });

  it('collapses whitespace', () => {
    expect(collapseWhitespace('  a \t b\n\n c  ')).toBe('a b c');
  });
});
