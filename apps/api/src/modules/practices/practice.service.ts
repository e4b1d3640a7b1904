import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Permission, mayAccess, requireAccess, requireSignedIn } from '../../core/auth/access';
import { byKeys, loadById, type GraphQLContext } from '../../core/graphql/loaders';
import { paginate, type ConnectionShape, type PageArgs } from '../../core/graphql/pagination';
import type { Actor, SignedInActor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { SearchOutbox } from '../../search/search-outbox';
import { SearchSync } from '../../search/search-sync';
import { FILE_STORAGE, type FileStorage } from '../../storage/file-storage';
import { CityService } from '../cities/city.service';
import { TopicEntity } from '../topics/topic.entity';
import { TopicService } from '../topics/topic.service';
import type {
  CreatePracticeInput,
  PracticeFilter,
  UpdatePracticeInput,
} from './dto/practice.inputs';
import { PracticeAttachmentEntity } from './practice-attachment.entity';
import { cleanContent, type CleanContent } from './practice-content';
import { PracticeRevisionEntity, type PracticeSnapshot } from './practice-revision.entity';
import { PRACTICES_INDEX } from './practice-search.source';
import { PracticeEntity, PracticeStatus, PracticeVisibility } from './practice.entity';
import { PracticeException } from './practice.exception';
import { isUuid } from '../../core/validation/uuid';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_PRACTICE = 20;
/** Checked against the file's first bytes too, not only the name the browser sent. */
export const ATTACHMENT_TYPES: Record<string, { extensions: string[]; magic?: number[][] }> = {
  'application/pdf': { extensions: ['pdf'], magic: [[0x25, 0x50, 0x44, 0x46]] },
  'image/png': { extensions: ['png'], magic: [[0x89, 0x50, 0x4e, 0x47]] },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], magic: [[0xff, 0xd8, 0xff]] },
  'image/webp': { extensions: ['webp'], magic: [[0x52, 0x49, 0x46, 0x46]] },
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extensions: ['docx'],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extensions: ['xlsx'],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    extensions: ['pptx'],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  'application/vnd.oasis.opendocument.text': {
    extensions: ['odt'],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  'application/vnd.oasis.opendocument.spreadsheet': {
    extensions: ['ods'],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
  'application/vnd.oasis.opendocument.presentation': {
    extensions: ['odp'],
    magic: [[0x50, 0x4b, 0x03, 0x04]],
  },
};

/** What decides who may find a practice in search. */
type SearchReach = Pick<PracticeEntity, 'status' | 'visibility'>;

const VISIBILITY_REACH: Record<PracticeVisibility, number> = {
  [PracticeVisibility.CITY]: 0,
  [PracticeVisibility.NETWORK]: 1,
  [PracticeVisibility.PUBLIC]: 2,
};

/** True when fewer callers may find the practice after the change than before. */
export function narrowsSearch(before: SearchReach, after: SearchReach): boolean {
  if (before.status !== PracticeStatus.PUBLISHED) return false;
  if (after.status !== PracticeStatus.PUBLISHED) return true;
  return VISIBILITY_REACH[after.visibility] < VISIBILITY_REACH[before.visibility];
}

@Injectable()
export class PracticeService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly topics: TopicService,
    private readonly outbox: SearchOutbox,
    private readonly searchSync: SearchSync,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** null when the practice does not exist or the caller may not see it. */
  async get(id: string): Promise<PracticeEntity | null> {
    if (!isUuid(id)) return null;
    return this.tenantDb.run((manager) => manager.getRepository(PracticeEntity).findOneBy({ id }));
  }

  /** Practices by id through row-level security, batched per request; null where hidden. */
  load(ctx: GraphQLContext, id: string): Promise<PracticeEntity | null> {
    return loadById(
      ctx,
      'practiceById',
      (ids) =>
        this.tenantDb.run((manager) =>
          manager
            .getRepository(PracticeEntity)
            .createQueryBuilder('practice')
            .where('practice.id = ANY(:ids::uuid[])', { ids: ids.filter(isUuid) })
            .getMany(),
        ),
      id,
    );
  }

  async list(
    filter: PracticeFilter | null | undefined,
    page: PageArgs,
  ): Promise<ConnectionShape<PracticeEntity>> {
    const city = filter?.citySlug
      ? await this.cities.requireBySlug(filter.citySlug, 'filter.citySlug')
      : null;
    const topicIds = await this.topicIds(filter?.topicSlugs ?? [], 'filter.topicSlugs');
    return this.tenantDb.run(async (manager) => {
      const query = manager.getRepository(PracticeEntity).createQueryBuilder('practice');
      if (city) query.andWhere('practice.city_id = :cityId', { cityId: city.id });
      if (filter?.status) query.andWhere('practice.status = :status', { status: filter.status });
      if (topicIds.length) {
        query.andWhere(
          'EXISTS (SELECT 1 FROM practice_topic pt WHERE pt.city_id = practice.city_id AND pt.practice_id = practice.id AND pt.topic_id = ANY(:topicIds))',
          { topicIds },
        );
      }
      return paginate(query, page, [
        { column: 'practice.id', kind: 'uuid', value: (practice) => practice.id },
      ]);
    });
  }

  async create(actor: Actor, input: CreatePracticeInput): Promise<PracticeEntity> {
    const city = await this.cities.requireBySlug(input.citySlug, 'input.citySlug');
    const author = requireAccess(actor, Permission.PRACTICE_DRAFT, { cityId: city.id });
    const content = cleanContent(input, true);
    const topicIds = await this.topicIds(content.topicSlugs ?? [], 'input.topicSlugs');
    return this.tenantDb.run(async (manager) => {
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
      await this.setTopics(manager, practice, topicIds);
      await this.saveRevision(manager, practice, content.topicSlugs ?? [], author);
      return repository.findOneByOrFail({ id: practice.id });
    });
  }

  async update(actor: Actor, input: UpdatePracticeInput): Promise<PracticeEntity> {
    const editor = requireSignedIn(actor);
    const content = cleanContent(input, false);
    const topicIds = content.topicSlugs
      ? await this.topicIds(content.topicSlugs, 'input.topicSlugs')
      : undefined;
    const [before, saved] = await this.tenantDb.run<[SearchReach, PracticeEntity]>(
      async (manager) => {
        const practice = await this.lockVisible(manager, input.id, 'input.id');
        this.requireEdit(editor, practice);
        if (practice.revision !== input.expectedRevision)
          throw PracticeException.stale(practice.revision);
        const reach = reachOf(practice);
        this.apply(practice, content);
        return [
          reach,
          await this.saveChange(manager, practice, editor, topicIds, content.topicSlugs),
        ];
      },
    );
    return this.narrowSearch(before, saved);
  }

  async publish(actor: Actor, id: string): Promise<PracticeEntity> {
    return this.transition(
      actor,
      id,
      PracticeStatus.PUBLISHED,
      [PracticeStatus.DRAFT],
      Permission.PRACTICE_PUBLISH,
    );
  }

  async archive(actor: Actor, id: string): Promise<PracticeEntity> {
    return this.transition(
      actor,
      id,
      PracticeStatus.ARCHIVED,
      [PracticeStatus.DRAFT, PracticeStatus.PUBLISHED],
      Permission.PRACTICE_ARCHIVE,
    );
  }

  async revertToDraft(actor: Actor, id: string): Promise<PracticeEntity> {
    return this.transition(
      actor,
      id,
      PracticeStatus.DRAFT,
      [PracticeStatus.PUBLISHED, PracticeStatus.ARCHIVED],
      Permission.PRACTICE_PUBLISH,
    );
  }

  async revisions(id: string): Promise<PracticeRevisionEntity[]> {
    if (!isUuid(id)) throw PracticeException.notFound('id');
    return this.tenantDb.run(async (manager) => {
      const practice = await manager.getRepository(PracticeEntity).findOneBy({ id });
      if (!practice) throw PracticeException.notFound('id');
      return manager.getRepository(PracticeRevisionEntity).find({
        where: { cityId: practice.cityId, practiceId: practice.id },
        order: { number: 'DESC' },
      });
    });
  }

  async restoreRevision(actor: Actor, id: string, number: number): Promise<PracticeEntity> {
    const editor = requireSignedIn(actor);
    const [before, saved] = await this.tenantDb.run<[SearchReach, PracticeEntity]>(
      async (manager) => {
        const practice = await this.lockVisible(manager, id, 'id');
        if (!mayAccess(editor, Permission.PRACTICE_PUBLISH, { cityId: practice.cityId }))
          throw PracticeException.needsCoordinator();
        const revision = await manager
          .getRepository(PracticeRevisionEntity)
          .findOneBy({ cityId: practice.cityId, practiceId: practice.id, number });
        if (!revision) throw PracticeException.revisionNotFound('number');
        const snapshot = revision.snapshot;
        const topicIds = await this.topicIds(snapshot.topicSlugs.filter(Boolean), 'number', true);
        const reach = reachOf(practice);
        this.apply(practice, {
          ...snapshot,
          visibility: snapshot.visibility as PracticeVisibility,
        });
        return [
          reach,
          await this.saveChange(manager, practice, editor, topicIds, snapshot.topicSlugs),
        ];
      },
    );
    return this.narrowSearch(before, saved);
  }

  /**
   * Published practices visible network-wide, counted per city and topic (for
   * tandem suggestions). Entries visible to their own city only are not counted.
   */
  async networkCountsByCityAndTopic(
    cityIds: string[],
  ): Promise<Map<string, Record<string, number>>> {
    const rows: Array<{ city_id: string; slug: string; n: number }> = await this.tenantDb.run(
      (manager) =>
        manager.query(
          `SELECT p.city_id, t.slug, count(*)::int AS n
           FROM practice p
           JOIN practice_topic pt ON pt.city_id = p.city_id AND pt.practice_id = p.id
           JOIN topic t ON t.id = pt.topic_id
          WHERE p.status = 'PUBLISHED' AND p.visibility <> 'CITY' AND p.city_id = ANY($1::uuid[])
          GROUP BY p.city_id, t.slug`,
          [cityIds],
        ),
    );
    const counts = new Map<string, Record<string, number>>();
    for (const row of rows)
      counts.set(row.city_id, { ...(counts.get(row.city_id) ?? {}), [row.slug]: row.n });
    return counts;
  }

  /** Topics of many practices in one statement (DataLoader batch). */
  async topicsOfPractices(practiceIds: readonly string[]): Promise<TopicEntity[][]> {
    const rows: Array<{ practice_id: string; topic_id: string }> = await this.tenantDb.run(
      (manager) =>
        manager.query(
          'SELECT practice_id, topic_id FROM practice_topic WHERE practice_id = ANY($1::uuid[])',
          [[...practiceIds]],
        ),
    );
    return this.topics.ofLinks(
      practiceIds,
      rows.map((row) => ({ owner: row.practice_id, topicId: row.topic_id })),
    );
  }

  async attachmentsOfPractices(
    practiceIds: readonly string[],
  ): Promise<PracticeAttachmentEntity[][]> {
    const rows = await this.tenantDb.run((manager) =>
      manager
        .getRepository(PracticeAttachmentEntity)
        .createQueryBuilder('attachment')
        .where('attachment.practice_id = ANY(:ids)', { ids: [...practiceIds] })
        .orderBy('attachment.created_at', 'ASC')
        .getMany(),
    );
    return byKeys(
      practiceIds,
      rows,
      (row) => row.practiceId,
      (found) => found,
    );
  }

  async addAttachment(
    actor: Actor,
    practiceId: string,
    file: { originalName: string; mimeType: string; buffer: Buffer },
  ): Promise<PracticeAttachmentEntity> {
    const uploader = requireSignedIn(actor);
    const contentType = checkFile(file);
    return this.tenantDb.run(async (manager) => {
      const practice = await this.lockVisible(manager, practiceId, 'practiceId');
      this.requireEdit(uploader, practice);
      const count = await manager
        .getRepository(PracticeAttachmentEntity)
        .countBy({ cityId: practice.cityId, practiceId: practice.id });
      if (count >= ATTACHMENTS_PER_PRACTICE)
        throw PracticeException.tooManyAttachments(ATTACHMENTS_PER_PRACTICE);
      const id = randomUUID();
      const storageKey = `${practice.cityId}/${practice.id}/${id}`;
      await this.storage.put(storageKey, file.buffer);
      const repository = manager.getRepository(PracticeAttachmentEntity);
      const attachment = repository.create({
        id,
        cityId: practice.cityId,
        practiceId: practice.id,
        fileName: safeFileName(file.originalName),
        contentType,
        sizeBytes: file.buffer.length,
        storageKey,
        uploadedBy: uploader.userId,
      });
      try {
        await repository.insert(attachment);
      } catch (error) {
        await this.storage.delete(storageKey);
        throw error;
      }
      return repository.findOneByOrFail({ id });
    });
  }

  async removeAttachment(actor: Actor, attachmentId: string): Promise<boolean> {
    const editor = requireSignedIn(actor);
    if (!isUuid(attachmentId)) throw PracticeException.attachmentNotFound('id');
    const key = await this.tenantDb.run(async (manager) => {
      const attachment = await manager
        .getRepository(PracticeAttachmentEntity)
        .findOneBy({ id: attachmentId });
      if (!attachment) throw PracticeException.attachmentNotFound('id');
      const practice = await this.lockVisible(manager, attachment.practiceId, 'id');
      this.requireEdit(editor, practice);
      await manager
        .getRepository(PracticeAttachmentEntity)
        .delete({ cityId: attachment.cityId, id: attachment.id });
      return attachment.storageKey;
    });
    // The row is gone first; a leftover file is harmless, a row without file is not.
    await this.storage.delete(key);
    return true;
  }

  /** The attachment and its content, if the caller may see its practice. */
  async openAttachment(
    attachmentId: string,
  ): Promise<{ attachment: PracticeAttachmentEntity; content: NodeJS.ReadableStream } | null> {
    if (!isUuid(attachmentId)) return null;
    const attachment = await this.tenantDb.run((manager) =>
      manager.getRepository(PracticeAttachmentEntity).findOneBy({ id: attachmentId }),
    );
    if (!attachment) return null;
    return { attachment, content: await this.storage.get(attachment.storageKey) };
  }

  canEdit(actor: Actor, practice: PracticeEntity): boolean {
    if (!mayAccess(actor, Permission.PRACTICE_DRAFT, { cityId: practice.cityId })) return false;
    return (
      practice.status === PracticeStatus.DRAFT ||
      mayAccess(actor, Permission.PRACTICE_PUBLISH, { cityId: practice.cityId })
    );
  }

  private requireEdit(actor: SignedInActor, practice: PracticeEntity): void {
    requireAccess(actor, Permission.PRACTICE_DRAFT, { cityId: practice.cityId });
    if (!this.canEdit(actor, practice)) throw PracticeException.needsCoordinator();
  }

  private async transition(
    actor: Actor,
    id: string,
    to: PracticeStatus,
    from: PracticeStatus[],
    permission: Permission,
  ): Promise<PracticeEntity> {
    const signedIn = requireSignedIn(actor);
    const [before, changed] = await this.tenantDb.run<[SearchReach, PracticeEntity]>(
      async (manager) => {
        const practice = await this.lockVisible(manager, id, 'id');
        if (!mayAccess(signedIn, permission, { cityId: practice.cityId })) {
          if (mayAccess(signedIn, Permission.PRACTICE_DRAFT, { cityId: practice.cityId }))
            throw PracticeException.needsCoordinator();
          requireAccess(signedIn, permission, { cityId: practice.cityId });
        }
        if (!from.includes(practice.status))
          throw PracticeException.invalidTransition(practice.status, to);
        const changes: Partial<PracticeEntity> = {
          status: to,
          updatedBy: signedIn.userId,
          updatedAt: new Date(),
        };
        if (to === PracticeStatus.PUBLISHED) changes.publishedAt = new Date();
        await manager
          .getRepository(PracticeEntity)
          .update({ cityId: practice.cityId, id: practice.id }, changes);
        // Published → in the index; anything else → out of it. Same transaction.
        await this.outbox.enqueue(manager, PRACTICES_INDEX, [practice.id]);
        return [
          reachOf(practice),
          await manager.getRepository(PracticeEntity).findOneByOrFail({ id: practice.id }),
        ];
      },
    );
    return this.narrowSearch(before, changed);
  }

  /**
   * After the commit: a change that lets fewer callers find the practice reaches the
   * engine before the mutation answers, so no other city's search counts it a moment
   * longer. Widening may wait for the outbox worker. If the engine is down the outbox
   * row stays and the worker applies it later (searches fail meanwhile anyway).
   */
  private async narrowSearch(before: SearchReach, after: PracticeEntity): Promise<PracticeEntity> {
    if (narrowsSearch(before, after)) await this.searchSync.applyNow(PRACTICES_INDEX, [after.id]);
    return after;
  }

  private async lockVisible(
    manager: EntityManager,
    id: string,
    field: string,
  ): Promise<PracticeEntity> {
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

  private apply(practice: PracticeEntity, content: CleanContent): void {
    const assign = <K extends keyof CleanContent & keyof PracticeEntity>(key: K) => {
      if (content[key] !== undefined)
        (practice as unknown as Record<string, unknown>)[key] = content[key];
    };
    for (const key of [
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
    ] as const) {
      assign(key);
    }
  }

  private async saveChange(
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
    if (practice.status === PracticeStatus.PUBLISHED)
      await this.outbox.enqueue(manager, PRACTICES_INDEX, [practice.id]);
    return manager.getRepository(PracticeEntity).findOneByOrFail({ id: practice.id });
  }

  private async setTopics(
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

  private async saveRevision(
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

  /** Topic slugs to ids; an unknown slug is a typed error on its position. */
  private async topicIds(slugs: string[], field: string, skipUnknown = false): Promise<string[]> {
    const ids = await this.topics.idsBySlugs(slugs);
    return slugs.flatMap((slug, index) => {
      const id = ids.get(slug);
      if (id) return [id];
      if (skipUnknown) return [];
      throw PracticeException.unknownTopic(`${field}.${index}`, slug);
    });
  }
}

function reachOf(practice: PracticeEntity): SearchReach {
  return { status: practice.status, visibility: practice.visibility };
}

function checkFile(file: { originalName: string; mimeType: string; buffer: Buffer }): string {
  if (file.buffer.length === 0) throw PracticeException.invalid('file', 'the file is empty');
  if (file.buffer.length > ATTACHMENT_MAX_BYTES)
    throw PracticeException.fileTooLarge(ATTACHMENT_MAX_BYTES);
  const extension = file.originalName.split('.').pop()?.toLowerCase() ?? '';
  const type = Object.entries(ATTACHMENT_TYPES).find(([, rule]) =>
    rule.extensions.includes(extension),
  );
  if (!type) throw PracticeException.fileTypeNotAllowed(file.mimeType || extension);
  const [contentType, rule] = type;
  const matches = (rule.magic ?? []).some((magic) =>
    magic.every((byte, index) => file.buffer[index] === byte),
  );
  if (!matches) throw PracticeException.fileTypeNotAllowed(file.mimeType || extension);
  return contentType;
}

function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'datei';
  // Keep letters (also umlauts), digits and a few separators; drop control characters.
  const cleaned = base.replace(/[^\p{L}\p{N}._ ()-]+/gu, '_').slice(-200);
  return cleaned || 'datei';
}
