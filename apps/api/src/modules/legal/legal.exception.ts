import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum LegalExceptionReason {
  MESSAGE_MISSING = 'MESSAGE_MISSING',
  TOO_LONG = 'TOO_LONG',
  INVALID_EMAIL = 'INVALID_EMAIL',
  INVALID_LOCALE = 'INVALID_LOCALE',
  TOO_MANY_FEEDBACKS = 'TOO_MANY_FEEDBACKS',
}

export class LegalException extends AppException {
  constructor(
    reason: LegalExceptionReason,
    message: string,
    field?: string,
    params?: Record<string, string | number>,
  ) {
    super(
      reason === LegalExceptionReason.TOO_MANY_FEEDBACKS
        ? ErrorCode.TOO_MANY_ATTEMPTS
        : ErrorCode.BAD_USER_INPUT,
      reason,
      message,
      field,
      params,
    );
  }
}
