import { LegalBasis, type ProcessingActivity } from '../../core/privacy/processing';

export const MAIL_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'dev-mailbox',
    feature: 'mail',
    name: {
      de: 'Entwicklungs-Postfach (nur ohne Mailserver)',
      en: 'Development mailbox (only without a mail server)',
    },
    purpose: {
      de: 'Ohne konfigurierten Mailserver bleiben E-Mails in einem lokalen Postfach, das nur vom Rechner des Betriebs lesbar ist (Demo und Tests).',
      en: 'Without a configured mail server e-mails stay in a local mailbox readable only from the operator’s machine (demo and tests).',
    },
    legalBasis: LegalBasis.PUBLIC_TASK,
    dataCategories: {
      de: 'Empfangsadresse, Betreff, Text der E-Mail',
      en: 'Recipient address, subject, text of the e-mail',
    },
    dataSubjects: { de: 'Empfänger:innen von E-Mails', en: 'Recipients of e-mails' },
    recipients: { de: 'Niemand außerhalb des Servers', en: 'Nobody outside the server' },
    retention: { de: 'Bis zum Zurücksetzen der Demo-Daten', en: 'Until the demo data are reset' },
    tables: ['dev_mail'],
  },
];
