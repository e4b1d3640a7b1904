import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { Permission, requireAccess } from '../../core/auth/access';
import { byKeys, type GraphQLContext } from '../../core/graphql/loaders';
import type { Actor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { toPerson, type Person } from './dto/person.type';
import { cleanProfileChanges, type ProfileInput } from './profile-input';
import { UserEntity } from './user.entity';

// Input cleaning other features need for accounts they create (accepting an invitation).
export { cleanDisplayName } from './profile-input';

/**
 * Accounts. Users are network-wide (not tenant-owned, no row-level security): they are
 * read by id or e-mail on the application connection, also before anyone acts (signing
 * in, reading a session). What a caller may see of them is decided by the types (`Person`
 * for others, `Me` for themselves) and the policy (`CITY_MEMBER_CONTACT_READ`).
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly tenantDb: TenantDb,
  ) {}

  byEmail(email: string, manager: EntityManager = this.db.manager): Promise<UserEntity | null> {
    return manager.getRepository(UserEntity).findOneBy({ email });
  }

  byId(id: string): Promise<UserEntity | null> {
    return this.db.getRepository(UserEntity).findOneBy({ id });
  }

  /** The request's batched lookup by id: one DataLoader per request, shared by every resolver. */
  load(ctx: GraphQLContext, id: string): Promise<UserEntity | null> {
    return ctx.loaders.get('userById', (ids: readonly string[]) => this.byIds(ids)).load(id);
  }

  /** Someone shown to others, appearing in the name of `cityId` there; null for a missing account. */
  async loadPerson(
    ctx: GraphQLContext,
    id: string | null,
    cityId: string | null,
  ): Promise<Person | null> {
    if (!id) return null;
    const user = await this.load(ctx, id);
    return user ? toPerson(user, cityId) : null;
  }

  async byIds(ids: readonly string[]): Promise<Array<UserEntity | null>> {
    const rows = await this.db.getRepository(UserEntity).findBy({ id: In([...ids]) });
    return byKeys(
      ids,
      rows,
      (row) => row.id,
      (found) => found[0] ?? null,
    );
  }

  /** A new account, in the caller's transaction (accepting an invitation). */
  async create(
    manager: EntityManager,
    user: { email: string; displayName: string; passwordHash: string; locale?: string },
  ): Promise<UserEntity> {
    const repository = manager.getRepository(UserEntity);
    const created = repository.create({ ...user, locale: user.locale ?? 'de' });
    return repository.save(created);
  }

  /** In the caller's transaction, which also voids reset links and ends sessions. */
  async setPasswordHash(
    manager: EntityManager,
    userId: string,
    passwordHash: string,
  ): Promise<void> {
    await manager.getRepository(UserEntity).update({ id: userId }, { passwordHash });
  }

  /** The actor's own name, language and e-mail setting (`updateMe`); input cleaned first. */
  async updateProfile(actor: Actor, input: ProfileInput): Promise<UserEntity> {
    const signedIn = requireAccess(actor, Permission.ACCOUNT_OWN);
    const changes = cleanProfileChanges(input);
    return this.tenantDb.run(actor, async (manager) => {
      const repository = manager.getRepository(UserEntity);
      if (Object.keys(changes).length > 0)
        await repository.update({ id: signedIn.userId }, changes);
      return repository.findOneByOrFail({ id: signedIn.userId });
    });
  }
}
