import { LegalBasis, type ProcessingActivity } from '../../core/privacy/processing';

export const LEGAL_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'accessibility-feedback',
    feature: 'legal',
    name: { de: 'Rückmeldungen zur Barrierefreiheit', en: 'Accessibility feedback' },
    purpose: {
      de: 'Meldungen über Barrieren und Anfragen nach barrierefreien Inhalten beantworten (§ 7 BITV 2.0, § 12b BGG).',
      en: 'Answering reports of barriers and requests for accessible content (§ 7 BITV 2.0, § 12b BGG).',
    },
    legalBasis: LegalBasis.LEGAL_OBLIGATION,
    dataCategories: {
      de: 'Nachricht, betroffene Seite, Sprache; freiwillig Name und E-Mail-Adresse für die Antwort; die IP-Adresse nur als Hash für die Begrenzung der Meldungen je Stunde',
      en: 'Message, page concerned, language; optionally name and e-mail address for the answer; the IP address only as a hash for limiting reports per hour',
    },
    dataSubjects: { de: 'Personen, die eine Rückmeldung senden', en: 'People who send feedback' },
    recipients: { de: 'Nur das Netzwerkbüro', en: 'Only the network office' },
    retention: {
      de: '{feedbackPeriod} nach Eingang, dann wird die Rückmeldung gelöscht',
      en: '{feedbackPeriod} after it came in, then the feedback is deleted',
    },
    tables: ['accessibility_feedback'],
  },
];
