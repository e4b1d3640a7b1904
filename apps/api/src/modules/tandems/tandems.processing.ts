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
      de: 'Solange das Tandem besteht; Notizen einer Person, die ihr Konto löscht, bleiben als „ehemaliges Mitglied von <Stadt>“',
      en: 'As long as the tandem exists; notes of a person who deletes their account stay as by “former member of <city>”',
    },
    tables: ['tandem', 'tandem_note', 'tandem_note_revision'],
  },
  {
    key: 'tandem-visits',
    feature: 'tandems',
    name: { de: 'Zuletzt geöffnete Tandems', en: 'Tandems last opened' },
    purpose: {
      de: 'Im Arbeitsbereich zeigen, welche Tandem-Einträge seit dem letzten Besuch neu sind.',
      en: 'Show in the workspace which tandem entries are new since the last visit.',
    },
    legalBasis: LegalBasis.PUBLIC_TASK,
    dataCategories: {
      de: 'Person, Tandem und Zeitpunkt, zu dem die Person die Tandem-Seite zuletzt geöffnet hat',
      en: 'Person, tandem and the time the person last opened the tandem page',
    },
    dataSubjects: {
      de: 'Mitglieder der beiden Städte',
      en: 'Members of the two cities',
    },
    recipients: {
      de: 'Nur die Person selbst (Zeilensicherheit in PostgreSQL)',
      en: 'Only the person themselves (row-level security in PostgreSQL)',
    },
    retention: {
      de: 'Solange das Konto und das Tandem bestehen (beim Löschen des Kontos sofort)',
      en: 'As long as the account and the tandem exist (at once when the account is deleted)',
    },
    tables: ['tandem_visit'],
  },
];
