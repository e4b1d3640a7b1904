import { registerEnumType } from '@nestjs/graphql';

export enum DataExportStatus {
  /** Requested; the worker has not started yet. */
  PENDING = 'PENDING',
  /** Being prepared: `stepsDone` of `stepsTotal` sections are collected. */
  RUNNING = 'RUNNING',
  /** The files can be downloaded until `expiresAt`. */
  READY = 'READY',
  /** Given up after repeated failures; the person may ask again. */
  FAILED = 'FAILED',
}

registerEnumType(DataExportStatus, { name: 'DataExportStatus' });
