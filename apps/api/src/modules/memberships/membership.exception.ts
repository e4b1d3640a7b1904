import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum MembershipExceptionReason {
  MEMBERSHIP_NOT_FOUND = 'MEMBERSHIP_NOT_FOUND',
  INVITATION_NOT_FOUND = 'INVITATION_NOT_FOUND',
  ALREADY_MEMBER = 'ALREADY_MEMBER',
  LAST_COORDINATOR = 'LAST_COORDINATOR',
  INVITATION_NOT_PENDING = 'INVITATION_NOT_PENDING',
}

export class MembershipException extends AppException {
  static notFound(field: string): MembershipException {
    return new MembershipException(
      ErrorCode.NOT_FOUND,
      MembershipExceptionReason.MEMBERSHIP_NOT_FOUND,
      'No such membership',
      field,
    );
  }

  static invitationNotFound(field: string): MembershipException {
    return new MembershipException(
      ErrorCode.NOT_FOUND,
      MembershipExceptionReason.INVITATION_NOT_FOUND,
      'No such invitation',
      field,
    );
  }

  static alreadyMember(field: string): MembershipException {
    return new MembershipException(
      ErrorCode.CONFLICT,
      MembershipExceptionReason.ALREADY_MEMBER,
      'This person already belongs to the city',
      field,
    );
  }

  static lastCoordinator(field: string): MembershipException {
    return new MembershipException(
      ErrorCode.CONFLICT,
      MembershipExceptionReason.LAST_COORDINATOR,
      'A city keeps at least one coordinator',
      field,
    );
  }

  static notPending(field: string, status: string): MembershipException {
    return new MembershipException(
      ErrorCode.CONFLICT,
      MembershipExceptionReason.INVITATION_NOT_PENDING,
      `This invitation is ${status.toLowerCase()}`,
      field,
      { status },
    );
  }

  private constructor(
    code: ErrorCode,
    reason: MembershipExceptionReason,
    message: string,
    field: string,
    params?: Record<string, string>,
  ) {
    super(code, reason, message, field, params);
  }
}
