import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import {
  SignLanguagePageType,
  SignLanguageVideoType,
  toSignLanguageVideo,
} from './dto/sign-language-video.type';
import { SignLanguageService } from './sign-language.service';

@Resolver()
export class SignLanguageResolver {
  constructor(private readonly videos: SignLanguageService) {}

  @Access(AccessLevel.PUBLIC)
  @Query(() => SignLanguagePageType, {
    description: 'The sign-language (DGS) video of the network, if uploaded (public).',
  })
  async signLanguage(@CurrentActor() actor: Actor): Promise<SignLanguagePageType> {
    const video = await this.videos.current(actor);
    return {
      video: video ? toSignLanguageVideo(video) : null,
      viewerCanManage: this.videos.mayManage(actor),
      maxBytes: this.videos.maxBytes,
    };
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => SignLanguageVideoType, {
    description: 'Change what the caption of the sign-language video says (organizers, audited).',
  })
  async updateSignLanguageVideoCaption(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
    @Args('caption') caption: string,
  ): Promise<SignLanguageVideoType> {
    return toSignLanguageVideo(await this.videos.updateCaption(actor, id, caption));
  }

  @Access(AccessLevel.ORGANIZER)
  @Mutation(() => Boolean, {
    description: 'Remove the sign-language video; the page shows its placeholder again (audited).',
  })
  removeSignLanguageVideo(
    @CurrentActor() actor: Actor,
    @Args('id', { type: () => ID }) id: string,
  ): Promise<boolean> {
    return this.videos.remove(actor, id);
  }
}
