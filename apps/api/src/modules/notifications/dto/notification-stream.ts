import { MailStream } from '../../users/dto/mail-cadence';
import { NotificationKind } from './notification-message';

/** Which e-mail stream (and so which cadence setting) a notification belongs to. */
export const NOTIFICATION_STREAM: Record<NotificationKind, MailStream> = {
  [NotificationKind.TANDEM_NOTE_ADDED]: MailStream.TANDEM,
  [NotificationKind.TANDEM_STATUS_CHANGED]: MailStream.TANDEM,
  [NotificationKind.REGISTRATION_CONFIRMED]: MailStream.CITY,
  [NotificationKind.ACCESSIBILITY_FEEDBACK]: MailStream.CITY,
  [NotificationKind.PRACTICE_SUBMITTED]: MailStream.CITY,
  [NotificationKind.PRACTICE_RETURNED]: MailStream.CITY,
  [NotificationKind.PRACTICE_PUBLISHED]: MailStream.CITY,
};

/** The notification kinds of a stream, as an SQL list of literals (kinds are fixed names). */
export function kindsOfStream(stream: MailStream): string {
  const kinds = Object.entries(NOTIFICATION_STREAM)
    .filter(([, of]) => of === stream)
    .map(([kind]) => `'${kind}'`);
  return kinds.length > 0 ? kinds.join(', ') : 'NULL';
}
