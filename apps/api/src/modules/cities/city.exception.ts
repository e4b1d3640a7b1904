import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum CityExceptionReason {
  UNKNOWN_FEDERAL_STATE = 'UNKNOWN_FEDERAL_STATE',
  JOINED_YEAR_OUT_OF_RANGE = 'JOINED_YEAR_OUT_OF_RANGE',
  SEARCH_TOO_LONG = 'SEARCH_TOO_LONG',
  UNKNOWN_CITY = 'UNKNOWN_CITY',
}

export class CityException extends AppException {
  constructor(
    reason: CityExceptionReason,
    message: string,
    field: string,
    params?: Record<string, string | number>,
    notFound = false,
  ) {
    super(
      notFound ? ErrorCode.NOT_FOUND : ErrorCode.BAD_USER_INPUT,
      reason,
      message,
      field,
      params,
    );
  }
}
