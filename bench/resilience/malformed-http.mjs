// Part 4, the requests of HTTP itself: bad cookies, weird paths, bad multipart uploads and
// broken framing sent as raw bytes. Called by generateMalformed (malformed-requests.mjs).

const ZERO_UUID = '00000000-0000-0000-0000-000000000000';
const jsonBody = (query, variables) => JSON.stringify({ query, variables });

/** Appends the HTTP-level cases to `list`; `random` is the generator's seeded PRNG. */
export function httpCases(ctx, random, list) {
  // 5. Bad cookies on reads, writes and HTTP routes.
  const cookieValues = [
    'wn_session=',
    'wn_session=garbage',
    `wn_session=${'A'.repeat(43)}`,
    `wn_session=${'A'.repeat(6000)}`,
    'wn_session=%',
    'wn_session=%E0%A4%A',
    'wn_session=%00',
    'wn_session=%ff%fe',
    'wn_session="quoted"',
    'wn_session=a; wn_session=b',
    'wn_session=j:{"a":1}',
    'wn_session=j:[1,2]',
    'wn_session=j:null',
    'wn_session=s:signed.value',
    'wn_session=\u00fc\u00e4',
    Array.from({ length: 200 }, (_, i) => `c${i}=${i}`).join('; '),
    '=; ;; =x; wn_session',
    'wn_session=__proto__',
  ];
  const cookieTargets = [
    { label: 'me', method: 'POST', path: '/graphql', body: jsonBody('{ me { id } }') },
    {
      label: 'updateMe',
      method: 'POST',
      path: '/graphql',
      body: jsonBody('mutation { updateMe(input: { locale: "de" }) { id } }'),
    },
    {
      label: 'registrations.csv',
      method: 'GET',
      path: `/export/conferences/${ctx.conferenceId}/registrations.csv`,
    },
    { label: 'city calendar', method: 'GET', path: '/calendar/cloppenburg.ics' },
    { label: 'attachment', method: 'GET', path: `/files/attachments/${ZERO_UUID}` },
    {
      label: 'upload',
      method: 'POST',
      path: `/api/practices/${ctx.practiceId}/attachments`,
      multipart: true,
    },
  ];
  for (const cookie of cookieValues) {
    for (const target of cookieTargets) {
      const multipart = target.multipart
        ? buildMultipart([
            { name: 'file', filename: 'a.pdf', type: 'application/pdf', content: '%PDF-1.4 test' },
          ])
        : undefined;
      list.push({
        category: 'bad-cookie',
        label: `${target.label} with ${JSON.stringify(cookie.slice(0, 30))}`,
        method: target.method,
        path: target.path,
        headers: {
          cookie: Buffer.from(cookie, 'utf8').toString('latin1'),
          ...(target.body ? { 'content-type': 'application/json' } : {}),
          ...(multipart ? { 'content-type': multipart.type } : {}),
        },
        body: target.body ?? multipart?.body,
      });
    }
  }

  // 6. Weird paths.
  const paths = [
    '/calendar/%00.ics',
    '/calendar/%00',
    '/calendar/%ff.ics',
    '/calendar/%.ics',
    '/calendar/%zz.ics',
    '/calendar/..%2f..%2fetc%2fpasswd.ics',
    '/calendar/..%5c..%5cwin.ics',
    `/calendar/${'a'.repeat(5000)}.ics`,
    '/calendar/unbekannt.ics',
    '/calendar/.ics',
    '/calendar/%20.ics',
    '/calendar/%E2%80%AE.ics',
    '/calendar/%C0%AE%C0%AE.ics',
    '/calendar/%22%0d%0aX-Injected:%201.ics',
    '/calendar/conferences/%00.ics',
    '/calendar/conferences/not-a-uuid.ics',
    `/calendar/conferences/${ZERO_UUID}.ics`,
    '/calendar/conferences/%ff.ics',
    '/calendar/conferences/..%2f..%2fx.ics',
    "/calendar/conferences/'.ics",
    '/files/attachments/%00',
    '/files/attachments/not-a-uuid',
    `/files/attachments/${ZERO_UUID}`,
    '/files/attachments/..%2f..%2fcredentials.json',
    '/files/attachments/%2e%2e%2f%2e%2e%2fapi.log',
    '/export/conferences/%00/registrations.csv',
    '/export/conferences/not-a-uuid/registrations.csv',
    `/export/conferences/${ZERO_UUID}/registrations.csv`,
    '/health/%00',
    '/health?x=%00',
    '/graphql/%00',
    '/graphql%00',
    '/%',
    '/%%',
    '/%00',
    '//',
    '/..',
    '/.env',
    '/.git/config',
    '/credentials.json',
    '/api.log',
    '/api/',
    '/api/practices',
    '/api/practices/%00/attachments',
    '/assets/%00',
    '/assets/..%2f..%2f..%2fpackage.json',
    '/assets/does-not-exist.js',
    '/index.html%00',
    '/praxis/%00',
    '/%C0%AF',
    '/cloppenburg/%ff',
    '/?%00',
    '/../../../etc/passwd',
    '/files/../credentials.json',
    `/${'%2e%2e/'.repeat(20)}etc/passwd`,
    `/${'x/'.repeat(3000)}`,
  ];
  for (const path of paths) {
    for (const [as, accept] of [
      [undefined, 'application/json'],
      ['organizer', 'text/html'],
    ]) {
      list.push({
        category: 'weird-path',
        label: `GET ${path.slice(0, 60)} (${accept}${as ? ', organizer' : ''})`,
        as,
        method: 'GET',
        path,
        headers: { accept },
      });
    }
  }
  const pathBases = [
    '/calendar/cloppenburg.ics',
    `/calendar/conferences/${ctx.conferenceId}.ics`,
    `/files/attachments/${ZERO_UUID}`,
    `/export/conferences/${ctx.conferenceId}/registrations.csv`,
    '/health',
    '/praxis/x',
  ];
  for (let i = 0; i < 100; i++) {
    const base = pathBases[i % pathBases.length];
    const at = 1 + Math.floor(random() * (base.length - 1));
    const junk = Array.from(
      { length: 1 + Math.floor(random() * 3) },
      () =>
        `%${Math.floor(random() * 256)
          .toString(16)
          .padStart(2, '0')}`,
    ).join('');
    list.push({
      category: 'weird-path',
      label: `GET ${base.slice(0, at)}${junk}…`,
      as: i % 3 === 0 ? 'organizer' : undefined,
      method: 'GET',
      path: base.slice(0, at) + junk + base.slice(at),
      headers: { accept: '*/*' },
    });
  }

  // 7. Bad multipart uploads (with the coordinator's session and the platform's origin).
  const upload = `/api/practices/${ctx.practiceId}/attachments`;
  const multipartCases = [
    [
      'no boundary',
      {
        type: 'multipart/form-data',
        body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nabc\r\n--x--\r\n',
      },
    ],
    [
      'wrong boundary',
      {
        type: 'multipart/form-data; boundary=y',
        body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nabc\r\n--x--\r\n',
      },
    ],
    [
      'truncated',
      {
        type: 'multipart/form-data; boundary=x',
        body: '--x\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 abc',
      },
    ],
    ['empty body', { type: 'multipart/form-data; boundary=x', body: '' }],
    ['JSON body', { type: 'multipart/form-data; boundary=x', body: '{"file": "x"}' }],
    ['not multipart', { type: 'application/json', body: '{"file": "x"}' }],
    ['no content-type', { type: undefined, body: 'abc' }],
    [
      'garbage part headers',
      {
        type: 'multipart/form-data; boundary=x',
        body: '--x\r\nthis is not a header\r\n\r\nabc\r\n--x--\r\n',
      },
    ],
    [
      'no part headers',
      { type: 'multipart/form-data; boundary=x', body: '--x\r\n\r\nabc\r\n--x--\r\n' },
    ],
    [
      '200-char boundary',
      buildMultipart(
        [{ name: 'file', filename: 'a.pdf', type: 'application/pdf', content: '%PDF-1.4' }],
        'b'.repeat(200),
      ),
    ],
    [
      'quoted boundary',
      {
        type: 'multipart/form-data; boundary="a b"',
        body: '--a b\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\nabc\r\n--a b--\r\n',
      },
    ],
    [
      'nested multipart/mixed',
      {
        type: 'multipart/form-data; boundary=x',
        body: '--x\r\nContent-Disposition: form-data; name="file"\r\nContent-Type: multipart/mixed; boundary=y\r\n\r\n--y\r\nContent-Disposition: file; filename="a.pdf"\r\n\r\nabc\r\n--y--\r\n--x--\r\n',
      },
    ],
  ];
  const parts = (name, filename, type, content) =>
    buildMultipart([{ name, filename, type, content }]);
  multipartCases.push(
    ['field not "file"', parts('datei', 'a.pdf', 'application/pdf', '%PDF-1.4')],
    [
      'two files',
      buildMultipart([
        { name: 'file', filename: 'a.pdf', type: 'application/pdf', content: '%PDF' },
        { name: 'file', filename: 'b.pdf', type: 'application/pdf', content: '%PDF' },
      ]),
    ],
    ['no filename', parts('file', undefined, 'application/pdf', '%PDF-1.4')],
    ['filename with NUL', parts('file', 'a\u0000.pdf', 'application/pdf', '%PDF-1.4')],
    ['filename ../../', parts('file', '../../../../etc/passwd', 'application/pdf', '%PDF-1.4')],
    ['10 KB filename', parts('file', `${'n'.repeat(10_000)}.pdf`, 'application/pdf', '%PDF-1.4')],
    [
      'filename invalid UTF-8',
      {
        ...parts('file', 'PLACEHOLDER.pdf', 'application/pdf', '%PDF-1.4'),
        rawFilename: Buffer.from([0xed, 0xa0, 0x80, 0xff]),
      },
    ],
    [
      'filename with quotes and CRLF',
      parts('file', 'a"\r\nX-Evil: 1.pdf', 'application/pdf', '%PDF-1.4'),
    ],
    ['HTML upload', parts('file', 'seite.html', 'text/html', '<script>alert(1)</script>')],
    ['EXE upload', parts('file', 'tool.exe', 'application/x-msdownload', 'MZ\u0090\u0000')],
    ['no part content-type', parts('file', 'a.pdf', undefined, '%PDF-1.4')],
    ['0-byte file', parts('file', 'leer.pdf', 'application/pdf', '')],
    [
      '1,000 text fields',
      buildMultipart(Array.from({ length: 1000 }, (_, i) => ({ name: `f${i}`, content: 'x' }))),
    ],
    [
      '10 MB + 1 KB file',
      parts('file', 'gross.pdf', 'application/pdf', Buffer.alloc(10 * 1024 * 1024 + 1024, 0x41)),
    ],
  );
  for (const [label, multipart] of multipartCases) {
    let body = multipart.body;
    if (multipart.rawFilename)
      body = Buffer.concat(
        splitAround(Buffer.from(body), Buffer.from('PLACEHOLDER'), multipart.rawFilename),
      );
    for (const [path, as, origin] of [
      [upload, 'coordinator', 'own'],
      ['/api/practices/not-a-uuid/attachments', 'coordinator', 'own'],
      [upload, undefined, 'own'],
      [upload, 'coordinator', 'https://evil.example'],
    ]) {
      list.push({
        category: 'bad-multipart',
        label: `${label} → ${path === upload ? 'own practice' : 'not-a-uuid'}${as ? '' : ', anonymous'}${origin === 'own' ? '' : ', foreign origin'}`,
        as,
        origin,
        method: 'POST',
        path,
        headers: multipart.type ? { 'content-type': multipart.type } : {},
        body,
      });
    }
  }

  // 8. Broken HTTP itself (over a raw socket: node:http and fetch would refuse to send it).
  const raw = (label, text) =>
    list.push({
      category: 'raw-http',
      label,
      raw: typeof text === 'string' ? Buffer.from(text, 'latin1') : text,
    });
  const host = 'Host: 127.0.0.1\r\n';
  for (const [label, text] of [
    ['garbage request line', 'GARBAGE\r\n\r\n'],
    ['HTTP/9.9', 'GET / HTTP/9.9\r\n\r\n'],
    ['no Host (HTTP/1.1)', 'GET /health HTTP/1.1\r\nConnection: close\r\n\r\n'],
    ['HTTP/1.0', 'GET /health HTTP/1.0\r\n\r\n'],
    ['Content-Length: abc', `POST /graphql HTTP/1.1\r\n${host}Content-Length: abc\r\n\r\n`],
    [
      'bad chunked body',
      `POST /graphql HTTP/1.1\r\n${host}Transfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\nzz\r\n\r\n`,
    ],
    [
      'Content-Length + chunked',
      `POST /graphql HTTP/1.1\r\n${host}Content-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n`,
    ],
    [
      'two Content-Length',
      `POST /graphql HTTP/1.1\r\n${host}Content-Length: 2\r\nContent-Length: 3\r\nConnection: close\r\n\r\n{}`,
    ],
    [
      'NUL in header value',
      `GET /health HTTP/1.1\r\n${host}X-A: a\u0000b\r\nConnection: close\r\n\r\n`,
    ],
    [
      'space in header name',
      `GET /health HTTP/1.1\r\n${host}Bad Header: x\r\nConnection: close\r\n\r\n`,
    ],
    [
      'NUL in cookie',
      `POST /graphql HTTP/1.1\r\n${host}Cookie: wn_session=\u0000\u0001\r\nContent-Type: application/json\r\nContent-Length: 24\r\nConnection: close\r\n\r\n{"query":"{__typename}"}`,
    ],
    [
      'control bytes in cookie',
      `POST /graphql HTTP/1.1\r\n${host}Cookie: wn_session=\u007f\u00ff\u00fe\r\nContent-Type: application/json\r\nContent-Length: 16\r\nConnection: close\r\n\r\n{"query":"{me{id}}"}`,
    ],
    ['NUL in path', `GET /calendar/\u0000.ics HTTP/1.1\r\n${host}Connection: close\r\n\r\n`],
    [
      'raw 0xff in path',
      `GET /calendar/\u00ff\u00fe.ics HTTP/1.1\r\n${host}Connection: close\r\n\r\n`,
    ],
    [
      'raw UTF-8 in path',
      `GET /calendar/caf\u00c3\u00a9.ics HTTP/1.1\r\n${host}Connection: close\r\n\r\n`,
    ],
    ['DEL in path', `GET /\u007f HTTP/1.1\r\n${host}Connection: close\r\n\r\n`],
    ['asterisk form', `OPTIONS * HTTP/1.1\r\n${host}Connection: close\r\n\r\n`],
    [
      'absolute form',
      `GET http://evil.example/graphql HTTP/1.1\r\n${host}Connection: close\r\n\r\n`,
    ],
    ['dot segments', `GET /../../etc/passwd HTTP/1.1\r\n${host}Connection: close\r\n\r\n`],
    [
      '100 KB header',
      `GET /health HTTP/1.1\r\n${host}X-Big: ${'x'.repeat(100_000)}\r\nConnection: close\r\n\r\n`,
    ],
    [
      'obsolete line folding',
      `GET /health HTTP/1.1\r\n${host}X-A: a\r\n b\r\nConnection: close\r\n\r\n`,
    ],
    ['LF only line ends', 'GET /health HTTP/1.1\nHost: 127.0.0.1\nConnection: close\n\n'],
    [
      'Expect: 100-continue',
      `POST /graphql HTTP/1.1\r\n${host}Expect: 100-continue\r\nContent-Type: application/json\r\nContent-Length: 24\r\nConnection: close\r\n\r\n{"query":"{__typename}"}`,
    ],
    [
      'Expect: nonsense',
      `GET /health HTTP/1.1\r\n${host}Expect: nonsense\r\nConnection: close\r\n\r\n`,
    ],
    ['pipelined valid + garbage', `GET /health HTTP/1.1\r\n${host}\r\nGARBAGE\r\n\r\n`],
    ['Host with NUL', 'GET /health HTTP/1.1\r\nHost: a\u0000b\r\nConnection: close\r\n\r\n'],
    ['two Host headers', `GET /health HTTP/1.1\r\n${host}${host}Connection: close\r\n\r\n`],
    [
      'Upgrade to websocket without key',
      `GET /graphql HTTP/1.1\r\n${host}Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n`,
    ],
    [
      'Upgrade with bad version',
      `GET /graphql HTTP/1.1\r\n${host}Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\nSec-WebSocket-Version: 99\r\n\r\n`,
    ],
    [
      'Upgrade with garbage protocol',
      `GET /graphql HTTP/1.1\r\n${host}Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: AAAAAAAAAAAAAAAAAAAAAA==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: \u00ff\u0000\r\n\r\n`,
    ],
  ])
    raw(label, text);
}

function splitAround(buffer, marker, replacement) {
  const at = buffer.indexOf(marker);
  return [buffer.subarray(0, at), replacement, buffer.subarray(at + marker.length)];
}

/** A multipart/form-data body from parts { name, filename?, type?, content }. */
function buildMultipart(partsList, boundary = `----resilience${partsList.length}`) {
  const chunks = [];
  for (const part of partsList) {
    let head = `--${boundary}\r\nContent-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) head += `; filename="${part.filename}"`;
    head += '\r\n';
    if (part.type) head += `Content-Type: ${part.type}\r\n`;
    chunks.push(
      Buffer.from(`${head}\r\n`, 'utf8'),
      Buffer.isBuffer(part.content) ? part.content : Buffer.from(part.content, 'utf8'),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}
