import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import type { SignLanguageVideoEntity } from '../sign-language-video.entity';

/** Where the video file is served; the file id in the path changes with every upload. */
export function signLanguageVideoUrl(fileId: string): string {
  return `/files/sign-language-video/${fileId}`;
}

/** The network's sign-language video as everybody sees it (no uploader: not needed to watch). */
@ObjectType('SignLanguageVideo')
export class SignLanguageVideoType {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'Where the player loads the video' })
  url!: string;

  @Field({ description: 'The same file, sent as a download' })
  downloadUrl!: string;

  @Field()
  fileName!: string;

  @Field({ description: 'video/mp4 or video/webm' })
  contentType!: string;

  @Field(() => Float, { description: 'Bytes (a Float: GraphQL Int stops at 2 GiB)' })
  sizeBytes!: number;

  @Field(() => Float, { description: 'Read from the file on upload' })
  durationSeconds!: number;

  @Field({ description: 'What the video shows (plain text)' })
  caption!: string;

  @Field(() => Date)
  uploadedAt!: Date;
}

export function toSignLanguageVideo(video: SignLanguageVideoEntity): SignLanguageVideoType {
  const url = signLanguageVideoUrl(video.fileId);
  return {
    id: video.fileId,
    url,
    downloadUrl: `${url}?download=1`,
    fileName: video.fileName,
    contentType: video.contentType,
    sizeBytes: video.sizeBytes,
    durationSeconds: video.durationSeconds,
    caption: video.caption,
    uploadedAt: video.uploadedAt,
  };
}

/** The page's state: the video if any, and what the viewer may do. */
@ObjectType('SignLanguagePage')
export class SignLanguagePageType {
  @Field(() => SignLanguageVideoType, { nullable: true })
  video!: SignLanguageVideoType | null;

  @Field({ description: 'Organizers upload, replace and remove the video' })
  viewerCanManage!: boolean;

  @Field(() => Float, { description: 'Largest video accepted, in bytes' })
  maxBytes!: number;
}
