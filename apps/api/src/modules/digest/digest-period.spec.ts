import { MailCadence } from '../users/dto/mail-cadence';
import { lastCompletePeriod } from './digest-period';

const period = (cadence: MailCadence.DAILY | MailCadence.WEEKLY, start: string, end: string) => ({
  cadence,
  start: new Date(start),
  end: new Date(end),
});
const HOUR = 3_600_000;

describe('lastCompletePeriod (Europe/Berlin)', () => {
  it('is the Berlin day before, from 06:00 Berlin time the next morning', () => {
    // Winter (CET, UTC+1): 3 March 2027 06:00 Berlin is 05:00 UTC.
    for (const at of ['2027-03-03T05:00:00Z', '2027-03-03T13:45:00Z', '2027-03-03T22:59:59Z'])
      expect(lastCompletePeriod(MailCadence.DAILY, new Date(at))).toEqual(
        period(MailCadence.DAILY, '2027-03-01T23:00:00Z', '2027-03-02T23:00:00Z'),
      );
    // 05:59 Berlin: the day before yesterday is still the latest due one.
    expect(lastCompletePeriod(MailCadence.DAILY, new Date('2027-03-03T04:59:59Z'))).toEqual(
      period(MailCadence.DAILY, '2027-02-28T23:00:00Z', '2027-03-01T23:00:00Z'),
    );
    // 23:30 UTC is already the next Berlin day (00:30), but before 06:00.
    expect(lastCompletePeriod(MailCadence.DAILY, new Date('2027-03-03T23:30:00Z'))).toEqual(
      period(MailCadence.DAILY, '2027-03-01T23:00:00Z', '2027-03-02T23:00:00Z'),
    );
  });

  it('in summer (CEST, UTC+2) the day starts at 22:00 UTC', () => {
    expect(lastCompletePeriod(MailCadence.DAILY, new Date('2027-07-15T04:00:00Z'))).toEqual(
      period(MailCadence.DAILY, '2027-07-13T22:00:00Z', '2027-07-14T22:00:00Z'),
    );
  });

  it('the spring-forward Sunday (28 March 2027) is a 23-hour day', () => {
    const p = lastCompletePeriod(MailCadence.DAILY, new Date('2027-03-29T08:00:00Z'));
    expect(p).toEqual(period(MailCadence.DAILY, '2027-03-27T23:00:00Z', '2027-03-28T22:00:00Z'));
    expect(p.end.getTime() - p.start.getTime()).toBe(23 * HOUR);
    // And the Monday after is an ordinary 24 hours in summer time.
    const next = lastCompletePeriod(MailCadence.DAILY, new Date('2027-03-30T08:00:00Z'));
    expect(next).toEqual(period(MailCadence.DAILY, '2027-03-28T22:00:00Z', '2027-03-29T22:00:00Z'));
  });

  it('the fall-back Sunday (31 October 2027) is a 25-hour day', () => {
    const p = lastCompletePeriod(MailCadence.DAILY, new Date('2027-11-01T07:00:00Z'));
    expect(p).toEqual(period(MailCadence.DAILY, '2027-10-30T22:00:00Z', '2027-10-31T23:00:00Z'));
    expect(p.end.getTime() - p.start.getTime()).toBe(25 * HOUR);
  });

  it('is last Monday 00:00 to Monday 00:00 Berlin time for the weekly digest, from Monday 06:00', () => {
    // 2027-03-01 is a Monday; 06:00 Berlin is 05:00 UTC.
    for (const at of ['2027-03-01T05:00:00Z', '2027-03-04T09:00:00Z', '2027-03-08T04:59:00Z'])
      expect(lastCompletePeriod(MailCadence.WEEKLY, new Date(at))).toEqual(
        period(MailCadence.WEEKLY, '2027-02-21T23:00:00Z', '2027-02-28T23:00:00Z'),
      );
    // Monday 05:59 Berlin: last week is not due yet, the week before is still the latest.
    expect(lastCompletePeriod(MailCadence.WEEKLY, new Date('2027-03-01T04:59:00Z')).start).toEqual(
      new Date('2027-02-14T23:00:00Z'),
    );
    expect(lastCompletePeriod(MailCadence.WEEKLY, new Date('2027-03-08T05:00:00Z')).start).toEqual(
      new Date('2027-02-28T23:00:00Z'),
    );
  });

  it('the last week of March 2027 (spring forward) has 167 hours', () => {
    const p = lastCompletePeriod(MailCadence.WEEKLY, new Date('2027-03-29T06:00:00Z'));
    expect(p).toEqual(period(MailCadence.WEEKLY, '2027-03-21T23:00:00Z', '2027-03-28T22:00:00Z'));
    expect(p.end.getTime() - p.start.getTime()).toBe(167 * HOUR);
  });

  it('the last week of October 2027 (fall back) has 169 hours', () => {
    const p = lastCompletePeriod(MailCadence.WEEKLY, new Date('2027-11-01T06:00:00Z'));
    expect(p).toEqual(period(MailCadence.WEEKLY, '2027-10-24T22:00:00Z', '2027-10-31T23:00:00Z'));
    expect(p.end.getTime() - p.start.getTime()).toBe(169 * HOUR);
  });
});
