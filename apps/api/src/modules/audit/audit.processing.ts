import {
  LegalBasis,
  type NoPersonalData,
  type ProcessingActivity,
} from '../../core/privacy/processing';

export const AUDIT_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'audit-log',
    feature: 'audit',
    name: { de: 'Protokoll privilegierter Aktionen', en: 'Log of privileged actions' },
    purpose: {
      de: 'Nachvollziehen, wer Rollen, Einladungen, Tandems und abgeschlossene Protokolle geändert hat.',
      en: 'Tracing who changed roles, invitations, tandems and final records.',
    },
    legalBasis: LegalBasis.PUBLIC_TASK,
    legalBasisNote: {
      de: 'Rechenschaftspflicht und Sicherheit (Art. 5 Abs. 2, Art. 32 DSGVO)',
      en: 'Accountability and security (Art. 5(2), Art. 32 GDPR)',
    },
    dataCategories: {
      de: 'Handelnde Person, Aktion, betroffene Stadt oder Person, Zeitpunkt',
      en: 'Acting person, action, city or person concerned, time',
    },
    dataSubjects: { de: 'Mitglieder, Netzwerkbüro', en: 'Members, network office' },
    recipients: { de: 'Nur das Netzwerkbüro', en: 'Only the network office' },
    retention: {
      de: 'Dauerhaft; ist ein Eintrag älter als {auditPeriod}, wird die handelnde Person nur noch als Pseudonym geführt. Nach dem Löschen eines Kontos bleiben seine Einträge mit der namenlosen Kennung statt Name und Adresse; das Löschen selbst wird mit wer, wann und Grund protokolliert',
      en: 'Kept; once an entry is older than {auditPeriod}, the acting person is kept only as a pseudonym. After an account is deleted its entries keep the nameless id instead of name and address; the erasure itself is logged with who, when and why',
    },
    tables: ['audit_log'],
  },
];

export const AUDIT_NO_PERSONAL_DATA: readonly NoPersonalData[] = [
  {
    table: 'audit_pseudonym_key',
    reason: 'the one key the pseudonyms of old audit entries are derived with; no people',
  },
];
