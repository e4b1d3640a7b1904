import { ErrorCode } from '../../core/errors/error-code';
import {
  checkTransition,
  cleanConference,
  cleanConferenceFilter,
  cleanParticipants,
  cleanSession,
  CONFERENCE_TRANSITIONS,
  registrationIsOpen,
  type CurrentConference,
  type SessionValues,
} from './conference-input';
import {
  AgendaFormat,
  ConferenceKind,
  ConferenceStatus,
  NetworkRegionValue,
} from './conference.entity';
import { ConferenceException } from './conference.exception';
import type { ConferenceInput } from './dto/conference.inputs';

/** What the cleaner throws: code, reason and field, as a client sees them. */
function refusal(run: () => unknown): { code: string; reason: string; field: string } | null {
  try {
    run();
    return null;
  } catch (error) {
    if (!(error instanceof ConferenceException)) throw error;
    return { code: error.code, reason: error.reason, field: error.field ?? '' };
  }
}

const invalid = (field: string, reason = 'INVALID_FIELD') => ({
  code: ErrorCode.BAD_USER_INPUT,
  reason,
  field,
});

const NEW: ConferenceInput = {
  title: 'Netzwerktreffen',
  kind: ConferenceKind.NETWORK_MEETING,
  startsAt: '2027-05-20T10:00',
  endsAt: '2027-05-21T16:00',
  capacity: 80,
};

const STORED: CurrentConference = {
  kind: ConferenceKind.NETWORK_MEETING,
  region: null,
  startsAt: new Date('2027-05-20T08:00:00Z'),
  endsAt: new Date('2027-05-21T14:00:00Z'),
  registrationOpensAt: null,
  registrationClosesAt: null,
};

describe('conference lifecycle', () => {
  const ALL = Object.values(ConferenceStatus);
  // Every pair once: allowed exactly when the table says so.
  const pairs = ALL.flatMap((from) => ALL.filter((to) => to !== from).map((to) => [from, to]));
  const ALLOWED = new Set([
    'PLANNED→OPEN',
    'PLANNED→CANCELLED',
    'OPEN→CLOSED',
    'OPEN→CANCELLED',
    'CLOSED→OPEN',
    'CLOSED→HELD',
    'CLOSED→CANCELLED',
  ]);

  it.each(pairs)('%s → %s', (from, to) => {
    const result = refusal(() => checkTransition(from, to));
    if (ALLOWED.has(`${from}→${to}`)) expect(result).toBeNull();
    else
      expect(result).toEqual({
        code: ErrorCode.CONFLICT,
        reason: 'INVALID_TRANSITION',
        field: 'input.status',
      });
  });

  it('ends in HELD and CANCELLED', () => {
    expect(CONFERENCE_TRANSITIONS[ConferenceStatus.HELD]).toEqual([]);
    expect(CONFERENCE_TRANSITIONS[ConferenceStatus.CANCELLED]).toEqual([]);
  });
});

describe('cleanConference', () => {
  it('stores Berlin wall-clock times as instants across a daylight-saving change', () => {
    const { values } = cleanConference(
      { ...NEW, startsAt: '2027-03-27T10:00', endsAt: '2027-03-28T15:00' },
      null,
    );
    expect(values.startsAt?.toISOString()).toBe('2027-03-27T09:00:00.000Z');
    expect(values.endsAt?.toISOString()).toBe('2027-03-28T13:00:00.000Z');
  });

  it.each(['title', 'kind', 'startsAt', 'endsAt', 'capacity'] as const)(
    'requires %s on create, also when it is null',
    (field) => {
      expect(refusal(() => cleanConference({ ...NEW, [field]: undefined }, null))).toEqual(
        invalid(`input.${field}`),
      );
      expect(refusal(() => cleanConference({ ...NEW, [field]: null }, null))).toEqual(
        invalid(`input.${field}`),
      );
    },
  );

  it('keeps what an update leaves out or sends as null', () => {
    const { values, hostCitySlug } = cleanConference(
      {
        title: null,
        description: null,
        kind: null,
        startsAt: null,
        endsAt: null,
        capacity: null,
        federalStates: null,
      } as unknown as ConferenceInput,
      STORED,
    );
    expect(values).toEqual({});
    expect(hostCitySlug).toBeUndefined();
  });

  it('trims and bounds texts', () => {
    const { values } = cleanConference(
      { ...NEW, title: '  Treffen  ', description: ` ${'x'.repeat(10005)} `, venue: '  ' },
      null,
    );
    expect(values.title).toBe('Treffen');
    expect(values.description).toHaveLength(10000);
    expect(values.venue).toBeNull();
    expect(refusal(() => cleanConference({ ...NEW, title: ' ab ' }, null))).toEqual(
      invalid('input.title'),
    );
    expect(refusal(() => cleanConference({ ...NEW, title: 'x'.repeat(201) }, null))).toEqual(
      invalid('input.title'),
    );
  });

  it('refuses times that do not exist in Berlin or are no times at all', () => {
    // 02:30 on the night clocks go forward does not exist.
    expect(refusal(() => cleanConference({ ...NEW, startsAt: '2027-03-28T02:30' }, null))).toEqual(
      invalid('input.startsAt', 'INVALID_TIME'),
    );
    expect(refusal(() => cleanConference({ ...NEW, endsAt: 'morgen' }, null))).toEqual(
      invalid('input.endsAt', 'INVALID_TIME'),
    );
    expect(refusal(() => cleanConference({ ...NEW, startsAt: '' }, null))).toEqual(
      invalid('input.startsAt', 'INVALID_TIME'),
    );
  });

  it('refuses an end before the start, also against the stored start', () => {
    expect(
      refusal(() =>
        cleanConference({ ...NEW, startsAt: '2027-05-02T10:00', endsAt: '2027-05-01T10:00' }, null),
      ),
    ).toEqual(invalid('input.endsAt'));
    expect(refusal(() => cleanConference({ endsAt: '2027-05-20T09:00' }, STORED))).toEqual(
      invalid('input.endsAt'),
    );
  });

  it('checks the registration window: null clears it, it closes after opening and before the end', () => {
    expect(
      cleanConference({ registrationOpensAt: null, registrationClosesAt: '' }, STORED).values,
    ).toEqual({ registrationOpensAt: null, registrationClosesAt: null });
    expect(
      refusal(() =>
        cleanConference(
          { registrationOpensAt: '2027-05-01T10:00', registrationClosesAt: '2027-04-01T10:00' },
          STORED,
        ),
      ),
    ).toEqual(invalid('input.registrationClosesAt'));
    expect(
      refusal(() => cleanConference({ registrationClosesAt: '2027-05-22T10:00' }, STORED)),
    ).toEqual(invalid('input.registrationClosesAt'));
    expect(
      refusal(() =>
        cleanConference(
          { registrationOpensAt: '2027-05-30T10:00' },
          {
            ...STORED,
            registrationClosesAt: new Date('2027-05-10T10:00:00Z'),
          },
        ),
      ),
    ).toEqual(invalid('input.registrationClosesAt'));
  });

  it.each([0, 5001, 2.5])('refuses a capacity of %s', (capacity) => {
    expect(refusal(() => cleanConference({ ...NEW, capacity }, null))).toEqual(
      invalid('input.capacity'),
    );
  });

  it('gives a regional conference the states of its region unless they are named', () => {
    const regional = { ...NEW, kind: ConferenceKind.REGIONAL_CONFERENCE };
    expect(refusal(() => cleanConference(regional, null))).toEqual(invalid('input.region'));
    const north = cleanConference({ ...regional, region: NetworkRegionValue.NORTH }, null);
    expect(north.values.federalStates?.sort()).toEqual([
      'DE-HB',
      'DE-HH',
      'DE-MV',
      'DE-NI',
      'DE-SH',
    ]);
    const named = cleanConference(
      { ...regional, region: NetworkRegionValue.NORTH, federalStates: ['DE-NI', 'DE-NI'] },
      null,
    );
    expect(named.values.federalStates).toEqual(['DE-NI']);
    // Removing the region of a stored regional conference is refused too.
    expect(
      refusal(() =>
        cleanConference(
          { region: null },
          {
            ...STORED,
            kind: ConferenceKind.REGIONAL_CONFERENCE,
            region: NetworkRegionValue.NORTH,
          },
        ),
      ),
    ).toEqual(invalid('input.region'));
  });

  it('names the unknown federal state by its position', () => {
    expect(
      refusal(() => cleanConference({ ...NEW, federalStates: ['DE-NI', 'XX'] }, null)),
    ).toEqual(invalid('input.federalStates.1'));
  });

  it('needs an https address for online meetings', () => {
    expect(refusal(() => cleanConference({ onlineUrl: 'http://meet.example' }, STORED))).toEqual(
      invalid('input.onlineUrl'),
    );
    expect(cleanConference({ onlineUrl: ' https://meet.example ' }, STORED).values.onlineUrl).toBe(
      'https://meet.example',
    );
  });

  it('hands the host city on as a slug: undefined keeps it, null or blank removes it', () => {
    expect(cleanConference({ hostCitySlug: ' goch ' }, STORED).hostCitySlug).toBe('goch');
    expect(cleanConference({ hostCitySlug: null }, STORED).hostCitySlug).toBeNull();
    expect(cleanConference({ hostCitySlug: '  ' }, STORED).hostCitySlug).toBeNull();
    expect(cleanConference({}, STORED).hostCitySlug).toBeUndefined();
  });
});

describe('cleanConferenceFilter', () => {
  it('reads Berlin days, the end day whole', () => {
    const { from, to } = cleanConferenceFilter({ from: '2027-07-01', to: '2027-07-31' });
    expect(from?.toISOString()).toBe('2027-06-30T22:00:00.000Z');
    expect(to?.toISOString()).toBe('2027-07-31T21:59:00.000Z');
    expect(cleanConferenceFilter({})).toEqual({ from: null, to: null });
    expect(refusal(() => cleanConferenceFilter({ to: 'Juli' }))).toEqual(invalid('filter.to'));
  });
});

describe('cleanSession', () => {
  const conference = {
    startsAt: new Date('2027-05-20T08:00:00Z'),
    endsAt: new Date('2027-05-20T16:00:00Z'),
  };
  const NEW_SESSION = {
    title: 'Eröffnung',
    startsAt: '2027-05-20T10:00',
    endsAt: '2027-05-20T11:00',
  };
  const stored: SessionValues = {
    title: 'Werkstatt',
    format: AgendaFormat.WORKSHOP,
    startsAt: new Date('2027-05-20T09:00:00Z'),
    endsAt: new Date('2027-05-20T10:00:00Z'),
    room: 'Saal 2',
    speakers: 'Frau A',
    topicSlugs: ['jugend'],
  };

  it('fills defaults for a new session, also for null values', () => {
    expect(
      cleanSession(
        { ...NEW_SESSION, format: null, room: null, speakers: null, topicSlugs: null } as never,
        null,
        conference,
      ),
    ).toEqual({
      title: 'Eröffnung',
      format: AgendaFormat.TALK,
      startsAt: new Date('2027-05-20T08:00:00Z'),
      endsAt: new Date('2027-05-20T09:00:00Z'),
      room: '',
      speakers: '',
      topicSlugs: [],
    });
  });

  it('keeps what an update leaves out or sends as null', () => {
    expect(
      cleanSession({ title: null, room: null, format: null } as never, stored, conference),
    ).toEqual(stored);
    expect(cleanSession({ room: ' Saal 3 ' }, stored, conference).room).toBe('Saal 3');
  });

  it('requires title and times of a new session', () => {
    expect(refusal(() => cleanSession({ ...NEW_SESSION, title: ' x ' }, null, conference))).toEqual(
      invalid('input.title'),
    );
    expect(
      refusal(() => cleanSession({ ...NEW_SESSION, endsAt: undefined }, null, conference)),
    ).toEqual(invalid('input.endsAt'));
    expect(
      refusal(() =>
        cleanSession({ ...NEW_SESSION, startsAt: '20.05.2027 10:00' }, null, conference),
      ),
    ).toEqual(invalid('input.startsAt', 'INVALID_TIME'));
  });

  it('keeps a session inside its conference and in order', () => {
    expect(
      refusal(() =>
        cleanSession({ ...NEW_SESSION, startsAt: '2027-05-20T09:30' }, null, conference),
      ),
    ).toEqual(invalid('input.startsAt', 'OUTSIDE_CONFERENCE'));
    // The stored session runs 11:00-12:00 Berlin (09:00-10:00 UTC); a new end moves it.
    const longer = cleanSession({ endsAt: '2027-05-20T12:30' }, stored, conference);
    expect(longer.endsAt.toISOString()).toBe('2027-05-20T10:30:00.000Z');
    expect(
      refusal(() =>
        cleanSession({ endsAt: '2027-05-20T12:30' }, stored, {
          ...conference,
          endsAt: new Date('2027-05-20T10:15:00Z'),
        }),
      ),
    ).toEqual(invalid('input.startsAt', 'OUTSIDE_CONFERENCE'));
    expect(refusal(() => cleanSession({ endsAt: '2027-05-20T11:00' }, stored, conference))).toEqual(
      invalid('input.endsAt'),
    );
  });

  it('bounds texts and topics', () => {
    const values = cleanSession(
      {
        ...NEW_SESSION,
        room: 'r'.repeat(200),
        speakers: 's'.repeat(2000),
        topicSlugs: ['a', 'a', ...Array.from({ length: 12 }, (_, i) => `t${i}`)],
      },
      null,
      conference,
    );
    expect(values.room).toHaveLength(120);
    expect(values.speakers).toHaveLength(1000);
    expect(values.topicSlugs).toHaveLength(10);
    expect(values.topicSlugs.filter((slug) => slug === 'a')).toHaveLength(1);
  });
});

describe('cleanParticipants', () => {
  const person = { name: 'Anna Schmidt', email: 'Anna@Goch.Example ', role: '', needs: '' };

  it('trims, lowers the address and bounds role and needs', () => {
    expect(
      cleanParticipants([{ ...person, role: null, needs: ` ${'n'.repeat(600)}` } as never]),
    ).toEqual([
      { name: 'Anna Schmidt', email: 'anna@goch.example', role: '', needs: 'n'.repeat(500) },
    ]);
  });

  it('takes 1 to 50 people', () => {
    expect(refusal(() => cleanParticipants([]))).toEqual(invalid('input.participants'));
    const many = Array.from({ length: 51 }, (_, i) => ({ ...person, email: `p${i}@goch.example` }));
    expect(refusal(() => cleanParticipants(many))).toEqual(invalid('input.participants'));
    expect(cleanParticipants(many.slice(0, 50))).toHaveLength(50);
  });

  it('names the person whose name or address is wrong, or who is listed twice', () => {
    const other = { ...person, email: 'b@goch.example' };
    expect(refusal(() => cleanParticipants([other, { ...person, name: ' A ' }]))).toEqual(
      invalid('input.participants.1.name'),
    );
    expect(refusal(() => cleanParticipants([other, { ...person, email: 'kein-at' }]))).toEqual(
      invalid('input.participants.1.email'),
    );
    expect(
      refusal(() => cleanParticipants([person, { ...person, email: 'anna@goch.example' }])),
    ).toEqual(invalid('input.participants.1.email'));
  });
});

describe('registrationIsOpen', () => {
  const now = new Date('2027-04-01T10:00:00Z');
  const open = {
    status: ConferenceStatus.OPEN,
    registrationOpensAt: null,
    registrationClosesAt: null,
  };

  it('is open only while OPEN and inside the window', () => {
    expect(registrationIsOpen(open, now)).toBe(true);
    for (const status of [
      ConferenceStatus.PLANNED,
      ConferenceStatus.CLOSED,
      ConferenceStatus.HELD,
      ConferenceStatus.CANCELLED,
    ])
      expect(registrationIsOpen({ ...open, status }, now)).toBe(false);
    expect(registrationIsOpen({ ...open, registrationOpensAt: now }, now)).toBe(true);
    expect(
      registrationIsOpen({ ...open, registrationOpensAt: new Date('2027-04-01T10:00:01Z') }, now),
    ).toBe(false);
    expect(registrationIsOpen({ ...open, registrationClosesAt: now }, now)).toBe(false);
  });
});
