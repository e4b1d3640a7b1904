import { Inject, Injectable } from '@nestjs/common';
import { randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import { Permission, mayAccess, requireAccess } from '../../core/auth/access';
import type { UploadedFile } from '../../core/files/uploaded-file';
import { byKeys } from '../../core/graphql/loaders';
import type { Actor, SignedInActor } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { FILE_STORAGE, type FileStorage } from '../../storage/file-storage';
import { CityService } from '../cities/city.service';
import { toCity, type CityType } from '../cities/dto/city.type';
import { TopicService } from '../topics/topic.service';
import { logoContentType } from './city-logo-file';
import { cleanProfile, type CleanProfile } from './city-profile-content';
import {
  CityProfileRevisionEntity,
  type CityProfileSnapshot,
} from './city-profile-revision.entity';
import { CityProfileEntity, emptyProfile } from './city-profile.entity';
import { CityProfileException } from './city-profile.exception';
import type { UpdateCityProfileInput } from './dto/city-profile.input';

/**
 * A city's public profile: read by everyone, edited by its coordinators and organizers
 * (CITY_PROFILE_EDIT). Every save (content or logo) is the next revision; a save based
 * on an older revision is a CONFLICT (STALE_REVISION) and changes nothing.
 */
@Injectable()
export class CityProfileService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly topics: TopicService,
    @Inject(FILE_STORAGE) private readonly storage: FileStorage,
  ) {}

  /** The profiles of many cities (DataLoader batch); a city without a row shows defaults. */
  async ofCities(actor: Actor, cityIds: readonly string[]): Promise<CityProfileEntity[]> {
    const rows = await this.tenantDb.run(actor, (manager) =>
      manager
        .getRepository(CityProfileEntity)
        .createQueryBuilder('profile')
        .where('profile.city_id = ANY(:ids)', { ids: [...cityIds] })
        .getMany(),
    );
    return byKeys(
      cityIds,
      rows,
      (row) => row.cityId,
      (found) => found[0],
    ).map((found, index) => found ?? emptyProfile(cityIds[index]));
  }

  mayEdit(actor: Actor, cityId: string): boolean {
    return mayAccess(actor, Permission.CITY_PROFILE_EDIT, { cityId });
  }

  mayReadHistory(actor: Actor, cityId: string): boolean {
    return mayAccess(actor, Permission.CITY_PROFILE_HISTORY_READ, { cityId });
  }

  async update(actor: Actor, input: UpdateCityProfileInput): Promise<CityType> {
    const city = await this.cities.requireBySlug(input.citySlug, 'input.citySlug');
    const editor = requireAccess(actor, Permission.CITY_PROFILE_EDIT, { cityId: city.id });
    const clean = cleanProfile(input);
    const topicIds = await this.topicIds(clean.focusTopicSlugs);
    await this.tenantDb.run(editor, async (manager) => {
      const profile = await this.lock(
        manager,
        city.id,
        input.expectedRevision,
        'input.expectedRevision',
      );
      Object.assign(profile, withoutTopics(clean));
      await manager.query('DELETE FROM city_focus_topic WHERE city_id = $1', [city.id]);
      if (topicIds.length)
        await manager.query(
          'INSERT INTO city_focus_topic (city_id, topic_id) SELECT $1, unnest($2::uuid[])',
          [city.id, topicIds],
        );
      await this.saveRevision(manager, profile, editor, clean.focusTopicSlugs);
    });
    return toCity(city);
  }

  /** A new logo (PNG, JPEG or WebP, checked by its bytes) as the next revision. */
  async setLogo(
    actor: Actor,
    citySlug: string,
    expectedRevision: number,
    file: UploadedFile,
  ): Promise<CityProfileEntity> {
    const city = await this.cities.requireBySlug(citySlug, 'slug');
    const editor = requireAccess(actor, Permission.CITY_PROFILE_EDIT, { cityId: city.id });
    const contentType = logoContentType(file);
    const logoId = randomUUID();
    const storageKey = `${city.id}/profile/logo-${logoId}`;
    await this.storage.put(storageKey, file.buffer, { contentType });
    let previousKey: string | null = null;
    try {
      const saved = await this.tenantDb.run(editor, async (manager) => {
        const profile = await this.lock(manager, city.id, expectedRevision, 'expectedRevision');
        previousKey = profile.logoStorageKey;
        Object.assign(profile, {
          logoId,
          logoContentType: contentType,
          logoSizeBytes: file.buffer.length,
          logoStorageKey: storageKey,
        });
        return this.saveRevision(manager, profile, editor);
      });
      if (previousKey) await this.storage.delete(previousKey);
      return saved;
    } catch (error) {
      await this.storage.delete(storageKey);
      throw error;
    }
  }

  async removeLogo(actor: Actor, citySlug: string, expectedRevision: number): Promise<CityType> {
    const city = await this.cities.requireBySlug(citySlug, 'citySlug');
    const editor = requireAccess(actor, Permission.CITY_PROFILE_EDIT, { cityId: city.id });
    const key = await this.tenantDb.run(editor, async (manager) => {
      const profile = await this.lock(manager, city.id, expectedRevision, 'expectedRevision');
      const previous = profile.logoStorageKey;
      if (!previous) throw CityProfileException.logoNotFound();
      Object.assign(profile, {
        logoId: null,
        logoContentType: null,
        logoSizeBytes: null,
        logoStorageKey: null,
      });
      await this.saveRevision(manager, profile, editor);
      return previous;
    });
    // The row forgets the file first; a leftover file is harmless, a row without file is not.
    await this.storage.delete(key);
    return toCity(city);
  }

  /** Newest first: the city's members and organizers. */
  async revisions(actor: Actor, citySlug: string): Promise<CityProfileRevisionEntity[]> {
    const city = await this.cities.requireBySlug(citySlug, 'citySlug');
    const reader = requireAccess(actor, Permission.CITY_PROFILE_HISTORY_READ, { cityId: city.id });
    const revisions = await this.tenantDb.run(reader, (manager) =>
      manager
        .getRepository(CityProfileRevisionEntity)
        .find({ where: { cityId: city.id }, order: { number: 'DESC' } }),
    );
    return revisions;
  }

  /** The logo and its content (public, like the profile); null when there is none. */
  async openLogo(
    actor: Actor,
    citySlug: string,
  ): Promise<{ profile: CityProfileEntity; content: NodeJS.ReadableStream } | null> {
    const city = await this.cities.bySlug(citySlug);
    if (!city) return null;
    const profile = await this.tenantDb.run(actor, (manager) =>
      manager.getRepository(CityProfileEntity).findOneBy({ cityId: city.id }),
    );
    if (!profile?.logoStorageKey) return null;
    return { profile, content: await this.storage.get(profile.logoStorageKey) };
  }

  /** The profile row locked for change (created on a city's first save); STALE_REVISION when behind. */
  private async lock(
    manager: EntityManager,
    cityId: string,
    expectedRevision: number,
    field: string,
  ): Promise<CityProfileEntity> {
    await manager.query(
      'INSERT INTO city_profile (city_id) VALUES ($1) ON CONFLICT (city_id) DO NOTHING',
      [cityId],
    );
    const profile = await manager
      .getRepository(CityProfileEntity)
      .createQueryBuilder('profile')
      .where('profile.city_id = :cityId', { cityId })
      .setLock('pessimistic_write')
      .getOneOrFail();
    if (profile.revision !== expectedRevision)
      throw CityProfileException.stale(profile.revision, field);
    return profile;
  }

  private async saveRevision(
    manager: EntityManager,
    profile: CityProfileEntity,
    editor: SignedInActor,
    focusTopicSlugs?: string[],
  ): Promise<CityProfileEntity> {
    profile.revision += 1;
    profile.updatedBy = editor.userId;
    profile.updatedAt = new Date();
    await manager.getRepository(CityProfileEntity).save(profile);
    // The city's search document carries its "about" text.
    await this.cities.refreshSearch(manager, profile.cityId);
    const snapshot: CityProfileSnapshot = {
      about: profile.about,
      focusTopicSlugs: focusTopicSlugs ?? (await this.currentTopicSlugs(manager, profile.cityId)),
      contactName: profile.contactName,
      contactRole: profile.contactRole,
      contactEmail: profile.contactEmail,
      contactPhone: profile.contactPhone,
      address: profile.address,
      website: profile.website,
      brandColor: profile.brandColor,
      logo:
        profile.logoId && profile.logoContentType && profile.logoSizeBytes
          ? {
              id: profile.logoId,
              contentType: profile.logoContentType,
              sizeBytes: profile.logoSizeBytes,
            }
          : null,
    };
    await manager
      .createQueryBuilder()
      .insert()
      .into(CityProfileRevisionEntity)
      .updateEntity(false)
      .values({
        cityId: profile.cityId,
        number: profile.revision,
        snapshot,
        authorId: editor.userId,
      })
      .execute();
    return profile;
  }

  private async topicIds(slugs: string[]): Promise<string[]> {
    const known = await this.topics.idsBySlugs(slugs);
    return slugs.map((slug, index) => {
      const id = known.get(slug);
      if (!id) throw CityProfileException.unknownTopic(`input.focusTopicSlugs.${index}`, slug);
      return id;
    });
  }

  private async currentTopicSlugs(manager: EntityManager, cityId: string): Promise<string[]> {
    const rows: Array<{ slug: string }> = await manager.query(
      'SELECT t.slug FROM city_focus_topic c JOIN topic t ON t.id = c.topic_id WHERE c.city_id = $1 ORDER BY t.position, t.slug',
      [cityId],
    );
    return rows.map((row) => row.slug);
  }
}

function withoutTopics(clean: CleanProfile): Omit<CleanProfile, 'focusTopicSlugs'> {
  const { focusTopicSlugs: _topics, ...rest } = clean;
  return rest;
}
