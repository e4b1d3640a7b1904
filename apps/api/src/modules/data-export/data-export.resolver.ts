import { Mutation, Query, Resolver } from '@nestjs/graphql';
import { Access, AccessLevel } from '../../core/auth/access.decorator';
import { CurrentActor } from '../../core/auth/current-actor.decorator';
import type { Actor } from '../../core/tenancy/actor';
import { DataExportService } from './data-export.service';
import { DataExportType } from './dto/data-export.type';

@Resolver(() => DataExportType)
export class DataExportResolver {
  constructor(private readonly dataExports: DataExportService) {}

  @Access(AccessLevel.SIGNED_IN)
  @Query(() => DataExportType, {
    nullable: true,
    description: 'Your latest copy of your data (Art. 15/20 DSGVO), or null.',
  })
  myDataExport(@CurrentActor() actor: Actor): Promise<DataExportType | null> {
    return this.dataExports.latest(actor);
  }

  @Access(AccessLevel.SIGNED_IN)
  @Mutation(() => DataExportType, {
    description:
      'Asks for a copy of all your data, prepared in the background. While one is being prepared, returns that one.',
  })
  requestDataExport(@CurrentActor() actor: Actor): Promise<DataExportType> {
    return this.dataExports.request(actor);
  }
}
