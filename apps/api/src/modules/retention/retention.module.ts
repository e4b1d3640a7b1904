import { Module } from '@nestjs/common';
import { AuditRetentionJob } from './audit-retention.job';
import { FeedbackRetentionJob } from './feedback-retention.job';
import { RegistrationRetentionJob } from './registration-retention.job';
import { SignInRetentionJob } from './sign-in-retention.job';

/** The retention periods as scheduled jobs (each registers itself with the JobRegistry). */
@Module({
  providers: [
    RegistrationRetentionJob,
    SignInRetentionJob,
    AuditRetentionJob,
    FeedbackRetentionJob,
  ],
})
export class RetentionModule {}
