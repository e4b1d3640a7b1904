import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum MeasureExceptionReason {
  /** No measure with this id. */
  MEASURE_NOT_FOUND = 'MEASURE_NOT_FOUND',
  /** The model practice is unknown, not published, not visible to the caller or of the own city. */
  MODEL_PRACTICE_NOT_FOUND = 'MODEL_PRACTICE_NOT_FOUND',
  /** Only a measure with status DONE becomes a practice. */
  MEASURE_NOT_DONE = 'MEASURE_NOT_DONE',
  /** The measure already became a practice. */
  ALREADY_PRACTICE = 'ALREADY_PRACTICE',
  /** A measure that became a practice stays done. */
  STATUS_LOCKED = 'STATUS_LOCKED',
  /** The suggestion and the measure belong to different initiatives. */
  OTHER_INITIATIVE = 'OTHER_INITIATIVE',
  /** Exactly one of measureId and newMeasure. */
  CHOOSE_ONE_MEASURE = 'CHOOSE_ONE_MEASURE',
  /** The suggestion is linked to no measure. */
  NOT_LINKED = 'NOT_LINKED',
}

export class MeasureException extends AppException {
  static notFound(field = 'id'): MeasureException {
    return new MeasureException(
      ErrorCode.NOT_FOUND,
      MeasureExceptionReason.MEASURE_NOT_FOUND,
      'There is no such measure',
      field,
    );
  }

  static modelPracticeNotFound(field = 'practiceId'): MeasureException {
    return new MeasureException(
      ErrorCode.BAD_USER_INPUT,
      MeasureExceptionReason.MODEL_PRACTICE_NOT_FOUND,
      'Choose a published practice of another city',
      field,
    );
  }

  static notDone(): MeasureException {
    return new MeasureException(
      ErrorCode.CONFLICT,
      MeasureExceptionReason.MEASURE_NOT_DONE,
      'Only a done measure becomes a practice',
      'id',
    );
  }

  static alreadyPractice(): MeasureException {
    return new MeasureException(
      ErrorCode.CONFLICT,
      MeasureExceptionReason.ALREADY_PRACTICE,
      'This measure already became a practice',
      'id',
    );
  }

  static statusLocked(): MeasureException {
    return new MeasureException(
      ErrorCode.CONFLICT,
      MeasureExceptionReason.STATUS_LOCKED,
      'The measure became a practice and stays done',
      'input.status',
    );
  }

  static otherInitiative(field = 'input.measureId'): MeasureException {
    return new MeasureException(
      ErrorCode.BAD_USER_INPUT,
      MeasureExceptionReason.OTHER_INITIATIVE,
      'The measure belongs to another initiative',
      field,
    );
  }

  static chooseOne(): MeasureException {
    return new MeasureException(
      ErrorCode.BAD_USER_INPUT,
      MeasureExceptionReason.CHOOSE_ONE_MEASURE,
      'Choose a measure or describe a new one',
      'input.measureId',
    );
  }

  static notLinked(): MeasureException {
    return new MeasureException(
      ErrorCode.CONFLICT,
      MeasureExceptionReason.NOT_LINKED,
      'The suggestion is linked to no measure',
      'suggestionId',
    );
  }

  private constructor(
    code: ErrorCode,
    reason: MeasureExceptionReason,
    message: string,
    field: string | undefined,
  ) {
    super(code, reason, message, field);
  }
}
