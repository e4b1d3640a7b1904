import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum DigestExceptionReason {
  /** No digest was sent with this unsubscribe token. */
  INVALID_UNSUBSCRIBE_TOKEN = 'INVALID_UNSUBSCRIBE_TOKEN',
}

export class DigestException extends AppException {
  static invalidUnsubscribeToken(): DigestException {
    return new DigestException(
      ErrorCode.NOT_FOUND,
      DigestExceptionReason.INVALID_UNSUBSCRIBE_TOKEN,
      'This unsubscribe link is not valid',
      'token',
    );
  }

  private constructor(
    code: ErrorCode,
    reason: DigestExceptionReason,
    message: string,
    field: string,
  ) {
    super(code, reason, message, field);
  }
}
