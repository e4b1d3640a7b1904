import { Module } from '@nestjs/common';
import { TerminusModule } from '@nestjs/terminus';
import { HealthController } from './health.controller';
import { MigrationState } from './readiness';

@Module({ imports: [TerminusModule], controllers: [HealthController], providers: [MigrationState] })
export class HealthModule {}
