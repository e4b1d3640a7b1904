import { InvitationStatus, invitationStatus } from './invitation-status';

describe('invitationStatus', () => {
  const now = new Date('2026-12-01T12:00:00Z');
  const later = new Date('2026-12-15T12:00:00Z');
  const earlier = new Date('2026-11-20T12:00:00Z');

  it.each([
    [
      'open and within its time',
      { expiresAt: later, acceptedAt: null, revokedAt: null },
      'PENDING',
    ],
    ['past its time', { expiresAt: earlier, acceptedAt: null, revokedAt: null }, 'EXPIRED'],
    ['expiring this very moment', { expiresAt: now, acceptedAt: null, revokedAt: null }, 'EXPIRED'],
    ['accepted', { expiresAt: later, acceptedAt: earlier, revokedAt: null }, 'ACCEPTED'],
    [
      'accepted, then its time ran out',
      { expiresAt: earlier, acceptedAt: earlier, revokedAt: null },
      'ACCEPTED',
    ],
    ['revoked', { expiresAt: later, acceptedAt: null, revokedAt: earlier }, 'REVOKED'],
    [
      'revoked after its time ran out',
      { expiresAt: earlier, acceptedAt: null, revokedAt: earlier },
      'REVOKED',
    ],
  ] as const)('%s: %s', (_label, times, expected) => {
    expect(invitationStatus(times, now)).toBe(InvitationStatus[expected]);
  });
});
