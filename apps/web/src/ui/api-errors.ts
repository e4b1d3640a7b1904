import type de from '../i18n/de.json';

/**
 * Turns the API's typed GraphQL errors (`extensions.code`, `reason`, `field`, `params`)
 * into translatable texts and the form field they belong to. The API's own `message`
 * is English developer text and is never shown.
 */

/** What urql's CombinedError offers; structural, so the mapping stays testable without urql. */
export interface ApiErrorLike {
  graphQLErrors: ReadonlyArray<{ extensions?: Readonly<Record<string, unknown>> }>;
  networkError?: Error;
}

/** i18next picks `_one`/`_other` by `count`; the key to ask for is the one without the suffix. */
type WithoutPlural<K extends string> = K extends `${infer Base}_${'zero' | 'one' | 'other'}`
  ? Base
  : K;

export type ErrorTextKey = `errors.${WithoutPlural<keyof (typeof de)['errors']>}`;

/** A text to show, translated when rendered so that a language switch re-translates it. */
export interface ErrorText {
  key: ErrorTextKey;
  values?: Record<string, string | number>;
}

export interface ApiProblem {
  /** The form field, as the last segment of `extensions.field` (`input.password` → `password`). */
  field: string | null;
  /**
   * The whole field path without its argument (`input.links.2.url` → `links.2.url`), for forms
   * with repeated rows that must mark the right one.
   */
  path: string | null;
  text: ErrorText;
}

const CODE_TEXTS: Record<string, ErrorTextKey> = {
  BAD_USER_INPUT: 'errors.BAD_USER_INPUT',
  NOT_FOUND: 'errors.NOT_FOUND',
  FORBIDDEN: 'errors.FORBIDDEN',
  UNAUTHENTICATED: 'errors.UNAUTHENTICATED',
  CONFLICT: 'errors.CONFLICT',
  TOO_MANY_ATTEMPTS: 'errors.TOO_MANY_ATTEMPTS',
  INTERNAL_SERVER_ERROR: 'errors.INTERNAL_SERVER_ERROR',
  SERVICE_UNAVAILABLE: 'errors.SERVICE_UNAVAILABLE',
};

const REASON_TEXTS: Record<string, ErrorTextKey> = {
  INVALID_CREDENTIALS: 'errors.INVALID_CREDENTIALS',
  INVALID_EMAIL: 'errors.INVALID_EMAIL',
  MESSAGE_MISSING: 'errors.FEEDBACK_MESSAGE_MISSING',
  INVALID_TOKEN: 'errors.INVALID_TOKEN',
  ALREADY_MEMBER: 'errors.ALREADY_MEMBER',
  LAST_COORDINATOR: 'errors.LAST_COORDINATOR',
  REASON_REQUIRED: 'errors.REASON_REQUIRED',
  REASON_TOO_LONG: 'errors.REASON_TOO_LONG',
  ACCOUNT_NOT_FOUND: 'errors.ACCOUNT_NOT_FOUND',
  UNKNOWN_CITY: 'errors.UNKNOWN_CITY',
  INVALID_CHARACTERS: 'errors.INVALID_CHARACTERS',
  CROSS_SITE_REQUEST: 'errors.CROSS_SITE_REQUEST',
  MEMBERSHIP_NOT_FOUND: 'errors.MEMBERSHIP_NOT_FOUND',
  INVITATION_NOT_FOUND: 'errors.INVITATION_NOT_FOUND',
  SIGN_IN_REQUIRED: 'errors.SIGN_IN_REQUIRED',
  NOT_ALLOWED: 'errors.FORBIDDEN',
  NEEDS_COORDINATOR: 'errors.NEEDS_COORDINATOR',
  INVALID_TRANSITION: 'errors.INVALID_TRANSITION',
  STALE_REVISION: 'errors.STALE_REVISION',
  UNKNOWN_TOPIC: 'errors.UNKNOWN_TOPIC',
  SEARCH_UNAVAILABLE: 'errors.SEARCH_UNAVAILABLE',
  FILE_TYPE_NOT_ALLOWED: 'errors.FILE_TYPE_NOT_ALLOWED',
  TOO_MANY_ATTACHMENTS: 'errors.TOO_MANY_ATTACHMENTS',
  PRACTICE_NOT_FOUND: 'errors.PRACTICE_NOT_FOUND',
  TANDEM_NOT_FOUND: 'errors.TANDEM_NOT_FOUND',
  NOTE_NOT_FOUND: 'errors.NOTE_NOT_FOUND',
  SAME_CITY: 'errors.SAME_CITY',
  PAIR_ALREADY_OPEN: 'errors.PAIR_ALREADY_OPEN',
  ALREADY_ACCEPTED: 'errors.ALREADY_ACCEPTED',
  TANDEM_NOT_ACTIVE: 'errors.TANDEM_NOT_ACTIVE',
  INVALID_TIME: 'errors.INVALID_TIME',
  OUTSIDE_CONFERENCE: 'errors.OUTSIDE_CONFERENCE',
  ROOM_TAKEN: 'errors.ROOM_TAKEN',
  REGISTRATION_CLOSED: 'errors.REGISTRATION_CLOSED',
  ALREADY_REGISTERED: 'errors.ALREADY_REGISTERED',
  WAITLIST_EDGE: 'errors.WAITLIST_EDGE',
  CONFERENCE_NOT_FOUND: 'errors.CONFERENCE_NOT_FOUND',
  REGISTRATION_NOT_FOUND: 'errors.REGISTRATION_NOT_FOUND',
  CONSENT_REQUIRED: 'errors.CONSENT_REQUIRED',
  CHALLENGE_FAILED: 'errors.CHALLENGE_FAILED',
  LINK_INVALID: 'errors.LINK_INVALID',
  INITIATIVE_CLOSED: 'errors.INITIATIVE_CLOSED',
  WORKSHOP_HAS_RESULTS: 'errors.WORKSHOP_HAS_RESULTS',
  WORKSHOP_NOT_FOUND: 'errors.WORKSHOP_NOT_FOUND',
  STATUS_NOT_ALLOWED: 'errors.STATUS_NOT_ALLOWED',
  TAKE_UP_NEEDS_MEASURE: 'errors.TAKE_UP_NEEDS_MEASURE',
  MEASURE_NOT_FOUND: 'errors.MEASURE_NOT_FOUND',
  MODEL_PRACTICE_NOT_FOUND: 'errors.MODEL_PRACTICE_NOT_FOUND',
  MEASURE_NOT_DONE: 'errors.MEASURE_NOT_DONE',
  ALREADY_PRACTICE: 'errors.ALREADY_PRACTICE',
  STATUS_LOCKED: 'errors.MEASURE_STATUS_LOCKED',
  OTHER_INITIATIVE: 'errors.OTHER_INITIATIVE',
  CHOOSE_ONE_MEASURE: 'errors.CHOOSE_ONE_MEASURE',
  NOT_LINKED: 'errors.NOT_LINKED',
  SLUG_TAKEN: 'errors.SLUG_TAKEN',
  FIELD_NAME_TAKEN: 'errors.FIELD_NAME_TAKEN',
  FIELD_IN_USE: 'errors.FIELD_IN_USE',
  LAST_FIELD: 'errors.LAST_FIELD',
  SENSITIVE_LOCKED: 'errors.SENSITIVE_LOCKED',
  NOT_A_CITY_MEMBER: 'errors.NOT_A_CITY_MEMBER',
  STEERING_MEMBER_NOT_FOUND: 'errors.STEERING_MEMBER_NOT_FOUND',
  INITIATIVE_NOT_FOUND: 'errors.INITIATIVE_NOT_FOUND',
};

const WEAK_PASSWORD_TEXTS: Record<string, ErrorTextKey> = {
  MIN_LENGTH: 'errors.WEAK_PASSWORD_MIN_LENGTH',
  MAX_LENGTH: 'errors.WEAK_PASSWORD_MAX_LENGTH',
  TOO_COMMON: 'errors.WEAK_PASSWORD_TOO_COMMON',
  CONTAINS_EMAIL: 'errors.WEAK_PASSWORD_CONTAINS_EMAIL',
};

const NOT_PENDING_TEXTS: Record<string, ErrorTextKey> = {
  ACCEPTED: 'errors.INVITATION_ACCEPTED',
  REVOKED: 'errors.INVITATION_REVOKED',
  EXPIRED: 'errors.INVITATION_EXPIRED',
};

/** Generic INVALID_INPUT errors only name a field; the field says what was wrong. */
const FIELD_TEXTS: Record<string, ErrorTextKey> = {
  displayName: 'errors.INVALID_DISPLAY_NAME',
  locale: 'errors.INVALID_LOCALE',
};

/** INVALID_FIELD of practices: the field says what was wrong; params carry the limits. */
const PRACTICE_FIELD_TEXTS: Record<string, ErrorTextKey> = {
  title: 'errors.PRACTICE_TITLE',
  summary: 'errors.PRACTICE_SUMMARY',
  body: 'errors.PRACTICE_BODY',
  topicSlugs: 'errors.PRACTICE_TOPICS',
  tags: 'errors.PRACTICE_TAGS',
  contactEmail: 'errors.INVALID_EMAIL',
  periodFrom: 'errors.PRACTICE_PERIOD',
  periodTo: 'errors.PRACTICE_PERIOD',
  links: 'errors.PRACTICE_LINKS',
  label: 'errors.PRACTICE_LINK_LABEL',
  url: 'errors.PRACTICE_LINK_URL',
  contactName: 'errors.PRACTICE_TEXT',
  outcomes: 'errors.PRACTICE_TEXT',
  resourcesNeeded: 'errors.PRACTICE_TEXT',
  partners: 'errors.PRACTICE_TEXT',
  file: 'errors.FILE_EMPTY',
  query: 'errors.SEARCH_QUERY',
};

/** Limits the API names in `params`, passed on to the text. */
function limitValues(extra: Record<string, unknown>): Record<string, number> {
  const values: Record<string, number> = {};
  for (const name of ['min', 'max'] as const) {
    const value = Number(extra[name]);
    if (extra[name] !== undefined && Number.isFinite(value)) values[name] = value;
  }
  return values;
}

function fieldPath(path: unknown): string | null {
  if (typeof path !== 'string' || path === '') return null;
  return path.replace(/^(input|filter)\./, '');
}

function fieldName(path: unknown): string | null {
  if (typeof path !== 'string' || path === '') return null;
  const segments = path.split('.');
  return segments[segments.length - 1] ?? null;
}

function params(extensions: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const value = extensions.params;
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

/** The wait of TOO_MANY_ATTEMPTS, rounded up to whole minutes above one minute. */
export function waitValues(seconds: number): { unit: 'seconds' | 'minutes'; count: number } {
  const safe = Math.max(1, Math.ceil(seconds));
  return safe < 60
    ? { unit: 'seconds', count: safe }
    : { unit: 'minutes', count: Math.ceil(safe / 60) };
}

/**
 * What INVALID_FIELD means for one form's own fields, where the same field name means
 * something else elsewhere (a tandem note's `body` is not a practice's `body`).
 */
export type FieldTexts = Readonly<Record<string, ErrorTextKey>>;

function textFor(
  extensions: Readonly<Record<string, unknown>>,
  field: string | null,
  path: string | null,
  fieldTexts: FieldTexts,
): ErrorText {
  const code = typeof extensions.code === 'string' ? extensions.code : '';
  const reason = typeof extensions.reason === 'string' ? extensions.reason : '';
  const extra = params(extensions);

  // The residents' suggestion form: slowed, not a failed sign-in.
  if (reason === 'TOO_MANY_SUGGESTIONS') {
    const wait = waitValues(Number(extra.retryAfterSeconds) || 60);
    return {
      key:
        wait.unit === 'seconds'
          ? 'errors.TOO_MANY_SUGGESTIONS_SECONDS'
          : 'errors.TOO_MANY_SUGGESTIONS_MINUTES',
      values: { count: wait.count },
    };
  }
  if (reason === 'TOO_MANY_ATTEMPTS' || code === 'TOO_MANY_ATTEMPTS') {
    const seconds = Number(extra.retryAfterSeconds);
    if (Number.isFinite(seconds) && seconds > 0) {
      const wait = waitValues(seconds);
      return {
        key:
          wait.unit === 'seconds'
            ? 'errors.TOO_MANY_ATTEMPTS_SECONDS'
            : 'errors.TOO_MANY_ATTEMPTS_MINUTES',
        values: { count: wait.count },
      };
    }
    return { key: 'errors.TOO_MANY_ATTEMPTS' };
  }
  if (reason === 'WEAK_PASSWORD') {
    return { key: WEAK_PASSWORD_TEXTS[String(extra.rule)] ?? 'errors.WEAK_PASSWORD' };
  }
  if (reason === 'INVITATION_NOT_PENDING') {
    return { key: NOT_PENDING_TEXTS[String(extra.status)] ?? 'errors.INVITATION_NOT_PENDING' };
  }
  // The same reason means "e-mail or password" at sign-in but "current password" when changing it.
  // Confirming a step with one's password (deleting the account) is BAD_USER_INPUT too.
  if (
    reason === 'INVALID_CREDENTIALS' &&
    (field === 'currentPassword' || code === 'BAD_USER_INPUT')
  ) {
    return { key: 'errors.WRONG_CURRENT_PASSWORD' };
  }
  // The API names the session holding the room: say which one and when.
  if (reason === 'ROOM_TAKEN' && typeof extra.sessionTitle === 'string') {
    const clock = (local: unknown) => (typeof local === 'string' ? local.slice(11, 16) : '');
    return {
      key: 'errors.ROOM_TAKEN_BY',
      values: {
        title: extra.sessionTitle,
        time: `${clock(extra.startsAtLocal)}–${clock(extra.endsAtLocal)}`,
      },
    };
  }
  if (reason === 'FILE_TOO_LARGE') {
    const maxBytes = Number(extra.maxBytes);
    const maxMb =
      Number.isFinite(maxBytes) && maxBytes > 0 ? Math.round(maxBytes / 1024 / 1024) : 10;
    return { key: 'errors.FILE_TOO_LARGE', values: { maxMb } };
  }
  if (reason === 'SEATS_TAKEN' || reason === 'CAPACITY_EXCEEDED') {
    return { key: `errors.${reason}`, values: { count: Number(extra.freePlaces) || 0 } };
  }
  if (reason === 'UNKNOWN_TOPIC') {
    return { key: 'errors.UNKNOWN_TOPIC', values: { slug: String(extra.slug ?? '') } };
  }
  if (reason === 'REASON_TOO_LONG') {
    return { key: 'errors.REASON_TOO_LONG', values: limitValues(extra) };
  }
  if (reason === 'TOO_MANY_ATTACHMENTS') {
    return { key: 'errors.TOO_MANY_ATTACHMENTS', values: limitValues(extra) };
  }
  if (reason === 'INVALID_FIELD' && field !== null && fieldTexts[field]) {
    return { key: fieldTexts[field], values: limitValues(extra) };
  }
  if (reason === 'INVALID_FIELD' && field !== null) {
    // `tags.3`: one tag is too long; the last segment alone would be the index.
    if (path !== null && /^tags\.\d+$/.test(path)) {
      return { key: 'errors.PRACTICE_TAG', values: limitValues(extra) };
    }
    const key = PRACTICE_FIELD_TEXTS[field];
    if (key) return { key, values: limitValues(extra) };
  }
  if (reason === 'INVALID_INPUT' && field !== null && FIELD_TEXTS[field]) {
    return { key: FIELD_TEXTS[field] };
  }
  const key = REASON_TEXTS[reason] ?? CODE_TEXTS[code];
  return { key: key ?? 'errors.UNKNOWN' };
}

/**
 * One problem per GraphQL error; a failed request without any becomes one network problem.
 * `fieldTexts`: the form's own meaning of INVALID_FIELD per field (see FieldTexts).
 */
export function apiProblems(error: ApiErrorLike, fieldTexts: FieldTexts = {}): ApiProblem[] {
  if (error.graphQLErrors.length === 0) {
    return [
      {
        field: null,
        path: null,
        text: { key: error.networkError ? 'errors.NETWORK' : 'errors.UNKNOWN' },
      },
    ];
  }
  return error.graphQLErrors.map((graphQLError) => {
    const extensions = graphQLError.extensions ?? {};
    const field = fieldName(extensions.field);
    const path = fieldPath(extensions.field);
    return { field, path, text: textFor(extensions, field, path, fieldTexts) };
  });
}

/** The reasons of a failed request, to branch on (e.g. STALE_REVISION → offer a reload). */
export function apiErrorReasons(error: ApiErrorLike | undefined): string[] {
  if (!error) return [];
  return error.graphQLErrors
    .map((graphQLError) => graphQLError.extensions?.reason)
    .filter((reason): reason is string => typeof reason === 'string');
}

/** The error codes of a failed request, to branch on (e.g. FORBIDDEN → "no access" page). */
export function apiErrorCodes(error: ApiErrorLike | undefined): string[] {
  if (!error) return [];
  return error.graphQLErrors
    .map((graphQLError) => graphQLError.extensions?.code)
    .filter((code): code is string => typeof code === 'string');
}
