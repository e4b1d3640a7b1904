import { LegalBasis, type ProcessingActivity } from '../../core/privacy/processing';

export const SIGN_LANGUAGE_PROCESSING: readonly ProcessingActivity[] = [
  {
    key: 'sign-language-video',
    feature: 'sign-language',
    name: { de: 'Video in Gebärdensprache', en: 'Sign-language video' },
    purpose: {
      de: 'Die wichtigsten Informationen in Deutscher Gebärdensprache anbieten (§ 4 BITV 2.0) und nachvollziehen, wer das Video bereitgestellt hat.',
      en: 'Offering the essential information in German Sign Language (§ 4 BITV 2.0) and knowing who provided the video.',
    },
    legalBasis: LegalBasis.LEGAL_OBLIGATION,
    dataCategories: {
      de: 'Das Video (es kann die gebärdende Person zeigen, die eingewilligt hat), Dateiname, Beschreibung; wer es wann hochgeladen hat (Konto des Netzwerkbüros)',
      en: 'The video (it may show the signing person, who consented), file name, description; who uploaded it when (network office account)',
    },
    dataSubjects: {
      de: 'Gebärdende Person im Video, Netzwerkbüro',
      en: 'Signing person in the video, network office',
    },
    recipients: {
      de: 'Das Video ist öffentlich; wer es hochgeladen hat, sieht nur das Netzwerkbüro (Protokoll)',
      en: 'The video is public; who uploaded it only the network office sees (audit log)',
    },
    retention: {
      de: 'Bis es ersetzt oder entfernt wird; die Datei wird dann gelöscht',
      en: 'Until it is replaced or removed; the file is deleted then',
    },
    tables: ['sign_language_video'],
  },
];
