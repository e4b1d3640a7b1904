import { startTestPlatform, type Client, type TestPlatform } from './harness';

const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n'),
  Buffer.from('1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n'),
]);

describe('practice attachments', () => {
  let api: TestPlatform;
  let member: Client;
  let coordinator: Client;
  let practiceId: string;
  let cityPracticeId: string;

  async function upload(
    client: Client | null,
    id: string,
    name: string,
    content: Buffer,
    type = 'application/octet-stream',
  ) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(content)], { type }), name);
    const response = await fetch(`${api.url}/api/practices/${id}/attachments`, {
      method: 'POST',
      body: form,
      // Like a browser on the platform's page: signed-in uploads must name their origin (CSRF).
      headers: client?.cookie ? { cookie: client.cookie, origin: new URL(api.url).origin } : {},
    });
    return {
      status: response.status,
      body: (await response.json()) as Record<string, unknown> & {
        errors?: Array<{ extensions: Record<string, unknown> }>;
      },
    };
  }

  beforeAll(async () => {
    api = await startTestPlatform();
    member = await api.as('member', 'lemgo');
    const create = `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }`;
    const network = await member.gql<{ createPractice: { id: string } }>(create, {
      input: {
        citySlug: 'lemgo',
        title: 'Handbuch Ehrenamtsportal',
        summary: 'Mit Anhang',
        visibility: 'NETWORK',
      },
    });
    practiceId = network.data!.createPractice.id;
    coordinator = await api.as('coordinator', 'lemgo');
    await coordinator.gql('mutation($id: ID!) { publishPractice(id: $id) { id } }', {
      id: practiceId,
    });
    const city = await member.gql<{ createPractice: { id: string } }>(create, {
      input: {
        citySlug: 'lemgo',
        title: 'Internes Protokoll',
        summary: 'Nur Lemgo',
        visibility: 'CITY',
      },
    });
    cityPracticeId = city.data!.createPractice.id;
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('stores a PDF and serves it to those who may see the practice', async () => {
    // The practice is published: attaching is a coordinator's edit now.
    const byMember = await upload(
      member,
      practiceId,
      'Leitfaden Ehrenamt.pdf',
      PDF,
      'application/pdf',
    );
    expect(byMember.status).toBe(403);
    expect(byMember.body.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      reason: 'NEEDS_COORDINATOR',
    });
    const uploaded = await upload(
      coordinator,
      practiceId,
      'Leitfaden Ehrenamt.pdf',
      PDF,
      'application/pdf',
    );
    expect(uploaded.status).toBe(201);
    expect(uploaded.body).toMatchObject({
      fileName: 'Leitfaden Ehrenamt.pdf',
      contentType: 'application/pdf',
      sizeBytes: PDF.length,
    });

    const listed = await member.gql<{
      practice: { attachments: Array<{ fileName: string; url: string; sizeBytes: number }> };
    }>('query($id: ID!) { practice(id: $id) { attachments { fileName url sizeBytes } } }', {
      id: practiceId,
    });
    const [attachment] = listed.data!.practice.attachments;
    expect(attachment.fileName).toBe('Leitfaden Ehrenamt.pdf');

    const other = await api.as('member', 'goch');
    const download = await fetch(`${api.url}${attachment.url}`, {
      headers: { cookie: other.cookie! },
    });
    expect(download.status).toBe(200);
    expect(download.headers.get('content-type')).toBe('application/pdf');
    expect(download.headers.get('content-disposition')).toContain(
      "filename*=UTF-8''Leitfaden%20Ehrenamt.pdf",
    );
    expect(Buffer.from(await download.arrayBuffer()).equals(PDF)).toBe(true);

    // A browser following the link asks for HTML first; it must still get the file.
    const asBrowser = await fetch(`${api.url}${attachment.url}`, {
      headers: { cookie: other.cookie!, accept: 'text/html,application/xhtml+xml,*/*;q=0.8' },
    });
    expect(asBrowser.headers.get('content-type')).toBe('application/pdf');

    const anonymous = await fetch(`${api.url}${attachment.url}`);
    expect(anonymous.status).toBe(404);
  });

  it('keeps attachments of a CITY practice inside the city', async () => {
    const uploaded = await upload(member, cityPracticeId, 'intern.pdf', PDF);
    expect(uploaded.status).toBe(201);
    const other = await api.as('member', 'goch');
    const download = await fetch(`${api.url}${uploaded.body.url as string}`, {
      headers: { cookie: other.cookie! },
    });
    expect(download.status).toBe(404);
    const foreignUpload = await upload(other, cityPracticeId, 'fremd.pdf', PDF);
    expect(foreignUpload.status).toBe(404);
  });

  it.each([
    ['programm.exe', Buffer.from('MZ\x90\x00'), 'FILE_TYPE_NOT_ALLOWED'],
    ['gefälscht.pdf', Buffer.from('<html>kein pdf</html>'), 'FILE_TYPE_NOT_ALLOWED'],
    ['leer.pdf', Buffer.alloc(0), 'INVALID_FIELD'],
    // RIFF starts WebP images, but also WAV sounds and AVI videos.
    ['ton.webp', Buffer.from('RIFF\x24\x00\x00\x00WAVEfmt ', 'latin1'), 'FILE_TYPE_NOT_ALLOWED'],
  ])('rejects %s with a typed error and stores nothing', async (name, content, reason) => {
    const before = await api.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM practice_attachment',
    );
    const uploaded = await upload(coordinator, practiceId, name, content);
    expect(uploaded.status).toBe(400);
    expect(uploaded.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason,
      field: 'file',
    });
    const after = await api.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM practice_attachment',
    );
    expect(after[0].n).toBe(before[0].n);
  });

  it('rejects files over 10 MB', async () => {
    const big = Buffer.concat([PDF, Buffer.alloc(10 * 1024 * 1024)]);
    const uploaded = await upload(coordinator, practiceId, 'gross.pdf', big);
    expect(uploaded.status).toBe(413);
    expect(uploaded.body.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      reason: 'FILE_TOO_LARGE',
      field: 'file',
    });
  });

  it('asks anonymous uploaders to sign in', async () => {
    const uploaded = await upload(null, practiceId, 'a.pdf', PDF);
    expect(uploaded.status).toBe(401);
    expect(uploaded.body.errors?.[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('removes an attachment (row and file)', async () => {
    const uploaded = await upload(coordinator, practiceId, 'weg.pdf', PDF);
    const id = uploaded.body.id as string;
    const removed = await coordinator.gql(
      'mutation($id: ID!) { removePracticeAttachment(id: $id) }',
      { id },
    );
    expect(removed.data).toEqual({ removePracticeAttachment: true });
    const download = await fetch(`${api.url}/files/attachments/${id}`, {
      headers: { cookie: coordinator.cookie! },
    });
    expect(download.status).toBe(404);
    const [row] = await api.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM practice_attachment WHERE id = $1',
      [id],
    );
    expect(row.n).toBe(0);
  });
});
