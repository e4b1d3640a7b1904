/**
 * The readable part of a data export: what the JSON file holds, in the person's language
 * (German or English), as plain text anyone can open. Pure: built from the collected
 * sections, so a unit test can read it without a database.
 */
export type ExportLocale = 'de' | 'en';

type Row = Record<string, unknown>;

interface SectionText {
  title: Record<ExportLocale, string>;
  /** One line per row; absent for sections shown another way (account, settings). */
  line?: (row: Row, l: Format) => string;
}

interface Format {
  locale: ExportLocale;
  date: (value: unknown) => string;
  yesNo: (value: unknown) => string;
}

const TEXT = {
  heading: {
    de: 'Wissensnetz – Ihre gespeicherten Daten (Auskunft nach Art. 15 DSGVO)',
    en: 'Wissensnetz – the data stored about you (access under Art. 15 GDPR)',
  },
  created: { de: 'Erstellt am', en: 'Created on' },
  none: { de: '(keine)', en: '(none)' },
  name: { de: 'Name', en: 'Name' },
  email: { de: 'E-Mail-Adresse', en: 'E-mail address' },
  language: { de: 'Sprache', en: 'Language' },
  networkRole: { de: 'Rolle im Netzwerk', en: 'Network role' },
  since: { de: 'Konto angelegt', en: 'Account created' },
  mailTandem: { de: 'E-Mails „Mein Tandem“', en: 'E-mails "my tandem"' },
  mailCity: { de: 'E-Mails „Arbeit meiner Kommune“', en: 'E-mails "my city\'s work"' },
  mailNetwork: { de: 'E-Mails „Neues im Netzwerk“', en: 'E-mails "network news"' },
  json: {
    de: 'Alle Angaben vollständig und maschinenlesbar (Art. 20 DSGVO) stehen in der JSON-Datei dieses Exports. Was die Plattform wozu verarbeitet, steht in der Datenschutzerklärung (/datenschutz).',
    en: 'Everything, complete and machine-readable (Art. 20 GDPR), is in the JSON file of this export. What the platform processes and why is set out in the privacy policy (/datenschutz).',
  },
} satisfies Record<string, Record<ExportLocale, string>>;

const CADENCES: Record<string, Record<ExportLocale, string>> = {
  IMMEDIATE: { de: 'sofort', en: 'immediately' },
  DAILY: { de: 'täglich', en: 'daily' },
  WEEKLY: { de: 'wöchentlich', en: 'weekly' },
  NEVER: { de: 'nie', en: 'never' },
};

function cadenceText(value: unknown, locale: ExportLocale): string {
  return CADENCES[String(value)]?.[locale] ?? '–';
}

const SECTIONS: Record<string, SectionText> = {
  memberships: {
    title: { de: 'Mitgliedschaften', en: 'Memberships' },
    line: (r, f) => `${r.cityName}: ${r.role} (${f.date(r.since)})`,
  },
  invitations: {
    title: { de: 'Einladungen an Ihre Adresse', en: 'Invitations to your address' },
    line: (r, f) => `${r.cityName}: ${r.role}, ${f.date(r.createdAt)}`,
  },
  sessions: {
    title: { de: 'Anmeldungen (Sitzungen)', en: 'Sign-ins (sessions)' },
    line: (r, f) =>
      `${f.date(r.createdAt)} – ${f.locale === 'de' ? 'zuletzt' : 'last used'} ${f.date(r.lastUsedAt)}${r.userAgent ? ` · ${String(r.userAgent)}` : ''}`,
  },
  passwordResets: {
    title: { de: 'Passwort-Zurücksetzungen', en: 'Password resets' },
    line: (r, f) => f.date(r.requestedAt),
  },
  practices: {
    title: { de: 'Praxisbeispiele, an denen Sie geschrieben haben', en: 'Practices you wrote' },
    line: (r, f) =>
      `${r.title} (${r.cityName}, ${r.status}) · ${(r.revisionsByYou as unknown[]).length} ${
        f.locale === 'de' ? 'Fassungen von Ihnen' : 'versions by you'
      }`,
  },
  cityProfileRevisions: {
    title: { de: 'Fassungen von Stadtprofilen', en: 'City profile versions' },
    line: (r, f) => `${r.cityName} #${r.number}, ${f.date(r.createdAt)}`,
  },
  tandemNotes: {
    title: { de: 'Tandem-Notizen', en: 'Tandem notes' },
    line: (r, f) =>
      `${f.date(r.createdAt)} ${r.tandemCity} ↔ ${r.tandemPartnerCity}: ${shorten(String(r.body))}`,
  },
  tandemVisits: {
    title: { de: 'Zuletzt geöffnete Tandems', en: 'Tandems last opened' },
    line: (r, f) => `${r.tandemCity} ↔ ${r.tandemPartnerCity}, ${f.date(r.lastSeenAt)}`,
  },
  conferenceParticipations: {
    title: { de: 'Teilnahmen an Konferenzen', en: 'Conference participations' },
    line: (r, f) => `${r.conference}, ${f.date(r.startsAt)} (${r.registeredByCity}, ${r.status})`,
  },
  conferenceRegistrationsByYou: {
    title: { de: 'Von Ihnen vorgenommene Anmeldungen', en: 'Registrations you made' },
    line: (r, f) => `${r.conference}, ${f.date(r.startsAt)} (${r.cityName}, ${r.status})`,
  },
  notifications: {
    title: { de: 'Benachrichtigungen', en: 'Notifications' },
    line: (r, f) => `${f.date(r.createdAt)} ${r.title}`,
  },
  notificationEmails: {
    title: { de: 'Benachrichtigungen per E-Mail', en: 'Notification e-mails' },
    line: (r, f) => `${f.date(r.createdAt)} ${r.subject}`,
  },
  auditEntries: {
    title: { de: 'Einträge im Protokoll', en: 'Audit log entries' },
    line: (r, f) =>
      `${f.date(r.createdAt)} ${r.action}${r.cityName ? ` (${r.cityName})` : ''} · ${
        r.byYou
          ? f.locale === 'de'
            ? 'von Ihnen'
            : 'by you'
          : f.locale === 'de'
            ? 'Sie betreffend'
            : 'about you'
      }`,
  },
  accessibilityFeedback: {
    title: { de: 'Rückmeldungen zur Barrierefreiheit', en: 'Accessibility feedback' },
    line: (r, f) => `${f.date(r.sentAt)}: ${shorten(String(r.message))}`,
  },
};

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

export function buildSummary(
  data: Record<string, unknown>,
  locale: ExportLocale,
  generatedAt: Date,
): string {
  const dateFormat = new Intl.DateTimeFormat(locale === 'de' ? 'de-DE' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
    timeZone: 'Europe/Berlin',
  });
  const f: Format = {
    locale,
    date: (value) =>
      value == null || value === ''
        ? '–'
        : dateFormat.format(value instanceof Date ? value : new Date(String(value))),
    yesNo: (value) => (value ? (locale === 'de' ? 'ja' : 'yes') : locale === 'de' ? 'nein' : 'no'),
  };
  const account = (data.account ?? {}) as Row;
  const settings = (data.notificationSettings ?? {}) as Row;
  const lines = [
    TEXT.heading[locale],
    `${TEXT.created[locale]} ${f.date(generatedAt)}`,
    '',
    `${TEXT.name[locale]}: ${account.displayName ?? '–'}`,
    `${TEXT.email[locale]}: ${account.email ?? '–'}`,
    `${TEXT.language[locale]}: ${account.locale ?? '–'}`,
    `${TEXT.networkRole[locale]}: ${account.networkRole ?? '–'}`,
    `${TEXT.since[locale]}: ${f.date(account.createdAt)}`,
    ...(['mailTandem', 'mailCity', 'mailNetwork'] as const).map(
      (stream) => `${TEXT[stream][locale]}: ${cadenceText(settings[stream], locale)}`,
    ),
  ];
  for (const [key, section] of Object.entries(SECTIONS)) {
    const list = Array.isArray(data[key]) ? (data[key] as Row[]) : [];
    lines.push('', `${section.title[locale]} (${list.length})`);
    if (list.length === 0) lines.push(`  ${TEXT.none[locale]}`);
    for (const row of list) lines.push(`  - ${section.line ? section.line(row, f) : ''}`);
  }
  lines.push('', TEXT.json[locale], '');
  return lines.join('\n');
}
