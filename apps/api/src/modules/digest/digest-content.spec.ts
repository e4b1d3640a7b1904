import { NotificationKind } from '../notifications/dto/notification-message';
import { MailCadence } from '../users/dto/mail-cadence';
import { renderDigest, type DigestItem } from './digest-content';

const period = {
  cadence: MailCadence.WEEKLY as const,
  start: new Date('2027-02-21T23:00:00Z'),
  end: new Date('2027-02-28T23:00:00Z'),
};
const items: DigestItem[] = [
  {
    group: 'NEW_PRACTICE',
    title: 'Repair-Café <Halle>',
    detail: 'Halle',
    url: 'https://x/praxis/1',
  },
  {
    group: NotificationKind.TANDEM_NOTE_ADDED,
    title: 'Neue Notiz',
    detail: 'Treffen am Rathaus',
    url: 'https://x/goch/tandems/2',
  },
  { group: 'NEW_PRACTICE', title: 'Lesepaten', detail: 'Goch', url: 'https://x/praxis/3' },
];
const base = {
  displayName: 'Ada',
  period,
  items,
  unsubscribePageUrl: 'https://x/abbestellen/t',
  settingsUrl: 'https://x/benachrichtigungen',
};

describe('renderDigest', () => {
  it('groups by kind in a fixed order, in German, text and HTML', () => {
    const mail = renderDigest({ ...base, locale: 'de' });
    expect(mail.subject).toBe('Wissensnetz: Ihr Wochenüberblick (3 Neuigkeiten)');
    expect(mail.text).toContain('22. Februar 2027 – 28. Februar 2027');
    const tandem = mail.text.indexOf('Neues im Tandem (1)');
    const practices = mail.text.indexOf('Neue Praxisbeispiele (2)');
    expect(tandem).toBeGreaterThan(0);
    expect(practices).toBeGreaterThan(tandem);
    expect(mail.text).toContain('https://x/abbestellen/t');
    expect(mail.html).toContain('<html lang="de">');
    expect(mail.html).toContain('Repair-Café &lt;Halle&gt;');
    expect(mail.html).not.toContain('<Halle>');
  });

  it('speaks English to English speakers, one update in the singular', () => {
    const mail = renderDigest({
      ...base,
      locale: 'en',
      period: { ...period, cadence: MailCadence.DAILY, end: new Date('2027-02-22T23:00:00Z') },
      items: items.slice(0, 1),
    });
    expect(mail.subject).toBe('Wissensnetz: your daily digest (1 update)');
    expect(mail.text).toContain('New practices (1)');
    expect(mail.text).toContain('Unsubscribe from this digest: https://x/abbestellen/t');
    expect(mail.html).toContain('<html lang="en">');
  });
});
