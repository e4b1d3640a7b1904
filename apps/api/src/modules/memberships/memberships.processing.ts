import { LegalBasis, type ProcessingActivity } from '../../core/privacy/processing';

export const MEMBERSHIPS_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'memberships',
    feature: 'memberships',
    name: { de: 'Mitgliedschaften und Einladungen', en: 'Memberships and invitations' },
    purpose: {
      de: 'Wer für welche Stadt in welcher Rolle handelt; Einladung neuer Mitarbeitender per E-Mail.',
      en: 'Who acts for which city in which role; inviting new colleagues by e-mail.',
    },
    legalBasis: LegalBasis.PUBLIC_TASK,
    dataCategories: {
      de: 'Person, Stadt, Rolle; bei Einladungen E-Mail-Adresse der eingeladenen Person, einladende Person, Token (Hash)',
      en: 'Person, city, role; for invitations the invitee’s e-mail address, who invited, token (hash)',
    },
    dataSubjects: {
      de: 'Mitglieder und eingeladene Personen',
      en: 'Members and invited people',
    },
    recipients: {
      de: 'Mitglieder der Stadt (Namen, Rollen); E-Mail-Adressen nur Koordination der Stadt und Netzwerkbüro',
      en: 'Members of the city (names, roles); e-mail addresses only the city’s coordinators and the network office',
    },
    retention: {
      de: 'Mitgliedschaft bis zum Austritt; Einladungen bis zu ihrem Ablauf (14 Tage), dann werden sie gelöscht – auch angenommene und zurückgezogene; beim Löschen eines Kontos seine Mitgliedschaften und alle Einladungen an seine Adresse',
      en: 'Memberships until they end; invitations until they expire (14 days), then they are deleted – accepted and revoked ones too; when an account is deleted, its memberships and every invitation to its address',
    },
    tables: ['membership', 'invitation'],
  },
];
