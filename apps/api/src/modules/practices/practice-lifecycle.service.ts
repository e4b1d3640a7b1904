import { Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Permission, requireAccess, requireSignedIn } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { CityService } from '../cities/city.service';
import type { CreatePracticeInput, UpdatePracticeInput } from './dto/practice.inputs';
import { cleanContent } from './practice-content';
import {
  PRACTICE_TRANSITIONS,
  canTransition,
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
  ) {}

  async create(actor: Actor, input: CreatePracticeInput): Promise<PracticeEntity> {
    const city = await this.cities.requireBySlug(input.citySlug, 'input.citySlug');
    const author = requireAccess(actor, Permission.PRACTICE_DRAFT, { cityId: city.id });
    const content = cleanContent(input, true);
    const topicSlugs = content.topicSlugs ?? [];
    const topicIds = await this.writer.topicIds(topicSlugs, 'input.topicSlugs');
    return this.tenantDb.run(author, async (manager) => {
      const repository = manager.getRepository(PracticeEntity);
      const practice = repository.create({
        id: randomUUID(),
        cityId: city.id,
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
    });
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

  publish(actor: Actor, id: string): Promise<PracticeEntity> {
    return this.transition(actor, id, 'publish');
  }

  archive(actor: Actor, id: string): Promise<PracticeEntity> {
    return this.transition(actor, id, 'archive');
  }

  revertToDraft(actor: Actor, id: string): Promise<PracticeEntity> {
    return this.transition(actor, id, 'revertToDraft');
  }

  private async transition(
    actor: Actor,
    id: string,
    transition: PracticeTransition,
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
