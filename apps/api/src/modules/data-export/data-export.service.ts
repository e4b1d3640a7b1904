import { Injectable } from '@nestjs/common';
import { Permission, requireAccess } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { isUuid } from '../../core/validation/uuid';
import { DATA_EXPORT_SECTIONS } from './data-export-sections';
import { DataExportEntity } from './data-export.entity';
import { DataExportException, DataExportExceptionReason } from './data-export.exception';
import { DataExportStatus } from './dto/data-export-status';
import { toDataExport, type DataExportType } from './dto/data-export.type';

/** The caller's own data as the target: the export's owner is checked again once loaded. */
function ownData(actor: Actor): { userId?: string } {
  return { userId: actor.kind === 'user' ? actor.userId : undefined };
}

/** At most this many exports per person and day (each reads everything about them). */
export const DATA_EXPORTS_PER_DAY = 3;

export interface DataExportFile {
  filename: string;
  contentType: 'application/json' | 'text/plain';
  body: string;
}

/**
 * A person's copy of their data (Art. 15 and 20 DSGVO): asked for here, prepared by the
 * DataExportWorker, downloaded through DataExportController. Everything runs as the
 * person (row-level security: own rows only), and requireAccess checks once more that the
 * export is the caller's own.
 */
@Injectable()
export class DataExportService {
  constructor(private readonly tenantDb: TenantDb) {}

  /** The caller's latest export (running, ready or failed), or null. */
  async latest(actor: Actor): Promise<DataExportType | null> {
    const user = requireAccess(actor, Permission.PERSONAL_DATA_EXPORT, ownData(actor));
    const found = await this.tenantDb.run(actor, (manager) =>
      manager
        .getRepository(DataExportEntity)
        .findOne({ where: { userId: user.userId }, order: { createdAt: 'DESC' } }),
    );
    return found ? toDataExport(found) : null;
  }

  /**
   * Asks for a new export. One at a time: while one is pending or running, that one is
   * returned (no new row); otherwise at most DATA_EXPORTS_PER_DAY per day.
   */
  async request(actor: Actor): Promise<DataExportType> {
    const user = requireAccess(actor, Permission.PERSONAL_DATA_EXPORT, ownData(actor));
    const entity = await this.tenantDb.run(actor, async (manager) => {
      const repository = manager.getRepository(DataExportEntity);
      const open = () =>
        repository.findOne({
          where: [
            { userId: user.userId, status: DataExportStatus.PENDING },
            { userId: user.userId, status: DataExportStatus.RUNNING },
          ],
        });
      const running = await open();
      if (running) return running;
      // The wait: until the oldest export of the window is a day old.
      const [recent] = (await manager.query(
        `SELECT count(*)::int AS n,
                ceil(extract(epoch FROM min(created_at) + interval '1 day' - now()))::int AS wait
           FROM data_export WHERE user_id = $1 AND created_at > now() - interval '1 day'`,
        [user.userId],
      )) as Array<{ n: number; wait: number | null }>;
      if (recent.n >= DATA_EXPORTS_PER_DAY)
        throw new DataExportException(
          DataExportExceptionReason.TOO_MANY_EXPORTS,
          `At most ${DATA_EXPORTS_PER_DAY} exports a day; try again later`,
          undefined,
          { max: DATA_EXPORTS_PER_DAY, retryAfterSeconds: Math.max(1, recent.wait ?? 1) },
        );
      // A request at the same moment (another tab) made the open one: return that.
      await manager.query(
        `INSERT INTO data_export (user_id, steps_total) VALUES ($1, $2)
         ON CONFLICT (user_id) WHERE status IN ('PENDING', 'RUNNING') DO NOTHING`,
        [user.userId, DATA_EXPORT_SECTIONS.length],
      );
      const created = await open();
      if (!created) throw DataExportException.notFound();
      return created;
    });
    return toDataExport(entity);
  }

  /** One file of a ready export, for its owner only. */
  async file(actor: Actor, id: string, kind: 'json' | 'summary'): Promise<DataExportFile> {
    requireAccess(actor, Permission.PERSONAL_DATA_EXPORT, ownData(actor));
    if (!isUuid(id)) throw DataExportException.notFound();
    const found = await this.tenantDb.run(actor, (manager) =>
      manager
        .getRepository(DataExportEntity)
        .createQueryBuilder('e')
        .addSelect(kind === 'json' ? 'e.dataJson' : 'e.summaryText')
        .where('e.id = :id', { id })
        .getOne(),
    );
    // Someone else's export reads as missing (row-level security), like one that expired.
    if (!found) throw DataExportException.notFound();
    requireAccess(actor, Permission.PERSONAL_DATA_EXPORT, { userId: found.userId });
    const body = kind === 'json' ? found.dataJson : found.summaryText;
    if (found.status !== DataExportStatus.READY || body == null)
      throw new DataExportException(
        DataExportExceptionReason.NOT_READY,
        'The export is not ready yet',
        'id',
      );
    const day = (found.readyAt ?? found.createdAt).toISOString().slice(0, 10);
    const name = found.locale === 'en' ? 'my-data' : 'meine-daten';
    return kind === 'json'
      ? { filename: `wissensnetz-${name}-${day}.json`, contentType: 'application/json', body }
      : {
          filename: `wissensnetz-${name}-${day}-${found.locale === 'en' ? 'summary' : 'uebersicht'}.txt`,
          contentType: 'text/plain',
          body,
        };
  }
}
