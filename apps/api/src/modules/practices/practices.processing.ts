import {
  LegalBasis,
  type NoPersonalData,
  type ProcessingActivity,
} from '../../core/privacy/processing';

export const PRACTICES_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'practices',
    feature: 'practices',
    name: { de: 'Gute Praxis', en: 'Best practices' },
    purpose: {
      de: 'Beispiele guter Praxis der Städte veröffentlichen und auffindbar machen, mit Ansprechperson und Versionen.',
      en: 'Publishing the cities’ best practices and making them findable, with a contact person and revisions.',
    },
    legalBasis: LegalBasis.PUBLIC_TASK,
    dataCategories: {
      de: 'Name und E-Mail-Adresse der angegebenen Ansprechperson, Verfasser:in und Bearbeiter:in jeder Version, hochladende Person von Anhängen',
      en: 'Name and e-mail address of the given contact person, author and editor of each revision, uploader of attachments',
    },
    dataSubjects: {
      de: 'Mitglieder und Ansprechpersonen der Städte',
      en: 'Members and contact people of the cities',
    },
    recipients: {
      de: 'Je nach Sichtbarkeit der Praxis: die eigene Stadt, das Netzwerk oder die Öffentlichkeit; Entwürfe nur die eigene Stadt; Suchindex (Meilisearch, eigener Server)',
      en: 'Depending on the practice’s visibility: the own city, the network or the public; drafts only the own city; search index (Meilisearch, own server)',
    },
    retention: {
      de: 'Solange die Praxis besteht (archivierte bleiben als Nachweis); löscht die Autorin ihr Konto, bleibt die Praxis als Beitrag „ehemaliges Mitglied von <Stadt>“, ihre Adresse als Ansprechperson wird entfernt',
      en: 'As long as the practice exists (archived ones stay as a record); when the author deletes their account the practice stays as by “former member of <city>”, their address as contact person is removed',
    },
    tables: ['practice', 'practice_revision', 'practice_attachment'],
  },
];

export const PRACTICES_NO_PERSONAL_DATA: readonly NoPersonalData[] = [
  { table: 'practice_topic', reason: 'links practices and topics (ids only)' },
];
