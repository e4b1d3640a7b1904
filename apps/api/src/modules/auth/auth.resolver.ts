import {
  Args,
  Context,
  ID,
  Mutation,
  Parent,
  Query,
  ResolveField,
  Resolver,
} from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { AuthException } from '../../core/auth/auth.exception';
import { ANONYMOUS, type Actor } from '../../core/tenancy/actor';
import { currentActor, setCurrentActor } from '../../core/tenancy/request-context';
import { CityService } from '../cities/city.service';
import { toCityOrNull } from '../cities/dto/city.type';
import { MembershipService } from '../memberships/membership.service';
import { UsersService } from '../users/users.service';
import { AuthService } from './auth.service';
import {
  AcceptInvitationInput,
  ChangePasswordInput,
  LoginInput,
  Me,
  RequestPasswordResetInput,
  ResetPasswordInput,
  UpdateMeInput,
} from './dto/auth.types';
import { SessionEntity } from './session.entity';
import { clearSessionCookie, setSessionCookie } from './session-cookie';

interface HttpContext {
  req: Request;
  res: Response;
}

@Resolver(() => SessionEntity)
export class SessionResolver {
  @ResolveField(() => Boolean, { description: 'true for the session of this browser' })
  current(@Parent() session: SessionEntity): boolean {
    const actor = currentActor();
    return actor.kind === 'user' && actor.sessionId === session.id;
  }
}

@Resolver(() => Me)
export class AuthResolver {
  constructor(
    private readonly auth: AuthService,
    private readonly users: UsersService,
    private readonly memberships: MembershipService,
    private readonly cityService: CityService,
  ) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => Me, {
    nullable: true,
    description: 'The signed-in user; null when nobody is signed in.',
  })
  me(): Promise<Me | null> {
    return this.view(currentActor());
  }

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => [SessionEntity], { description: 'Your signed-in browsers.' })
  sessions(): Promise<SessionEntity[]> {
    return this.auth.sessions(currentActor());
  }

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => Me)
  async login(@Args('input') input: LoginInput, @Context() ctx: HttpContext): Promise<Me> {
    const session = await this.auth.login(input, currentActor());
    setSessionCookie(ctx.req, ctx.res, session.token, session.expiresAt);
    setCurrentActor(session.actor);
    return this.requireView(session.actor);
  }

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => Boolean, { description: 'Ends this session.' })
  async logout(@Context() ctx: HttpContext): Promise<boolean> {
    await this.auth.logout(currentActor());
    clearSessionCookie(ctx.req, ctx.res);
    setCurrentActor(ANONYMOUS);
    return true;
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean, {
    description: 'Ends every session of this account, this one included.',
  })
  async logoutEverywhere(@Context() ctx: HttpContext): Promise<boolean> {
    await this.auth.logoutEverywhere(currentActor());
    clearSessionCookie(ctx.req, ctx.res);
    setCurrentActor(ANONYMOUS);
    return true;
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean, { description: 'Ends one of your sessions (e.g. a forgotten browser).' })
  revokeSession(@Args('id', { type: () => ID }) id: string): Promise<boolean> {
    return this.auth.revokeSession(currentActor(), id);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Me, { description: 'Choose the city you act for (one of yours).' })
  async switchActingCity(@Args('citySlug') citySlug: string): Promise<Me> {
    const actor = await this.auth.switchActingCity(currentActor(), citySlug);
    setCurrentActor(actor);
    return this.requireView(actor);
  }

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => Me, { description: 'Accept an invitation; signs you in.' })
  async acceptInvitation(
    @Args('input') input: AcceptInvitationInput,
    @Context() ctx: HttpContext,
  ): Promise<Me> {
    const userId = await this.memberships.accept(input);
    const session = await this.auth.startSession(userId, currentActor());
    setSessionCookie(ctx.req, ctx.res, session.token, session.expiresAt);
    setCurrentActor(session.actor);
    return this.requireView(session.actor);
  }

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => Boolean, {
    description:
      'Sends a reset link if the address has an account; answers true either way (TOO_MANY_ATTEMPTS after many requests).',
  })
  async requestPasswordReset(@Args('input') input: RequestPasswordResetInput): Promise<boolean> {
    await this.auth.requestPasswordReset(input.email);
    return true;
  }

  @Access(AccessLevel.PUBLIC)
  @Mutation(() => Boolean, {
    description: 'Sets a new password with a reset link; ends all sessions.',
  })
  async resetPassword(@Args('input') input: ResetPasswordInput): Promise<boolean> {
    await this.auth.resetPassword(input);
    return true;
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean, { description: 'Changes your password; other sessions end.' })
  async changePassword(@Args('input') input: ChangePasswordInput): Promise<boolean> {
    await this.auth.changePassword(currentActor(), input);
    return true;
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Me)
  async updateMe(@Args('input') input: UpdateMeInput): Promise<Me> {
    const actor = currentActor();
    if (actor.kind !== 'user') throw AuthException.signInRequired();
    const changes: { displayName?: string; locale?: string; emailNotifications?: boolean } = {};
    if (input.displayName != null) {
      const name = input.displayName.trim();
      if (name.length < 2 || name.length > 120)
        throw AuthException.invalidInput(
          'input.displayName',
          'Please give a name of 2 to 120 characters',
        );
      changes.displayName = name;
    }
    if (input.locale != null) {
      if (input.locale !== 'de' && input.locale !== 'en')
        throw AuthException.invalidInput('input.locale', 'Locale must be de or en');
      changes.locale = input.locale;
    }
    if (input.emailNotifications != null) changes.emailNotifications = input.emailNotifications;
    await this.users.updateProfile(actor.userId, changes);
    return this.requireView(actor);
  }

  private async requireView(actor: Actor): Promise<Me> {
    const view = await this.view(actor);
    if (!view) throw AuthException.signInRequired();
    return view;
  }

  private async view(actor: Actor): Promise<Me | null> {
    if (actor.kind !== 'user') return null;
    const user = await this.users.byId(actor.userId);
    if (!user) return null;
    const [memberships] = await this.memberships.membershipsOfUsers([user.id]);
    const [actingCity] = actor.actingCityId
      ? await this.cityService.byIds([actor.actingCityId])
      : [null];
    return {
      id: user.id,
      email: user.email,
      displayName: user.displayName,
      locale: user.locale,
      networkRole: user.networkRole,
      emailNotifications: user.emailNotifications,
      memberships: memberships.filter((membership) => membership.userId === user.id),
      actingCity: toCityOrNull(actingCity),
    };
  }
}
