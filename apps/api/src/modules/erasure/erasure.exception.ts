import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum ErasureExceptionReason {
  ACCOUNT_NOT_FOUND = 'ACCOUNT_NOT_FOUND',
  REASON_REQUIRED = 'REASON_REQUIRED',
  REASON_TOO_LONG = 'REASON_TOO_LONG',
}

/** Refusals of an erasure (LAST_COORDINATOR is the memberships' own, reused). */
export class ErasureException extends AppException {
  static accountNotFound(field: string): ErasureException {
    return new ErasureException(
      ErrorCode.NOT_FOUND,
      ErasureExceptionReason.ACCOUNT_NOT_FOUND,
      'No such account (or it is erased already)',
      field,
    );
  }

  static reasonRequired(field: string): ErasureException {
    return new ErasureException(
      ErrorCode.BAD_USER_INPUT,
      ErasureExceptionReason.REASON_REQUIRED,
      'Say why the account is erased (e.g. the request it carries out)',
      field,
    );
  }

  static reasonTooLong(field: string, max: number): ErasureException {
    return new ErasureException(
      ErrorCode.BAD_USER_INPUT,
      ErasureExceptionReason.REASON_TOO_LONG,
      `The reason may have at most ${max} characters`,
      field,
      { max },
    );
  }

  private constructor(
    code: ErrorCode,
    reason: ErasureExceptionReason,
    message: string,
    field: string,
    params?: Record<string, string | number>,
  ) {
    super(code, reason, message, field, params);
  }
}
