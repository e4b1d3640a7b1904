import { practiceFromMeasure } from './measure-practice.service';

describe('a done measure as a practice draft', () => {
  const measure = {
    title: 'Jugendforum',
    goal: 'Jugendliche reden mit.',
    actors: 'Ehrenamtsagentur',
    fieldName: 'Jugend',
  };
  const lemgo = {
    practiceId: 'p-1',
    title: 'Jugendforum Prävention',
    citySlug: 'lemgo',
    cityName: 'Lemgo',
    url: 'https://wissensnetz.example/praxis/p-1',
  };

  it('takes title, goal as summary, actors as partners and the models as links', () => {
    const content = practiceFromMeasure(measure, 'Initiative Prävention', 2, [lemgo]);
    expect(content).toMatchObject({
      title: 'Jugendforum',
      summary: 'Jugendliche reden mit.',
      partners: 'Ehrenamtsagentur',
      links: [{ label: 'Vorbild: Lemgo: Jugendforum Prävention', url: lemgo.url }],
    });
    expect(content.body).toContain('2 Anliegen aus der Bevölkerung wurden aufgegriffen');
    expect(content.body).toContain(`- [Vorbild: Lemgo: Jugendforum Prävention](${lemgo.url})`);
  });

  it('says where it came from when there is no goal, and counts one suggestion in the singular', () => {
    const content = practiceFromMeasure(
      { ...measure, goal: '', actors: '' },
      'Initiative Prävention',
      1,
      [],
    );
    expect(content.summary).toBe(
      'Eine Maßnahme aus „Initiative Prävention“, Handlungsfeld „Jugend“.',
    );
    expect(content.partners).toBeNull();
    expect(content.links).toEqual([]);
    expect(content.body).toContain('Ein Anliegen aus der Bevölkerung wurde aufgegriffen');
    expect(content.body).not.toContain('Vorbilder');
  });
});
