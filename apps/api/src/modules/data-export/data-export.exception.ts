import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum DataExportExceptionReason {
  /** No such export of the caller's (someone else's reads the same: it is not theirs). */
  NOT_FOUND = 'NOT_FOUND',
  /** The export is still being prepared (or failed): nothing to download yet. */
  NOT_READY = 'NOT_READY',
  /** Too many exports asked for in the last day. */
  TOO_MANY_EXPORTS = 'TOO_MANY_EXPORTS',
}

function codeOf(reason: DataExportExceptionReason): ErrorCode {
  switch (reason) {
    case DataExportExceptionReason.NOT_FOUND:
      return ErrorCode.NOT_FOUND;
    case DataExportExceptionReason.NOT_READY:
      return ErrorCode.CONFLICT;
    case DataExportExceptionReason.TOO_MANY_EXPORTS:
      return ErrorCode.TOO_MANY_ATTEMPTS;
    default: {
      const unhandled: never = reason;
      throw new Error(`Unhandled data export reason ${String(unhandled)}`);
    }
  }
}

export class DataExportException extends AppException {
  constructor(
    reason: DataExportExceptionReason,
    message: string,
    field?: string,
    params?: Record<string, string | number>,
  ) {
    super(codeOf(reason), reason, message, field, params);
  }

  static notFound(): DataExportException {
    return new DataExportException(DataExportExceptionReason.NOT_FOUND, 'Export not found', 'id');
  }
}
