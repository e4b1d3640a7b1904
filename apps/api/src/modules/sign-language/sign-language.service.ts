import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import { Permission, mayAccess, requireAccess } from '../../core/auth/access';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { safeFileName, type UploadedFile } from '../../core/files/uploaded-file';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { FILE_STORAGE, type FileStorage } from '../../storage/file-storage';
import { AuditAction, AuditService } from '../audit/audit.service';
import { checkVideo, cleanCaption } from './sign-language-file';
import { SignLanguageVideoEntity } from './sign-language-video.entity';
import { SignLanguageException } from './sign-language.exception';

const SLOT = 1;

/**
 * The network's sign-language (DGS) video: public to read; organizers upload, replace and
 * remove it (SIGN_LANGUAGE_VIDEO_MANAGE), each change in the audit log. The upload is
 * checked by its bytes and its length read from the file before anything is stored.
 */
@Injectable()
export class SignLanguageService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly audit: AuditService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  get maxBytes(): number {
    return this.config.signLanguageVideoMaxBytes;
  }

  mayManage(actor: Actor): boolean {
    return mayAccess(actor, Permission.SIGN_LANGUAGE_VIDEO_MANAGE);
  }

  async current(actor: Actor): Promise<SignLanguageVideoEntity | null> {
    return this.tenantDb.run(actor, (manager) =>
      manager.getRepository(SignLanguageVideoEntity).findOneBy({ slot: SLOT }),
    );
  }

  /** A new video (or one replacing the old): the row changes only when the file is stored. */
  async upload(
    actor: Actor,
    file: UploadedFile,
    captionInput: unknown,
  ): Promise<SignLanguageVideoEntity> {
    const organizer = requireAccess(actor, Permission.SIGN_LANGUAGE_VIDEO_MANAGE);
    const caption = cleanCaption(captionInput);
    const { contentType, durationSeconds } = checkVideo(file, this.maxBytes);
    const fileId = randomUUID();
    const storageKey = `network/sign-language/${fileId}`;
    await this.storage.put(storageKey, file.buffer, { contentType });
    let previousKey: string | null = null;
    try {
      const saved = await this.tenantDb.run(organizer, async (manager) => {
        const repository = manager.getRepository(SignLanguageVideoEntity);
        const previous = await repository
          .createQueryBuilder('video')
          .where('video.slot = :slot', { slot: SLOT })
          .setLock('pessimistic_write')
          .getOne();
        previousKey = previous?.storageKey ?? null;
        const video = Object.assign(new SignLanguageVideoEntity(), {
          slot: SLOT,
          fileId,
          fileName: safeFileName(file.originalName),
          contentType,
          sizeBytes: file.buffer.length,
          durationSeconds,
          caption,
          storageKey,
          uploadedBy: organizer.userId,
          uploadedAt: new Date(),
        });
        await repository.save(video);
        await this.audit.record(manager, {
          actorUserId: organizer.userId,
          action: previous
            ? AuditAction.SIGN_LANGUAGE_VIDEO_REPLACED
            : AuditAction.SIGN_LANGUAGE_VIDEO_UPLOADED,
          target: fileId,
          details: {
            fileName: video.fileName,
            sizeBytes: video.sizeBytes,
            durationSeconds: Math.round(durationSeconds * 10) / 10,
            ...(previous ? { replacedFileId: previous.fileId } : {}),
          },
        });
        return video;
      });
      if (previousKey) await this.storage.delete(previousKey);
      return saved;
    } catch (error) {
      await this.storage.delete(storageKey);
      throw error;
    }
  }

  /**
   * Only the caption: the file stays. `fileId` names the video the organizer sees, so a
   * page opened before someone replaced it changes nothing (NOT_FOUND).
   */
  async updateCaption(
    actor: Actor,
    fileId: string,
    captionInput: unknown,
  ): Promise<SignLanguageVideoEntity> {
    const organizer = requireAccess(actor, Permission.SIGN_LANGUAGE_VIDEO_MANAGE);
    const caption = cleanCaption(captionInput);
    return this.tenantDb.run(organizer, async (manager) => {
      const repository = manager.getRepository(SignLanguageVideoEntity);
      const video = await repository
        .createQueryBuilder('video')
        .where('video.slot = :slot', { slot: SLOT })
        .setLock('pessimistic_write')
        .getOne();
      if (!video || video.fileId !== fileId) throw SignLanguageException.notFound();
      Object.assign(video, { caption, uploadedBy: organizer.userId });
      await repository.save(video);
      await this.audit.record(manager, {
        actorUserId: organizer.userId,
        action: AuditAction.SIGN_LANGUAGE_VIDEO_CAPTION_CHANGED,
        target: video.fileId,
      });
      return video;
    });
  }

  /** Removes the video `fileId` (the one the organizer sees; NOT_FOUND when it was replaced). */
  async remove(actor: Actor, fileId: string): Promise<boolean> {
    const organizer = requireAccess(actor, Permission.SIGN_LANGUAGE_VIDEO_MANAGE);
    const key = await this.tenantDb.run(organizer, async (manager) => {
      const repository = manager.getRepository(SignLanguageVideoEntity);
      const video = await repository
        .createQueryBuilder('video')
        .where('video.slot = :slot', { slot: SLOT })
        .setLock('pessimistic_write')
        .getOne();
      if (!video || video.fileId !== fileId) throw SignLanguageException.notFound();
      await repository.delete({ slot: SLOT });
      await this.audit.record(manager, {
        actorUserId: organizer.userId,
        action: AuditAction.SIGN_LANGUAGE_VIDEO_REMOVED,
        target: video.fileId,
        details: { fileName: video.fileName },
      });
      return video.storageKey;
    });
    // The row forgets the file first; a leftover file is harmless, a row without file is not.
    await this.storage.delete(key);
    return true;
  }

  /** The video's file (public); null when there is none or `fileId` is not the current one. */
  async open(
    actor: Actor,
    fileId: string,
  ): Promise<{ video: SignLanguageVideoEntity; content: NodeJS.ReadableStream } | null> {
    const video = await this.current(actor);
    if (!video || video.fileId !== fileId) return null;
    return { video, content: await this.storage.get(video.storageKey) };
  }
}
