import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum PracticeExceptionReason {
  PRACTICE_NOT_FOUND = 'PRACTICE_NOT_FOUND',
  REVISION_NOT_FOUND = 'REVISION_NOT_FOUND',
  ATTACHMENT_NOT_FOUND = 'ATTACHMENT_NOT_FOUND',
  INVALID_FIELD = 'INVALID_FIELD',
  UNKNOWN_TOPIC = 'UNKNOWN_TOPIC',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  STALE_REVISION = 'STALE_REVISION',
  NEEDS_COORDINATOR = 'NEEDS_COORDINATOR',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  FILE_TYPE_NOT_ALLOWED = 'FILE_TYPE_NOT_ALLOWED',
  TOO_MANY_ATTACHMENTS = 'TOO_MANY_ATTACHMENTS',
}

export class PracticeException extends AppException {
  static notFound(field = 'id'): PracticeException {
    return new PracticeException(
      ErrorCode.NOT_FOUND,
      PracticeExceptionReason.PRACTICE_NOT_FOUND,
      'No such practice',
      field,
    );
  }

  static revisionNotFound(field: string): PracticeException {
    return new PracticeException(
      ErrorCode.NOT_FOUND,
      PracticeExceptionReason.REVISION_NOT_FOUND,
      'No such revision',
      field,
    );
  }

  static attachmentNotFound(field: string): PracticeException {
    return new PracticeException(
      ErrorCode.NOT_FOUND,
      PracticeExceptionReason.ATTACHMENT_NOT_FOUND,
      'No such attachment',
      field,
    );
  }

  static invalid(
    field: string,
    message: string,
    params?: Record<string, string | number>,
  ): PracticeException {
    return new PracticeException(
      ErrorCode.BAD_USER_INPUT,
      PracticeExceptionReason.INVALID_FIELD,
      message,
      field,
      params,
    );
  }

  static unknownTopic(field: string, slug: string): PracticeException {
    return new PracticeException(
      ErrorCode.BAD_USER_INPUT,
      PracticeExceptionReason.UNKNOWN_TOPIC,
      `Unknown topic ${slug}`,
      field,
      { slug },
    );
  }

  static invalidTransition(from: string, to: string): PracticeException {
    return new PracticeException(
      ErrorCode.CONFLICT,
      PracticeExceptionReason.INVALID_TRANSITION,
      `A ${from.toLowerCase()} practice cannot become ${to.toLowerCase()}`,
      'id',
      { from, to },
    );
  }

  static stale(current: number): PracticeException {
    return new PracticeException(
      ErrorCode.CONFLICT,
      PracticeExceptionReason.STALE_REVISION,
      'Someone saved this practice in the meantime; reload and apply your changes again',
      'input.expectedRevision',
      { current },
    );
  }

  static needsCoordinator(): PracticeException {
    return new PracticeException(
      ErrorCode.FORBIDDEN,
      PracticeExceptionReason.NEEDS_COORDINATOR,
      'Only a coordinator of the city may do this',
      'id',
    );
  }

  static fileTooLarge(maxBytes: number): PracticeException {
    return new PracticeException(
      ErrorCode.BAD_USER_INPUT,
      PracticeExceptionReason.FILE_TOO_LARGE,
      'The file is too large',
      'file',
      { maxBytes },
    );
  }

  static fileTypeNotAllowed(type: string): PracticeException {
    return new PracticeException(
      ErrorCode.BAD_USER_INPUT,
      PracticeExceptionReason.FILE_TYPE_NOT_ALLOWED,
      'Only PDF, images and office documents can be attached',
      'file',
      { type },
    );
  }

  static tooManyAttachments(max: number): PracticeException {
    return new PracticeException(
      ErrorCode.CONFLICT,
      PracticeExceptionReason.TOO_MANY_ATTACHMENTS,
      'Too many attachments',
      'file',
      { max },
    );
  }

  private constructor(
    code: ErrorCode,
    reason: PracticeExceptionReason,
    message: string,
    field: string,
    params?: Record<string, string | number>,
  ) {
    super(code, reason, message, field, params);
  }
}
