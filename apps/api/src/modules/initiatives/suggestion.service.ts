import { Inject, Injectable } from '@nestjs/common';
import type { ClientInfo } from '../../core/auth/client-info.decorator';
import { hashToken, looksLikeToken, newToken } from '../../core/auth/tokens';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { ANONYMOUS } from '../../core/tenancy/actor';
import { TenantDb } from '../../core/tenancy/tenant-db';
import { CityService } from '../cities/city.service';
import { suggestionLink } from './suggestion-link';
import type { SubmitSuggestionInput } from './dto/initiative.input';
import {
  type SuggestionStatus,
  type FollowedSuggestionType,
  type SuggestionChallengeType,
  type SubmittedSuggestionType,
  type SuggestionEventKind,
} from './dto/suggestion.type';
import { optionalText, requiredId, requiredText } from './initiative-input';
import { InitiativeException } from './initiative.exception';
import { cleanContact } from './suggestion-contact';
import { SuggestionGuard } from './suggestion-guard.service';
import { confirmationMail, type SuggestionMailText } from './suggestion-mails';

interface FollowedRow {
  citySlug: string;
  cityName: string;
  initiativeSlug: string;
  initiativeName: string;
  fieldName: string;
  sensitive: boolean;
  text: string;
  place: string | null;
  status: SuggestionStatus;
  publicAnswer: string | null;
  merged: boolean;
  createdAt: string;
  closedAt: string | null;
  events: Array<{
    kind: SuggestionEventKind;
    status: SuggestionStatus | null;
    text: string | null;
    at: string;
  }>;
}

export function followPath(citySlug: string, initiativeSlug: string, token: string): string {
  return `/${citySlug}/initiativen/${initiativeSlug}/anliegen/${token}`;
}

/**
 * The resident's side, without an account: send a suggestion (ALTCHA + rate limit), follow
 * it with the private link, withdraw it. The link's token is the credential: only its hash
 * is stored, and the database functions behind it touch exactly that one suggestion.
 */
@Injectable()
export class SuggestionService {
  constructor(
    private readonly tenantDb: TenantDb,
    private readonly cities: CityService,
    private readonly guard: SuggestionGuard,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  challenge(): Promise<SuggestionChallengeType> {
    return this.guard.challenge();
  }

  async submit(client: ClientInfo, input: SubmitSuggestionInput): Promise<SubmittedSuggestionType> {
    const fieldId = requiredId(input.fieldId, 'input.fieldId');
    const text = requiredText(input.text, 4000, 'input.text');
    const place = optionalText(input.place, 200, 'input.place');
    const contact = cleanContact(input);
    const city = await this.cities.bySlug(input.citySlug);
    if (!city) throw InitiativeException.notFound('input.citySlug');
    await this.guard.count(client.ip);
    const token = newToken();
    // As nobody: a signed-in visitor sends as a resident too, never in their account's name.
    return this.tenantDb.run(ANONYMOUS, async (manager) => {
      const [initiative] = (await manager.query(
        `SELECT id, slug, name, status FROM initiative WHERE city_id = $1 AND slug = $2`,
        [city.id, input.initiativeSlug.trim().toLowerCase()],
      )) as Array<{ id: string; slug: string; name: string; status: string }>;
      if (!initiative) throw InitiativeException.notFound('input.initiativeSlug');
      if (initiative.status !== 'OPEN') throw InitiativeException.closed();
      const [field] = (await manager.query(
        `SELECT 1 FROM initiative_field WHERE city_id = $1 AND initiative_id = $2 AND id = $3`,
        [city.id, initiative.id, fieldId],
      )) as unknown[];
      if (!field) throw InitiativeException.fieldNotFound();
      await this.guard.spend(manager, input.altcha);
      const [created] = (await manager.query(
        `SELECT suggestion_submit($1, $2, $3, $4, $5, $6, $7, $8, $9) AS id`,
        [
          city.id,
          initiative.id,
          fieldId,
          text,
          place,
          hashToken(token),
          contact?.name ?? null,
          contact?.email ?? null,
          contact?.phone ?? null,
        ],
      )) as Array<{ id: string | null }>;
      if (!created.id) throw InitiativeException.closed();
      const path = followPath(city.slug, initiative.slug, token);
      const mailed = contact?.email
        ? await SuggestionService.mail(
            manager,
            city.id,
            created.id,
            confirmationMail(initiative.name, suggestionLink(this.config, path)),
          )
        : false;
      return { followToken: token, followPath: path, confirmationMailed: mailed };
    });
  }

  /** What the link shows; null for an unknown or revoked link (nothing tells them apart). */
  async follow(token: string): Promise<FollowedSuggestionType | null> {
    if (!looksLikeToken(token)) return null;
    return this.tenantDb.run(ANONYMOUS, async (manager) => {
      const [row] = (await manager.query(`SELECT suggestion_follow($1) AS s`, [
        hashToken(token),
      ])) as Array<{ s: FollowedRow | null }>;
      return row.s ? { ...toFollowed(row.s), followTokenHash: hashToken(token) } : null;
    });
  }

  /** The resident withdraws their open suggestion. */
  async withdraw(token: string): Promise<FollowedSuggestionType> {
    if (!looksLikeToken(token)) throw InitiativeException.linkInvalid();
    const withdrawn = await this.tenantDb.run(ANONYMOUS, async (manager) => {
      const [row] = (await manager.query(`SELECT suggestion_withdraw($1) AS done`, [
        hashToken(token),
      ])) as Array<{ done: boolean }>;
      return row.done;
    });
    const followed = withdrawn ? await this.follow(token) : null;
    if (!followed) throw InitiativeException.linkInvalid();
    return followed;
  }

  /** Queues an e-mail to the suggestion's contact address (if any) in the caller's transaction. */
  static async mail(
    manager: { query(sql: string, params?: unknown[]): Promise<unknown> },
    cityId: string,
    suggestionId: string,
    mail: SuggestionMailText,
  ): Promise<boolean> {
    const [row] = (await manager.query(`SELECT suggestion_mail($1, $2, $3, $4) AS queued`, [
      cityId,
      suggestionId,
      mail.subject,
      mail.text,
    ])) as Array<{ queued: boolean }>;
    return row.queued;
  }
}

function toFollowed(row: FollowedRow): FollowedSuggestionType {
  return {
    citySlug: row.citySlug,
    cityName: row.cityName,
    initiativeSlug: row.initiativeSlug,
    initiativeName: row.initiativeName,
    fieldName: row.fieldName,
    sensitive: row.sensitive,
    text: row.text,
    place: row.place,
    status: row.status,
    publicAnswer: row.publicAnswer,
    merged: row.merged,
    createdAt: new Date(row.createdAt),
    canWithdraw: row.closedAt === null,
    history: row.events.map((event) => ({
      kind: event.kind,
      status: event.status,
      text: event.text,
      internal: false,
      at: new Date(event.at),
    })),
  };
}
