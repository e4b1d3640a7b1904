import { AppException } from '../../core/errors/app.exception';
import { ErrorCode } from '../../core/errors/error-code';

export enum StatisticsExceptionReason {
  COHORT_OUT_OF_RANGE = 'COHORT_OUT_OF_RANGE',
}

/** Bad input to the network figures. */
export class StatisticsException extends AppException {
  static cohortOutOfRange(min: number, max: number): StatisticsException {
    return new StatisticsException(
      ErrorCode.BAD_USER_INPUT,
      StatisticsExceptionReason.COHORT_OUT_OF_RANGE,
      'A cohort is a joining year',
      'cohort',
      { min, max },
    );
  }
}
