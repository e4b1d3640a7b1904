import { LegalBasis, type ProcessingActivity } from '../../core/privacy/processing';

export const TANDEMS_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'tandems',
    feature: 'tandems',
    name: { de: 'Tandems und Tandem-Notizen', en: 'Tandems and tandem notes' },
    purpose: {
      de: 'Patenschaften zwischen zwei Städten: Ziele, Absprachen, Besuchsprotokolle und Fragen.',
      en: 'Partnerships between two cities: goals, agreements, visit logs and questions.',
    },
    legalBasis: LegalBasis.PUBLIC_TASK,
    dataCategories: {
      de: 'Wer ein Tandem vorgeschlagen hat; Verfasser:in und Inhalt der Notizen mit Versionen',
      en: 'Who proposed a tandem; author and content of notes with their revisions',
    },
    dataSubjects: {
      de: 'Mitglieder der beiden Städte, Netzwerkbüro',
      en: 'Members of the two cities, network office',
    },
    recipients: {
      de: 'Notizen nur die Mitglieder der beiden Städte; Status auch das Netzwerkbüro',
      en: 'Notes only the members of the two cities; status also the network office',
    },
    retention: {
      de: 'Solange das Tandem besteht',
      en: 'As long as the tandem exists',
    },
    tables: ['tandem', 'tandem_note', 'tandem_note_revision'],
  },
];
