import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum FollowExceptionReason {
  /** Nothing of that kind with that id that the caller may see. */
  TARGET_NOT_FOUND = 'TARGET_NOT_FOUND',
  /** The id is not a UUID. */
  INVALID_ID = 'INVALID_ID',
}

export class FollowException extends AppException {
  static targetNotFound(): FollowException {
    return new FollowException(
      ErrorCode.NOT_FOUND,
      FollowExceptionReason.TARGET_NOT_FOUND,
      'There is nothing of this kind with this id that you may see',
      'targetId',
    );
  }

  static invalidId(): FollowException {
    return new FollowException(
      ErrorCode.BAD_USER_INPUT,
      FollowExceptionReason.INVALID_ID,
      'The id is not valid',
      'targetId',
    );
  }

  private constructor(
    code: ErrorCode,
    reason: FollowExceptionReason,
    message: string,
    field: string,
  ) {
    super(code, reason, message, field);
  }
}
