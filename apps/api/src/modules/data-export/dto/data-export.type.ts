import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import type { DataExportEntity } from '../data-export.entity';
import { DataExportStatus } from './data-export-status';

/** A copy of the caller's own data (only ever shown to that person). */
@ObjectType('DataExport')
export class DataExportType {
  @Field(() => ID)
  id!: string;

  @Field(() => DataExportStatus)
  status!: DataExportStatus;

  @Field(() => Int, { description: 'Sections collected so far' })
  stepsDone!: number;

  @Field(() => Int, { description: 'Sections in all' })
  stepsTotal!: number;

  @Field()
  requestedAt!: Date;

  @Field(() => Date, { nullable: true })
  readyAt!: Date | null;

  @Field(() => Date, { nullable: true, description: 'The files are deleted after this' })
  expiresAt!: Date | null;

  @Field(() => String, { nullable: true, description: 'Download of all data as JSON, once ready' })
  jsonUrl!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Download of the readable summary (plain text), once ready',
  })
  summaryUrl!: string | null;
}

export function dataExportPath(id: string, file: 'data.json' | 'summary.txt'): string {
  return `/export/my-data/${id}/${file}`;
}

/** The API shape of an export, field by field. */
export function toDataExport(entity: DataExportEntity): DataExportType {
  const ready = entity.status === DataExportStatus.READY;
  return {
    id: entity.id,
    status: entity.status,
    stepsDone: entity.stepsDone,
    stepsTotal: entity.stepsTotal,
    requestedAt: entity.createdAt,
    readyAt: entity.readyAt,
    expiresAt: entity.expiresAt,
    jsonUrl: ready ? dataExportPath(entity.id, 'data.json') : null,
    summaryUrl: ready ? dataExportPath(entity.id, 'summary.txt') : null,
  };
}
