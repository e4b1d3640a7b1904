import { noteAnnouncement, statusAnnouncement, type StatusFacts } from './tandem-announcements';
import { TandemStatus } from './tandem.entity';

const facts = (change: Partial<StatusFacts> = {}): StatusFacts => ({
  status: TandemStatus.PROPOSED,
  goals: 'Jugendbeteiligung',
  newCityAcceptedAt: null,
  partnerCityAcceptedAt: null,
  declineReason: null,
  outcomeSummary: null,
  ...change,
});

describe('tandem announcements', () => {
  it('says what the step did, with the partner city named for each reader', () => {
    const cases: Array<[StatusFacts, string, string]> = [
      [
        facts(),
        'Tandem mit Goch vorgeschlagen',
        'Das Netzwerkbüro schlägt ein Tandem mit Goch vor. Ziele: Jugendbeteiligung',
      ],
      [
        facts({ newCityAcceptedAt: new Date() }),
        'Zusage im Tandem mit Goch',
        'Eine Stadt hat zugestimmt; die zweite Zusage steht noch aus.',
      ],
      [
        facts({ status: TandemStatus.ACTIVE }),
        'Tandem mit Goch ist aktiv',
        'Beide Städte haben zugestimmt: das Tandem mit Goch beginnt.',
      ],
      [
        facts({ status: TandemStatus.DECLINED, declineReason: 'Keine Kapazität' }),
        'Tandem mit Goch abgelehnt',
        'Der Vorschlag wurde abgelehnt. Keine Kapazität',
      ],
      [
        facts({ status: TandemStatus.DECLINED }),
        'Tandem mit Goch abgelehnt',
        'Der Vorschlag wurde abgelehnt.',
      ],
      [
        facts({ status: TandemStatus.CONCLUDED, outcomeSummary: 'Aktionstag' }),
        'Tandem mit Goch abgeschlossen',
        'Aktionstag',
      ],
    ];
    for (const [tandem, title, body] of cases) {
      const announcement = statusAnnouncement(tandem);
      expect(announcement.kind).toBe('TANDEM_STATUS_CHANGED');
      expect(announcement.wording('Goch')).toEqual({ title, body });
    }
    expect(statusAnnouncement(facts({ goals: '' })).wording('Goch').body).toMatch(/Ziele: –$/);
  });

  it('passes user text on as written, never as a template', () => {
    const text = 'Treffen bei {other}? $& $1';
    expect(statusAnnouncement(facts({ goals: text })).wording('Goch').body).toBe(
      `Das Netzwerkbüro schlägt ein Tandem mit Goch vor. Ziele: ${text}`,
    );
    expect(noteAnnouncement(text).wording('Goch')).toEqual({
      title: 'Neuer Eintrag im Tandem mit Goch',
      body: text,
    });
  });

  it('announces a note by kind, with the first 300 characters', () => {
    const announcement = noteAnnouncement('x'.repeat(400));
    expect(announcement.kind).toBe('TANDEM_NOTE_ADDED');
    expect(announcement.wording('Goch').body).toHaveLength(300);
  });
});
