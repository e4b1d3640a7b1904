import { Module, type OnModuleInit } from '@nestjs/common';
import { JobRegistry } from '../../core/jobs/job-registry';
import { DataExportController } from './data-export.controller';
import { DataExportExpiryJob } from './data-export-expiry.job';
import { DataExportResolver } from './data-export.resolver';
import { DataExportService } from './data-export.service';
import { DataExportWorker } from './data-export.worker';

@Module({
  controllers: [DataExportController],
  providers: [DataExportService, DataExportResolver, DataExportWorker, DataExportExpiryJob],
  exports: [DataExportService],
})
export class DataExportModule implements OnModuleInit {
  constructor(
    private readonly jobs: JobRegistry,
    private readonly expiry: DataExportExpiryJob,
  ) {}

  onModuleInit(): void {
    this.jobs.register(this.expiry);
  }
}
