import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n');
const FOREIGN = 'https://angreifer.example';

interface Answer {
  status: number;
  body: { id?: string; errors?: Array<{ extensions: Record<string, unknown> }> };
}

/**
 * State-changing HTTP routes outside /graphql (the attachment upload) refuse requests
 * that carry the session cookie but come from another site, as Apollo's CSRF
 * prevention does for GraphQL: nothing is stored.
 */
describe('cross-site request forgery on HTTP routes', () => {
  let api: TestPlatform;
  let coordinator: Client;
  let practiceId: string;

  beforeAll(async () => {
    api = await startTestPlatform();
    coordinator = await api.as('coordinator', 'lemgo');
    const created = await coordinator.gql<{ createPractice: { id: string } }>(
      'mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }',
      { input: { citySlug: 'lemgo', title: 'Anhänge gegen CSRF', summary: 'Ziel des Angriffs' } },
    );
    practiceId = created.data!.createPractice.id;
  });
  afterAll(async () => {
    await api?.stop();
  });

  async function upload(headers: Record<string, string>, client: Client | null = coordinator) {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'a.pdf');
    const response = await fetch(`${api.url}/api/practices/${practiceId}/attachments`, {
      method: 'POST',
      body: form,
      headers: { ...(client?.cookie ? { cookie: client.cookie } : {}), ...headers },
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  }

  async function stored(): Promise<number> {
    const [row] = await api.ownerQuery<{ n: number }>(
      'SELECT count(*)::int AS n FROM practice_attachment WHERE practice_id = $1',
      [practiceId],
    );
    return row.n;
  }

  function expectRefused(answer: Answer): void {
    expect(answer.status).toBe(403);
    expect(answer.body.errors?.[0].extensions).toEqual({
      code: 'FORBIDDEN',
      reason: 'CROSS_SITE_REQUEST',
      requestId: expect.any(String),
    });
  }

  const own = () => new URL(api.url).origin;
  const otherPort = () => {
    const url = new URL(api.url);
    url.port = String(Number(url.port) === 65535 ? 65534 : Number(url.port) + 1);
    return url.origin;
  };

  it.each<[string, () => Record<string, string>]>([
    ['a foreign Origin', () => ({ origin: FOREIGN })],
    [
      'a foreign Origin with the preflight header',
      () => ({ origin: FOREIGN, 'apollo-require-preflight': 'true' }),
    ],
    ['the opaque Origin "null" (sandboxed frame, data: URL)', () => ({ origin: 'null' })],
    ['another port on the same host (same site, other origin)', () => ({ origin: otherPort() })],
    ['no Origin and a foreign Referer', () => ({ referer: `${FOREIGN}/seite.html` })],
    ['no Origin and a malformed Referer', () => ({ referer: 'nicht eine adresse' })],
    ['neither Origin nor Referer, as a plain form post', () => ({})],
  ])(
    'refuses an upload with the session cookie and %s, and stores nothing',
    async (_name, headers) => {
      const before = await stored();
      expectRefused(await upload(headers()));
      expect(await stored()).toBe(before);
    },
  );

  it('accepts the upload from its own origin', async () => {
    const before = await stored();
    const answer = await upload({ origin: own() });
    expect(answer.status).toBe(201);
    expect(await stored()).toBe(before + 1);
  });

  it('accepts the own origin as Referer when the Origin header is missing', async () => {
    const answer = await upload({ referer: `${own()}/lemgo/praxis/${practiceId}/bearbeiten` });
    expect(answer.status).toBe(201);
  });

  it('accepts a request without Origin and Referer that carries the preflight header', async () => {
    // What the web app's upload sends besides its Origin (apps/web/src/features/practices/upload.ts).
    const answer = await upload({ 'apollo-require-preflight': 'true' });
    expect(answer.status).toBe(201);
  });

  it('asks anonymous callers to sign in, whatever their origin', async () => {
    const answer = await upload({ origin: FOREIGN }, null);
    expect(answer.status).toBe(401);
  });

  it('leaves GET downloads from other sites alone (links in e-mails, other tabs)', async () => {
    const uploaded = await upload({ origin: own() });
    const download = await fetch(`${api.url}/files/attachments/${uploaded.body.id!}`, {
      headers: { cookie: coordinator.cookie!, origin: FOREIGN, referer: `${FOREIGN}/` },
    });
    expect(download.status).toBe(200);
  });

  it('protects every state-changing route of every controller', async () => {
    // Found from Nest's routing metadata, so a route added later is covered by this test.
    const routes: Array<{ method: string; path: string }> = [];
    for (const module of api.platform.app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const controller = wrapper.metatype as { prototype: object } | null;
        if (!controller) continue;
        const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '/');
        const prototype = controller.prototype as Record<string, unknown>;
        for (const name of Object.getOwnPropertyNames(prototype)) {
          const handler = prototype[name];
          if (typeof handler !== 'function' || name === 'constructor') continue;
          const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
          const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
          if (method === undefined || path === undefined) continue;
          if (method === RequestMethod.GET || method === RequestMethod.HEAD) continue;
          routes.push({
            method: RequestMethod[method],
            path: `/${[base, path].join('/')}`
              .replace(/\/+/g, '/')
              .replace(/:[A-Za-z]+/g, practiceId),
          });
        }
      }
    }
    expect(routes).toContainEqual({
      method: 'POST',
      path: `/api/practices/${practiceId}/attachments`,
    });
    for (const route of routes) {
      const before = await stored();
      const response = await fetch(`${api.url}${route.path}`, {
        method: route.method === 'ALL' ? 'POST' : route.method,
        headers: { cookie: coordinator.cookie!, origin: FOREIGN },
      });
      expect({ ...route, status: response.status }).toEqual({ ...route, status: 403 });
      expectRefused({ status: response.status, body: (await response.json()) as Answer['body'] });
      expect(await stored()).toBe(before);
    }
  });
});

describe('cross-site request forgery with configured origins', () => {
  let api: TestPlatform;

  beforeAll(async () => {
    api = await startTestPlatform({
      PUBLIC_URL: 'https://wissensnetz.example/',
      ALLOWED_ORIGINS: 'https://redaktion.wissensnetz.example',
    });
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('accepts PUBLIC_URL and ALLOWED_ORIGINS as own origins', async () => {
    const coordinator = await api.as('coordinator', 'lemgo');
    const created = await coordinator.gql<{ createPractice: { id: string } }>(
      'mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }',
      { input: { citySlug: 'lemgo', title: 'Konfigurierte Herkunft', summary: 'x' } },
    );
    const id = created.data!.createPractice.id;
    const statuses: Record<string, number> = {};
    for (const origin of [
      'https://wissensnetz.example',
      'https://redaktion.wissensnetz.example',
      'https://wissensnetz.example.angreifer.example',
      'http://wissensnetz.example',
    ]) {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(PDF)], { type: 'application/pdf' }), 'a.pdf');
      const response = await fetch(`${api.url}/api/practices/${id}/attachments`, {
        method: 'POST',
        body: form,
        headers: { cookie: coordinator.cookie!, origin },
      });
      statuses[origin] = response.status;
    }
    expect(statuses).toEqual({
      'https://wissensnetz.example': 201,
      'https://redaktion.wissensnetz.example': 201,
      'https://wissensnetz.example.angreifer.example': 403,
      'http://wissensnetz.example': 403,
    });
  });
});
