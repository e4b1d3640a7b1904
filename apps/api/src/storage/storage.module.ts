import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationShutdown,
} from '@nestjs/common';
import type { AppConfig } from '../core/config/config';
import { createFileStorage } from './create-file-storage';
import { FILE_STORAGE, type FileStorage } from './file-storage';
import { S3FileStorage } from './s3-file-storage';

@Global()
@Module({})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(FILE_STORAGE) private readonly storage: FileStorage) {}

  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: StorageModule,
      providers: [{ provide: FILE_STORAGE, useValue: createFileStorage(config) }],
      exports: [FILE_STORAGE],
    };
  }

  onApplicationShutdown(): void {
    if (this.storage instanceof S3FileStorage) this.storage.close();
  }
}
