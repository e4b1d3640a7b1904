import { describe, expect, it } from 'vitest';
import { unfoundSearchTerm } from './unfound-search-term';

describe('unfoundSearchTerm', () => {
  it('normalises case and white space', () => {
    expect(unfoundSearchTerm('  Regionale   KONFERENZ ')).toBe('regionale konferenz');
    expect(unfoundSearchTerm('Straßenfest')).toBe('straßenfest');
  });

  it('keeps years and short numbers', () => {
    expect(unfoundSearchTerm('Jahrgang 2024')).toBe('jahrgang 2024');
  });

  it('logs nothing empty, too long, e-mail-like or phone-like', () => {
    expect(unfoundSearchTerm('   ')).toBeNull();
    expect(unfoundSearchTerm('x'.repeat(61))).toBeNull();
    expect(unfoundSearchTerm('x'.repeat(60))).toBe('x'.repeat(60));
    expect(unfoundSearchTerm('anna.muster@example.org')).toBeNull();
    expect(unfoundSearchTerm('kontakt at@home')).toBeNull();
    expect(unfoundSearchTerm('0171 2345678')).toBeNull();
    expect(unfoundSearchTerm('+49 (30) 123-45')).toBeNull();
    expect(unfoundSearchTerm('Frau Meier 030/1234567')).toBeNull();
    expect(unfoundSearchTerm('ref 1234567')).toBeNull();
  });
});
