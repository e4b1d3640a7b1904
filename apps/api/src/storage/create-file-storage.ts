import type { AppConfig } from '../core/config/config';
import { DiskFileStorage } from './disk-file-storage';
import type { FileStorage } from './file-storage';
import { S3FileStorage } from './s3-file-storage';

/** The configured store: FILE_STORAGE=disk (default, ATTACHMENTS_DIR) or s3 (S3_*). */
export function createFileStorage(config: AppConfig): FileStorage {
  const chosen = config.fileStorage;
  return chosen.kind === 's3' ? new S3FileStorage(chosen) : new DiskFileStorage(chosen.dir);
}
