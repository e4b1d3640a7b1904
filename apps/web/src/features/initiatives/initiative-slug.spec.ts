import { slugFromName } from './initiative-slug';

describe('slugFromName', () => {
  it('writes umlauts out and joins words with hyphens', () => {
    expect(slugFromName('Initiative Prävention')).toBe('initiative-praevention');
    expect(slugFromName('  Straße & Öffentlichkeit – Süd ')).toBe('strasse-oeffentlichkeit-sued');
    expect(slugFromName('Café für alle')).toBe('cafe-fuer-alle');
  });

  it('stays within 80 characters without a trailing hyphen', () => {
    const slug = slugFromName(`${'a'.repeat(79)} b`);
    expect(slug).toBe('a'.repeat(79));
  });
});
