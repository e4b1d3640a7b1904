import { RecordStatus } from './conference-record.entity';
import { ConferenceException } from './conference.exception';
import { canChangeRecord, requireRecordTransition } from './record-lifecycle';

const { DRAFT, FINAL } = RecordStatus;
const statuses = Object.values(RecordStatus);
const pairs = statuses.flatMap((from) => statuses.map((to) => [from, to] as const));

function refusal(from: RecordStatus, to: RecordStatus): unknown {
  try {
    requireRecordTransition(from, to);
  } catch (error) {
    expect(error).toBeInstanceOf(ConferenceException);
    return error;
  }
  return undefined;
}

describe('record lifecycle', () => {
  it('has a row for every pair of statuses', () => expect(pairs).toHaveLength(4));

  // Written out by hand: only DRAFT → FINAL.
  it.each(pairs)('%s → %s', (from, to) => {
    const allowed = from === DRAFT && to === FINAL;
    expect(canChangeRecord(from, to)).toBe(allowed);
    if (allowed) return expect(refusal(from, to)).toBeUndefined();
    expect(refusal(from, to)).toMatchObject({
      code: 'CONFLICT',
      reason: 'INVALID_TRANSITION',
      field: 'id',
      params: { from, to },
    });
  });

  it('says a final record is already final', () => {
    expect(refusal(FINAL, FINAL)).toMatchObject({ message: 'Already final' });
  });
});
