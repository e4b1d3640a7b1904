import i18next from 'i18next';
import de from './de.json';
import en from './en.json';

type Tree = { [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Array<[string, string]> {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value]] : leaves(value, `${prefix}${key}.`),
  );
}

/** Every text with a `{{count}}` is a plural: `_one` and `_other`, in both languages. */
describe('plural forms', () => {
  for (const [lang, tree] of [
    ['de', de],
    ['en', en],
  ] as const) {
    it(`${lang}: every count has a _one and an _other form`, () => {
      const keys = new Map(leaves(tree as Tree));
      const missing = [...keys]
        .filter(([, text]) => text.includes('{{count}}'))
        .map(([key]) => key.replace(/_(one|other)$/, ''))
        .filter((base) => !keys.has(`${base}_one`) || !keys.has(`${base}_other`));
      expect(missing).toEqual([]);
    });
  }

  it('says one free place, several free places, and fully booked', async () => {
    const i18n = i18next.createInstance();
    await i18n.init({ resources: { de: { translation: de }, en: { translation: en } }, lng: 'de' });
    const hint = 'conferences.registration.hint';
    expect(i18n.t(hint, { count: 1 })).toMatch(/^Noch 1 freier Platz\./);
    expect(i18n.t(hint, { count: 3 })).toMatch(/^Noch 3 freie Plätze\./);
    expect(i18n.t(`${hint}Full`)).toMatch(/^Ausgebucht/);
    expect(i18n.t('conferences.overview.summary', { confirmed: 1, count: 1 })).toBe(
      '1 von 1 Platz bestätigt.',
    );
    await i18n.changeLanguage('en');
    expect(i18n.t(hint, { count: 1 })).toMatch(/^1 place left\./);
    expect(i18n.t(hint, { count: 2 })).toMatch(/^2 places left\./);
    expect(i18n.t('search.showAll', { count: 12 })).toBe('Show all 12');
  });
});
