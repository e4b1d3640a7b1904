import { LegalBasis, type ProcessingActivity } from '../../core/privacy/processing';

export const FOLLOWS_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'follows-and-digests',
    feature: 'follows',
    name: { de: 'Folgen und Zusammenfassungen', en: 'Follows and digests' },
    purpose: {
      de: 'Mitgliedern auf Wunsch zusammengefasst (täglich oder wöchentlich) per E-Mail mitteilen, was es Neues zu den Themen, Städten, Praxisbeispielen und Veranstaltungen gibt, denen sie folgen.',
      en: 'Telling members, if they wish, in a daily or weekly e-mail what is new on the topics, cities, practices and conferences they follow.',
    },
    legalBasis: LegalBasis.PUBLIC_TASK,
    dataCategories: {
      de: 'Was die Person abonniert hat, E-Mail-Einstellungen je Bereich, versandte Zusammenfassungen (Zeitraum, Anzahl, Zeitpunkt, Abmeldung)',
      en: 'What the person follows, e-mail settings per stream, digests sent (period, count, time, unsubscribe)',
    },
    dataSubjects: { de: 'Mitglieder, Netzwerkbüro', en: 'Members, network office' },
    recipients: {
      de: 'Die Person selbst; der konfigurierte E-Mail-Server (SMTP_URL) als Auftragsverarbeiter',
      en: 'The person themselves; the configured mail server (SMTP_URL) as a processor',
    },
    retention: {
      de: 'Bis zur Löschung des Kontos',
      en: 'Until the account is deleted',
    },
    tables: ['follow', 'digest_delivery'],
  },
];
