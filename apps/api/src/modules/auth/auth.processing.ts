import { LegalBasis, type ProcessingActivity } from '../../core/privacy/processing';

export const AUTH_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'sessions',
    feature: 'auth',
    name: {
      de: 'Anmeldesitzungen und Schutz vor Passwortraten',
      en: 'Sessions and protection against password guessing',
    },
    purpose: {
      de: 'Angemeldet bleiben (Sitzungs-Cookie wn_session), eigene Sitzungen anzeigen und beenden, Passwort zurücksetzen, Rateversuche bremsen.',
      en: 'Staying signed in (session cookie wn_session), listing and ending one’s sessions, resetting a password, slowing down guessing.',
    },
    legalBasis: LegalBasis.PUBLIC_TASK,
    legalBasisNote: {
      de: 'Sicherheit der Verarbeitung (Art. 32 DSGVO); das Cookie ist technisch notwendig (§ 25 Abs. 2 Nr. 2 TDDDG).',
      en: 'Security of processing (Art. 32 GDPR); the cookie is strictly necessary (§ 25(2) no. 2 TDDDG).',
    },
    dataCategories: {
      de: 'Sitzungskennung (nur als Hash), IP-Adresse, Browserkennung, Zeitpunkte; Rücksetz-Token (Hash); Zähler je Adresse/Konto (nur als Hash)',
      en: 'Session identifier (only as a hash), IP address, browser identification, timestamps; reset token (hash); counters per address/account (only as a hash)',
    },
    dataSubjects: { de: 'Angemeldete Personen', en: 'Signed-in people' },
    recipients: { de: 'Nur die Person selbst', en: 'Only the person themselves' },
    retention: {
      de: 'Sitzungen bis zum Abmelden, spätestens nach SESSION_TTL_HOURS (Standard 14 Tage) oder SESSION_IDLE_MINUTES ohne Nutzung; Rücksetz-Token 1 Stunde bzw. bis zur Nutzung; Zähler 15 Minuten. Abgelaufenes wird stündlich gelöscht; beim Löschen des Kontos sofort alles.',
      en: 'Sessions until sign-out, at most SESSION_TTL_HOURS (default 14 days) or SESSION_IDLE_MINUTES unused; reset tokens 1 hour or until used; counters 15 minutes. Expired entries are deleted every hour; everything at once when the account is deleted.',
    },
    tables: ['user_session', 'password_reset', 'login_throttle'],
  },
];
