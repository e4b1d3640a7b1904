import { Module } from '@nestjs/common';
import { CitiesModule } from '../cities/cities.module';
import { TopicsModule } from '../topics/topics.module';
import { UsersModule } from '../users/users.module';
import { CityLogoController } from './city-logo.controller';
import { CityProfileResolver, CityProfileRevisionResolver } from './city-profile.resolver';
import { CityProfileService } from './city-profile.service';

/** City profiles: what a city's coordinators publish about it, with its history. */
@Module({
  imports: [CitiesModule, TopicsModule, UsersModule],
  controllers: [CityLogoController],
  providers: [CityProfileService, CityProfileResolver, CityProfileRevisionResolver],
})
export class CityProfilesModule {}
