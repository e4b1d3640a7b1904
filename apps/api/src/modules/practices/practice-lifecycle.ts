import { PracticeStatus } from './practice.entity';
import { PracticeException } from './practice.exception';

/**
 * Where a practice may go from each status: drafts are published or archived, a
 * published one is archived or taken back to draft, an archived one only back to draft
 * (it is published again from there, after a look at its content).
 */
export const PRACTICE_TRANSITIONS: Readonly<Record<PracticeStatus, readonly PracticeStatus[]>> = {
  [PracticeStatus.DRAFT]: [PracticeStatus.PUBLISHED, PracticeStatus.ARCHIVED],
  [PracticeStatus.PUBLISHED]: [PracticeStatus.ARCHIVED, PracticeStatus.DRAFT],
  [PracticeStatus.ARCHIVED]: [PracticeStatus.DRAFT],
};

export function canChangePracticeStatus(from: PracticeStatus, to: PracticeStatus): boolean {
  return PRACTICE_TRANSITIONS[from].includes(to);
}

/** CONFLICT / INVALID_TRANSITION (with `from` and `to`) unless the table allows the step. */
export function requirePracticeTransition(from: PracticeStatus, to: PracticeStatus): void {
  if (!canChangePracticeStatus(from, to)) throw PracticeException.invalidTransition(from, to);
}
