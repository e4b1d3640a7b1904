import {
  coordinatorCityIds,
  isOrganizer,
  memberCityIds,
  type Actor,
  type SignedInActor,
} from '../tenancy/actor';
import { AuthException } from './auth.exception';

/**
 * Everything a caller may want to do, by name. Every decision of every feature
 * is one of these, checked through requireAccess / mayAccess below; the
 * `viewerCan*` fields of the API ask mayAccess too. Row-level security is the
 * second wall behind it. How to add one: apps/api/src/core/auth/README.md.
 */
export enum Permission {
  // --- the person themselves ---
  /** Own account, sessions, notifications, password. */
  ACCOUNT_OWN = 'ACCOUNT_OWN',
  /**
   * Erase an account (Art. 17 DSGVO): the person themselves, or organizers carrying out an
   * erasure request. Coordinators remove members from their city (CITY_MEMBERSHIP_END), they
   * do not erase accounts.
   */
  ACCOUNT_ERASE = 'ACCOUNT_ERASE',
  /**
   * Reach a member of a city by e-mail: the member themselves, the city's coordinators,
   * organizers. Other members of the city see names and roles only.
   */
  CITY_MEMBER_CONTACT_READ = 'CITY_MEMBER_CONTACT_READ',
  /**
   * Ask for and download a copy of all data about oneself (Art. 15 and 20 DSGVO): the
   * person only, never a coordinator or organizer on their behalf.
   */
  PERSONAL_DATA_EXPORT = 'PERSONAL_DATA_EXPORT',

  // --- cities and their members ---
  /** Act for a city in the web app (the acting-city switch). */
  CITY_ACT_FOR = 'CITY_ACT_FOR',
  /** See the members of a city. */
  CITY_MEMBERS_READ = 'CITY_MEMBERS_READ',
  /** Invite to a city, change roles, remove members. */
  CITY_MEMBERS_MANAGE = 'CITY_MEMBERS_MANAGE',
  /** End a membership: the member leaves the city, or its coordinators / organizers remove them. */
  CITY_MEMBERSHIP_END = 'CITY_MEMBERSHIP_END',
  /**
   * Open a city's workspace ("what needs me"): its members only. Organizers are not members;
   * they start at the network pages.
   */
  CITY_WORKSPACE_READ = 'CITY_WORKSPACE_READ',

  /**
   * Edit a city's public profile (about, focus topics, contact, address, website, colour,
   * logo): its coordinators, and organizers (the national office keeps profiles of cities
   * without an active coordinator and corrects what would mislead the network).
   */
  CITY_PROFILE_EDIT = 'CITY_PROFILE_EDIT',
  /** See a city profile's revision history (who changed what): the city's members, organizers. */
  CITY_PROFILE_HISTORY_READ = 'CITY_PROFILE_HISTORY_READ',

  // --- network office ---
  /** Read the audit log of privileged actions. */
  AUDIT_LOG_READ = 'AUDIT_LOG_READ',
  /** Read feedback on accessibility (sender's name and address included). */
  ACCESSIBILITY_FEEDBACK_READ = 'ACCESSIBILITY_FEEDBACK_READ',
  /** Upload, replace, re-caption and remove the network's sign-language video (audited). */
  SIGN_LANGUAGE_VIDEO_MANAGE = 'SIGN_LANGUAGE_VIDEO_MANAGE',
  /**
   * Read the detailed network figures (tandem durations, registrations by state, follow-up
   * actions by city, search words that found nothing): the network office.
   */
  NETWORK_STATISTICS_READ = 'NETWORK_STATISTICS_READ',

  // --- practices ---
  /** Read drafts of a city (and their attachments, revisions): its members only. */
  PRACTICE_DRAFT_READ = 'PRACTICE_DRAFT_READ',
  /** Write and edit draft practices of a city. */
  PRACTICE_DRAFT = 'PRACTICE_DRAFT',
  /** Publish, edit published, restore revisions, send back to draft. */
  PRACTICE_PUBLISH = 'PRACTICE_PUBLISH',
  /** Archive a practice (its coordinators, or organizers anywhere). */
  PRACTICE_ARCHIVE = 'PRACTICE_ARCHIVE',

  // --- tandems ---
  /** See a tandem that is only proposed (or was declined): its two cities and organizers. */
  TANDEM_PROPOSAL_READ = 'TANDEM_PROPOSAL_READ',
  /** Propose a pairing of two cities. */
  TANDEM_PROPOSE = 'TANDEM_PROPOSE',
  /** See explained partner suggestions for a city. */
  TANDEM_SUGGESTIONS_READ = 'TANDEM_SUGGESTIONS_READ',
  /** Accept a proposed tandem for one's side. */
  TANDEM_ACCEPT = 'TANDEM_ACCEPT',
  /** Decline a proposed tandem. */
  TANDEM_DECLINE = 'TANDEM_DECLINE',
  /** Conclude an active tandem with a summary. */
  TANDEM_CONCLUDE = 'TANDEM_CONCLUDE',
  /** Read a tandem's private notes (and receive them live). */
  TANDEM_NOTES_READ = 'TANDEM_NOTES_READ',
  /** Add a note to a tandem. */
  TANDEM_NOTE_WRITE = 'TANDEM_NOTE_WRITE',
  /** Edit or delete one's own note, while still in one of the two cities. */
  TANDEM_NOTE_EDIT = 'TANDEM_NOTE_EDIT',

  // --- conferences ---
  /** Plan conferences: create, change, agenda. */
  CONFERENCE_PLAN = 'CONFERENCE_PLAN',
  /** Open and close registration, cancel a conference. */
  CONFERENCE_OPEN_CLOSE = 'CONFERENCE_OPEN_CLOSE',
  /** Register a city for a conference, change or cancel its registration. */
  CONFERENCE_REGISTER = 'CONFERENCE_REGISTER',
  /** See who a city registered (names, e-mails). */
  CONFERENCE_PARTICIPANTS_READ = 'CONFERENCE_PARTICIPANTS_READ',
  /** Export all registrations of a conference (CSV). */
  CONFERENCE_EXPORT = 'CONFERENCE_EXPORT',
  /** Order the waitlist by hand and confirm a waiting registration now (audited). */
  CONFERENCE_WAITLIST_MANAGE = 'CONFERENCE_WAITLIST_MANAGE',

  // --- conference records ---
  /** Read and search records and follow-up actions: members of the network. */
  RECORD_READ = 'RECORD_READ',
  /** Write a record's draft. */
  RECORD_DRAFT = 'RECORD_DRAFT',
  /** Make a record final. */
  RECORD_FINALIZE = 'RECORD_FINALIZE',
  /** Change a record after it was made final (audited). */
  RECORD_CHANGE_FINAL = 'RECORD_CHANGE_FINAL',
  /** Make a final record public (readable without an account), or take that back. */
  RECORD_PUBLISH = 'RECORD_PUBLISH',
  /** Plan follow-up actions: create them, change what and when. */
  FOLLOW_UP_PLAN = 'FOLLOW_UP_PLAN',
  /** Report progress on a follow-up action (its status). */
  FOLLOW_UP_STATUS = 'FOLLOW_UP_STATUS',

  // --- local initiatives (issue 14) ---
  /** Create and edit a city's initiatives: fields, steering group, field contacts. */
  INITIATIVE_MANAGE = 'INITIATIVE_MANAGE',
  /**
   * Work an initiative's queue (read suggestions, change status, merge, comment) and make
   * staff entries: the city's coordinators and steering-group members with an account who
   * are members of the city. Never organizers.
   */
  SUGGESTION_QUEUE_WORK = 'SUGGESTION_QUEUE_WORK',
  /**
   * See a suggestion's contact details: the persons the city named for its action field;
   * for a non-sensitive field also the city's coordinators. Never organizers.
   */
  SUGGESTION_CONTACT_READ = 'SUGGESTION_CONTACT_READ',
  /**
   * Create and edit an initiative's measures, link suggestions and model practices, turn a
   * done measure into a practice: the initiative's queue users (as SUGGESTION_QUEUE_WORK).
   */
  MEASURE_MANAGE = 'MEASURE_MANAGE',
}

/**
 * What a permission is about. Each permission reads the fields it needs (see
 * mayAccess); a missing field never grants anything.
 */
export interface AccessTarget {
  /** The city the thing belongs to (practice, membership, registration, invitation). */
  cityId?: string;
  /** A tandem's two cities. */
  tandem?: { cityId: string; partnerCityId: string };
  /** The author of a note. */
  authorId?: string | null;
  /** The person the data is about. */
  userId?: string;
  /** The city responsible for a follow-up action. */
  responsibleCityId?: string | null;
  /** An initiative's steering-group members with an account. */
  steeringPersonIds?: string[];
  /** The persons named as contacts of a suggestion's action field. */
  fieldContactIds?: string[];
  /** Whether a suggestion's action field is sensitive (missing counts as sensitive). */
  sensitive?: boolean;
}

/**
 * The central access check of every service. Throws UNAUTHENTICATED for
 * anonymous callers and FORBIDDEN otherwise; returns the signed-in actor.
 */
export function requireAccess(
  actor: Actor,
  permission: Permission,
  target: AccessTarget = {},
): SignedInActor {
  if (actor.kind !== 'user') throw AuthException.signInRequired();
  if (!mayAccess(actor, permission, target)) throw AuthException.forbidden(DENIED[permission]);
  return actor;
}

/** The same decision as requireAccess, as a yes or no (for viewerCan* fields and filters). */
export function mayAccess(
  actor: Actor,
  permission: Permission,
  target: AccessTarget = {},
): boolean {
  if (actor.kind !== 'user') return false;
  const organizer = isOrganizer(actor);
  const memberOf = (cityId: string | null | undefined) =>
    cityId != null && memberCityIds(actor).includes(cityId);
  const coordinatorOf = (cityId: string | null | undefined) =>
    cityId != null && coordinatorCityIds(actor).includes(cityId);
  const tandemSides = target.tandem ? [target.tandem.cityId, target.tandem.partnerCityId] : [];
  const memberOfTandem = tandemSides.some(memberOf);
  const coordinatorOfTandem = tandemSides.some(coordinatorOf);
  const networkMember = organizer || memberCityIds(actor).length > 0;

  switch (permission) {
    case Permission.ACCOUNT_OWN:
      return true;
    case Permission.ACCOUNT_ERASE:
      return (target.userId !== undefined && target.userId === actor.userId) || organizer;
    case Permission.PERSONAL_DATA_EXPORT:
      return target.userId !== undefined && target.userId === actor.userId;
    case Permission.CITY_MEMBER_CONTACT_READ:
      return (
        (target.userId !== undefined && target.userId === actor.userId) ||
        organizer ||
        coordinatorOf(target.cityId)
      );
    case Permission.CITY_ACT_FOR:
    case Permission.CITY_MEMBERS_READ:
      return organizer || memberOf(target.cityId);
    case Permission.CITY_MEMBERS_MANAGE:
      return organizer || coordinatorOf(target.cityId);
    case Permission.CITY_MEMBERSHIP_END:
      return (
        (target.userId !== undefined && target.userId === actor.userId) ||
        organizer ||
        coordinatorOf(target.cityId)
      );
    case Permission.CITY_PROFILE_EDIT:
      return organizer || coordinatorOf(target.cityId);
    case Permission.CITY_PROFILE_HISTORY_READ:
      return organizer || memberOf(target.cityId);
    case Permission.CITY_WORKSPACE_READ:
      return memberOf(target.cityId);
    case Permission.AUDIT_LOG_READ:
    case Permission.ACCESSIBILITY_FEEDBACK_READ:
    case Permission.SIGN_LANGUAGE_VIDEO_MANAGE:
    case Permission.NETWORK_STATISTICS_READ:
      return organizer;
    case Permission.PRACTICE_DRAFT_READ:
    case Permission.PRACTICE_DRAFT:
      return memberOf(target.cityId);
    case Permission.PRACTICE_PUBLISH:
      return coordinatorOf(target.cityId);
    case Permission.PRACTICE_ARCHIVE:
      return organizer || coordinatorOf(target.cityId);
    case Permission.TANDEM_PROPOSE:
      return organizer;
    case Permission.TANDEM_SUGGESTIONS_READ:
      return organizer || coordinatorOf(target.cityId);
    case Permission.TANDEM_ACCEPT:
    case Permission.TANDEM_DECLINE:
      return coordinatorOfTandem;
    case Permission.TANDEM_CONCLUDE:
      return organizer || coordinatorOfTandem;
    case Permission.TANDEM_PROPOSAL_READ:
      return organizer || memberOfTandem;
    case Permission.TANDEM_NOTES_READ:
    case Permission.TANDEM_NOTE_WRITE:
      // Private to the two cities: organizers included, nobody else reads them.
      return memberOfTandem;
    case Permission.TANDEM_NOTE_EDIT:
      return memberOfTandem && target.authorId != null && target.authorId === actor.userId;
    case Permission.CONFERENCE_PLAN:
    case Permission.CONFERENCE_OPEN_CLOSE:
    case Permission.CONFERENCE_EXPORT:
    case Permission.CONFERENCE_WAITLIST_MANAGE:
      return organizer;
    case Permission.CONFERENCE_REGISTER:
      // The city's coordinators register it; organizers may on a city's behalf.
      return organizer || coordinatorOf(target.cityId);
    case Permission.CONFERENCE_PARTICIPANTS_READ:
      return organizer || memberOf(target.cityId);
    case Permission.RECORD_READ:
      return networkMember;
    case Permission.RECORD_DRAFT:
    case Permission.RECORD_FINALIZE:
    case Permission.RECORD_CHANGE_FINAL:
    case Permission.RECORD_PUBLISH:
    case Permission.FOLLOW_UP_PLAN:
      return organizer;
    case Permission.FOLLOW_UP_STATUS:
      return organizer || coordinatorOf(target.responsibleCityId);
    case Permission.INITIATIVE_MANAGE:
      return coordinatorOf(target.cityId);
    case Permission.SUGGESTION_QUEUE_WORK:
    case Permission.MEASURE_MANAGE:
      return (
        coordinatorOf(target.cityId) ||
        (memberOf(target.cityId) && (target.steeringPersonIds ?? []).includes(actor.userId))
      );
    case Permission.SUGGESTION_CONTACT_READ:
      return (
        (memberOf(target.cityId) && (target.fieldContactIds ?? []).includes(actor.userId)) ||
        (target.sensitive === false && coordinatorOf(target.cityId))
      );
    default: {
      const unhandled: never = permission;
      throw new Error(`unhandled permission ${String(unhandled)}`);
    }
  }
}

/** What a refusal says (English; the web translates by code and reason). */
const DENIED: Partial<Record<Permission, string>> = {
  [Permission.CITY_ACT_FOR]: 'You can only act for your own cities',
  [Permission.CITY_MEMBERSHIP_END]:
    'Only the member, the city’s coordinators or organizers end a membership',
  [Permission.CITY_PROFILE_EDIT]: 'Only the city’s coordinators or organizers edit its profile',
  [Permission.CITY_PROFILE_HISTORY_READ]:
    'The profile history is for members of the city and organizers',
  [Permission.CITY_WORKSPACE_READ]: 'The workspace is for the members of the city',
  [Permission.ACCESSIBILITY_FEEDBACK_READ]: 'Only network organizers read feedback',
  [Permission.SIGN_LANGUAGE_VIDEO_MANAGE]:
    'Only network organizers provide the sign-language video',
  [Permission.NETWORK_STATISTICS_READ]: 'The detailed figures are for the network office',
  [Permission.TANDEM_PROPOSE]: 'Only network organizers propose tandems',
  [Permission.TANDEM_SUGGESTIONS_READ]:
    'Suggestions are for organizers and the city’s coordinators',
  [Permission.TANDEM_ACCEPT]: 'Only coordinators of the two cities accept',
  [Permission.TANDEM_DECLINE]: 'Only coordinators of the two cities decline',
  [Permission.TANDEM_CONCLUDE]: 'Only coordinators of the two cities or organizers conclude',
  [Permission.TANDEM_NOTES_READ]: 'Tandem notes are private to the two cities',
  [Permission.TANDEM_NOTE_WRITE]: 'Tandem notes are private to the two cities',
  [Permission.TANDEM_NOTE_EDIT]: 'Only the author edits or deletes a note',
  [Permission.CONFERENCE_PLAN]: 'Only network organizers plan conferences',
  [Permission.CONFERENCE_OPEN_CLOSE]: 'Only network organizers plan conferences',
  [Permission.CONFERENCE_EXPORT]: 'Only network organizers export registrations',
  [Permission.CONFERENCE_WAITLIST_MANAGE]: 'Only network organizers manage the waitlist',
  [Permission.CONFERENCE_REGISTER]: 'Only the city’s coordinators register it',
  [Permission.RECORD_READ]: 'Records are for members of the network',
  [Permission.RECORD_DRAFT]: 'Organizers keep the records',
  [Permission.RECORD_FINALIZE]: 'Organizers keep the records',
  [Permission.RECORD_CHANGE_FINAL]: 'Organizers keep the records',
  [Permission.RECORD_PUBLISH]: 'Organizers keep the records',
  [Permission.FOLLOW_UP_PLAN]: 'Organizers plan follow-up actions',
  [Permission.INITIATIVE_MANAGE]: 'Only the city’s coordinators manage its initiatives',
  [Permission.SUGGESTION_QUEUE_WORK]:
    'The queue is for the city’s coordinators and the initiative’s steering group',
  [Permission.MEASURE_MANAGE]:
    'Measures are for the city’s coordinators and the initiative’s steering group',
  [Permission.SUGGESTION_CONTACT_READ]:
    'Contact details are only for the persons the city named for this action field',
};

/**
 * What a caller reads beyond what is public, for queries that scope themselves instead of
 * asking per object (search filters, where the engine has no row-level security): the
 * cities whose own-city entries they read (their memberships), and whether they read what
 * members share with the network (members of any city, organizers).
 */
export interface ReadScope {
  cityIds: string[];
  network: boolean;
}

export function readScope(actor: Actor): ReadScope {
  const cityIds = memberCityIds(actor);
  return { cityIds, network: cityIds.length > 0 || isOrganizer(actor) };
}

/**
 * Signed in, whoever it is. Only for the caller's own things; prefer
 * requireAccess(actor, Permission.ACCOUNT_OWN) in services.
 */
export function requireSignedIn(actor: Actor): SignedInActor {
  if (actor.kind !== 'user') throw AuthException.signInRequired();
  return actor;
}
