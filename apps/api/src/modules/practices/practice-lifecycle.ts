import { Permission, mayAccess, requireAccess } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { PracticeStatus, PracticeVisibility } from './practice.entity';
import { PracticeException } from './practice.exception';

/** The status changes a practice knows, each with the permission it needs. */
export type PracticeTransition =
  'submit' | 'withdraw' | 'sendBack' | 'publish' | 'archive' | 'revertToDraft';

export interface TransitionRule {
  to: PracticeStatus;
  from: readonly PracticeStatus[];
  permission: Permission;
}

/**
 * draft → (in review →) published → archived, and back to draft (coordinators); organizers
 * archive anywhere. Members submit a draft and may withdraw it; coordinators publish it or
 * send it back (with a comment). IN_REVIEW is a status of its own, not a flag beside DRAFT,
 * so every rule here stays one `from` list and visibility (only PUBLISHED leaves the city)
 * needs no change.
 */
export const PRACTICE_TRANSITIONS: Record<PracticeTransition, TransitionRule> = {
  submit: {
    to: PracticeStatus.IN_REVIEW,
    from: [PracticeStatus.DRAFT],
    permission: Permission.PRACTICE_DRAFT,
  },
  withdraw: {
    to: PracticeStatus.DRAFT,
    from: [PracticeStatus.IN_REVIEW],
    permission: Permission.PRACTICE_DRAFT,
  },
  sendBack: {
    to: PracticeStatus.DRAFT,
    from: [PracticeStatus.IN_REVIEW],
    permission: Permission.PRACTICE_PUBLISH,
  },
  publish: {
    to: PracticeStatus.PUBLISHED,
    from: [PracticeStatus.DRAFT, PracticeStatus.IN_REVIEW],
    permission: Permission.PRACTICE_PUBLISH,
  },
  archive: {
    to: PracticeStatus.ARCHIVED,
    from: [PracticeStatus.DRAFT, PracticeStatus.IN_REVIEW, PracticeStatus.PUBLISHED],
    permission: Permission.PRACTICE_ARCHIVE,
  },
  revertToDraft: {
    to: PracticeStatus.DRAFT,
    from: [PracticeStatus.PUBLISHED, PracticeStatus.ARCHIVED],
    permission: Permission.PRACTICE_PUBLISH,
  },
};

/** Whether a practice in `status` may take the transition at all (who may is the rule's permission). */
export function canTransition(transition: PracticeTransition, status: PracticeStatus): boolean {
  return PRACTICE_TRANSITIONS[transition].from.includes(status);
}

/**
 * Refuses a transition the actor may not make on this practice: a member of its city
 * hears that a coordinator may (NEEDS_COORDINATOR), anyone else gets the policy's refusal.
 */
export function requireTransition(
  actor: Actor,
  transition: PracticeTransition,
  practice: { cityId: string },
): void {
  const { permission } = PRACTICE_TRANSITIONS[transition];
  const target = { cityId: practice.cityId };
  if (mayAccess(actor, permission, target)) return;
  if (mayAccess(actor, Permission.PRACTICE_DRAFT, target))
    throw PracticeException.needsCoordinator();
  requireAccess(actor, permission, target);
}

/** What an edit needs to know about the practice. */
export type EditTarget = { cityId: string; status: PracticeStatus };

/** Members of the city edit these; editing a submitted draft keeps it in review. */
const MEMBER_EDITABLE: readonly PracticeStatus[] = [PracticeStatus.DRAFT, PracticeStatus.IN_REVIEW];

/**
 * Members of the city edit drafts (submitted ones too); once published (or archived) only
 * its coordinators do.
 * The one rule behind `updatePractice`, attachments and `viewerCanEdit`.
 */
export function mayEditPractice(actor: Actor, practice: EditTarget): boolean {
  const target = { cityId: practice.cityId };
  if (!mayAccess(actor, Permission.PRACTICE_DRAFT, target)) return false;
  return (
    MEMBER_EDITABLE.includes(practice.status) ||
    mayAccess(actor, Permission.PRACTICE_PUBLISH, target)
  );
}

/** Refuses an edit (content, attachments) that mayEditPractice does not allow. */
export function requireEditPractice(actor: Actor, practice: EditTarget): void {
  requireAccess(actor, Permission.PRACTICE_DRAFT, { cityId: practice.cityId });
  if (!mayEditPractice(actor, practice)) throw PracticeException.needsCoordinator();
}

/** The longest review comment a coordinator may write. */
export const REVIEW_COMMENT_MAX = 2000;

/** A review comment trimmed, or the field error for `input.comment`. */
export function cleanReviewComment(comment: string | null | undefined): string {
  const cleaned = (comment ?? '').trim();
  if (!cleaned)
    throw PracticeException.invalid(
      'input.comment',
      'Say what should change before sending it back',
    );
  if (cleaned.length > REVIEW_COMMENT_MAX)
    throw PracticeException.invalid('input.comment', 'The comment is too long', {
      max: REVIEW_COMMENT_MAX,
    });
  return cleaned;
}

/** What decides who may find a practice in search. */
export type SearchReach = { status: PracticeStatus; visibility: PracticeVisibility };

const VISIBILITY_REACH: Record<PracticeVisibility, number> = {
  [PracticeVisibility.CITY]: 0,
  [PracticeVisibility.NETWORK]: 1,
  [PracticeVisibility.PUBLIC]: 2,
};

export function reachOf(practice: SearchReach): SearchReach {
  return { status: practice.status, visibility: practice.visibility };
}

/** True when fewer callers may find the practice after the change than before. */
export function narrowsSearch(before: SearchReach, after: SearchReach): boolean {
  if (before.status !== PracticeStatus.PUBLISHED) return false;
  if (after.status !== PracticeStatus.PUBLISHED) return true;
  return VISIBILITY_REACH[after.visibility] < VISIBILITY_REACH[before.visibility];
}
