import { Module } from '@nestjs/common';
import { MulterModule } from '@nestjs/platform-express';
import type { AppConfig } from '../../core/config/config';
import { APP_CONFIG } from '../../core/config/config.module';
import { AuditModule } from '../audit/audit.module';
import { SignLanguageVideoController } from './sign-language-video.controller';
import { SignLanguageResolver } from './sign-language.resolver';
import { SignLanguageService } from './sign-language.service';

/** The sign-language (DGS) video of the network (BITV 2.0 § 4). */
@Module({
  imports: [
    AuditModule,
    MulterModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({
        limits: { fileSize: config.signLanguageVideoMaxBytes + 1, files: 1 },
      }),
    }),
  ],
  controllers: [SignLanguageVideoController],
  providers: [SignLanguageService, SignLanguageResolver],
})
export class SignLanguageModule {}
