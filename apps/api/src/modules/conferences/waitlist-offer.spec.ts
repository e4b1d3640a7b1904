import { decideSeats, placesOpenToNewcomers, validMinConfirmed } from './waitlist-offer';

const state = (capacity: number, confirmed: number, waiting = 0) => ({
  capacity,
  confirmedParticipants: confirmed,
  waitlistedRegistrations: waiting,
});

describe('placesOpenToNewcomers', () => {
  it.each([
    [state(10, 4), 6],
    [state(10, 10), 0],
    [state(5, 7), 0], // capacity lowered below the confirmed: nothing free, never negative
    [state(10, 4, 1), 0], // someone waits: registering would queue
  ])('%o → %i', (s, free) => expect(placesOpenToNewcomers(s)).toBe(free));
});

describe('decideSeats', () => {
  it.each([
    ['fits whole', state(10, 7), 3, null, { kind: 'WHOLE', fits: true }],
    ['fits whole, split offered but not needed', state(10, 5), 3, 2, { kind: 'WHOLE', fits: true }],
    ['does not fit, no split accepted', state(10, 8), 3, null, { kind: 'WHOLE', fits: false }],
    ['offer taken as shown', state(10, 8), 3, 2, { kind: 'SPLIT', confirmed: 2, waiting: 1 }],
    ['more freed since the offer', state(10, 7), 4, 2, { kind: 'SPLIT', confirmed: 3, waiting: 1 }],
    ['offer stale: fewer free', state(10, 9), 3, 2, { kind: 'STALE', freePlaces: 1 }],
    ['offer stale: none free', state(10, 10), 3, 1, { kind: 'STALE', freePlaces: 0 }],
    ['offer stale: others wait now', state(10, 5, 1), 8, 5, { kind: 'STALE', freePlaces: 0 }],
    [
      'whole to waitlist while others wait',
      state(10, 5, 2),
      2,
      null,
      { kind: 'WHOLE', fits: false },
    ],
  ] as const)('%s', (_, s, participants, min, decision) =>
    expect(decideSeats(s, participants, min)).toEqual(decision),
  );

  it('never confirms more than capacity', () => {
    for (let capacity = 0; capacity <= 6; capacity++)
      for (let confirmed = 0; confirmed <= 6; confirmed++)
        for (let participants = 1; participants <= 6; participants++)
          for (let min = 1; min < participants; min++) {
            const d = decideSeats(state(capacity, confirmed), participants, min);
            const taken =
              d.kind === 'SPLIT' ? d.confirmed : d.kind === 'WHOLE' && d.fits ? participants : 0;
            if (taken > 0) expect(confirmed + taken).toBeLessThanOrEqual(capacity);
            if (d.kind === 'SPLIT') expect(d.confirmed).toBeGreaterThanOrEqual(min);
          }
  });
});

describe('validMinConfirmed', () => {
  it.each([
    [1, 3, true],
    [2, 3, true],
    [3, 3, false],
    [0, 3, false],
    [1.5, 3, false],
    [1, 1, false],
  ])('%d of %d → %s', (min, n, ok) => expect(validMinConfirmed(min, n)).toBe(ok));
});
