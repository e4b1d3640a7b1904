import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { PracticeAttachmentEntity } from '../practice-attachment.entity';

/** Where an attachment is downloaded (the route checks session and visibility again). */
export function attachmentUrl(id: string): string {
  return `/files/attachments/${id}`;
}

/** A file of a practice; where it is stored and who uploaded it are not shown. */
@ObjectType('PracticeAttachment')
export class PracticeAttachmentType {
  @Field(() => ID)
  id!: string;

  @Field()
  fileName!: string;

  @Field()
  contentType!: string;

  @Field(() => Int)
  sizeBytes!: number;

  @Field()
  createdAt!: Date;

  @Field({ description: 'Download address (same session and visibility rules)' })
  url!: string;
}

export function toPracticeAttachment(attachment: PracticeAttachmentEntity): PracticeAttachmentType {
  return {
    id: attachment.id,
    fileName: attachment.fileName,
    contentType: attachment.contentType,
    sizeBytes: attachment.sizeBytes,
    createdAt: attachment.createdAt,
    url: attachmentUrl(attachment.id),
  };
}
