import { LegalBasis, type ProcessingActivity } from '../../core/privacy/processing';

export const CITY_PROFILES_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'city-profiles',
    feature: 'city-profiles',
    name: { de: 'Profile der Kommunen', en: 'Municipality profiles' },
    purpose: {
      de: 'Die Kommune im Netzwerk vorstellen und eine Ansprechperson für Anfragen nennen.',
      en: 'Present the municipality to the network and name a contact person for enquiries.',
    },
    legalBasis: LegalBasis.PUBLIC_TASK,
    dataCategories: {
      de: 'Name, Funktion, dienstliche E-Mail-Adresse und Telefonnummer der Ansprechperson; wer das Profil wann geändert hat (Versionen)',
      en: 'Name, role, work e-mail address and phone number of the contact person; who changed the profile when (revisions)',
    },
    dataSubjects: {
      de: 'Ansprechpersonen der Kommunen, Koordinator:innen, Netzwerkbüro',
      en: 'Contact persons of the municipalities, coordinators, network office',
    },
    recipients: {
      de: 'Die Ansprechperson ist öffentlich (von der Koordination so veröffentlicht); die Versionen sehen die Mitglieder der Kommune und das Netzwerkbüro',
      en: 'The contact person is public (published so by the coordinators); revisions are seen by the municipality’s members and the network office',
    },
    retention: {
      de: 'Solange die Kommune Mitglied ist; eine geänderte Ansprechperson bleibt in den Versionen',
      en: 'As long as the municipality is a member; a replaced contact person stays in the revisions',
    },
    tables: ['city_profile', 'city_profile_revision'],
  },
];
