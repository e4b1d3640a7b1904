import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { requireSignedIn } from '../../core/auth/access';
import { byKeys } from '../../core/graphql/loaders';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { isUuid } from '../../core/validation/uuid';
import { FILE_STORAGE, type FileStorage } from '../../storage/file-storage';
import {
  ATTACHMENTS_PER_PRACTICE,
  attachmentContentType,
  safeFileName,
  type UploadedFile,
} from './practice-attachment-file';
import { PracticeAttachmentEntity } from './practice-attachment.entity';
import { requireEditPractice } from './practice-lifecycle';
import { PracticeWriter } from './practice-writer.service';
import { PracticeException } from './practice.exception';

/**
 * Files of a practice: stored in FILE_STORAGE, listed in `practice_attachment` (whose
 * row-level security follows the practice). Whoever may edit the practice adds and removes.
 */
@Injectable()
export class PracticeAttachmentService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly writer: PracticeWriter,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** The attachments of many practices, oldest first (DataLoader batch). */
  async ofPractices(
    actor: Actor,
    practiceIds: readonly string[],
  ): Promise<PracticeAttachmentEntity[][]> {
    const rows = await this.tenantDb.run(actor, (manager) =>
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

  async add(
    actor: Actor,
    practiceId: string,
    file: UploadedFile,
  ): Promise<PracticeAttachmentEntity> {
    const uploader = requireSignedIn(actor);
    const contentType = attachmentContentType(file);
    return this.tenantDb.run(uploader, async (manager) => {
      const practice = await this.writer.lockVisible(manager, practiceId, 'practiceId');
      requireEditPractice(uploader, practice);
      const repository = manager.getRepository(PracticeAttachmentEntity);
      const count = await repository.countBy({ cityId: practice.cityId, practiceId: practice.id });
      if (count >= ATTACHMENTS_PER_PRACTICE)
        throw PracticeException.tooManyAttachments(ATTACHMENTS_PER_PRACTICE);
      const id = randomUUID();
      const storageKey = `${practice.cityId}/${practice.id}/${id}`;
      await this.storage.put(storageKey, file.buffer, { contentType });
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

  async remove(actor: Actor, attachmentId: string): Promise<boolean> {
    const editor = requireSignedIn(actor);
    if (!isUuid(attachmentId)) throw PracticeException.attachmentNotFound('id');
    const key = await this.tenantDb.run(editor, async (manager) => {
      const repository = manager.getRepository(PracticeAttachmentEntity);
      const attachment = await repository.findOneBy({ id: attachmentId });
      if (!attachment) throw PracticeException.attachmentNotFound('id');
      const practice = await this.writer.lockVisible(manager, attachment.practiceId, 'id');
      requireEditPractice(editor, practice);
      await repository.delete({ cityId: attachment.cityId, id: attachment.id });
      return attachment.storageKey;
    });
    // The row is gone first; a leftover file is harmless, a row without file is not.
    await this.storage.delete(key);
    return true;
  }

  /** The attachment and its content, if the caller may see its practice; null otherwise. */
  async open(
    actor: Actor,
    attachmentId: string,
  ): Promise<{ attachment: PracticeAttachmentEntity; content: NodeJS.ReadableStream } | null> {
    if (!isUuid(attachmentId)) return null;
    const attachment = await this.tenantDb.run(actor, (manager) =>
      manager.getRepository(PracticeAttachmentEntity).findOneBy({ id: attachmentId }),
    );
    if (!attachment) return null;
    return { attachment, content: await this.storage.get(attachment.storageKey) };
  }
}
