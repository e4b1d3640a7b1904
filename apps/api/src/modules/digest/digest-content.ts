import { NotificationKind } from '../notifications/dto/notification-message';
import { MailCadence } from '../users/dto/mail-cadence';
import { NETWORK_TIME_ZONE } from '../../core/time/berlin-time';
import type { DigestPeriod } from './digest-period';

/** What a digest lists, section by section (notification kinds, then network news). */
export type DigestGroup =
  NotificationKind | 'NEW_PRACTICE' | 'PRACTICE_REVISED' | 'NEW_CONFERENCE' | 'FINAL_RECORD';

export interface DigestItem {
  group: DigestGroup;
  title: string;
  /** A line under the title (the notification's text, the practice's city …). */
  detail: string;
  /** Absolute link into the platform. */
  url: string;
}

type Locale = 'de' | 'en';

const GROUPS: Record<DigestGroup, Record<Locale, string>> = {
  [NotificationKind.TANDEM_NOTE_ADDED]: { de: 'Neues im Tandem', en: 'New in your tandem' },
  [NotificationKind.TANDEM_STATUS_CHANGED]: { de: 'Tandems', en: 'Tandems' },
  [NotificationKind.PRACTICE_SUBMITTED]: {
    de: 'Zur Prüfung eingereicht',
    en: 'Submitted for review',
  },
  [NotificationKind.PRACTICE_RETURNED]: { de: 'Zurückgegeben', en: 'Sent back' },
  [NotificationKind.PRACTICE_PUBLISHED]: { de: 'Veröffentlicht', en: 'Published' },
  [NotificationKind.REGISTRATION_CONFIRMED]: { de: 'Anmeldungen', en: 'Registrations' },
  [NotificationKind.ACCESSIBILITY_FEEDBACK]: {
    de: 'Rückmeldungen zur Barrierefreiheit',
    en: 'Accessibility feedback',
  },
  NEW_PRACTICE: { de: 'Neue Praxisbeispiele', en: 'New practices' },
  PRACTICE_REVISED: { de: 'Überarbeitete Praxisbeispiele', en: 'Revised practices' },
  NEW_CONFERENCE: { de: 'Neue Veranstaltungen', en: 'New conferences' },
  FINAL_RECORD: { de: 'Neue Protokolle', en: 'New records' },
};

/** Sections in this order; within one, items as given. */
const ORDER = Object.keys(GROUPS) as DigestGroup[];

export interface DigestMail {
  subject: string;
  text: string;
  html: string;
}

export interface DigestWording {
  locale: string;
  displayName: string;
  period: DigestPeriod;
  items: readonly DigestItem[];
  /** Page with the unsubscribe button (works without signing in). */
  unsubscribePageUrl: string;
  /** Where all e-mail settings are. */
  settingsUrl: string;
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** The items by section, in the fixed order; empty sections left out. */
export function groupItems(items: readonly DigestItem[]): Array<[DigestGroup, DigestItem[]]> {
  return ORDER.map((group) => [group, items.filter((item) => item.group === group)] as const)
    .filter(([, of]) => of.length > 0)
    .map(([group, of]) => [group, of]);
}

/** One digest e-mail, in the person's language, as plain text and HTML. */
export function renderDigest(wording: DigestWording): DigestMail {
  const locale: Locale = wording.locale === 'en' ? 'en' : 'de';
  const de = locale === 'de';
  const day = (date: Date) =>
    new Intl.DateTimeFormat(de ? 'de-DE' : 'en-GB', {
      timeZone: NETWORK_TIME_ZONE,
      day: 'numeric',
      month: 'long',
      year: 'numeric',
    }).format(date);
  const last = new Date(wording.period.end.getTime() - 1);
  const daily = wording.period.cadence === MailCadence.DAILY;
  const span = daily ? day(wording.period.start) : `${day(wording.period.start)} – ${day(last)}`;
  const count = wording.items.length;
  const subject = de
    ? `Wissensnetz: ${daily ? 'Ihr Tagesüberblick' : 'Ihr Wochenüberblick'} (${count} ${count === 1 ? 'Neuigkeit' : 'Neuigkeiten'})`
    : `Wissensnetz: your ${daily ? 'daily' : 'weekly'} digest (${count} ${count === 1 ? 'update' : 'updates'})`;
  const greeting = de ? `Hallo ${wording.displayName},` : `Hello ${wording.displayName},`;
  const intro = de ? `das ist neu für Sie (${span}):` : `here is what is new for you (${span}):`;
  const footer = de
    ? {
        settings: 'Einstellungen für E-Mails',
        unsubscribe: 'Diese Zusammenfassung abbestellen',
      }
    : { settings: 'E-mail settings', unsubscribe: 'Unsubscribe from this digest' };
  const sections = groupItems(wording.items);

  const text = [
    greeting,
    '',
    intro,
    ...sections.flatMap(([group, items]) => [
      '',
      `${GROUPS[group][locale]} (${items.length})`,
      ...items.flatMap((item) => [
        `- ${item.title}`,
        ...(item.detail ? [`  ${item.detail}`] : []),
        `  ${item.url}`,
      ]),
    ]),
    '',
    '--',
    `${footer.settings}: ${wording.settingsUrl}`,
    `${footer.unsubscribe}: ${wording.unsubscribePageUrl}`,
    '',
  ].join('\n');

  const html = `<!doctype html>
<html lang="${locale}"><head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">
<p>${escapeHtml(greeting)}</p>
<p>${escapeHtml(intro)}</p>
${sections
  .map(
    ([
      group,
      items,
    ]) => `<h2 style="font-size: 1.1em">${escapeHtml(GROUPS[group][locale])} (${items.length})</h2>
<ul>
${items
  .map(
    (item) =>
      `<li><a href="${escapeHtml(item.url)}">${escapeHtml(item.title)}</a>${item.detail ? `<br>${escapeHtml(item.detail)}` : ''}</li>`,
  )
  .join('\n')}
</ul>`,
  )
  .join('\n')}
<hr>
<p><a href="${escapeHtml(wording.settingsUrl)}">${escapeHtml(footer.settings)}</a> · <a href="${escapeHtml(wording.unsubscribePageUrl)}">${escapeHtml(footer.unsubscribe)}</a></p>
</body></html>
`;
  return { subject, text, html };
}
