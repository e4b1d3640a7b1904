import { canChangePracticeStatus, requirePracticeTransition } from './practice-lifecycle';
import { PracticeStatus } from './practice.entity';
import { PracticeException } from './practice.exception';

const { DRAFT, PUBLISHED, ARCHIVED } = PracticeStatus;

// Written out by hand: publish (DRAFT → PUBLISHED), archive (DRAFT | PUBLISHED →
// ARCHIVED), back to draft (PUBLISHED | ARCHIVED → DRAFT). Everything else is refused.
const ALLOWED = new Set([
  `${DRAFT}→${PUBLISHED}`,
  `${DRAFT}→${ARCHIVED}`,
  `${PUBLISHED}→${ARCHIVED}`,
  `${PUBLISHED}→${DRAFT}`,
  `${ARCHIVED}→${DRAFT}`,
]);
const statuses = Object.values(PracticeStatus);
const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to] as const));

describe('practice lifecycle', () => {
  it.each(pairs)('%s → %s', (from, to) => {
    const allowed = ALLOWED.has(`${from}→${to}`);
    expect(canChangePracticeStatus(from, to)).toBe(allowed);
    if (allowed) {
      expect(() => requirePracticeTransition(from, to)).not.toThrow();
      return;
    }
    let thrown: unknown;
    try {
      requirePracticeTransition(from, to);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(PracticeException);
    expect(thrown).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      field: 'id',
      params: { from, to },
    });
  });

  it('covers every status', () => {
    expect(pairs).toHaveLength(9);
  });
});
