import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type EntityManager } from 'typeorm';
import { byKeys, type GraphQLContext } from '../../core/graphql/loaders';
import { toPerson, type Person } from './dto/person.type';
import { UserEntity } from './user.entity';

/** Accounts. Users are network-wide (not tenant-owned); what they may see is decided by memberships. */
@Injectable()
export class UsersService {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

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

  async create(
    manager: EntityManager,
    user: { email: string; displayName: string; passwordHash: string; locale?: string },
  ): Promise<UserEntity> {
    const repository = manager.getRepository(UserEntity);
    const created = repository.create({ ...user, locale: user.locale ?? 'de' });
    return repository.save(created);
  }

  async setPasswordHash(
    userId: string,
    passwordHash: string,
    manager: EntityManager = this.db.manager,
  ): Promise<void> {
    await manager.getRepository(UserEntity).update({ id: userId }, { passwordHash });
  }

  async updateProfile(
    userId: string,
    changes: { displayName?: string; locale?: string },
  ): Promise<UserEntity> {
    await this.db.getRepository(UserEntity).update({ id: userId }, changes);
    return this.db.getRepository(UserEntity).findOneByOrFail({ id: userId });
  }
}
