/** Where an invitation stands; derived from its timestamps, never stored. */
export enum InvitationStatus {
  PENDING = 'PENDING',
  ACCEPTED = 'ACCEPTED',
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
}

export interface InvitationTimes {
  expiresAt: Date;
  acceptedAt: Date | null;
  revokedAt: Date | null;
}

/** Revoked wins over accepted, accepted over expired: what happened first is what counts. */
export function invitationStatus(invitation: InvitationTimes, now = new Date()): InvitationStatus {
  if (invitation.revokedAt) return InvitationStatus.REVOKED;
  if (invitation.acceptedAt) return InvitationStatus.ACCEPTED;
  if (invitation.expiresAt.getTime() <= now.getTime()) return InvitationStatus.EXPIRED;
  return InvitationStatus.PENDING;
}
