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
      de: 'Bis zur Löschung des Kontos (durch die Person auf /konto oder auf Antrag durch das Netzwerkbüro): dann werden Name, E-Mail-Adresse, Passwort-Hash und Einstellungen gelöscht; eine namenlose Kennung bleibt, damit Beiträge für die Kommune als „ehemaliges Mitglied von <Stadt>“ erscheinen',
      en: 'Until the account is deleted (by the person on /konto or on request by the network office): name, e-mail address, password hash and settings are then deleted; a nameless id stays so that contributions for the city show as “former member of <city>”',
    },
    tables: ['app_user'],
  },
];
