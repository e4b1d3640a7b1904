import { MembershipRole } from '../../core/tenancy/actor';
import { takesCoordinatorAway } from './membership-rules';

const { COORDINATOR, MEMBER } = MembershipRole;

describe('takesCoordinatorAway', () => {
  it.each([
    [COORDINATOR, MEMBER, true],
    [COORDINATOR, null, true],
    [COORDINATOR, COORDINATOR, false],
    [MEMBER, COORDINATOR, false],
    [MEMBER, MEMBER, false],
    [MEMBER, null, false],
  ] as const)('%s → %s: %s', (from, to, expected) => {
    expect(takesCoordinatorAway(from, to)).toBe(expected);
  });
});
