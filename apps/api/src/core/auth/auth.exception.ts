import { AppException } from '../errors/app.exception';
import { ErrorCode } from '../errors/error-code';

export enum AuthExceptionReason {
  SIGN_IN_REQUIRED = 'SIGN_IN_REQUIRED',
  NOT_ALLOWED = 'NOT_ALLOWED',
  NO_ACCESS_RULE = 'NO_ACCESS_RULE',
  INVALID_CREDENTIALS = 'INVALID_CREDENTIALS',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  INVALID_TOKEN = 'INVALID_TOKEN',
  WEAK_PASSWORD = 'WEAK_PASSWORD',
  INVALID_EMAIL = 'INVALID_EMAIL',
  INVALID_INPUT = 'INVALID_INPUT',
  /** A signed-in state-changing HTTP request from another site (core/auth/csrf.guard.ts). */
  CROSS_SITE_REQUEST = 'CROSS_SITE_REQUEST',
}

export class AuthException extends AppException {
  static signInRequired(): AuthException {
    return new AuthException(
      ErrorCode.UNAUTHENTICATED,
      AuthExceptionReason.SIGN_IN_REQUIRED,
      'You need to sign in',
    );
  }

  static forbidden(message = 'You may not do this'): AuthException {
    return new AuthException(ErrorCode.FORBIDDEN, AuthExceptionReason.NOT_ALLOWED, message);
  }

  static invalidCredentials(): AuthException {
    // One answer for unknown e-mail and wrong password: no user enumeration.
    return new AuthException(
      ErrorCode.UNAUTHENTICATED,
      AuthExceptionReason.INVALID_CREDENTIALS,
      'E-mail or password is wrong',
      'input.password',
    );
  }

  static wrongCurrentPassword(field = 'input.currentPassword'): AuthException {
    return new AuthException(
      ErrorCode.BAD_USER_INPUT,
      AuthExceptionReason.INVALID_CREDENTIALS,
      'The current password is wrong',
      field,
    );
  }

  static tooManyAttempts(retryAfterSeconds: number): AuthException {
    return new AuthException(
      ErrorCode.TOO_MANY_ATTEMPTS,
      AuthExceptionReason.TOO_MANY_ATTEMPTS,
      'Too many failed attempts; try again later',
      undefined,
      { retryAfterSeconds },
    );
  }

  static invalidToken(field: string): AuthException {
    return new AuthException(
      ErrorCode.BAD_USER_INPUT,
      AuthExceptionReason.INVALID_TOKEN,
      'This link is invalid or has expired',
      field,
    );
  }

  static weakPassword(field: string, rule: string): AuthException {
    return new AuthException(
      ErrorCode.BAD_USER_INPUT,
      AuthExceptionReason.WEAK_PASSWORD,
      `Password too weak: ${rule}`,
      field,
      {
        rule,
      },
    );
  }

  static invalidEmail(field: string): AuthException {
    return new AuthException(
      ErrorCode.BAD_USER_INPUT,
      AuthExceptionReason.INVALID_EMAIL,
      'This is not a valid e-mail address',
      field,
    );
  }

  static invalidInput(field: string, message: string): AuthException {
    return new AuthException(
      ErrorCode.BAD_USER_INPUT,
      AuthExceptionReason.INVALID_INPUT,
      message,
      field,
    );
  }

  constructor(
    code: ErrorCode,
    reason: AuthExceptionReason,
    message: string,
    field?: string,
    params?: Record<string, string | number>,
  ) {
    super(code, reason, message, field, params);
  }
}
