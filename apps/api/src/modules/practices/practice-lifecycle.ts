import { Permission, mayAccess, requireAccess } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { PracticeStatus, PracticeVisibility } from './practice.entity';
import { PracticeException } from './practice.exception';

/** The status changes a practice knows, each with the permission it needs. */
export type PracticeTransition = 'publish' | 'archive' | 'revertToDraft';

export interface TransitionRule {
  to: PracticeStatus;
  from: readonly PracticeStatus[];
  permission: Permission;
}

/** draft → published → archived, and back to draft (coordinators); organizers archive anywhere. */
export const PRACTICE_TRANSITIONS: Record<PracticeTransition, TransitionRule> = {
  publish: {
    to: PracticeStatus.PUBLISHED,
    from: [PracticeStatus.DRAFT],
    permission: Permission.PRACTICE_PUBLISH,
  },
  archive: {
    to: PracticeStatus.ARCHIVED,
    from: [PracticeStatus.DRAFT, PracticeStatus.PUBLISHED],
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

/**
 * Members of the city edit drafts; once published (or archived) only its coordinators do.
 * The one rule behind `updatePractice`, attachments and `viewerCanEdit`.
 */
export function mayEditPractice(actor: Actor, practice: EditTarget): boolean {
  const target = { cityId: practice.cityId };
  if (!mayAccess(actor, Permission.PRACTICE_DRAFT, target)) return false;
  return (
    practice.status === PracticeStatus.DRAFT ||
    mayAccess(actor, Permission.PRACTICE_PUBLISH, target)
  );
}

/** Refuses an edit (content, attachments) that mayEditPractice does not allow. */
export function requireEditPractice(actor: Actor, practice: EditTarget): void {
  requireAccess(actor, Permission.PRACTICE_DRAFT, { cityId: practice.cityId });
  if (!mayEditPractice(actor, practice)) throw PracticeException.needsCoordinator();
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
