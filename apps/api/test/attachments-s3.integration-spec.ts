import { GetObjectCommand, HeadObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createBackup } from '../src/backup/backup';
import { startTestPlatform, type Client, type TestPlatform } from './harness';
import { startTestS3Server, type TestS3Server } from './s3-server';

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from('1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n'),
  Buffer.from('Anhang im Objektspeicher '.repeat(2000)),
]);

/** The platform with FILE_STORAGE=s3 against s3rver: attachments go to the bucket, not the disk. */
describe('attachments on S3-compatible storage', () => {
  let s3: TestS3Server;
  let api: TestPlatform;
  let member: Client;
  let bucket: S3Client;
  let practiceId: string;

  async function upload(client: Client, name: string, content: Buffer) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type: 'application/pdf' }), name);
    const response = await fetch(`${api.url}/api/practices/${practiceId}/attachments`, {
      method: 'POST',
      body: form,
      headers: { cookie: client.cookie!, origin: new URL(api.url).origin },
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & {
        errors?: Array<{ extensions: Record<string, unknown> }>;
      },
    };
  }

  async function storageKey(id: string): Promise<string> {
    const [row] = await api.ownerQuery<{ storage_key: string }>(
      'SELECT storage_key FROM practice_attachment WHERE id = $1',
      [id],
    );
    return row.storage_key;
  }

  beforeAll(async () => {
    s3 = await startTestS3Server();
    api = await startTestPlatform({ ...s3.env, S3_TIMEOUT_MS: '2000' });
    bucket = new S3Client({
      endpoint: s3.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    });
    member = await api.as('member', 'lemgo');
    const created = await member.gql<{ createPractice: { id: string } }>(
      `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }`,
      {
        input: {
          citySlug: 'lemgo',
          title: 'Leitfaden im Objektspeicher',
          summary: 'Mit Anhang auf S3',
          visibility: 'CITY',
        },
      },
    );
    practiceId = created.data!.createPractice.id;
  });
  afterAll(async () => {
    bucket?.destroy();
    await api?.stop();
    await s3?.stop();
  });

  it('uploads into the bucket and downloads the same bytes through the API', async () => {
    expect(api.platform.config.fileStorage.kind).toBe('s3');
    const uploaded = await upload(member, 'Leitfaden S3.pdf', PDF);
    expect(uploaded.status).toBe(201);
    const id = uploaded.body.id as string;
    const key = await storageKey(id);

    const head = await bucket.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(head.ContentType).toBe('application/pdf');
    expect(head.ContentLength).toBe(PDF.length);
    const object = await bucket.send(new GetObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(Buffer.from(await object.Body!.transformToByteArray()).equals(PDF)).toBe(true);
    // Nothing on the local disk.
    expect(existsSync(join(api.platform.config.attachmentsDir, key))).toBe(false);

    const download = await fetch(`${api.url}/files/attachments/${id}`, {
      headers: { cookie: member.cookie! },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-length')).toBe(String(PDF.length));
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('puts the objects into a backup (npm run backup reads the configured storage)', async () => {
    const uploaded = await upload(member, 'gesichert.pdf', PDF);
    const key = await storageKey(uploaded.body.id as string);
    const dir = await mkdtemp(join(tmpdir(), 'wissensnetz-s3-backup-'));
    try {
      const { manifest } = await createBackup(api.platform.config, join(dir, 'b.tar.gz'));
      expect(manifest.fileStorage).toBe('s3');
      expect(manifest.files.find((file) => file.key === key)).toEqual({
        key,
        size: PDF.length,
        sha256: createHash('sha256').update(PDF).digest('hex'),
      });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('removes the object with the attachment', async () => {
    const uploaded = await upload(member, 'weg.pdf', PDF);
    const id = uploaded.body.id as string;
    const key = await storageKey(id);
    const removed = await member.gql('mutation($id: ID!) { removePracticeAttachment(id: $id) }', {
      id,
    });
    expect(removed.data).toEqual({ removePracticeAttachment: true });
    const gone = await bucket.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key })).then(
      () => 200,
      (error: { $metadata?: { httpStatusCode?: number } }) => error.$metadata?.httpStatusCode,
    );
    expect(gone).toBe(404);
  });

  it('answers SERVICE_UNAVAILABLE while the store is down, and writes no row', async () => {
    const stored = await upload(member, 'vorher.pdf', PDF);
    const id = stored.body.id as string;
    await s3.stop();
    try {
      const download = await fetch(`${api.url}/files/attachments/${id}`, {
        headers: { cookie: member.cookie! },
      });
      expect(download.status).toBe(503);
      expect(
        ((await download.json()) as { errors: Array<{ extensions: unknown }> }).errors[0],
      ).toMatchObject({
        extensions: { code: 'SERVICE_UNAVAILABLE', reason: 'STORAGE_UNAVAILABLE' },
      });
      const before = await api.ownerQuery<{ n: number }>(
        'SELECT count(*)::int AS n FROM practice_attachment WHERE practice_id = $1',
        [practiceId],
      );
      const failed = await upload(member, 'waehrenddessen.pdf', PDF);
      expect(failed.status).toBe(503);
      expect(failed.body.errors?.[0].extensions).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      const after = await api.ownerQuery<{ n: number }>(
        'SELECT count(*)::int AS n FROM practice_attachment WHERE practice_id = $1',
        [practiceId],
      );
      expect(after[0].n).toBe(before[0].n);
    } finally {
      // afterAll stops it again; a second stop of s3rver rejects, so start a fresh one.
      s3 = await startTestS3Server();
    }
  });
});
