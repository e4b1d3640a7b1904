import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { ConnectionType } from '../../../core/graphql/pagination';
import type { TandemNoteEntity } from '../tandem-note.entity';
import { TandemNoteKind } from './tandem-enums';

/** A note of a tandem as the API shows it: only ever to members of the two cities. */
@ObjectType('TandemNote')
export class TandemNoteType {
  @Field(() => ID)
  id!: string;

  @Field(() => TandemNoteKind)
  kind!: TandemNoteKind;

  @Field({ description: 'Markdown' })
  body!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, for visits' })
  visitDate!: string | null;

  @Field(() => String, { nullable: true })
  place!: string | null;

  @Field(() => Int)
  revision!: number;

  @Field()
  createdAt!: Date;

  @Field()
  updatedAt!: Date;

  // For field resolvers and the access rules; not in the schema.
  tandemId!: string;
  /** The tandem's new city. */
  cityId!: string;
  /** The tandem's partner city. */
  partnerCityId!: string;
  authorId!: string | null;
  authorCityId!: string | null;
}

/** The API shape of a note, field by field. */
export function toTandemNote(note: TandemNoteEntity): TandemNoteType {
  return {
    id: note.id,
    kind: note.kind,
    body: note.body,
    visitDate: note.visitDate,
    place: note.place,
    revision: note.revision,
    createdAt: note.createdAt,
    updatedAt: note.updatedAt,
    tandemId: note.tandemId,
    cityId: note.cityId,
    partnerCityId: note.partnerCityId,
    authorId: note.authorId,
    authorCityId: note.authorCityId,
  };
}

@ObjectType('TandemNoteConnection')
export class TandemNoteConnection extends ConnectionType(TandemNoteType, 'TandemNote') {}
