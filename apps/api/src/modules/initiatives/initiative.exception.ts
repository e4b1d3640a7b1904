import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum InitiativeExceptionReason {
  /** No initiative with this slug in this city (or id). */
  INITIATIVE_NOT_FOUND = 'INITIATIVE_NOT_FOUND',
  /** The initiative takes no more suggestions. */
  INITIATIVE_CLOSED = 'INITIATIVE_CLOSED',
  /** The slug is taken in this city. */
  SLUG_TAKEN = 'SLUG_TAKEN',
  /** The action field is not one of the initiative's. */
  FIELD_NOT_FOUND = 'FIELD_NOT_FOUND',
  /** No suggestion with this id that the caller may see. */
  SUGGESTION_NOT_FOUND = 'SUGGESTION_NOT_FOUND',
  /** A text is empty or too long, a slug malformed, an e-mail invalid. */
  INVALID_VALUE = 'INVALID_VALUE',
  /** Contact details without the consent checkbox. */
  CONSENT_REQUIRED = 'CONSENT_REQUIRED',
  /** ANSWERED and NOT_PURSUED need a reason the resident sees. */
  REASON_REQUIRED = 'REASON_REQUIRED',
  /** The status cannot go there from where it is (e.g. a closed or withdrawn suggestion). */
  STATUS_NOT_ALLOWED = 'STATUS_NOT_ALLOWED',
  /** TAKEN_UP is set by takeUpSuggestion, which links the suggestion to a measure. */
  TAKE_UP_NEEDS_MEASURE = 'TAKE_UP_NEEDS_MEASURE',
  /** The spam check (ALTCHA proof-of-work) failed or was used before. */
  CHALLENGE_FAILED = 'CHALLENGE_FAILED',
  /** Too many suggestions from one address: wait retryAfterSeconds. */
  TOO_MANY_SUGGESTIONS = 'TOO_MANY_SUGGESTIONS',
  /** The follow link is unknown, revoked, or the suggestion cannot be withdrawn any more. */
  LINK_INVALID = 'LINK_INVALID',
  /** No steering-group member with this id. */
  STEERING_MEMBER_NOT_FOUND = 'STEERING_MEMBER_NOT_FOUND',
  /** A person named (steering group, field contact) is not a member of the city. */
  NOT_A_CITY_MEMBER = 'NOT_A_CITY_MEMBER',
  /** The initiative already has an action field of this name. */
  FIELD_NAME_TAKEN = 'FIELD_NAME_TAKEN',
  /** The action field has suggestions: it cannot be removed (rename it instead). */
  FIELD_IN_USE = 'FIELD_IN_USE',
  /** An initiative keeps at least one action field. */
  LAST_FIELD = 'LAST_FIELD',
  /** A sensitive field with suggestions stays sensitive: they were sent as never public. */
  SENSITIVE_LOCKED = 'SENSITIVE_LOCKED',
}

export class InitiativeException extends AppException {
  static notFound(field = 'slug'): InitiativeException {
    return new InitiativeException(
      ErrorCode.NOT_FOUND,
      InitiativeExceptionReason.INITIATIVE_NOT_FOUND,
      'There is no such initiative in this city',
      field,
    );
  }

  static closed(): InitiativeException {
    return new InitiativeException(
      ErrorCode.CONFLICT,
      InitiativeExceptionReason.INITIATIVE_CLOSED,
      'This initiative takes no more suggestions',
      'initiativeSlug',
    );
  }

  static slugTaken(): InitiativeException {
    return new InitiativeException(
      ErrorCode.CONFLICT,
      InitiativeExceptionReason.SLUG_TAKEN,
      'The city already has an initiative with this address',
      'input.slug',
    );
  }

  static fieldNotFound(field = 'input.fieldId'): InitiativeException {
    return new InitiativeException(
      ErrorCode.BAD_USER_INPUT,
      InitiativeExceptionReason.FIELD_NOT_FOUND,
      'This action field does not belong to the initiative',
      field,
    );
  }

  static suggestionNotFound(field = 'id'): InitiativeException {
    return new InitiativeException(
      ErrorCode.NOT_FOUND,
      InitiativeExceptionReason.SUGGESTION_NOT_FOUND,
      'There is no such suggestion that you may see',
      field,
    );
  }

  static invalid(field: string, message: string): InitiativeException {
    return new InitiativeException(
      ErrorCode.BAD_USER_INPUT,
      InitiativeExceptionReason.INVALID_VALUE,
      message,
      field,
    );
  }

  static consentRequired(): InitiativeException {
    return new InitiativeException(
      ErrorCode.BAD_USER_INPUT,
      InitiativeExceptionReason.CONSENT_REQUIRED,
      'Contact details are stored only with consent',
      'input.contactConsent',
    );
  }

  static reasonRequired(): InitiativeException {
    return new InitiativeException(
      ErrorCode.BAD_USER_INPUT,
      InitiativeExceptionReason.REASON_REQUIRED,
      'Give the reason the resident will see',
      'input.reason',
    );
  }

  static statusNotAllowed(field = 'input.status'): InitiativeException {
    return new InitiativeException(
      ErrorCode.CONFLICT,
      InitiativeExceptionReason.STATUS_NOT_ALLOWED,
      'The suggestion cannot change to this status from where it is',
      field,
    );
  }

  static takeUpNeedsMeasure(): InitiativeException {
    return new InitiativeException(
      ErrorCode.BAD_USER_INPUT,
      InitiativeExceptionReason.TAKE_UP_NEEDS_MEASURE,
      'A suggestion is taken up into a measure: use takeUpSuggestion',
      'input.status',
    );
  }

  static challengeFailed(): InitiativeException {
    return new InitiativeException(
      ErrorCode.BAD_USER_INPUT,
      InitiativeExceptionReason.CHALLENGE_FAILED,
      'The spam check failed; please send again',
      'input.altcha',
    );
  }

  static tooManySuggestions(retryAfterSeconds: number): InitiativeException {
    return new InitiativeException(
      ErrorCode.TOO_MANY_ATTEMPTS,
      InitiativeExceptionReason.TOO_MANY_SUGGESTIONS,
      'Many suggestions came from your address; please wait a moment and send again',
      undefined,
      { retryAfterSeconds },
    );
  }

  static linkInvalid(): InitiativeException {
    return new InitiativeException(
      ErrorCode.NOT_FOUND,
      InitiativeExceptionReason.LINK_INVALID,
      'This link is unknown or no longer valid',
      'token',
    );
  }

  static steeringMemberNotFound(field = 'id'): InitiativeException {
    return new InitiativeException(
      ErrorCode.NOT_FOUND,
      InitiativeExceptionReason.STEERING_MEMBER_NOT_FOUND,
      'There is no such steering-group member',
      field,
    );
  }

  static notACityMember(field: string): InitiativeException {
    return new InitiativeException(
      ErrorCode.BAD_USER_INPUT,
      InitiativeExceptionReason.NOT_A_CITY_MEMBER,
      'Only members of the city can be named here',
      field,
    );
  }

  static fieldNameTaken(field: string): InitiativeException {
    return new InitiativeException(
      ErrorCode.CONFLICT,
      InitiativeExceptionReason.FIELD_NAME_TAKEN,
      'The initiative already has an action field of this name',
      field,
    );
  }

  static fieldInUse(): InitiativeException {
    return new InitiativeException(
      ErrorCode.CONFLICT,
      InitiativeExceptionReason.FIELD_IN_USE,
      'The action field has suggestions; rename it instead of removing it',
      'id',
    );
  }

  static lastField(): InitiativeException {
    return new InitiativeException(
      ErrorCode.CONFLICT,
      InitiativeExceptionReason.LAST_FIELD,
      'An initiative keeps at least one action field',
      'id',
    );
  }

  static sensitiveLocked(): InitiativeException {
    return new InitiativeException(
      ErrorCode.CONFLICT,
      InitiativeExceptionReason.SENSITIVE_LOCKED,
      'Suggestions were sent to this field as never public; it stays sensitive',
      'input.sensitive',
    );
  }

  private constructor(
    code: ErrorCode,
    reason: InitiativeExceptionReason,
    message: string,
    field: string | undefined,
    params?: Record<string, string | number>,
  ) {
    super(code, reason, message, field, params);
  }
}
