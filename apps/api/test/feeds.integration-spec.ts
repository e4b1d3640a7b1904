import { child, childrenNamed, parseXml, type XmlElement } from './xml-reader';
import { startTestPlatform, type Client, type TestPlatform } from './harness';

const CREATE = `mutation($input: CreatePracticeInput!) { createPractice(input: $input) { id } }`;
const PUBLISH = `mutation($id: ID!) { publishPractice(id: $id) { status } }`;
const CITY = 'bad-salzuflen';

/** The ids of a feed's entries: the practices' page addresses, ending in their id. */
function entryIds(feed: XmlElement): string[] {
  return childrenNamed(feed, 'entry').map((entry) => child(entry, 'id').text.split('/').pop()!);
}

describe('Atom feeds of public practices', () => {
  let api: TestPlatform;
  let coordinator: Client;
  const ids: Record<'escaped' | 'network' | 'draft' | 'ownCity' | 'otherTopic', string> = {
    escaped: '',
    network: '',
    draft: '',
    ownCity: '',
    otherTopic: '',
  };
  const marker = `feed-${Date.now()}`;

  async function create(input: Record<string, unknown>, publish: boolean): Promise<string> {
    const created = await coordinator.gql<{ createPractice: { id: string } }>(CREATE, {
      input: {
        citySlug: CITY,
        summary: `Zusammenfassung ${marker}`,
        contactName: 'Erika Kontakt',
        contactEmail: 'erika.kontakt@example.org',
        ...input,
      },
    });
    expect(created.errors).toBeUndefined();
    const id = created.data!.createPractice.id;
    if (publish) expect((await coordinator.gql(PUBLISH, { id })).errors).toBeUndefined();
    return id;
  }

  async function feed(
    path: string,
    cookie?: string,
  ): Promise<{ response: Response; root: XmlElement }> {
    const response = await fetch(`${api.url}${path}`, cookie ? { headers: { cookie } } : {});
    expect(response.status).toBe(200);
    return { response, root: parseXml(await response.text()) };
  }

  beforeAll(async () => {
    api = await startTestPlatform();
    coordinator = await api.as('coordinator', CITY);
    ids.draft = await create(
      { title: `Entwurf ${marker}`, visibility: 'PUBLIC', topicSlugs: ['nachhaltigkeit'] },
      false,
    );
    ids.network = await create(
      { title: `Netzwerk ${marker}`, visibility: 'NETWORK', topicSlugs: ['nachhaltigkeit'] },
      true,
    );
    ids.ownCity = await create(
      { title: `Eigene Stadt ${marker}`, visibility: 'CITY', topicSlugs: ['nachhaltigkeit'] },
      true,
    );
    ids.otherTopic = await create(
      { title: `Beteiligung ${marker}`, visibility: 'PUBLIC', topicSlugs: ['beteiligung'] },
      true,
    );
    ids.escaped = await create(
      {
        title: `Kita <&> "Schule" ${marker}`,
        visibility: 'PUBLIC',
        topicSlugs: ['nachhaltigkeit'],
      },
      true,
    );
  });
  afterAll(async () => {
    await api?.stop();
  });

  it('serves valid Atom with only published public practices, authored by their city', async () => {
    const { response, root } = await feed('/feeds/praxis.atom');
    expect(response.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(response.headers.get('cache-control')).toContain('public');
    expect(response.headers.get('last-modified')).toBeTruthy();
    expect(root.name).toBe('feed');
    expect(root.attributes.xmlns).toBe('http://www.w3.org/2005/Atom');
    expect(child(root, 'id').text).toBe(`${api.platform.config.publicUrl}/feeds/praxis.atom`);
    expect(new Date(child(root, 'updated').text).getTime()).not.toBeNaN();
    const self = childrenNamed(root, 'link').find((link) => link.attributes.rel === 'self');
    expect(self?.attributes.type).toBe('application/atom+xml');

    const found = entryIds(root);
    expect(found).toEqual(expect.arrayContaining([ids.escaped, ids.otherTopic]));
    for (const hidden of [ids.draft, ids.network, ids.ownCity]) expect(found).not.toContain(hidden);

    const entry = childrenNamed(root, 'entry').find((e) =>
      child(e, 'id').text.endsWith(ids.escaped),
    )!;
    expect(child(entry, 'title').text).toBe(`Kita <&> "Schule" ${marker}`);
    expect(child(entry, 'link').attributes.href).toBe(
      `${api.platform.config.publicUrl}/praxis/${ids.escaped}`,
    );
    expect(child(child(entry, 'author'), 'name').text).toBe('Bad Salzuflen');
    expect(child(entry, 'summary').text).toBe(`Zusammenfassung ${marker}`);
    expect(new Date(child(entry, 'updated').text).getTime()).not.toBeNaN();
    expect(childrenNamed(entry, 'category').map((c) => c.attributes.term)).toEqual([
      'nachhaltigkeit',
    ]);
  });

  it('never names contact persons and shows a signed-in reader nothing more', async () => {
    const raw = await (await fetch(`${api.url}/feeds/praxis.atom`)).text();
    expect(raw).not.toContain('erika.kontakt@example.org');
    expect(raw).not.toContain('Erika Kontakt');
    const { root } = await feed('/feeds/praxis.atom', coordinator.cookie);
    const found = entryIds(root);
    expect(found).toContain(ids.escaped);
    for (const hidden of [ids.draft, ids.network, ids.ownCity]) expect(found).not.toContain(hidden);
  });

  it('filters per topic and per city', async () => {
    const topic = entryIds((await feed('/feeds/themen/nachhaltigkeit.atom')).root);
    expect(topic).toContain(ids.escaped);
    expect(topic).not.toContain(ids.otherTopic);
    expect(topic).not.toContain(ids.network);
    const other = entryIds((await feed('/feeds/themen/beteiligung.atom')).root);
    expect(other).toContain(ids.otherTopic);
    expect(other).not.toContain(ids.escaped);

    const city = (await feed(`/feeds/staedte/${CITY}.atom`)).root;
    expect(child(city, 'title').text).toBe('Wissensnetz: Praxisbeispiele aus Bad Salzuflen');
    expect(entryIds(city)).toEqual(expect.arrayContaining([ids.escaped, ids.otherTopic]));
    expect(entryIds(city)).not.toContain(ids.ownCity);
    const elsewhere = entryIds((await feed('/feeds/staedte/goch.atom')).root);
    expect(elsewhere).not.toContain(ids.escaped);
  });

  it('answers 304 to a reader that has the current version, 404 for unknown topics and cities', async () => {
    const first = await fetch(`${api.url}/feeds/staedte/${CITY}.atom`);
    const etag = first.headers.get('etag');
    expect(etag).toMatch(/^".+"$/);
    const again = await fetch(`${api.url}/feeds/staedte/${CITY}.atom`, {
      headers: { 'if-none-match': etag! },
    });
    expect(again.status).toBe(304);
    for (const path of [
      '/feeds/themen/gibt-es-nicht.atom',
      '/feeds/staedte/gibt-es-nicht.atom',
      '/feeds/staedte/goch.rss',
    ]) {
      expect((await fetch(`${api.url}${path}`)).status).toBe(404);
    }
  });
});
