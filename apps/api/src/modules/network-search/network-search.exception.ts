import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum NetworkSearchExceptionReason {
  QUERY_EMPTY = 'QUERY_EMPTY',
  QUERY_TOO_LONG = 'QUERY_TOO_LONG',
  NO_KINDS = 'NO_KINDS',
}

/** Bad input to the one search box (`search`). */
export class NetworkSearchException extends AppException {
  static queryEmpty(): NetworkSearchException {
    return new NetworkSearchException(
      ErrorCode.BAD_USER_INPUT,
      NetworkSearchExceptionReason.QUERY_EMPTY,
      'Enter a word to search for',
      'query',
    );
  }

  static queryTooLong(max: number): NetworkSearchException {
    return new NetworkSearchException(
      ErrorCode.BAD_USER_INPUT,
      NetworkSearchExceptionReason.QUERY_TOO_LONG,
      'the search text is too long',
      'query',
      { max },
    );
  }

  static noKinds(): NetworkSearchException {
    return new NetworkSearchException(
      ErrorCode.BAD_USER_INPUT,
      NetworkSearchExceptionReason.NO_KINDS,
      'Name at least one kind to search, or leave kinds out for all',
      'kinds',
    );
  }
}
