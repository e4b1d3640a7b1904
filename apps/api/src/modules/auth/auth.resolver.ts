import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentClient, type ClientInfo } from '../../core/auth/client-info.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import { ANONYMOUS, type Actor } from '../../core/tenancy/actor';
import { setCurrentActor } from '../../core/tenancy/request-context';
import { Me } from '../users/dto/me.type';
import { AccountPasswordService } from './account-password.service';
import { AuthService, type StartedSession } from './auth.service';
import {
  AcceptInvitationInput,
  ChangePasswordInput,
  LoginInput,
  RequestPasswordResetInput,
  ResetPasswordInput,
  UpdateMeInput,
} from './dto/auth.inputs';
import { SessionType } from './dto/session.type';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

interface HttpContext {
  req: Request;
  res: Response;
}

/**
 * Signing in and out, sessions, the acting city and the own account. After a sign-in,
 * sign-out or city switch the request goes on as the new actor: setCurrentActor (the
 * auth middleware's request context, core/tenancy) is changed here and nowhere else, so
 * the fields of the answer (`me.memberships.email`, …) see who is acting now.
 */
@Resolver(() => Me)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly passwords: AccountPasswordService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => Me, {
    nullable: true,
    description: 'The signed-in user; null when nobody is signed in.',
  })
  me(@CurrentActor() actor: Actor): Promise<Me | null> {
    return this.auth.me(actor);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [SessionType], { description: 'Your signed-in browsers.' })
  sessions(@CurrentActor() actor: Actor): Promise<SessionType[]> {
    return this.auth.sessions(actor);
  }

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => Me)
  async login(
    @CurrentActor() actor: Actor,
    @CurrentClient() client: ClientInfo,
    @Args('input') input: LoginInput,
    @Context() ctx: HttpContext,
  ): Promise<Me> {
    return this.signedIn(ctx, await this.auth.login(actor, client, input));
  }

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => Boolean, { description: 'Ends this session.' })
  async logout(@CurrentActor() actor: Actor, @Context() ctx: HttpContext): Promise<boolean> {
    await this.auth.logout(actor);
    this.signedOut(ctx);
    return true;
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean, {
    description: 'Ends every session of this account, this one included.',
  })
  async logoutEverywhere(
    @CurrentActor() actor: Actor,
    @Context() ctx: HttpContext,
  ): Promise<boolean> {
    await this.auth.logoutEverywhere(actor);
    this.signedOut(ctx);
    return true;
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean, { description: 'Ends one of your sessions (e.g. a forgotten browser).' })
  revokeSession(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.auth.revokeSession(actor, id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Me, { description: 'Choose the city you act for (one of yours).' })
  async switchActingCity(
    @CurrentActor() actor: Actor,
    @Args('citySlug') citySlug: string,
  ): Promise<Me> {
    const switched = await this.auth.switchActingCity(actor, citySlug);
    setCurrentActor(switched);
    return this.auth.requireMe(switched);
  }

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => Me, { description: 'Accept an invitation; signs you in.' })
  async acceptInvitation(
    @CurrentActor() actor: Actor,
    @CurrentClient() client: ClientInfo,
    @Args('input') input: AcceptInvitationInput,
    @Context() ctx: HttpContext,
  ): Promise<Me> {
    return this.signedIn(ctx, await this.auth.acceptInvitation(actor, client, input));
  }

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => Boolean, {
    description:
      'Sends a reset link if the address has an account; answers true either way (TOO_MANY_ATTEMPTS after many requests).',
  })
  async requestPasswordReset(
    @CurrentClient() client: ClientInfo,
    @Args('input') input: RequestPasswordResetInput,
  ): Promise<boolean> {
    await this.passwords.requestReset(client, input.email);
    return true;
  }

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => Boolean, {
    description: 'Sets a new password with a reset link; ends all sessions.',
  })
  async resetPassword(@Args('input') input: ResetPasswordInput): Promise<boolean> {
    await this.passwords.reset(input);
    return true;
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean, { description: 'Changes your password; other sessions end.' })
  async changePassword(
    @CurrentActor() actor: Actor,
    @CurrentClient() client: ClientInfo,
    @Args('input') input: ChangePasswordInput,
  ): Promise<boolean> {
    await this.passwords.change(actor, client, input);
    return true;
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Me)
  updateMe(@CurrentActor() actor: Actor, @Args('input') input: UpdateMeInput): Promise<Me> {
    return this.auth.updateMe(actor, input);
  }

  /** The browser now holds the new session; the rest of the request acts as its user. */
  private signedIn(ctx: HttpContext, session: StartedSession): Promise<Me> {
    setSessionCookie(ctx.req, ctx.res, session.token, session.expiresAt);
    setCurrentActor(session.actor);
    return this.auth.requireMe(session.actor);
  }

  private signedOut(ctx: HttpContext): void {
    clearSessionCookie(ctx.req, ctx.res);
    setCurrentActor(ANONYMOUS);
  }
}
