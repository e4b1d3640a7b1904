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
  /** A member submitted a draft practice for review (to the city's coordinators). */
  PRACTICE_SUBMITTED = 'PRACTICE_SUBMITTED',
  /** A coordinator sent a submitted practice back with a comment (to its author). */
  PRACTICE_RETURNED = 'PRACTICE_RETURNED',
  /** A coordinator published a submitted practice (to its author). */
  PRACTICE_PUBLISHED = 'PRACTICE_PUBLISHED',
}

/** Whom of the cities' members a notification reaches; all of them when not given. */
export interface NotificationRecipients {
  /** Only members with this role (e.g. the coordinators). */
  role?: 'COORDINATOR' | 'MEMBER';
  /** Only this person, while a member of one of the cities. */
  userId?: string;
}

/** One notification as its sender words it (German: it is shown and mailed as written). */
export interface NotificationMessage {
  kind: NotificationKind;
  title: string;
  body: string;
  /** Path in the web app, e.g. /goch/tandem. */
  link: string;
  /** What it is about when one may unfollow that (the tandem of a note). */
  subjectId?: string;
  /**
   * What it is about, named for people ("Tandem Stendal–Halberstadt", a practice's title):
   * the in-app list groups notifications of one kind and link under it.
   */
  subject?: string;
}
