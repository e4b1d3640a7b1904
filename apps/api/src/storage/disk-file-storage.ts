import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import {
  assertStorageKey,
  FileStorageException,
  type FileStorage,
  type StoredFileInfo,
} from './file-storage';

export class DiskFileStorage implements FileStorage {
  private readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  async put(key: string, content: Buffer | Readable): Promise<void> {
    const target = this.path(key);
    await mkdir(dirname(target), { recursive: true });
    // Write then rename: a reader never sees half a file.
    const temporary = `${target}.part`;
    try {
      if (Buffer.isBuffer(content)) await writeFile(temporary, content, { mode: 0o640 });
      else await pipeline(content, createWriteStream(temporary, { mode: 0o640 }));
      await rename(temporary, target);
    } catch (error) {
      await rm(temporary, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<Readable> {
    const target = this.path(key);
    // Open first, so that a missing file rejects here instead of erroring the stream later.
    const stream = createReadStream(target);
    await new Promise<void>((done, fail) => {
      stream.once('open', () => done());
      stream.once('error', (error: NodeJS.ErrnoException) =>
        fail(error.code === 'ENOENT' ? FileStorageException.notFound(key) : error),
      );
    });
    return stream;
  }

  async stat(key: string): Promise<StoredFileInfo | undefined> {
    try {
      const found = await stat(this.path(key));
      return found.isFile() ? { size: found.size } : undefined;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await rm(this.path(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== undefined;
  }

  /** Never leave the root. */
  private path(key: string): string {
    assertStorageKey(key);
    const target = resolve(join(this.root, key));
    if (!target.startsWith(this.root + sep)) throw FileStorageException.invalidKey(key);
    return target;
  }
}
