import { buildSummary } from './data-export-summary';

const AT = new Date('2026-12-02T09:30:00Z');

describe('buildSummary: the readable part of a data export', () => {
  const data = {
    account: {
      displayName: 'Export Person',
      email: 'export.person@stadt.example',
      locale: 'de',
      networkRole: 'NONE',
      createdAt: '2026-01-05T08:00:00Z',
    },
    notificationSettings: { mailTandem: 'IMMEDIATE', mailCity: 'NEVER', mailNetwork: 'WEEKLY' },
    memberships: [{ cityName: 'Lörrach', role: 'MEMBER', since: '2026-01-05T08:00:00Z' }],
    tandemNotes: [
      {
        createdAt: '2026-03-01T10:00:00Z',
        tandemCity: 'Lörrach',
        tandemPartnerCity: 'Puchheim',
        body: `Sehr lange Notiz ${'x'.repeat(200)}`,
      },
    ],
    auditEntries: [{ createdAt: '2026-03-01T10:00:00Z', action: 'PASSWORD_RESET', byYou: true }],
  };

  it('writes German for a German person, with counts per section and Berlin times', () => {
    const text = buildSummary(data, 'de', AT);
    expect(text).toContain('Ihre gespeicherten Daten');
    expect(text).toContain('Erstellt am 02.12.2026, 10:30');
    expect(text).toContain('E-Mails „Mein Tandem“: sofort');
    expect(text).toContain('E-Mails „Neues im Netzwerk“: wöchentlich');
    expect(text).toContain('Mitgliedschaften (1)\n  - Lörrach: MEMBER');
    expect(text).toContain('Tandem-Notizen (1)');
    expect(text).toContain('PASSWORD_RESET · von Ihnen');
    expect(text).toContain('Praxisbeispiele, an denen Sie geschrieben haben (0)\n  (keine)');
    // Long texts are shortened: the JSON file has them whole.
    expect(text).not.toContain('x'.repeat(100));
  });

  it('writes English for an English person', () => {
    const text = buildSummary(data, 'en', AT);
    expect(text).toContain('the data stored about you');
    expect(text).toContain('Memberships (1)');
    expect(text).toContain('E-mails "my city\'s work": never');
    expect(text).not.toContain('Mitgliedschaften');
  });

  it('copes with sections that are missing', () => {
    expect(buildSummary({}, 'de', AT)).toContain('Name: –');
  });
});
