import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum TandemExceptionReason {
  TANDEM_NOT_FOUND = 'TANDEM_NOT_FOUND',
  NOTE_NOT_FOUND = 'NOTE_NOT_FOUND',
  SAME_CITY = 'SAME_CITY',
  PAIR_ALREADY_OPEN = 'PAIR_ALREADY_OPEN',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  ALREADY_ACCEPTED = 'ALREADY_ACCEPTED',
  TANDEM_NOT_ACTIVE = 'TANDEM_NOT_ACTIVE',
  INVALID_FIELD = 'INVALID_FIELD',
}

export class TandemException extends AppException {
  static notFound(field = 'id'): TandemException {
    return new TandemException(
      ErrorCode.NOT_FOUND,
      TandemExceptionReason.TANDEM_NOT_FOUND,
      'No such tandem',
      field,
    );
  }

  static noteNotFound(field = 'id'): TandemException {
    return new TandemException(
      ErrorCode.NOT_FOUND,
      TandemExceptionReason.NOTE_NOT_FOUND,
      'No such note',
      field,
    );
  }

  static sameCity(): TandemException {
    return new TandemException(
      ErrorCode.BAD_USER_INPUT,
      TandemExceptionReason.SAME_CITY,
      'A city cannot pair with itself',
      'input.partnerCitySlug',
    );
  }

  static pairAlreadyOpen(): TandemException {
    return new TandemException(
      ErrorCode.CONFLICT,
      TandemExceptionReason.PAIR_ALREADY_OPEN,
      'These two cities already have a proposed or active tandem',
      'input.partnerCitySlug',
    );
  }

  static invalidTransition(from: string, to: string): TandemException {
    return new TandemException(
      ErrorCode.CONFLICT,
      TandemExceptionReason.INVALID_TRANSITION,
      `A ${from.toLowerCase()} tandem cannot become ${to.toLowerCase()}`,
      'id',
      { from, to },
    );
  }

  static alreadyAccepted(): TandemException {
    return new TandemException(
      ErrorCode.CONFLICT,
      TandemExceptionReason.ALREADY_ACCEPTED,
      'Your city has already accepted',
      'id',
    );
  }

  static notActive(): TandemException {
    return new TandemException(
      ErrorCode.CONFLICT,
      TandemExceptionReason.TANDEM_NOT_ACTIVE,
      'Notes can be added to active tandems only',
      'input.tandemId',
    );
  }

  static invalid(field: string, message: string): TandemException {
    return new TandemException(
      ErrorCode.BAD_USER_INPUT,
      TandemExceptionReason.INVALID_FIELD,
      message,
      field,
    );
  }

  private constructor(
    code: ErrorCode,
    reason: TandemExceptionReason,
    message: string,
    field: string,
    params?: Record<string, string>,
  ) {
    super(code, reason, message, field, params);
  }
}
