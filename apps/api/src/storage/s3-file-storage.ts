import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { Readable } from 'node:stream';
import {
  assertStorageKey,
  FileStorageException,
  type FileStorage,
  type PutOptions,
  type StoredFileInfo,
} from './file-storage';

export interface S3StorageOptions {
  /** e.g. http://minio:9000; absent: the cloud's own endpoint for the region (AWS). */
  endpoint?: string;
  region: string;
  bucket: string;
  /** Absent: the SDK's default chain (environment, instance role). */
  accessKeyId?: string;
  secretAccessKey?: string;
  /** MinIO, Ceph and s3rver want `http://host/bucket/key` instead of `http://bucket.host/key`. */
  forcePathStyle: boolean;
  /** Connecting, and every silence of the connection, longer than this fails the call. */
  timeoutMs: number;
}

/**
 * Files in an S3-compatible bucket (AWS S3, MinIO, Ceph RGW, a cloud's object storage).
 * Calls have deadlines: a store that does not answer makes a request fail with
 * STORAGE_UNAVAILABLE after S3_TIMEOUT_MS instead of hanging it.
 */
export class S3FileStorage implements FileStorage {
  private readonly client: S3Client;

  constructor(private readonly options: S3StorageOptions) {
    this.client = new S3Client({
      endpoint: options.endpoint,
      region: options.region,
      forcePathStyle: options.forcePathStyle,
      credentials:
        options.accessKeyId && options.secretAccessKey
          ? { accessKeyId: options.accessKeyId, secretAccessKey: options.secretAccessKey }
          : undefined,
      // Socket idle and connect deadlines: also a download or upload that stalls midway ends.
      requestHandler: {
        connectionTimeout: options.timeoutMs,
        requestTimeout: options.timeoutMs,
      },
      maxAttempts: 2,
      // Newer SDKs add CRC checksums (aws-chunked trailers) that many S3-compatible servers
      // do not understand; content integrity is TLS's and Content-MD5-free PUTs work everywhere.
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
    });
  }

  async put(key: string, content: Buffer | Readable, options: PutOptions = {}): Promise<void> {
    assertStorageKey(key);
    let body: Buffer | Readable = content;
    let length = Buffer.isBuffer(content) ? content.length : options.contentLength;
    if (length === undefined) {
      // PutObject needs the length up front; a stream of unknown length is read first.
      body = await readAll(content as Readable);
      length = body.length;
    }
    await this.call(
      key,
      (abortSignal) =>
        this.client.send(
          new PutObjectCommand({
            Bucket: this.options.bucket,
            Key: key,
            Body: body,
            ContentLength: length,
            ContentType: options.contentType ?? 'application/octet-stream',
          }),
          { abortSignal },
        ),
      // A body of many megabytes may take longer than one deadline; stalls are cut by the socket timeout.
      Buffer.isBuffer(body) && body.length < 1024 * 1024 ? this.options.timeoutMs : undefined,
    );
  }

  async get(key: string): Promise<Readable> {
    assertStorageKey(key);
    const answer = await this.call(key, (abortSignal) =>
      this.client.send(new GetObjectCommand({ Bucket: this.options.bucket, Key: key }), {
        abortSignal,
      }),
    );
    if (!(answer.Body instanceof Readable)) throw FileStorageException.notFound(key);
    return answer.Body;
  }

  async stat(key: string): Promise<StoredFileInfo | undefined> {
    assertStorageKey(key);
    try {
      const head = await this.call(key, (abortSignal) =>
        this.client.send(new HeadObjectCommand({ Bucket: this.options.bucket, Key: key }), {
          abortSignal,
        }),
      );
      return { size: head.ContentLength ?? 0 };
    } catch (error) {
      if (error instanceof FileStorageException && error.code === 'NOT_FOUND') return undefined;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    assertStorageKey(key);
    await this.call(key, (abortSignal) =>
      this.client.send(new DeleteObjectCommand({ Bucket: this.options.bucket, Key: key }), {
        abortSignal,
      }),
    );
  }

  async exists(key: string): Promise<boolean> {
    return (await this.stat(key)) !== undefined;
  }

  /** Closes the client's kept-alive connections. */
  close(): void {
    this.client.destroy();
  }

  /**
   * One S3 call with a deadline until its answer's headers (the body then streams under the
   * socket timeout) and every failure typed: 404 → FILE_NOT_FOUND, anything else (refused,
   * timed out, 5xx, denied) → STORAGE_UNAVAILABLE with the cause kept for the log.
   */
  private async call<T>(
    key: string,
    send: (signal: AbortSignal) => Promise<T>,
    deadlineMs: number | undefined = this.options.timeoutMs,
  ): Promise<T> {
    const controller = new AbortController();
    const timer =
      deadlineMs === undefined
        ? undefined
        : setTimeout(
            () => controller.abort(new Error(`S3 did not answer within ${deadlineMs} ms`)),
            deadlineMs,
          );
    try {
      return await send(controller.signal);
    } catch (error) {
      const status = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
        ?.httpStatusCode;
      const name = (error as { name?: string }).name;
      if (status === 404 || name === 'NoSuchKey' || name === 'NotFound')
        throw FileStorageException.notFound(key);
      throw FileStorageException.unavailable(error);
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Uint8Array));
  return Buffer.concat(chunks);
}
