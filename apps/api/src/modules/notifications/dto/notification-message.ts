/**
 * What happened, stated by the feature that notifies (stored as text with a CHECK in
 * notification and notification_outbox; a new kind needs a migration that widens it).
 */
export enum NotificationKind {
  /** A new note, agreement, visit log or question in a tandem. */
  TANDEM_NOTE_ADDED = 'TANDEM_NOTE_ADDED',
  /** A tandem was proposed, accepted, declined or concluded. */
  TANDEM_STATUS_CHANGED = 'TANDEM_STATUS_CHANGED',
  /** A waitlisted registration got its places. */
  REGISTRATION_CONFIRMED = 'REGISTRATION_CONFIRMED',
  /** Someone sent feedback on accessibility (to organizers). */
  ACCESSIBILITY_FEEDBACK = 'ACCESSIBILITY_FEEDBACK',
}

/** One notification as its sender words it (German: it is shown and mailed as written). */
export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  body: string;
  /** Path in the web app, e.g. /goch/tandem. */
  link: string;
}
