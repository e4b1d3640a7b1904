import { Module } from '@nestjs/common';
import { TopicsModule } from '../topics/topics.module';
import { CityResolver } from './city.resolver';
import { CityService } from './city.service';

@Module({ imports: [TopicsModule], providers: [CityService, CityResolver], exports: [CityService] })
export class CitiesModule {}
