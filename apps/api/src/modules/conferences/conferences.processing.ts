import { LegalBasis, type ProcessingActivity } from '../../core/privacy/processing';

export const CONFERENCES_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'conference-registrations',
    feature: 'conferences',
    name: {
      de: 'Anmeldungen zu Treffen und Konferenzen',
      en: 'Registrations for meetings and conferences',
    },
    purpose: {
      de: 'Planung der Netzwerktreffen: Plätze, Warteliste, Teilnehmendenliste, Bedarfe (z. B. Barrierefreiheit).',
      en: 'Planning network meetings: places, waitlist, list of participants, needs (e.g. accessibility).',
    },
    legalBasis: LegalBasis.PUBLIC_TASK,
    dataCategories: {
      de: 'Name, E-Mail-Adresse, Funktion und angegebene Bedarfe der Teilnehmenden; anmeldende Stadt',
      en: 'Name, e-mail address, role and stated needs of participants; registering city',
    },
    dataSubjects: { de: 'Teilnehmende aus den Städten', en: 'Participants from the cities' },
    recipients: {
      de: 'Mitglieder der anmeldenden Stadt und das Netzwerkbüro (auch als CSV-Export)',
      en: 'Members of the registering city and the network office (also as a CSV export)',
    },
    retention: {
      de: 'Angaben zu den Teilnehmenden werden {registrationPeriod} nach dem Ende der Veranstaltung gelöscht; die Anmeldung selbst bleibt ohne Personenbezug (Stadt, Status, Zahl der Teilnehmenden) für die Statistik. Löscht eine Person ihr Konto, werden Teilnahmeeinträge mit ihrer Adresse sofort gelöscht; bei kommenden Veranstaltungen wird ihr Platz frei (die Warteliste rückt nach)',
      en: 'Participant details are deleted {registrationPeriod} after the event’s end; the registration itself stays without personal data (city, status, number of participants) for statistics. When a person deletes their account, participant entries with their address are deleted at once; at coming events their place is freed (the waitlist moves up)',
    },
    tables: ['registration', 'registration_participant'],
  },
  {
    key: 'conference-planning',
    feature: 'conferences',
    name: { de: 'Programm und Protokolle', en: 'Agenda and records' },
    purpose: {
      de: 'Programm der Treffen mit Mitwirkenden, Protokolle, Beschlüsse und Folgeaufgaben auffindbar halten.',
      en: 'Keeping the meetings’ agenda with speakers, records, decisions and follow-up actions findable.',
    },
    legalBasis: LegalBasis.PUBLIC_TASK,
    dataCategories: {
      de: 'Namen der Mitwirkenden im Programm; wer eine Veranstaltung angelegt oder ein Protokoll bearbeitet hat; in Protokollen genannte Personen',
      en: 'Names of speakers in the agenda; who created an event or edited a record; people named in records',
    },
    dataSubjects: { de: 'Mitwirkende, Netzwerkbüro', en: 'Speakers, network office' },
    recipients: {
      de: 'Programm öffentlich bzw. für das Netzwerk; Protokolle für Mitglieder des Netzwerks, von der Geschäftsstelle öffentlich gemachte endgültige Protokolle für alle (Seite, Suche, Protokoll-Feed); Suchindex (eigener Server)',
      en: 'Agenda public or network-wide; records to members of the network, final records the network office made public to anyone (page, search, records feed); search index (own server)',
    },
    retention: { de: 'Dauerhaft als Netzwerkgedächtnis', en: 'Kept as the network’s memory' },
    tables: ['conference', 'agenda_session', 'conference_record', 'follow_up_action'],
  },
];
