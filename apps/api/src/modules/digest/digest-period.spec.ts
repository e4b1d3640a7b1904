import { MailCadence } from '../users/dto/mail-cadence';
import { lastCompletePeriod } from './digest-period';

describe('lastCompletePeriod', () => {
  it('is yesterday for the daily digest, whenever today it runs', () => {
    for (const at of ['2027-03-03T00:00:00Z', '2027-03-03T13:45:00Z', '2027-03-03T23:59:59Z'])
      expect(lastCompletePeriod(MailCadence.DAILY, new Date(at))).toEqual({
        cadence: MailCadence.DAILY,
        start: new Date('2027-03-02T00:00:00Z'),
        end: new Date('2027-03-03T00:00:00Z'),
      });
  });

  it('is last Monday to Sunday for the weekly digest', () => {
    // 2027-03-01 is a Monday.
    for (const at of ['2027-03-01T00:00:00Z', '2027-03-04T09:00:00Z', '2027-03-07T23:00:00Z'])
      expect(lastCompletePeriod(MailCadence.WEEKLY, new Date(at))).toEqual({
        cadence: MailCadence.WEEKLY,
        start: new Date('2027-02-22T00:00:00Z'),
        end: new Date('2027-03-01T00:00:00Z'),
      });
    expect(lastCompletePeriod(MailCadence.WEEKLY, new Date('2027-03-08T00:00:00Z')).start).toEqual(
      new Date('2027-03-01T00:00:00Z'),
    );
  });
});
