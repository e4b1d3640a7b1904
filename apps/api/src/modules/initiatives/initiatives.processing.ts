import {
  LegalBasis,
  type NoPersonalData,
  type ProcessingActivity,
} from '../../core/privacy/processing';

export const INITIATIVES_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'initiative-suggestions',
    feature: 'initiatives',
    name: {
      de: 'Anliegen an lokale Initiativen der Städte',
      en: 'Suggestions to the cities’ local initiatives',
    },
    purpose: {
      de: 'Einwohnerinnen und Einwohner bringen ohne Konto Anliegen und Ideen ein (online oder über das Familienbüro); die Steuerungsgruppe bearbeitet sie und meldet sich auf Wunsch zurück. Kontaktdaten nur mit ausdrücklicher Einwilligung.',
      en: 'Residents bring in suggestions and ideas without an account (online or through the family office); the steering group works them and, if wished, gets back to them. Contact details only with explicit consent.',
    },
    legalBasis: LegalBasis.CONSENT,
    dataCategories: {
      de: 'Text des Anliegens, optional Ort, Eingangsweg, Bearbeitungsstand und Verlauf; mit Einwilligung Name, E-Mail-Adresse, Telefonnummer; Hash des privaten Links',
      en: 'Text of the suggestion, optional place, channel, status and history; with consent name, e-mail address, phone number; hash of the private link',
    },
    dataSubjects: { de: 'Einwohnerinnen und Einwohner der Städte', en: 'Residents of the cities' },
    recipients: {
      de: 'Koordination der Stadt und Steuerungsgruppe der Initiative; Kontaktdaten nur die für das Handlungsfeld benannten Personen (bei nicht sensiblen Feldern auch die Koordination); nie das Netzwerkbüro. Der E-Mail-Server (SMTP_URL) als Auftragsverarbeiter.',
      en: 'The city’s coordinators and the initiative’s steering group; contact details only the persons named for the action field (for non-sensitive fields also the coordinators); never the network office. The mail server (SMTP_URL) as a processor.',
    },
    retention: {
      de: 'Kontaktdaten {suggestionContactPeriod} nach Abschluss des Anliegens gelöscht; das Anliegen ohne Kontaktdaten bleibt',
      en: 'Contact details erased {suggestionContactPeriod} after the suggestion was closed; the suggestion without contact details stays',
    },
    tables: [
      'suggestion',
      'suggestion_contact',
      'suggestion_event',
      'initiative_steering_member',
      'initiative_field_contact',
    ],
  },
];

export const INITIATIVES_NO_PERSONAL_DATA: readonly NoPersonalData[] = [
  { table: 'initiative', reason: 'a city’s initiative: name, description, status' },
  { table: 'initiative_field', reason: 'action fields of an initiative (names, topic)' },
  {
    table: 'workshop',
    reason: 'a workshop in an action field: title, date, number of participants, outcomes',
  },
  {
    table: 'measure',
    reason: 'a measure of the steering group: title, goal, responsible organisations, status',
  },
  { table: 'measure_suggestion', reason: 'which suggestions a measure takes up (ids only)' },
  { table: 'measure_model_practice', reason: 'which practices inspired a measure (ids only)' },
  {
    table: 'suggestion_challenge_used',
    reason:
      'signatures of answered spam-check challenges until they expire (no address, no content)',
  },
];
