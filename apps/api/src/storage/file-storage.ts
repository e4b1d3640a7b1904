import type { Readable } from 'node:stream';

/**
 * Where uploaded files live. The disk implementation keeps them under the data
 * folder; an S3-compatible store can implement the same four methods.
 */
export interface FileStorage {
  put(key: string, content: Buffer): Promise<void>;
  get(key: string): Promise<Readable>;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export const FILE_STORAGE = Symbol('FILE_STORAGE');
