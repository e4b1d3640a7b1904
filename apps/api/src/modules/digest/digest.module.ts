import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { DigestUnsubscribeController } from './digest-unsubscribe.controller';
import { DigestJob } from './digest.job';
import { DigestResolver } from './digest.resolver';
import { DigestService } from './digest.service';

@Module({
  imports: [MailModule],
  controllers: [DigestUnsubscribeController],
  providers: [DigestJob, DigestService, DigestResolver],
})
export class DigestModule {}
