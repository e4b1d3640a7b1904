/**
 * The register of processing activities (Art. 30 DSGVO), kept in code beside the features:
 * each feature declares what it processes in its `<feature>.processing.ts`, the legal
 * feature collects them into the privacy policy and the operator's export, and a test
 * fails when a table of the migrations is neither covered by an entry nor declared free
 * of personal data.
 */

/** A text in German (first) and English. */
export interface Localized {
  de: string;
  en: string;
}

/** The legal bases of Art. 6 Abs. 1 DSGVO the platform relies on. */
export enum LegalBasis {
  /** lit. a: consent. */
  CONSENT = 'CONSENT',
  /** lit. b: contract, or steps before one (the account a person asked for). */
  CONTRACT = 'CONTRACT',
  /** lit. c: a legal obligation (e.g. BITV 2.0 feedback). */
  LEGAL_OBLIGATION = 'LEGAL_OBLIGATION',
  /** lit. e: a task in the public interest (a public body running the network). */
  PUBLIC_TASK = 'PUBLIC_TASK',
  /** lit. f: legitimate interests (not for public authorities in their tasks). */
  LEGITIMATE_INTERESTS = 'LEGITIMATE_INTERESTS',
}

export const LEGAL_BASIS_TEXT: Record<LegalBasis, Localized> = {
  [LegalBasis.CONSENT]: { de: 'Art. 6 Abs. 1 lit. a DSGVO', en: 'Art. 6(1)(a) GDPR' },
  [LegalBasis.CONTRACT]: { de: 'Art. 6 Abs. 1 lit. b DSGVO', en: 'Art. 6(1)(b) GDPR' },
  [LegalBasis.LEGAL_OBLIGATION]: { de: 'Art. 6 Abs. 1 lit. c DSGVO', en: 'Art. 6(1)(c) GDPR' },
  [LegalBasis.PUBLIC_TASK]: { de: 'Art. 6 Abs. 1 lit. e DSGVO', en: 'Art. 6(1)(e) GDPR' },
  [LegalBasis.LEGITIMATE_INTERESTS]: {
    de: 'Art. 6 Abs. 1 lit. f DSGVO',
    en: 'Art. 6(1)(f) GDPR',
  },
};

export interface ProcessingActivity {
  /** Stable key, e.g. `accounts`. */
  key: string;
  /** The feature that declares it (its folder under modules/). */
  feature: string;
  name: Localized;
  purpose: Localized;
  legalBasis: LegalBasis;
  /** Why that basis, where it needs saying (e.g. which law). */
  legalBasisNote?: Localized;
  dataCategories: Localized;
  dataSubjects: Localized;
  recipients: Localized;
  retention: Localized;
  /** The database tables whose personal data this activity covers. */
  tables: readonly string[];
}

/** Tables without personal data, declared by their feature (with the reason). */
export interface NoPersonalData {
  table: string;
  reason: string;
}
