import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum SignLanguageExceptionReason {
  INVALID_FIELD = 'INVALID_FIELD',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  FILE_TYPE_NOT_ALLOWED = 'FILE_TYPE_NOT_ALLOWED',
  /** An MP4 or WebM by its first bytes whose length cannot be read: damaged or not a video. */
  DURATION_UNREADABLE = 'DURATION_UNREADABLE',
  VIDEO_NOT_FOUND = 'VIDEO_NOT_FOUND',
}

export class SignLanguageException extends AppException {
  static invalid(field: string, message: string, params?: Record<string, string | number>) {
    return new SignLanguageException(
      ErrorCode.BAD_USER_INPUT,
      SignLanguageExceptionReason.INVALID_FIELD,
      message,
      field,
      params,
    );
  }

  static fileTooLarge(maxBytes: number): SignLanguageException {
    return new SignLanguageException(
      ErrorCode.BAD_USER_INPUT,
      SignLanguageExceptionReason.FILE_TOO_LARGE,
      'The video is too large',
      'file',
      { maxBytes },
    );
  }

  static fileTypeNotAllowed(type: string): SignLanguageException {
    return new SignLanguageException(
      ErrorCode.BAD_USER_INPUT,
      SignLanguageExceptionReason.FILE_TYPE_NOT_ALLOWED,
      'Only MP4 or WebM videos',
      'file',
      { type },
    );
  }

  static durationUnreadable(): SignLanguageException {
    return new SignLanguageException(
      ErrorCode.BAD_USER_INPUT,
      SignLanguageExceptionReason.DURATION_UNREADABLE,
      'The video does not say how long it runs; export it again as MP4 or WebM',
      'file',
    );
  }

  static notFound(): SignLanguageException {
    return new SignLanguageException(
      ErrorCode.NOT_FOUND,
      SignLanguageExceptionReason.VIDEO_NOT_FOUND,
      'No sign-language video has been uploaded yet',
    );
  }

  private constructor(
    code: ErrorCode,
    reason: SignLanguageExceptionReason,
    message: string,
    field?: string,
    params?: Record<string, string | number>,
  ) {
    super(code, reason, message, field, params);
  }
}
