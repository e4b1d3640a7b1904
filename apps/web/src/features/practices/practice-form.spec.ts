import { emptyForm, newLinkRow, parseTags, practiceInput, sameContent } from './practice-form';

describe('practice form', () => {
  it('splits tags at commas, trims and drops duplicates', () => {
    expect(parseTags(' Ehrenamt, Quartier,,Ehrenamt ')).toEqual(['Ehrenamt', 'Quartier']);
  });

  it('sends empty optional texts as null and leaves out empty link rows', () => {
    const values = {
      ...emptyForm(),
      title: ' Lesepaten ',
      summary: 'Kurz',
      links: [newLinkRow(), newLinkRow('Projekt', 'https://example.org ')],
    };
    const input = practiceInput(values);
    expect(input.title).toBe('Lesepaten');
    expect(input.contactEmail).toBeNull();
    expect(input.links).toEqual([{ label: 'Projekt', url: 'https://example.org' }]);
  });

  it('treats an added empty link row as no change', () => {
    const base = emptyForm();
    expect(sameContent(base, { ...base, links: [newLinkRow()] })).toBe(true);
    expect(sameContent(base, { ...base, title: 'Neu' })).toBe(false);
  });
});
