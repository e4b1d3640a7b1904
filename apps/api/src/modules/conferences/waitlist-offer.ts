/**
 * The seat decision for a new registration, taken under the conference's row lock.
 * Places are open to a newcomer only while nobody waits: with a waitlist, registering
 * queues, whatever the counters say (nobody jumps the line).
 */
export interface SeatState {
  capacity: number;
  confirmedParticipants: number;
  waitlistedRegistrations: number;
}

/** Places a new registration could take now: 0 while anyone waits. */
export function placesOpenToNewcomers(state: SeatState): number {
  if (state.waitlistedRegistrations > 0) return 0;
  return Math.max(0, state.capacity - state.confirmedParticipants);
}

export type SeatDecision =
  /** One registration: confirmed if it fits, otherwise all of it waits. */
  | { kind: 'WHOLE'; fits: boolean }
  /** The first `confirmed` participants get places, the others wait at the end of the line. */
  | { kind: 'SPLIT'; confirmed: number; waiting: number }
  /** The coordinator accepted a split of at least `minConfirmed`, but fewer places are free now. */
  | { kind: 'STALE'; freePlaces: number };

/**
 * `minConfirmed` null: no split accepted (the old rule: all or the waitlist). Otherwise
 * the coordinator accepted the offer "confirm at least minConfirmed, the rest waits":
 * as many as are free are confirmed (all if all fit), never fewer than accepted.
 */
export function decideSeats(
  state: SeatState,
  participants: number,
  minConfirmed: number | null,
): SeatDecision {
  const free = placesOpenToNewcomers(state);
  if (free >= participants) return { kind: 'WHOLE', fits: true };
  if (minConfirmed === null) return { kind: 'WHOLE', fits: false };
  if (free < minConfirmed || free === 0) return { kind: 'STALE', freePlaces: free };
  return { kind: 'SPLIT', confirmed: free, waiting: participants - free };
}

/** minConfirmed must leave someone on each side: 1 ≤ minConfirmed < participants. */
export function validMinConfirmed(minConfirmed: number, participants: number): boolean {
  return Number.isInteger(minConfirmed) && minConfirmed >= 1 && minConfirmed < participants;
}
