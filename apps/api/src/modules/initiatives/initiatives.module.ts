import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { CitiesModule } from '../cities/cities.module';
import { PracticesModule } from '../practices/practices.module';
import { InitiativeAdminResolver } from './initiative-admin.resolver';
import { InitiativeAdminService } from './initiative-admin.service';
import { InitiativeResolver } from './initiative.resolver';
import { InitiativeService } from './initiative.service';
import { MeasureFiguresService } from './measure-figures.service';
import { MeasurePracticeService } from './measure-practice.service';
import {
  FollowedSuggestionMeasureResolver,
  InitiativeFiguresResolver,
  MeasureResolver,
  QueueSuggestionMeasureResolver,
} from './measure.resolver';
import { MeasureService } from './measure.service';
import { SuggestionContactRetentionJob } from './suggestion-contact-retention.job';
import { SuggestionGuard } from './suggestion-guard.service';
import { SuggestionQueueService } from './suggestion-queue.service';
import { SuggestionResolver } from './suggestion.resolver';
import { SuggestionService } from './suggestion.service';
import { InitiativeWorkshopsResolver, WorkshopResolver } from './workshop.resolver';
import { WorkshopService } from './workshop.service';

/**
 * Issue 14: a city's local initiative. Workshops, measures and the transparency counts
 * come later as services of their own next to these (workshop.service.ts, measure.service.ts).
 */
@Module({
  imports: [CitiesModule, AuditModule, PracticesModule],
  providers: [
    InitiativeService,
    InitiativeResolver,
    InitiativeAdminService,
    InitiativeAdminResolver,
    SuggestionGuard,
    SuggestionService,
    SuggestionQueueService,
    SuggestionResolver,
    SuggestionContactRetentionJob,
    MeasureService,
    MeasurePracticeService,
    MeasureFiguresService,
    MeasureResolver,
    InitiativeFiguresResolver,
    QueueSuggestionMeasureResolver,
    FollowedSuggestionMeasureResolver,
    WorkshopService,
    WorkshopResolver,
    InitiativeWorkshopsResolver,
  ],
  exports: [InitiativeService],
})
export class InitiativesModule {}
