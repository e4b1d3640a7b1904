import { Module } from '@nestjs/common';
import { CitiesModule } from '../cities/cities.module';
import { ConferencesModule } from '../conferences/conferences.module';
import { MembershipsModule } from '../memberships/memberships.module';
import { PracticesModule } from '../practices/practices.module';
import { TandemsModule } from '../tandems/tandems.module';
import { WorkspaceResolver, WorkspaceTandemResolver } from './workspace.resolver';
import { WorkspaceService } from './workspace.service';

/** A city's workspace for its members: composed from the other features' services. */
@Module({
  imports: [CitiesModule, PracticesModule, TandemsModule, ConferencesModule, MembershipsModule],
  providers: [WorkspaceService, WorkspaceResolver, WorkspaceTandemResolver],
})
export class WorkspaceModule {}
