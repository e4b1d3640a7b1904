import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { AppConfig } from '../core/config/config';
import { DiskFileStorage } from './disk-file-storage';
import { FILE_STORAGE } from './file-storage';

@Global()
@Module({})
export class StorageModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StorageModule,
      providers: [{ provide: FILE_STORAGE, useValue: new DiskFileStorage(config.attachmentsDir) }],
      exports: [FILE_STORAGE],
    };
  }
}
