import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum MailExceptionReason {
  LOOPBACK_ONLY = 'LOOPBACK_ONLY',
}

export class MailException extends AppException {
  static loopbackOnly(): MailException {
    return new MailException(
      ErrorCode.FORBIDDEN,
      MailExceptionReason.LOOPBACK_ONLY,
      'The development outbox answers only requests from this machine (loopback)',
    );
  }

  private constructor(code: ErrorCode, reason: MailExceptionReason, message: string) {
    super(code, reason, message);
  }
}
