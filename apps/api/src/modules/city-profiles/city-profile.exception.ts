import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum CityProfileExceptionReason {
  INVALID_FIELD = 'INVALID_FIELD',
  UNKNOWN_TOPIC = 'UNKNOWN_TOPIC',
  STALE_REVISION = 'STALE_REVISION',
  FILE_TOO_LARGE = 'FILE_TOO_LARGE',
  FILE_TYPE_NOT_ALLOWED = 'FILE_TYPE_NOT_ALLOWED',
  LOGO_NOT_FOUND = 'LOGO_NOT_FOUND',
}

export class CityProfileException extends AppException {
  static invalid(
    field: string,
    message: string,
    params?: Record<string, string | number>,
  ): CityProfileException {
    return new CityProfileException(
      ErrorCode.BAD_USER_INPUT,
      CityProfileExceptionReason.INVALID_FIELD,
      message,
      field,
      params,
    );
  }

  static unknownTopic(field: string, slug: string): CityProfileException {
    return new CityProfileException(
      ErrorCode.BAD_USER_INPUT,
      CityProfileExceptionReason.UNKNOWN_TOPIC,
      `Unknown topic ${slug}`,
      field,
      { slug },
    );
  }

  static stale(current: number, field = 'input.expectedRevision'): CityProfileException {
    return new CityProfileException(
      ErrorCode.CONFLICT,
      CityProfileExceptionReason.STALE_REVISION,
      'Someone saved this profile in the meantime; reload and apply your changes again',
      field,
      { current },
    );
  }

  static fileTooLarge(maxBytes: number): CityProfileException {
    return new CityProfileException(
      ErrorCode.BAD_USER_INPUT,
      CityProfileExceptionReason.FILE_TOO_LARGE,
      'The logo is too large',
      'file',
      { maxBytes },
    );
  }

  static fileTypeNotAllowed(type: string): CityProfileException {
    return new CityProfileException(
      ErrorCode.BAD_USER_INPUT,
      CityProfileExceptionReason.FILE_TYPE_NOT_ALLOWED,
      'A logo must be a PNG, JPEG or WebP image',
      'file',
      { type },
    );
  }

  static logoNotFound(): CityProfileException {
    return new CityProfileException(
      ErrorCode.NOT_FOUND,
      CityProfileExceptionReason.LOGO_NOT_FOUND,
      'This city has no logo',
      'slug',
    );
  }

  private constructor(
    code: ErrorCode,
    reason: CityProfileExceptionReason,
    message: string,
    field: string,
    params?: Record<string, string | number>,
  ) {
    super(code, reason, message, field, params);
  }
}
