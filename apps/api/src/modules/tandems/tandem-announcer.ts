import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { SignedInActor } from '../../core/tenancy/actor';
import { CityService } from '../cities/city.service';
import { NotificationKind } from '../notifications/dto/notification-message';
import { NotificationService } from '../notifications/notification.service';
import type { TandemSides } from './tandem-access';
import type { TandemAnnouncement } from './tandem-announcements';

/** Tells the members of a tandem's cities what happened, each city with its own link. */
@Injectable()
export class TandemAnnouncer {
  constructor(
    private readonly cities: CityService,
    private readonly notifications: NotificationService,
  ) {}

  /**
   * To both cities' members except the actor, or only to `onlyCityId`'s. Called inside the
   * change's transaction (`manager`): the notification is an outbox row that exists exactly
   * when the change commits; the worker fans it out and mails it afterwards.
   */
  async announce(
    manager: EntityManager,
    actor: SignedInActor,
    tandem: TandemSides & { id: string },
    announcement: TandemAnnouncement,
    onlyCityId?: string,
  ): Promise<void> {
    const [newCity, partner] = await this.cities.byIds([tandem.cityId, tandem.partnerCityId]);
    if (!newCity || !partner) return;
    for (const [city, other] of [
      [newCity, partner],
      [partner, newCity],
    ] as const) {
      if (onlyCityId && city.id !== onlyCityId) continue;
      await this.notifications.notifyCities(actor, manager, [city.id], actor.userId, {
        kind: NotificationKind[announcement.kind],
        ...announcement.wording(other.name),
        link: `/${city.slug}/tandems/${tandem.id}`,
        subjectId: tandem.id,
        subject: `Tandem ${newCity.name}–${partner.name}`,
      });
    }
  }
}
