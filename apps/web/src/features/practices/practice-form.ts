import type {
  CreatePracticeInput,
  PracticeDetailFragment,
  PracticeVisibility,
} from '../../generated/graphql';

export interface LinkRow {
  /** Stable React key; rows can be removed from the middle. */
  key: number;
  label: string;
  url: string;
}

/** What the editor holds: every field as the person typed it. */
export interface PracticeFormValues {
  title: string;
  summary: string;
  body: string;
  topicSlugs: string[];
  /** Comma-separated, as typed. */
  tags: string;
  visibility: PracticeVisibility;
  contactName: string;
  contactEmail: string;
  periodFrom: string;
  periodTo: string;
  outcomes: string;
  resourcesNeeded: string;
  partners: string;
  links: LinkRow[];
}

export const TEXT_FIELDS = [
  'title',
  'summary',
  'body',
  'tags',
  'contactName',
  'contactEmail',
  'periodFrom',
  'periodTo',
  'outcomes',
  'resourcesNeeded',
  'partners',
] as const;

export type TextFieldName = (typeof TEXT_FIELDS)[number];

let nextKey = 1;
export function newLinkRow(label = '', url = ''): LinkRow {
  nextKey += 1;
  return { key: nextKey, label, url };
}

export function emptyForm(): PracticeFormValues {
  return {
    title: '',
    summary: '',
    body: '',
    topicSlugs: [],
    tags: '',
    visibility: 'NETWORK',
    contactName: '',
    contactEmail: '',
    periodFrom: '',
    periodTo: '',
    outcomes: '',
    resourcesNeeded: '',
    partners: '',
    links: [],
  };
}

export function formFromPractice(practice: PracticeDetailFragment): PracticeFormValues {
  return {
    title: practice.title,
    summary: practice.summary,
    body: practice.body,
    topicSlugs: practice.topics.map((topic) => topic.slug),
    tags: practice.tags.join(', '),
    visibility: practice.visibility,
    contactName: practice.contactName ?? '',
    contactEmail: practice.contactEmail ?? '',
    periodFrom: practice.periodFrom ?? '',
    periodTo: practice.periodTo ?? '',
    outcomes: practice.outcomes ?? '',
    resourcesNeeded: practice.resourcesNeeded ?? '',
    partners: practice.partners ?? '',
    links: practice.links.map((link) => newLinkRow(link.label, link.url)),
  };
}

export function parseTags(text: string): string[] {
  return [
    ...new Set(
      text
        .split(',')
        .map((tag) => tag.trim())
        .filter(Boolean),
    ),
  ];
}

/** The API's input: optional texts left empty are sent as null, so clearing a field clears it. */
export function practiceInput(values: PracticeFormValues): Omit<CreatePracticeInput, 'citySlug'> {
  const optional = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    title: values.title.trim(),
    summary: values.summary.trim(),
    body: values.body,
    topicSlugs: values.topicSlugs,
    tags: parseTags(values.tags),
    visibility: values.visibility,
    contactName: optional(values.contactName),
    contactEmail: optional(values.contactEmail),
    periodFrom: optional(values.periodFrom),
    periodTo: optional(values.periodTo),
    outcomes: optional(values.outcomes),
    resourcesNeeded: optional(values.resourcesNeeded),
    partners: optional(values.partners),
    // A row left completely empty is no link; a half-filled one goes to the API to be named.
    links: values.links
      .filter((link) => link.label.trim() !== '' || link.url.trim() !== '')
      .map((link) => ({ label: link.label.trim(), url: link.url.trim() })),
  };
}

/** Compares what would be saved, so typing and undoing a letter is not "unsaved". */
export function sameContent(a: PracticeFormValues, b: PracticeFormValues): boolean {
  return JSON.stringify(practiceInput(a)) === JSON.stringify(practiceInput(b));
}
