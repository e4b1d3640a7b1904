import { ErrorCode } from './error-code';

/**
 * Base of every typed error a feature raises. `reason` is a stable, feature-level
 * detail (e.g. `PAGE_SIZE_TOO_LARGE`), `field` the input path it concerns.
 */
export abstract class AppException extends Error {
  protected constructor(
    readonly code: ErrorCode,
    readonly reason: string,
    message: string,
    readonly field?: string,
    readonly params?: Record<string, string | number>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export enum InputExceptionReason {
  PAGE_SIZE_TOO_LARGE = 'PAGE_SIZE_TOO_LARGE',
  PAGE_SIZE_TOO_SMALL = 'PAGE_SIZE_TOO_SMALL',
  MALFORMED_CURSOR = 'MALFORMED_CURSOR',
  INVALID_VALUE = 'INVALID_VALUE',
  /** A NUL or a lone UTF-16 surrogate (core/validation/text.ts). */
  INVALID_CHARACTERS = 'INVALID_CHARACTERS',
}

/** Input that no feature would accept, such as a page size beyond the limit. */
export class InputException extends AppException {
  constructor(
    reason: InputExceptionReason,
    message: string,
    field: string,
    params?: Record<string, string | number>,
  ) {
    super(ErrorCode.BAD_USER_INPUT, reason, message, field, params);
  }
}
