import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../core/graphql/pagination';
import type { AuditEntryEntity } from '../audit-entry.entity';

/** One privileged action as organizers read it (city, actor and their e-mail are field resolvers). */
@ObjectType('AuditEntry')
export class AuditEntryType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'e.g. INVITATION_CREATED, MEMBERSHIP_ROLE_CHANGED' })
  action!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What the action concerned, e.g. an e-mail address',
  })
  target!: string | null;

  @Field({ description: 'Details as a JSON object' })
  details!: string;

  @Field()
  createdAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'The actor as a pseudonym (the same person, the same pseudonym) once the entry is older than RETENTION_AUDIT_MONTHS; actor is null then',
  })
  actorPseudonym!: string | null;

  /** For the city field; not in the schema. */
  cityId!: string | null;

  /** For the actor fields; not in the schema. */
  actorUserId!: string | null;
}

/** The API shape of an audit entry, field by field (details as JSON text). */
export function toAuditEntry(entry: AuditEntryEntity): AuditEntryType {
  return {
    id: entry.id,
    action: entry.action,
    target: entry.target,
    details: JSON.stringify(entry.details ?? {}),
    createdAt: entry.createdAt,
    actorPseudonym: entry.actorPseudonym,
    cityId: entry.cityId,
    actorUserId: entry.actorUserId,
  };
}

@ObjectType('AuditEntryConnection')
export class AuditEntryConnection extends ConnectionType(AuditEntryType, 'AuditEntry') {}

@InputType()
export class AuditLogFilter {
  @Field(() => String, { nullable: true })
  citySlug?: string | null;

  @Field(() => String, { nullable: true })
  action?: string | null;
}
