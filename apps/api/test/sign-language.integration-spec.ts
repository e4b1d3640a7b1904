import { startTestPlatform, type Client, type TestPlatform } from './harness';
import { mp4, webm } from './video-files';

const CITY = 'kamp-lintfort';
const MAX_BYTES = 4096;
const PAGE = `{ signLanguage { viewerCanManage maxBytes video {
  id url downloadUrl fileName contentType sizeBytes durationSeconds caption } } }`;

interface Video {
  id: string;
  url: string;
  downloadUrl: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  durationSeconds: number;
  caption: string;
}
interface PageAnswer {
  signLanguage: { viewerCanManage: boolean; maxBytes: number; video: Video | null };
}
interface ErrorBody {
  errors?: Array<{ extensions?: { code?: string; reason?: string; field?: string } }>;
}

/** Issue 17: the operator's sign-language video (upload, replace, remove; who may; what). */
describe('sign-language video', () => {
  let api: TestPlatform;
  let organizer: Client;
  let coordinator: Client;
  let member: Client;

  beforeAll(async () => {
    api = await startTestPlatform({ SIGN_LANGUAGE_VIDEO_MAX_BYTES: String(MAX_BYTES) });
    organizer = await api.as('organizer');
    coordinator = await api.as('coordinator', CITY);
    member = await api.as('member', CITY);
    // This file owns the network's one video slot.
    await api.ownerQuery('DELETE FROM sign_language_video');
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function upload(client: Client | null, name: string, content: Buffer, caption = 'DGS') {
    const form = new FormData();
    form.append('caption', caption);
    form.append('file', new Blob([new Uint8Array(content)]), name);
    const response = await fetch(`${api.url}/api/sign-language-video`, {
      method: 'POST',
      body: form,
      headers: client?.cookie ? { cookie: client.cookie, origin: new URL(api.url).origin } : {},
    });
    return { status: response.status, body: (await response.json()) as Video & ErrorBody };
  }

  const refusal = (body: ErrorBody) => body.errors?.[0]?.extensions;

  async function page(client?: Client) {
    const answer = await (client ?? api).gql<PageAnswer>(PAGE);
    expect(answer.errors).toBeUndefined();
    return answer.data!.signLanguage;
  }

  async function storedFiles(): Promise<number> {
    const [row] = await api.ownerQuery<{ n: string }>(
      'SELECT count(*) AS n FROM sign_language_video',
    );
    return Number(row.n);
  }

  it('refuses anonymous callers, members and coordinators, and stores nothing', async () => {
    const file = mp4(30);
    const anonymous = await upload(null, 'dgs.mp4', file);
    expect(refusal(anonymous.body)?.code).toBe('UNAUTHENTICATED');
    expect(refusal((await upload(member, 'dgs.mp4', file)).body)?.code).toBe('FORBIDDEN');
    expect(refusal((await upload(coordinator, 'dgs.mp4', file)).body)?.code).toBe('FORBIDDEN');
    expect(await storedFiles()).toBe(0);
    expect(await page()).toMatchObject({
      video: null,
      viewerCanManage: false,
      maxBytes: MAX_BYTES,
    });
    expect((await page(coordinator)).viewerCanManage).toBe(false);
    expect((await page(organizer)).viewerCanManage).toBe(true);
  });

  it('refuses what is no MP4 or WebM by its bytes, what is too large, and what has no length', async () => {
    const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47]), Buffer.alloc(40)]);
    const disguised = await upload(organizer, 'dgs.mp4', png);
    expect(refusal(disguised.body)).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'FILE_TYPE_NOT_ALLOWED',
      field: 'file',
    });
    const wrongName = await upload(organizer, 'dgs.avi', mp4(10));
    expect(refusal(wrongName.body)?.reason).toBe('FILE_TYPE_NOT_ALLOWED');

    const big = Buffer.concat([mp4(10), Buffer.alloc(MAX_BYTES)]).subarray(0, MAX_BYTES + 1);
    const tooLarge = await upload(organizer, 'dgs.mp4', big);
    expect(refusal(tooLarge.body)).toMatchObject({ reason: 'FILE_TOO_LARGE', field: 'file' });

    const matroska = await upload(organizer, 'dgs.webm', webm(1000, { docType: 'matroska' }));
    expect(refusal(matroska.body)?.reason).toBe('DURATION_UNREADABLE');
    const noCaption = await upload(organizer, 'dgs.mp4', mp4(10), '   ');
    expect(refusal(noCaption.body)).toMatchObject({ reason: 'INVALID_FIELD', field: 'caption' });
    expect(await storedFiles()).toBe(0);
  });

  it('lets the organizer upload, replace, re-caption and remove it; each change is audited', async () => {
    const first = await upload(organizer, 'Erklärung DGS.mp4', mp4(83.5), 'Die Plattform in DGS');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      fileName: 'Erklärung DGS.mp4',
      contentType: 'video/mp4',
      durationSeconds: 83.5,
      sizeBytes: mp4(83.5).length,
    });
    const shown = (await page()).video!;
    expect(shown).toMatchObject({ id: first.body.id, caption: 'Die Plattform in DGS' });

    const played = await fetch(`${api.url}${shown.url}`);
    expect(played.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await played.arrayBuffer()).equals(mp4(83.5))).toBe(true);
    const downloaded = await fetch(`${api.url}${shown.downloadUrl}`);
    expect(downloaded.headers.get('content-disposition')).toMatch(/^attachment;.*DGS\.mp4/);
    await downloaded.arrayBuffer();

    const second = await upload(organizer, 'dgs.webm', webm(61_000), 'Neue Fassung');
    expect(second.body).toMatchObject({ contentType: 'video/webm', durationSeconds: 61 });
    expect((await page()).video).toMatchObject({ id: second.body.id, caption: 'Neue Fassung' });
    // The replaced file is gone from its address.
    expect((await fetch(`${api.url}${shown.url}`)).status).toBe(404);

    const CAPTION =
      'mutation($id: ID!, $c: String!) { updateSignLanguageVideoCaption(id: $id, caption: $c) { caption } }';
    const stale = await organizer.gql(CAPTION, { id: first.body.id, c: 'alt' });
    expect(stale.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    const recaptioned = await organizer.gql(CAPTION, { id: second.body.id, c: 'Mit Untertiteln' });
    expect(recaptioned.errors).toBeUndefined();
    const byMember = await member.gql(CAPTION, { id: second.body.id, c: 'x' });
    expect(byMember.errors?.[0].extensions?.code).toBe('FORBIDDEN');

    const REMOVE = 'mutation($id: ID!) { removeSignLanguageVideo(id: $id) }';
    expect(
      (await coordinator.gql(REMOVE, { id: second.body.id })).errors?.[0].extensions?.code,
    ).toBe('FORBIDDEN');
    expect((await organizer.gql(REMOVE, { id: second.body.id })).errors).toBeUndefined();
    expect((await page()).video).toBeNull();
    expect(await storedFiles()).toBe(0);

    const audit = await api.ownerQuery<{ action: string; target: string }>(
      `SELECT action, target FROM audit_log WHERE action LIKE 'SIGN_LANGUAGE_VIDEO_%'
         AND target = ANY($1) ORDER BY id`,
      [[first.body.id, second.body.id]],
    );
    expect(audit.map((entry) => entry.action)).toEqual([
      'SIGN_LANGUAGE_VIDEO_UPLOADED',
      'SIGN_LANGUAGE_VIDEO_REPLACED',
      'SIGN_LANGUAGE_VIDEO_CAPTION_CHANGED',
      'SIGN_LANGUAGE_VIDEO_REMOVED',
    ]);
  });
});
