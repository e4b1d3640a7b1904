/**
 * The codes a client can rely on in `extensions.code`. The web app translates
 * each into German and English; a new code must be added to its texts too.
 */
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  NOT_FOUND = 'NOT_FOUND',
  FORBIDDEN = 'FORBIDDEN',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  CONFLICT = 'CONFLICT',
  TOO_MANY_ATTEMPTS = 'TOO_MANY_ATTEMPTS',
  /** A service the request needs (search) is down; try again later. Nothing was lost. */
  SERVICE_UNAVAILABLE = 'SERVICE_UNAVAILABLE',
  INTERNAL_SERVER_ERROR = 'INTERNAL_SERVER_ERROR',
}
