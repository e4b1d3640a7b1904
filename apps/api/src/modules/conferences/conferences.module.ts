import { Module } from '@nestjs/common';
import { CitiesModule } from '../cities/cities.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { ConferenceFilesController } from './conference-files.controller';
import {
  AgendaSessionResolver,
  ConferenceResolver,
  RegistrationResolver,
} from './conference.resolver';
import { ConferenceService } from './conference.service';

@Module({
  imports: [CitiesModule, NotificationsModule],
  controllers: [ConferenceFilesController],
  providers: [ConferenceService, ConferenceResolver, RegistrationResolver, AgendaSessionResolver],
})
export class ConferencesModule {}
