import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SignedInActor } from '../../core/tenancy/actor';
import { isUuid } from '../../core/validation/uuid';
import { SearchOutbox } from '../../search/search-outbox';
import { SearchSync } from '../../search/search-sync';
import { TopicService } from '../topics/topic.service';
import type { CleanContent } from './practice-content';
import { narrowsSearch, type SearchReach } from './practice-lifecycle';
import { PracticeRevisionEntity, type PracticeSnapshot } from './practice-revision.entity';
import { PRACTICES_INDEX } from './practice-search.source';
import { PracticeEntity, PracticeStatus } from './practice.entity';
import { PracticeException } from './practice.exception';
import { topicIdsFor } from './practice-topics';

/** The content fields an edit or a restored revision may set. */
const CONTENT_FIELDS = [
  'title',
  'summary',
  'body',
  'visibility',
  'tags',
  'contactName',
  'contactEmail',
  'periodFrom',
  'periodTo',
  'outcomes',
  'resourcesNeeded',
  'partners',
  'links',
] as const satisfies ReadonlyArray<keyof CleanContent & keyof PracticeEntity>;

/** Copies the given content onto the practice; absent fields keep their value. */
export function applyContent(practice: PracticeEntity, content: CleanContent): void {
  for (const key of CONTENT_FIELDS) {
    if (content[key] !== undefined)
      (practice as unknown as Record<string, unknown>)[key] = content[key];
  }
}

/**
 * The writing steps that creating, editing, status changes and restoring share, always
 * inside the caller's `TenantDb.run(actor, ...)` transaction (the manager it hands in):
 * lock the row, save it with a revision and its topics, tell search.
 */
@Injectable()
export class PracticeWriter {
  constructor(
    private readonly topics: TopicService,
    private readonly outbox: SearchOutbox,
    private readonly searchSync: SearchSync,
  ) {}

  /** The practice, locked for change; NOT_FOUND on `field` when it is hidden or missing. */
  async lockVisible(manager: EntityManager, id: string, field: string): Promise<PracticeEntity> {
    if (!isUuid(id)) throw PracticeException.notFound(field);
    // Row-level security decides visibility; FOR UPDATE serialises concurrent saves.
    const practice = await manager
      .getRepository(PracticeEntity)
      .createQueryBuilder('practice')
      .where('practice.id = :id', { id })
      .setLock('pessimistic_write')
      .getOne();
    if (!practice) throw PracticeException.notFound(field);
    return practice;
  }

  /** Saves changed content as the next revision; a published practice goes to search again. */
  async saveChange(
    manager: EntityManager,
    practice: PracticeEntity,
    editor: SignedInActor,
    topicIds: string[] | undefined,
    topicSlugs: string[] | undefined,
  ): Promise<PracticeEntity> {
    practice.revision += 1;
    practice.updatedBy = editor.userId;
    practice.updatedAt = new Date();
    await manager.getRepository(PracticeEntity).save(practice);
    if (topicIds) await this.setTopics(manager, practice, topicIds);
    const slugs = topicSlugs ?? (await this.currentTopicSlugs(manager, practice));
    await this.saveRevision(manager, practice, slugs, editor);
    if (practice.status === PracticeStatus.PUBLISHED) await this.enqueue(manager, practice.id);
    return manager.getRepository(PracticeEntity).findOneByOrFail({ id: practice.id });
  }

  /** Search learns of the change with the commit (outbox row in the same transaction). */
  enqueue(manager: EntityManager, practiceId: string): Promise<void> {
    return this.outbox.enqueue(manager, PRACTICES_INDEX, [practiceId]);
  }

  async setTopics(
    manager: EntityManager,
    practice: PracticeEntity,
    topicIds: string[],
  ): Promise<void> {
    await manager.query('DELETE FROM practice_topic WHERE city_id = $1 AND practice_id = $2', [
      practice.cityId,
      practice.id,
    ]);
    if (topicIds.length) {
      await manager.query(
        'INSERT INTO practice_topic (city_id, practice_id, topic_id) SELECT $1, $2, unnest($3::uuid[])',
        [practice.cityId, practice.id, topicIds],
      );
    }
  }

  /** The practice as it is now, kept as revision number `practice.revision`. */
  async saveRevision(
    manager: EntityManager,
    practice: PracticeEntity,
    topicSlugs: string[],
    author: SignedInActor,
  ): Promise<void> {
    const snapshot: PracticeSnapshot = {
      title: practice.title,
      summary: practice.summary,
      body: practice.body,
      visibility: practice.visibility,
      tags: practice.tags,
      topicSlugs,
      contactName: practice.contactName,
      contactEmail: practice.contactEmail,
      periodFrom: practice.periodFrom,
      periodTo: practice.periodTo,
      outcomes: practice.outcomes,
      resourcesNeeded: practice.resourcesNeeded,
      partners: practice.partners,
      links: practice.links,
    };
    await manager
      .createQueryBuilder()
      .insert()
      .into(PracticeRevisionEntity)
      .updateEntity(false)
      .values({
        cityId: practice.cityId,
        practiceId: practice.id,
        number: practice.revision,
        snapshot,
        authorId: author.userId,
      })
      .execute();
  }

  /** Topic slugs to ids; an unknown slug is a typed error on its position (or left out). */
  async topicIds(slugs: string[], field: string, skipUnknown = false): Promise<string[]> {
    return topicIdsFor(await this.topics.idsBySlugs(slugs), slugs, field, skipUnknown);
  }

  /**
   * After the commit: a change that lets fewer callers find the practice reaches the
   * engine before the mutation answers, so no other city's search counts it a moment
   * longer. Widening may wait for the outbox worker. If the engine is down the outbox
   * row stays and the worker applies it later (searches fail meanwhile anyway).
   */
  async afterCommit(before: SearchReach, after: PracticeEntity): Promise<PracticeEntity> {
    if (narrowsSearch(before, after)) await this.searchSync.applyNow(PRACTICES_INDEX, [after.id]);
    return after;
  }

  private async currentTopicSlugs(
    manager: EntityManager,
    practice: PracticeEntity,
  ): Promise<string[]> {
    const rows: Array<{ slug: string }> = await manager.query(
      'SELECT t.slug FROM practice_topic pt JOIN topic t ON t.id = pt.topic_id WHERE pt.city_id = $1 AND pt.practice_id = $2 ORDER BY t.position',
      [practice.cityId, practice.id],
    );
    return rows.map((row) => row.slug);
  }
}
