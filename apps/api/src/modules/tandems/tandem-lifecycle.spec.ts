import { canChangeTandemStatus, requireTandemTransition } from './tandem-lifecycle';
import { TandemStatus } from './tandem.entity';
import { TandemException } from './tandem.exception';

const { PROPOSED, ACTIVE, CONCLUDED, DECLINED } = TandemStatus;

// Written out by hand: accept (PROPOSED → ACTIVE), decline (PROPOSED → DECLINED),
// conclude (ACTIVE → CONCLUDED). Everything else is refused.
const ALLOWED = new Set([
  `${PROPOSED}→${ACTIVE}`,
  `${PROPOSED}→${DECLINED}`,
  `${ACTIVE}→${CONCLUDED}`,
]);
const statuses = Object.values(TandemStatus);
const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to] as const));

describe('tandem lifecycle', () => {
  it.each(pairs)('%s → %s', (from, to) => {
    const allowed = ALLOWED.has(`${from}→${to}`);
    expect(canChangeTandemStatus(from, to)).toBe(allowed);
    if (allowed) {
      expect(() => requireTandemTransition(from, to)).not.toThrow();
      return;
    }
    let thrown: unknown;
    try {
      requireTandemTransition(from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TandemException);
    expect(thrown).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      field: 'id',
      params: { from, to },
    });
  });

  it('covers every status', () => {
    expect(pairs).toHaveLength(16);
  });
});
