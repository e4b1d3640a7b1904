import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { Permission, readScope, requireAccess } from '../../core/auth/access';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { FollowTargetKind, toFollow, type FollowRow, type FollowType } from './dto/follow.type';
import { DEFAULT_FOLLOWS_SQL, TARGET_SQL } from './follow-targets';
import { FollowException } from './follow.exception';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

interface Ref {
  kind: FollowTargetKind;
  target_id: string;
}

/**
 * What a person follows: explicit rows (`follow`, own rows only by row-level security)
 * on top of the defaults of their memberships (own cities, their active tandems). An
 * unfollowed default is a row with `following = false`.
 */
@Injectable()
export class FollowService {
  constructor(private readonly tenantDb: TenantDb) {}

  async follow(actor: Actor, kind: FollowTargetKind, targetId: string): Promise<FollowType> {
    const person = requireAccess(actor, Permission.ACCOUNT_OWN);
    return this.tenantDb.run(actor, async (manager) => {
      const [target] = await this.visibleTargets(manager, kind, [this.checkId(targetId)]);
      if (!target) throw FollowException.targetNotFound();
      await manager.query(
        `INSERT INTO follow (user_id, target_kind, target_id, following) VALUES ($1, $2, $3, true)
         ON CONFLICT (user_id, target_kind, target_id) DO UPDATE SET following = true`,
        [person.userId, kind, target.target_id],
      );
      const isDefault = (await this.defaults(manager, actor)).some(
        (ref) => ref.kind === kind && ref.target_id === target.target_id,
      );
      return toFollow({ ...target, kind, is_default: isDefault });
    });
  }

  /** Stops following; a default (own city, its tandem) stays unfollowed by a row. */
  async unfollow(actor: Actor, kind: FollowTargetKind, targetId: string): Promise<boolean> {
    const person = requireAccess(actor, Permission.ACCOUNT_OWN);
    const id = this.checkId(targetId);
    return this.tenantDb.run(actor, async (manager) => {
      const isDefault = (await this.defaults(manager, actor)).some(
        (ref) => ref.kind === kind && ref.target_id === id,
      );
      if (isDefault) {
        await manager.query(
          `INSERT INTO follow (user_id, target_kind, target_id, following) VALUES ($1, $2, $3, false)
           ON CONFLICT (user_id, target_kind, target_id) DO UPDATE SET following = false`,
          [person.userId, kind, id],
        );
        return true;
      }
      const [deleted] = (await manager.query(
        `WITH gone AS (DELETE FROM follow WHERE user_id = $1 AND target_kind = $2 AND target_id = $3
                        RETURNING 1)
         SELECT count(*)::int AS n FROM gone`,
        [person.userId, kind, id],
      )) as Array<{ n: number }>;
      return deleted.n > 0;
    });
  }

  /** Everything the caller follows, defaults included, by kind and name. */
  async list(actor: Actor): Promise<FollowType[]> {
    const person = requireAccess(actor, Permission.ACCOUNT_OWN);
    return this.tenantDb.run(actor, async (manager) => {
      const rows = (await manager.query(
        `SELECT target_kind AS kind, target_id, following FROM follow WHERE user_id = $1`,
        [person.userId],
      )) as Array<Ref & { following: boolean }>;
      const defaults = await this.defaults(manager, actor);
      const key = (ref: Ref) => `${ref.kind}:${ref.target_id}`;
      const explicit = new Map(rows.map((row) => [key(row), row.following]));
      const defaultKeys = new Set(defaults.map(key));
      const followed = [
        ...defaults.filter((ref) => explicit.get(key(ref)) !== false),
        ...rows.filter((row) => row.following && !defaultKeys.has(key(row))),
      ];
      const result: FollowType[] = [];
      for (const kind of Object.values(FollowTargetKind)) {
        const ids = followed.filter((ref) => ref.kind === kind).map((ref) => ref.target_id);
        if (ids.length === 0) continue;
        // What the caller may no longer see (a practice made private) drops out.
        for (const target of await this.visibleTargets(manager, kind, ids))
          result.push(
            toFollow({ ...target, kind, is_default: defaultKeys.has(key({ kind, ...target })) }),
          );
      }
      return result.sort(
        (a, b) => a.kind.localeCompare(b.kind) || a.name.localeCompare(b.name, 'de'),
      );
    });
  }

  private checkId(targetId: string): string {
    if (!UUID.test(targetId)) throw FollowException.invalidId();
    return targetId.toLowerCase();
  }

  private async visibleTargets(
    manager: EntityManager,
    kind: FollowTargetKind,
    ids: string[],
  ): Promise<Array<Omit<FollowRow, 'kind' | 'is_default'>>> {
    return (await manager.query(TARGET_SQL[kind], [ids])) as Array<
      Omit<FollowRow, 'kind' | 'is_default'>
    >;
  }

  private async defaults(manager: EntityManager, actor: Actor): Promise<Ref[]> {
    // Their own cities (memberships), as the read scope names them.
    const { cityIds } = readScope(actor);
    if (cityIds.length === 0) return [];
    return (await manager.query(DEFAULT_FOLLOWS_SQL, [cityIds])) as Ref[];
  }
}
