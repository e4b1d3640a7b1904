import { LegalBasis, type ProcessingActivity } from '../../core/privacy/processing';

export const USERS_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'accounts',
    feature: 'users',
    name: { de: 'Benutzerkonten', en: 'User accounts' },
    purpose: {
      de: 'Anmeldung und Zusammenarbeit im Netzwerk: wer schreibt, wer koordiniert, wer benachrichtigt wird.',
      en: 'Signing in and working together in the network: who writes, who coordinates, who is notified.',
    },
    legalBasis: LegalBasis.PUBLIC_TASK,
    legalBasisNote: {
      de: 'Betrieb des Netzwerks der Mitgliedskommunen; für nicht-öffentliche Betreiber Art. 6 Abs. 1 lit. b DSGVO (Nutzungsverhältnis).',
      en: 'Running the network of member municipalities; for non-public operators Art. 6(1)(b) GDPR (terms of use).',
    },
    dataCategories: {
      de: 'Name, E-Mail-Adresse, Passwort (nur als Argon2-Hash), Benachrichtigungseinstellungen, Netzwerkrolle, Zeitpunkte',
      en: 'Name, e-mail address, password (only as an Argon2 hash), notification settings, network role, timestamps',
    },
    dataSubjects: {
      de: 'Mitarbeitende der Mitgliedskommunen und des Netzwerkbüros',
      en: 'Staff of the member municipalities and of the network office',
    },
    recipients: {
      de: 'Der Name für angemeldete Mitglieder des Netzwerks; die E-Mail-Adresse nur für die Person selbst, die Koordination ihrer Stadt und das Netzwerkbüro',
      en: 'The name to signed-in members of the network; the e-mail address only to the person, their city’s coordinators and the network office',
    },
    retention: {
      de: 'Bis zur Löschung des Kontos',
      en: 'Until the account is deleted',
    },
    tables: ['app_user'],
  },
];
