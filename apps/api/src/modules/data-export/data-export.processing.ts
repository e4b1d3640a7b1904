import { LegalBasis, type ProcessingActivity } from '../../core/privacy/processing';

export const DATA_EXPORT_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'data-exports',
    feature: 'data-export',
    name: {
      de: 'Auskunft und Datenübertragbarkeit (eigene Daten herunterladen)',
      en: 'Access and portability (downloading one’s own data)',
    },
    purpose: {
      de: 'Einer angemeldeten Person auf ihren Wunsch alle über sie gespeicherten Daten als JSON-Datei und lesbare Übersicht bereitstellen (Art. 15 und 20 DSGVO).',
      en: 'Giving a signed-in person, at their request, all data stored about them as a JSON file and a readable summary (Art. 15 and 20 GDPR).',
    },
    legalBasis: LegalBasis.LEGAL_OBLIGATION,
    legalBasisNote: {
      de: 'Pflicht zur Auskunft und Datenübertragbarkeit (Art. 15, 20 DSGVO).',
      en: 'Obligation to provide access and portability (Art. 15, 20 GDPR).',
    },
    dataCategories: {
      de: 'Kopie aller Daten zur Person (Konto, Mitgliedschaften, Sitzungen, Beiträge, Anmeldungen, Benachrichtigungen, Protokolleinträge); Zeitpunkt und Fortschritt der Anfrage',
      en: 'A copy of all data about the person (account, memberships, sessions, contributions, registrations, notifications, audit entries); time and progress of the request',
    },
    dataSubjects: { de: 'Angemeldete Personen', en: 'Signed-in people' },
    recipients: { de: 'Nur die Person selbst', en: 'Only the person themselves' },
    retention: {
      de: 'Die fertigen Dateien 7 Tage, dann löscht ein geplanter Auftrag sie; fehlgeschlagene Anfragen ebenfalls nach 7 Tagen',
      en: 'The finished files for 7 days, then a scheduled job deletes them; failed requests likewise after 7 days',
    },
    tables: ['data_export'],
  },
];
