import { registerEnumType } from '@nestjs/graphql';

/** How often a person hears of a stream by e-mail. */
export enum MailCadence {
  /** One e-mail per event, as it happens. */
  IMMEDIATE = 'IMMEDIATE',
  /** One digest a day (the day before, UTC). */
  DAILY = 'DAILY',
  /** One digest a week (Monday to Sunday, UTC). */
  WEEKLY = 'WEEKLY',
  /** No e-mail (the notifications in the app stay). */
  NEVER = 'NEVER',
}

/** The three streams a person sets a cadence for. */
export enum MailStream {
  /** Notes, agreements, visits and status changes of one's tandems. */
  TANDEM = 'TANDEM',
  /** One's city's work: reviews, registrations, follow-ups. */
  CITY = 'CITY',
  /** New practices on followed topics and cities, revisions, conferences, final records. */
  NETWORK = 'NETWORK',
}

registerEnumType(MailCadence, {
  name: 'MailCadence',
  description: 'IMMEDIATE: one e-mail per event; DAILY / WEEKLY: a digest; NEVER: no e-mail',
});
registerEnumType(MailStream, { name: 'MailStream' });

/** Cadences as they were when e-mail was one switch: on keeps per-event mails. */
export const CADENCES_WHEN_ON = {
  mailTandem: MailCadence.IMMEDIATE,
  mailCity: MailCadence.IMMEDIATE,
  mailNetwork: MailCadence.WEEKLY,
} as const;
