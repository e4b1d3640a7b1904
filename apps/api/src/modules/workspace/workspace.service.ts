import { Injectable } from '@nestjs/common';
import { mayAccess, Permission, requireAccess } from '../../core/auth/access';
import { MembershipRole, type Actor } from '../../core/tenancy/actor';
import { CityService } from '../cities/city.service';
import { ConferenceRecordService } from '../conferences/conference-record.service';
import { ConferenceService } from '../conferences/conference.service';
import { RegistrationService } from '../conferences/registration.service';
import { FollowUpStatus } from '../conferences/dto/conference.enums';
import { InvitationService } from '../memberships/invitation.service';
import { PracticeService } from '../practices/practice.service';
import { TandemStatus } from '../tandems/dto/tandem-enums';
import { TandemNoteService } from '../tandems/tandem-note.service';
import { TandemService } from '../tandems/tandem.service';
import type { CityWorkspaceType, WorkspaceTandemType } from './dto/workspace.type';

/** How many coming conferences the workspace lists. */
export const NEXT_CONFERENCES = 3;

/**
 * A city's workspace: composed from the other features' services, never their tables.
 * Every part is one statement for the whole city (no per-row queries); nested fields
 * (cities, conferences) come through the request's loaders.
 */
@Injectable()
export class WorkspaceService {
  constructor(
    private readonly cities: CityService,
    private readonly practices: PracticeService,
    private readonly tandems: TandemService,
    private readonly notes: TandemNoteService,
    private readonly conferences: ConferenceService,
    private readonly registrations: RegistrationService,
    private readonly records: ConferenceRecordService,
    private readonly invitations: InvitationService,
  ) {}

  /** The workspace of a city the actor is a member of; NOT_FOUND / FORBIDDEN otherwise. */
  async open(actor: Actor, citySlug: string): Promise<CityWorkspaceType> {
    const city = await this.cities.requireBySlug(citySlug, 'citySlug');
    const member = requireAccess(actor, Permission.CITY_WORKSPACE_READ, { cityId: city.id });
    return {
      cityId: city.id,
      citySlug: city.slug,
      // A member (checked above), so one of their memberships is this city's.
      viewerRole:
        member.memberships.find((membership) => membership.cityId === city.id)?.role ??
        MembershipRole.MEMBER,
    };
  }

  draftCounts(actor: Actor, workspace: CityWorkspaceType) {
    return this.practices.workInProgressCounts(actor, workspace.cityId);
  }

  /** The city's proposed and active tandems, each with the other side and what is new. */
  async tandemsOf(actor: Actor, workspace: CityWorkspaceType): Promise<WorkspaceTandemType[]> {
    const [all] = await this.tandems.ofCities(actor, [workspace.cityId]);
    const current = all.filter(
      (tandem) => tandem.status === TandemStatus.ACTIVE || tandem.status === TandemStatus.PROPOSED,
    );
    const news = await this.notes.newNotesSinceLastVisit(actor, current);
    return current.map((tandem) => ({
      tandem,
      partnerCityId: tandem.cityId === workspace.cityId ? tandem.partnerCityId : tandem.cityId,
      newNoteCount: news.get(tandem.id)?.count ?? 0,
      lastSeenAt: news.get(tandem.id)?.lastSeenAt ?? null,
    }));
  }

  openFollowUps(actor: Actor, workspace: CityWorkspaceType) {
    return this.records.followUps(actor, {
      citySlug: workspace.citySlug,
      status: FollowUpStatus.OPEN,
    });
  }

  registrationsOf(actor: Actor, workspace: CityWorkspaceType) {
    return this.registrations.ofCityUpcoming(actor, workspace.cityId);
  }

  /** Invitations nobody accepted yet: e-mail addresses, so for the city's coordinators only (null for members). */
  async pendingInvitations(actor: Actor, workspace: CityWorkspaceType) {
    if (!mayAccess(actor, Permission.CITY_MEMBERS_MANAGE, { cityId: workspace.cityId }))
      return null;
    return this.invitations.pending(actor, workspace.citySlug);
  }

  async nextConferences(actor: Actor) {
    const page = await this.conferences.list(
      actor,
      { upcoming: true },
      { first: NEXT_CONFERENCES },
    );
    return page.edges.map((edge) => edge.node);
  }
}
