import { Args, Context, Mutation, Resolver } from '@nestjs/graphql';
import type { Request, Response } from 'express';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentClient, type ClientInfo } from '../../core/auth/client-info.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import { ANONYMOUS, type Actor } from '../../core/tenancy/actor';
import { setCurrentActor } from '../../core/tenancy/request-context';
import { AuthService } from '../auth/auth.service';
import { DeleteMyAccountInput, EraseAccountInput } from './dto/erasure.inputs';
import { ErasureService } from './erasure.service';

interface HttpContext {
  req: Request;
  res: Response;
}

@Resolver()
export class ErasureResolver {
  constructor(
    private readonly erasure: ErasureService,
    private readonly auth: AuthService,
  ) {}

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => Boolean, {
    description:
      'Deletes your account (Art. 17 DSGVO) and signs you out everywhere. What you wrote for your city stays, as written by a former member.',
  })
  async deleteMyAccount(
    @CurrentActor() actor: Actor,
    @CurrentClient() client: ClientInfo,
    @Args('input') input: DeleteMyAccountInput,
    @Context() ctx: HttpContext,
  ): Promise<boolean> {
    await this.erasure.deleteOwnAccount(actor, client, input.password);
    // Signed out like logoutEverywhere: the rest of the request is anonymous.
    this.auth.forgetSessionInBrowser(ctx.req, ctx.res);
    setCurrentActor(ANONYMOUS);
    return true;
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => Boolean, {
    description:
      'Organizers: carries out an erasure request for someone else (audited, with the reason).',
  })
  async eraseAccount(
    @CurrentActor() actor: Actor,
    @Args('input') input: EraseAccountInput,
  ): Promise<boolean> {
    await this.erasure.eraseAccount(actor, input);
    return true;
  }
}
