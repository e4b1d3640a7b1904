import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Permission, requireAccess, requireSignedIn } from '../../core/auth/access';
import type { Actor, SignedInActor } from '../../core/tenancy/actor';
import type { EntityManager } from 'typeorm';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { AuditAction, AuditService } from '../audit/audit.service';
import { CityService } from '../cities/city.service';
import { NotificationKind } from '../notifications/dto/notification-message';
import { NotificationService } from '../notifications/notification.service';
import type { CreatePracticeInput, UpdatePracticeInput } from './dto/practice.inputs';
import { cleanContent, type CleanContent } from './practice-content';
import {
  PRACTICE_TRANSITIONS,
  canTransition,
  cleanReviewComment,
  reachOf,
  requireEditPractice,
  requireTransition,
  type PracticeTransition,
  type SearchReach,
} from './practice-lifecycle';
import { PracticeWriter, applyContent } from './practice-writer.service';
import { PracticeEntity, PracticeStatus, PracticeVisibility } from './practice.entity';
import { PracticeException } from './practice.exception';

/** A practice's life: drafted, edited, published, archived, sent back to draft. */
@Injectable()
export class PracticeLifecycleService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly writer: PracticeWriter,
    private readonly notifications: NotificationService,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, input: CreatePracticeInput): Promise<PracticeEntity> {
    const city = await this.cities.requireBySlug(input.citySlug, 'input.citySlug');
    const author = requireAccess(actor, Permission.PRACTICE_DRAFT, { cityId: city.id });
    const content = cleanContent(input, true);
    const topicSlugs = content.topicSlugs ?? [];
    const topicIds = await this.writer.topicIds(topicSlugs, 'input.topicSlugs');
    return this.tenantDb.run(author, (manager) =>
      this.draftIn(manager, author, city.id, content, topicIds, topicSlugs),
    );
  }

  /**
   * Writes a new draft in the caller's transaction (`content` already cleaned, with title
   * and summary); a done measure of an initiative becomes a practice through it.
   */
  async draftIn(
    manager: EntityManager,
    author: SignedInActor,
    cityId: string,
    content: CleanContent & { title?: string; summary?: string },
    topicIds: string[],
    topicSlugs: string[],
  ): Promise<PracticeEntity> {
    const repository = manager.getRepository(PracticeEntity);
    const practice = repository.create({
      id: randomUUID(),
      cityId,
      title: content.title,
      summary: content.summary,
      body: content.body ?? '',
      visibility: content.visibility ?? PracticeVisibility.NETWORK,
      tags: content.tags ?? [],
      contactName: content.contactName ?? null,
      contactEmail: content.contactEmail ?? null,
      periodFrom: content.periodFrom ?? null,
      periodTo: content.periodTo ?? null,
      outcomes: content.outcomes ?? null,
      resourcesNeeded: content.resourcesNeeded ?? null,
      partners: content.partners ?? null,
      links: content.links ?? [],
      status: PracticeStatus.DRAFT,
      revision: 1,
      createdBy: author.userId,
      updatedBy: author.userId,
    });
    await repository.insert(practice);
    await this.writer.setTopics(manager, practice, topicIds);
    await this.writer.saveRevision(manager, practice, topicSlugs, author);
    return repository.findOneByOrFail({ id: practice.id });
  }

  /** Saves changes as a new revision; refused when `expectedRevision` is not the current one. */
  async update(actor: Actor, input: UpdatePracticeInput): Promise<PracticeEntity> {
    const editor = requireSignedIn(actor);
    const content = cleanContent(input, false);
    const topicIds = content.topicSlugs
      ? await this.writer.topicIds(content.topicSlugs, 'input.topicSlugs')
      : undefined;
    const [before, saved] = await this.tenantDb.run<[SearchReach, PracticeEntity]>(
      editor,
      async (manager) => {
        const practice = await this.writer.lockVisible(manager, input.id, 'input.id');
        requireEditPractice(editor, practice);
        if (practice.revision !== input.expectedRevision)
          throw PracticeException.stale(practice.revision);
        const reach = reachOf(practice);
        applyContent(practice, content);
        return [
          reach,
          await this.writer.saveChange(manager, practice, editor, topicIds, content.topicSlugs),
        ];
      },
    );
    return this.writer.afterCommit(before, saved);
  }

  /** Draft → in review (members of the city); its coordinators hear of it. */
  submit(actor: Actor, id: string): Promise<PracticeEntity> {
    return this.transition(actor, id, 'submit', async (manager, practice, by) => {
      await this.notifications.notifyCities(
        by,
        manager,
        [practice.cityId],
        by.userId,
        {
          kind: NotificationKind.PRACTICE_SUBMITTED,
          title: `Zur Prüfung eingereicht: ${practice.title}`,
          body: 'Ein Praxisbeispiel Ihrer Stadt wartet auf Ihre Prüfung.',
          link: `/praxis/${practice.id}`,
          subject: practice.title,
        },
        { role: 'COORDINATOR' },
      );
      // A new submission: the last comment was answered.
      return { reviewComment: null, reviewCommentAt: null, reviewCommentBy: null };
    });
  }

  /** In review → draft again, by a member of the city (to keep working on it first). */
  withdraw(actor: Actor, id: string): Promise<PracticeEntity> {
    return this.transition(actor, id, 'withdraw');
  }

  /** In review → draft with a comment for the author (coordinators); audited. */
  sendBack(actor: Actor, id: string, comment: string): Promise<PracticeEntity> {
    const cleaned = cleanReviewComment(comment);
    return this.transition(actor, id, 'sendBack', async (manager, practice, by) => {
      await this.notifyAuthor(by, manager, practice, {
        kind: NotificationKind.PRACTICE_RETURNED,
        title: `Zurückgegeben: ${practice.title}`,
        body: cleaned,
      });
      await this.audit.record(manager, {
        actorUserId: by.userId,
        action: AuditAction.PRACTICE_RETURNED,
        cityId: practice.cityId,
        target: practice.id,
        details: { title: practice.title, comment: cleaned },
      });
      return { reviewComment: cleaned, reviewCommentAt: new Date(), reviewCommentBy: by.userId };
    });
  }

  /** Draft or in review → published (coordinators); audited; a submitter hears of it. */
  publish(actor: Actor, id: string): Promise<PracticeEntity> {
    return this.transition(actor, id, 'publish', async (manager, practice, by) => {
      if (practice.status === PracticeStatus.IN_REVIEW)
        await this.notifyAuthor(by, manager, practice, {
          kind: NotificationKind.PRACTICE_PUBLISHED,
          title: `Veröffentlicht: ${practice.title}`,
          body: 'Ihr Praxisbeispiel ist jetzt veröffentlicht.',
        });
      await this.audit.record(manager, {
        actorUserId: by.userId,
        action: AuditAction.PRACTICE_PUBLISHED,
        cityId: practice.cityId,
        target: practice.id,
        details: { title: practice.title, from: practice.status },
      });
      return { reviewComment: null, reviewCommentAt: null, reviewCommentBy: null };
    });
  }

  archive(actor: Actor, id: string): Promise<PracticeEntity> {
    return this.transition(actor, id, 'archive');
  }

  revertToDraft(actor: Actor, id: string): Promise<PracticeEntity> {
    return this.transition(actor, id, 'revertToDraft');
  }

  /** The author (who drafted it), unless they act themselves; only while in the city. */
  private async notifyAuthor(
    by: SignedInActor,
    manager: EntityManager,
    practice: PracticeEntity,
    message: { kind: NotificationKind; title: string; body: string },
  ): Promise<void> {
    if (!practice.createdBy || practice.createdBy === by.userId) return;
    await this.notifications.notifyCities(
      by,
      manager,
      [practice.cityId],
      by.userId,
      { ...message, link: `/praxis/${practice.id}`, subject: practice.title },
      { userId: practice.createdBy },
    );
  }

  /**
   * One status change in one transaction; `effects` writes its side effects (outbox rows,
   * audit) there and may add column changes.
   */
  private async transition(
    actor: Actor,
    id: string,
    transition: PracticeTransition,
    effects?: (
      manager: EntityManager,
      practice: PracticeEntity,
      by: SignedInActor,
    ) => Promise<Partial<PracticeEntity>>,
  ): Promise<PracticeEntity> {
    const signedIn = requireSignedIn(actor);
    const { to } = PRACTICE_TRANSITIONS[transition];
    const [before, changed] = await this.tenantDb.run<[SearchReach, PracticeEntity]>(
      signedIn,
      async (manager) => {
        const practice = await this.writer.lockVisible(manager, id, 'id');
        requireTransition(signedIn, transition, practice);
        if (!canTransition(transition, practice.status))
          throw PracticeException.invalidTransition(practice.status, to);
        const changes: Partial<PracticeEntity> = {
          status: to,
          updatedBy: signedIn.userId,
          updatedAt: new Date(),
          ...(effects ? await effects(manager, practice, signedIn) : {}),
        };
        if (to === PracticeStatus.PUBLISHED) changes.publishedAt = new Date();
        const repository = manager.getRepository(PracticeEntity);
        await repository.update({ cityId: practice.cityId, id: practice.id }, changes);
        // Published → in the index; anything else → out of it. Same transaction.
        await this.writer.enqueue(manager, practice.id);
        return [reachOf(practice), await repository.findOneByOrFail({ id: practice.id })];
      },
    );
    return this.writer.afterCommit(before, changed);
  }
}
