import { HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { startTestS3Server, type TestS3Server } from '../../test/s3-server';
import { DiskFileStorage } from './disk-file-storage';
import { FileStorageException, FileStorageExceptionReason, type FileStorage } from './file-storage';
import { S3FileStorage } from './s3-file-storage';

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof FileStorageException) return error.reason;
    throw error;
  }
  throw new Error('expected a FileStorageException');
}

let s3: TestS3Server;
let diskRoot: string;
const stores: Record<string, () => FileStorage> = {};

beforeAll(async () => {
  s3 = await startTestS3Server();
  diskRoot = await mkdtemp(join(tmpdir(), 'wissensnetz-disk-'));
  const disk = new DiskFileStorage(diskRoot);
  const bucket = new S3FileStorage({
    endpoint: s3.endpoint,
    region: 'us-east-1',
    bucket: s3.bucket,
    accessKeyId: 'S3RVER',
    secretAccessKey: 'S3RVER',
    forcePathStyle: true,
    timeoutMs: 5000,
  });
  stores.disk = () => disk;
  stores.s3 = () => bucket;
});

afterAll(async () => {
  (stores.s3?.() as S3FileStorage | undefined)?.close();
  await s3?.stop();
  if (diskRoot) await rm(diskRoot, { recursive: true, force: true });
});

// The same cases against every implementation: whatever the API does with one, the other does too.
describe.each(['disk', 's3'])('FileStorage contract: %s', (kind) => {
  const store = () => stores[kind]();
  const key = () => `city-${kind}/practice/${randomBytes(8).toString('hex')}`;

  it('gives back the bytes it was given, with their size', async () => {
    const name = key();
    const content = randomBytes(300_000);
    await store().put(name, content, { contentType: 'application/pdf' });
    expect(await store().exists(name)).toBe(true);
    expect(await store().stat(name)).toEqual({ size: content.length });
    const back = await read(await store().get(name));
    expect(createHash('sha256').update(back).digest('hex')).toBe(
      createHash('sha256').update(content).digest('hex'),
    );
  });

  it('stores a stream, with and without a known length', async () => {
    const content = Buffer.from('Ein Leitfaden in drei Teilen. '.repeat(5000));
    const withLength = key();
    const parts = [content.subarray(0, 1000), content.subarray(1000)];
    await store().put(withLength, Readable.from(parts), { contentLength: content.length });
    expect((await read(await store().get(withLength))).equals(content)).toBe(true);
    const withoutLength = key();
    await store().put(withoutLength, Readable.from(parts));
    expect((await read(await store().get(withoutLength))).equals(content)).toBe(true);
    expect(await store().stat(withoutLength)).toEqual({ size: content.length });
  });

  it('replaces a file stored again under the same key', async () => {
    const name = key();
    await store().put(name, Buffer.from('erste Fassung'));
    await store().put(name, Buffer.from('zweite'));
    expect((await read(await store().get(name))).toString()).toBe('zweite');
  });

  it('answers FILE_NOT_FOUND for a missing key, and undefined / false when asked', async () => {
    const name = key();
    expect(await reason(store().get(name))).toBe(FileStorageExceptionReason.FILE_NOT_FOUND);
    expect(await store().stat(name)).toBeUndefined();
    expect(await store().exists(name)).toBe(false);
  });

  it('deletes, and deleting a missing key is no error', async () => {
    const name = key();
    await store().put(name, Buffer.from('weg damit'));
    await store().delete(name);
    expect(await store().exists(name)).toBe(false);
    expect(await reason(store().get(name))).toBe(FileStorageExceptionReason.FILE_NOT_FOUND);
    await expect(store().delete(name)).resolves.toBeUndefined();
  });

  it('refuses keys outside the scheme (no traversal, no upper case, no empty parts)', async () => {
    for (const bad of ['../etc/passwd', 'a/../../b', '/absolute', 'Upper/case', 'a//b', ''])
      expect(await reason(store().put(bad, Buffer.from('x')))).toBe(
        FileStorageExceptionReason.INVALID_KEY,
      );
  });
});

describe('S3FileStorage', () => {
  it('keeps the content type and length as object metadata', async () => {
    const name = `city/practice/${randomBytes(8).toString('hex')}`;
    await stores.s3().put(name, Buffer.from('%PDF-1.4\n'), { contentType: 'application/pdf' });
    const client = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: name }));
    client.destroy();
    expect(head.ContentType).toBe('application/pdf');
    expect(head.ContentLength).toBe(9);
  });

  it('answers STORAGE_UNAVAILABLE when the store refuses connections', async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, '127.0.0.1', done));
    const { port } = closed.address() as { port: number };
    await new Promise<void>((done) => closed.close(() => done()));
    const store = s3Store(`http://127.0.0.1:${port}`, 2000);
    expect(await reason(store.get('a/b'))).toBe(FileStorageExceptionReason.STORAGE_UNAVAILABLE);
    store.close();
  });

  it('answers STORAGE_UNAVAILABLE when the store accepts but never answers', async () => {
    const sockets: Socket[] = [];
    const silent: Server = createServer((socket) => void sockets.push(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    const { port } = silent.address() as { port: number };
    const store = s3Store(`http://127.0.0.1:${port}`, 300);
    try {
      for (const call of [
        store.get('a/b'),
        store.stat('a/b'),
        store.delete('a/b'),
        store.put('a/b', Buffer.from('x')),
      ])
        expect(await reason(call)).toBe(FileStorageExceptionReason.STORAGE_UNAVAILABLE);
    } finally {
      store.close();
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((done) => silent.close(() => done()));
    }
  });
});

function s3Store(endpoint: string, timeoutMs: number): S3FileStorage {
  return new S3FileStorage({
    endpoint,
    region: 'us-east-1',
    bucket: 'wissensnetz-test',
    accessKeyId: 'x',
    secretAccessKey: 'y',
    forcePathStyle: true,
    timeoutMs,
  });
}
