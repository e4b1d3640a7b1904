import type { RawConfig } from './config';

/** Operator settings production refuses to start without. */
export const OPERATOR_REQUIRED = [
  'OPERATOR_NAME',
  'OPERATOR_ADDRESS',
  'OPERATOR_REPRESENTATIVE',
  'OPERATOR_EMAIL',
  'OPERATOR_PHONE',
  'DPO_NAME',
  'DPO_CONTACT',
  'SUPERVISORY_AUTHORITY_NAME',
  'SUPERVISORY_AUTHORITY_URL',
] as const;

/** Who runs this deployment, as published in Impressum, Datenschutz and security.txt. */
export interface OperatorConfig {
  /** True when the values are invented demo ones (never in production). */
  demo: boolean;
  name: string;
  addressLines: string[];
  legalForm?: string;
  representative: string;
  email: string;
  phone: string;
  register?: string;
  vatId?: string;
  contentResponsible?: string;
  dpoName: string;
  dpoContact: string;
  supervisoryAuthorityName: string;
  supervisoryAuthorityAddressLines: string[];
  supervisoryAuthorityUrl: string;
  /** Where people turn when the operator's answer on a barrier does not help. */
  enforcementBody: EnforcementBodyConfig;
}

export interface EnforcementBodyConfig {
  name: string;
  addressLines: string[];
  email?: string;
  phone?: string;
  url?: string;
}

/**
 * The federal Schlichtungsstelle nach § 16 BGG, for federal public bodies, as it publishes
 * its contact; the operator checks it before going live (README).
 */
export const FEDERAL_ENFORCEMENT_BODY: EnforcementBodyConfig = {
  name: 'Schlichtungsstelle nach dem Behindertengleichstellungsgesetz bei dem Beauftragten der Bundesregierung für die Belange von Menschen mit Behinderungen',
  addressLines: ['Mauerstraße 53', '10117 Berlin'],
  email: 'info@schlichtungsstelle-bgg.de',
  phone: '+49 30 18 527-2805',
  url: 'https://www.schlichtungsstelle-bgg.de',
};

/** Invented, clearly marked, with addresses under .example: no real body, no real person. */
export const DEMO_OPERATOR: OperatorConfig = {
  demo: true,
  name: 'Demo-Betreiber Wissensnetz e. V. – keine echten Angaben',
  addressLines: ['Beispielstraße 1', '00000 Demostadt'],
  legalForm: 'eingetragener Verein (Demo – keine echten Angaben)',
  representative: 'Vorstand: Demo-Vorständin (erfundene Person – keine echten Angaben)',
  email: 'kontakt@betreiber.example',
  phone: '+49 000 0000000 (Demo)',
  register: 'Vereinsregister Amtsgericht Demostadt, VR 0000 (Demo)',
  dpoName: 'Demo-Datenschutzbeauftragte:r (erfundene Person – keine echten Angaben)',
  dpoContact: 'datenschutz@betreiber.example',
  supervisoryAuthorityName: 'Demo-Aufsichtsbehörde für den Datenschutz – keine echten Angaben',
  supervisoryAuthorityAddressLines: ['Aufsichtsweg 2', '00000 Demostadt'],
  supervisoryAuthorityUrl: 'https://aufsicht.example',
  enforcementBody: FEDERAL_ENFORCEMENT_BODY,
};

function lines(value: string | undefined): string[] {
  return (value ?? '')
    .split(/\n|\\n|\|/)
    .map((line) => line.trim())
    .filter(Boolean);
}

export function operatorFrom(raw: RawConfig): OperatorConfig {
  const given = OPERATOR_REQUIRED.some((name) => raw[name] !== undefined);
  const complete = OPERATOR_REQUIRED.every((name) => raw[name] !== undefined);
  // Partly configured outside production: the given values win, the rest stays demo, and
  // the pages still say that (some of) the details are invented.
  const demo = DEMO_OPERATOR;
  return {
    demo: !complete,
    name: raw.OPERATOR_NAME ?? demo.name,
    addressLines: raw.OPERATOR_ADDRESS ? lines(raw.OPERATOR_ADDRESS) : demo.addressLines,
    legalForm: raw.OPERATOR_LEGAL_FORM ?? (given ? undefined : demo.legalForm),
    representative: raw.OPERATOR_REPRESENTATIVE ?? demo.representative,
    email: raw.OPERATOR_EMAIL ?? demo.email,
    phone: raw.OPERATOR_PHONE ?? demo.phone,
    register: raw.OPERATOR_REGISTER ?? (given ? undefined : demo.register),
    vatId: raw.OPERATOR_VAT_ID,
    contentResponsible: raw.OPERATOR_CONTENT_RESPONSIBLE,
    dpoName: raw.DPO_NAME ?? demo.dpoName,
    dpoContact: raw.DPO_CONTACT ?? demo.dpoContact,
    supervisoryAuthorityName: raw.SUPERVISORY_AUTHORITY_NAME ?? demo.supervisoryAuthorityName,
    supervisoryAuthorityAddressLines: raw.SUPERVISORY_AUTHORITY_ADDRESS
      ? lines(raw.SUPERVISORY_AUTHORITY_ADDRESS)
      : given
        ? []
        : demo.supervisoryAuthorityAddressLines,
    supervisoryAuthorityUrl: raw.SUPERVISORY_AUTHORITY_URL ?? demo.supervisoryAuthorityUrl,
    enforcementBody: enforcementBodyFrom(raw),
  };
}

/** The configured body when a name is given (then only what is given), else the federal one. */
export function enforcementBodyFrom(raw: RawConfig): EnforcementBodyConfig {
  if (!raw.ENFORCEMENT_BODY_NAME) return FEDERAL_ENFORCEMENT_BODY;
  return {
    name: raw.ENFORCEMENT_BODY_NAME,
    addressLines: lines(raw.ENFORCEMENT_BODY_ADDRESS),
    email: raw.ENFORCEMENT_BODY_EMAIL,
    phone: raw.ENFORCEMENT_BODY_PHONE,
    url: raw.ENFORCEMENT_BODY_URL,
  };
}
