import { Injectable } from '@nestjs/common';
import { Permission, mayAccess, requireSignedIn } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { isUuid } from '../../core/validation/uuid';
import { reachOf, type SearchReach } from './practice-lifecycle';
import { PracticeRevisionEntity } from './practice-revision.entity';
import { PracticeWriter, applyContent } from './practice-writer.service';
import { PracticeEntity, PracticeVisibility } from './practice.entity';
import { PracticeException } from './practice.exception';

/** The history of a practice: every saved state, and making an old one current again. */
@Injectable()
export class PracticeRevisionService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly writer: PracticeWriter,
  ) {}

  /** Newest first; NOT_FOUND when the practice is hidden (its revisions follow it). */
  async revisions(actor: Actor, id: string): Promise<PracticeRevisionEntity[]> {
    if (!isUuid(id)) throw PracticeException.notFound('id');
    return this.tenantDb.run(actor, async (manager) => {
      const practice = await manager.getRepository(PracticeEntity).findOneBy({ id });
      if (!practice) throw PracticeException.notFound('id');
      return manager.getRepository(PracticeRevisionEntity).find({
        where: { cityId: practice.cityId, practiceId: practice.id },
        order: { number: 'DESC' },
      });
    });
  }

  /** Revision `number`'s content becomes the next revision (history is kept). */
  async restore(actor: Actor, id: string, number: number): Promise<PracticeEntity> {
    const editor = requireSignedIn(actor);
    const [before, saved] = await this.tenantDb.run<[SearchReach, PracticeEntity]>(
      editor,
      async (manager) => {
        const practice = await this.writer.lockVisible(manager, id, 'id');
        if (!mayAccess(editor, Permission.PRACTICE_PUBLISH, { cityId: practice.cityId }))
          throw PracticeException.needsCoordinator();
        const revision = await manager
          .getRepository(PracticeRevisionEntity)
          .findOneBy({ cityId: practice.cityId, practiceId: practice.id, number });
        if (!revision) throw PracticeException.revisionNotFound('number');
        const { snapshot } = revision;
        // Topics removed from the taxonomy since then are left out, not an error.
        const topicIds = await this.writer.topicIds(
          snapshot.topicSlugs.filter(Boolean),
          'number',
          true,
        );
        const reach = reachOf(practice);
        applyContent(practice, {
          ...snapshot,
          visibility: snapshot.visibility as PracticeVisibility,
        });
        return [
          reach,
          await this.writer.saveChange(manager, practice, editor, topicIds, snapshot.topicSlugs),
        ];
      },
    );
    return this.writer.afterCommit(before, saved);
  }
}
