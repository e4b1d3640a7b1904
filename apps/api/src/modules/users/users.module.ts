import { Module } from '@nestjs/common';
import { CitiesModule } from '../cities/cities.module';
import { PersonResolver } from './person.resolver';
import { UsersService } from './users.service';

@Module({
  imports: [CitiesModule],
  providers: [UsersService, PersonResolver],
  exports: [UsersService],
})
export class UsersModule {}
