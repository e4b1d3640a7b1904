import { TandemStatus } from './tandem.entity';
import { TandemException } from './tandem.exception';

/**
 * Where a tandem may go from each status: a proposal becomes active (once both cities
 * accepted; the first acceptance leaves it proposed) or is declined; an active tandem is
 * concluded. Declined and concluded tandems stay as they are (a new proposal starts over).
 */
export const TANDEM_TRANSITIONS: Readonly<Record<TandemStatus, readonly TandemStatus[]>> = {
  [TandemStatus.PROPOSED]: [TandemStatus.ACTIVE, TandemStatus.DECLINED],
  [TandemStatus.ACTIVE]: [TandemStatus.CONCLUDED],
  [TandemStatus.CONCLUDED]: [],
  [TandemStatus.DECLINED]: [],
};

export function canChangeTandemStatus(from: TandemStatus, to: TandemStatus): boolean {
  return TANDEM_TRANSITIONS[from].includes(to);
}

/** CONFLICT / INVALID_TRANSITION (with `from` and `to`) unless the table allows the step. */
export function requireTandemTransition(from: TandemStatus, to: TandemStatus): void {
  if (!canChangeTandemStatus(from, to)) throw TandemException.invalidTransition(from, to);
}
