import { Field, ID, ObjectType } from '@nestjs/graphql';
import type { Actor } from '../../../core/tenancy/actor';
import type { SessionEntity } from '../session.entity';

/** A signed-in browser as its owner sees it in their session list (never its token hash or address). */
@ObjectType('Session')
export class SessionType {
  @Field(() => ID)
  id!: string;

  @Field(() => String, { nullable: true })
  userAgent!: string | null;

  @Field()
  createdAt!: Date;

  @Field()
  lastSeenAt!: Date;

  @Field()
  expiresAt!: Date;

  @Field({ description: 'true for the session of this browser' })
  current!: boolean;
}

/** The API shape of a session, as seen by `viewer` (whose own browser is `current`). */
export function toSession(session: SessionEntity, viewer: Actor): SessionType {
  return {
    id: session.id,
    userAgent: session.userAgent,
    createdAt: session.createdAt,
    lastSeenAt: session.lastSeenAt,
    expiresAt: session.expiresAt,
    current: viewer.kind === 'user' && viewer.sessionId === session.id,
  };
}
