import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum ConferenceExceptionReason {
  CONFERENCE_NOT_FOUND = 'CONFERENCE_NOT_FOUND',
  SESSION_NOT_FOUND = 'SESSION_NOT_FOUND',
  REGISTRATION_NOT_FOUND = 'REGISTRATION_NOT_FOUND',
  INVALID_FIELD = 'INVALID_FIELD',
  INVALID_TIME = 'INVALID_TIME',
  OUTSIDE_CONFERENCE = 'OUTSIDE_CONFERENCE',
  ROOM_TAKEN = 'ROOM_TAKEN',
  INVALID_TRANSITION = 'INVALID_TRANSITION',
  REGISTRATION_CLOSED = 'REGISTRATION_CLOSED',
  ALREADY_REGISTERED = 'ALREADY_REGISTERED',
  PRACTICE_NOT_FOUND = 'PRACTICE_NOT_FOUND',
  STALE_REVISION = 'STALE_REVISION',
  /** The accepted split offer is gone: fewer places are free now (params.freePlaces). */
  SEATS_TAKEN = 'SEATS_TAKEN',
  /** Confirming would exceed the capacity (params.freePlaces); raise it first. */
  CAPACITY_EXCEEDED = 'CAPACITY_EXCEEDED',
  /** Already first (moving up) or last (moving down) in the waitlist. */
  WAITLIST_EDGE = 'WAITLIST_EDGE',
  /** Only a FINAL record can be made public. */
  RECORD_NOT_FINAL = 'RECORD_NOT_FINAL',
}

export class ConferenceException extends AppException {
  static notFound(
    field = 'id',
    reason = ConferenceExceptionReason.CONFERENCE_NOT_FOUND,
  ): ConferenceException {
    return new ConferenceException(ErrorCode.NOT_FOUND, reason, 'Not found', field);
  }

  static invalid(
    field: string,
    message: string,
    reason = ConferenceExceptionReason.INVALID_FIELD,
  ): ConferenceException {
    return new ConferenceException(ErrorCode.BAD_USER_INPUT, reason, message, field);
  }

  static conflict(
    reason: ConferenceExceptionReason,
    message: string,
    field: string,
    params?: Record<string, string>,
  ): ConferenceException {
    return new ConferenceException(ErrorCode.CONFLICT, reason, message, field, params);
  }

  private constructor(
    code: ErrorCode,
    reason: ConferenceExceptionReason,
    message: string,
    field: string,
    params?: Record<string, string>,
  ) {
    super(code, reason, message, field, params);
  }
}
