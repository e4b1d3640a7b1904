import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum WorkshopExceptionReason {
  /** No workshop with this id. */
  WORKSHOP_NOT_FOUND = 'WORKSHOP_NOT_FOUND',
  /** Suggestions came from it: it stays, so that the queue still says where they came from. */
  WORKSHOP_HAS_RESULTS = 'WORKSHOP_HAS_RESULTS',
}

export class WorkshopException extends AppException {
  static notFound(field = 'id'): WorkshopException {
    return new WorkshopException(
      ErrorCode.NOT_FOUND,
      WorkshopExceptionReason.WORKSHOP_NOT_FOUND,
      'There is no such workshop',
      field,
    );
  }

  static hasResults(count: number): WorkshopException {
    return new WorkshopException(
      ErrorCode.CONFLICT,
      WorkshopExceptionReason.WORKSHOP_HAS_RESULTS,
      'Suggestions came from this workshop; it cannot be deleted',
      'id',
      { count },
    );
  }

  private constructor(
    code: ErrorCode,
    reason: WorkshopExceptionReason,
    message: string,
    field: string,
    params?: Record<string, string | number>,
  ) {
    super(code, reason, message, field, params);
  }
}
