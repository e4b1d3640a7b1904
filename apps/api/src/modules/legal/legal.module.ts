import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { AccessibilityFeedbackService } from './accessibility-feedback.service';
import { LegalController } from './legal.controller';
import { LegalResolver } from './legal.resolver';

/** Impressum and privacy data, the register of processing activities, accessibility feedback. */
@Module({
  imports: [MailModule],
  controllers: [LegalController],
  providers: [LegalResolver, AccessibilityFeedbackService],
})
export class LegalModule {}
