import { mayAccess, Permission } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { sidesWith, tandemTarget, type TandemSides } from './tandem-access';
import { TandemStatus } from './tandem.entity';
import { TandemException } from './tandem.exception';

/**
 * Where a tandem may go from where it stands: proposed → active (both sides accepted) or
 * declined; active → concluded. Concluded and declined are final.
 */
export const TRANSITIONS: Readonly<Record<TandemStatus, readonly TandemStatus[]>> = {
  [TandemStatus.PROPOSED]: [TandemStatus.ACTIVE, TandemStatus.DECLINED],
  [TandemStatus.ACTIVE]: [TandemStatus.CONCLUDED],
  [TandemStatus.CONCLUDED]: [],
  [TandemStatus.DECLINED]: [],
};

export function canMove(from: TandemStatus, to: TandemStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** CONFLICT (INVALID_TRANSITION) unless the table allows the step. */
export function requireTransition(from: TandemStatus, to: TandemStatus): void {
  if (!canMove(from, to)) throw TandemException.invalidTransition(from, to);
}

/** Only an active tandem takes new notes. */
export function acceptsNotes(status: TandemStatus): boolean {
  return status === TandemStatus.ACTIVE;
}

/** What acceptance looks at: the two sides and who has agreed so far. */
export interface AcceptanceState extends TandemSides {
  status: TandemStatus;
  newCityAcceptedAt: Date | null;
  partnerCityAcceptedAt: Date | null;
}

/** Of the given sides (city ids), those that have not accepted yet. */
export function pendingSides(tandem: AcceptanceState, sideCityIds: readonly string[]): string[] {
  return sideCityIds.filter(
    (cityId) =>
      (cityId === tandem.cityId && !tandem.newCityAcceptedAt) ||
      (cityId === tandem.partnerCityId && !tandem.partnerCityAcceptedAt),
  );
}

/**
 * The tandem after the given sides accept at `now`: active once both have. CONFLICT when
 * it is not proposed (INVALID_TRANSITION) or these sides have all accepted already.
 */
export function accepted(
  tandem: AcceptanceState,
  sideCityIds: readonly string[],
  now: Date,
): Pick<AcceptanceState, 'status' | 'newCityAcceptedAt' | 'partnerCityAcceptedAt'> {
  requireTransition(tandem.status, TandemStatus.ACTIVE);
  const pending = pendingSides(tandem, sideCityIds);
  if (pending.length === 0) throw TandemException.alreadyAccepted();
  const newCityAcceptedAt = pending.includes(tandem.cityId) ? now : tandem.newCityAcceptedAt;
  const partnerCityAcceptedAt = pending.includes(tandem.partnerCityId)
    ? now
    : tandem.partnerCityAcceptedAt;
  return {
    status: newCityAcceptedAt && partnerCityAcceptedAt ? TandemStatus.ACTIVE : tandem.status,
    newCityAcceptedAt,
    partnerCityAcceptedAt,
  };
}

/** `viewerCanAccept`: the same permission as acceptTandem, and something left to accept. */
export function viewerCanAccept(actor: Actor, tandem: AcceptanceState): boolean {
  return (
    canMove(tandem.status, TandemStatus.ACTIVE) &&
    mayAccess(actor, Permission.TANDEM_ACCEPT, tandemTarget(tandem)) &&
    pendingSides(tandem, sidesWith(actor, Permission.TANDEM_ACCEPT, tandem)).length > 0
  );
}

/** `viewerCanConclude`: the same permission as concludeTandem, on an active tandem. */
export function viewerCanConclude(
  actor: Actor,
  tandem: TandemSides & { status: TandemStatus },
): boolean {
  return (
    canMove(tandem.status, TandemStatus.CONCLUDED) &&
    mayAccess(actor, Permission.TANDEM_CONCLUDE, tandemTarget(tandem))
  );
}

// --- input of the lifecycle steps (trimmed; the limits match the table's CHECKs) ---

export function cleanGoals(goals: string | null | undefined): string {
  const text = (goals ?? '').trim();
  if (text.length > 5000) throw TandemException.invalid('input.goals', 'goals are too long');
  return text;
}

/** The reason for declining, or null for none. */
export function cleanDeclineReason(reason: string | null | undefined): string | null {
  const text = (reason ?? '').trim();
  if (text.length > 2000) throw TandemException.invalid('reason', 'the reason is too long');
  return text || null;
}

export function cleanSummary(summary: string | null | undefined): string {
  const text = (summary ?? '').trim();
  if (text.length < 1 || text.length > 5000)
    throw TandemException.invalid('summary', 'please sum up the outcome (up to 5000 characters)');
  return text;
}
