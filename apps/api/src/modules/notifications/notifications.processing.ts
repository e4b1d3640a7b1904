import { LegalBasis, type ProcessingActivity } from '../../core/privacy/processing';

export const NOTIFICATIONS_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'notifications',
    feature: 'notifications',
    name: { de: 'Benachrichtigungen', en: 'Notifications' },
    purpose: {
      de: 'Mitglieder in der Anwendung und – wenn gewünscht – per E-Mail über neue Notizen, Tandems, Plätze und Rückmeldungen informieren.',
      en: 'Telling members in the app and – if they want – by e-mail about new notes, tandems, places and feedback.',
    },
    legalBasis: LegalBasis.PUBLIC_TASK,
    dataCategories: {
      de: 'Empfänger:in, E-Mail-Adresse für den Versand, Inhalt und Lesestatus der Benachrichtigung',
      en: 'Recipient, e-mail address for sending, content and read status of the notification',
    },
    dataSubjects: { de: 'Mitglieder, Netzwerkbüro', en: 'Members, network office' },
    recipients: {
      de: 'Die empfangende Person; der konfigurierte E-Mail-Server (SMTP_URL) als Auftragsverarbeiter',
      en: 'The recipient; the configured mail server (SMTP_URL) as a processor',
    },
    retention: {
      de: 'Benachrichtigungen bis zur Löschung des Kontos (dann sofort, mit offenen Versandaufträgen an die Person); Versandaufträge werden nach der Zustellung aufgeräumt',
      en: 'Notifications until the account is deleted (then at once, with pending sending jobs to the person); sending jobs are cleaned up after delivery',
    },
    tables: ['notification', 'notification_outbox', 'notification_mail'],
  },
];
