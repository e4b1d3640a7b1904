/** Actions the API records (AuditAction in apps/api); unknown ones are shown as sent. */
const KNOWN_ACTIONS = [
  'INVITATION_CREATED',
  'INVITATION_REVOKED',
  'INVITATION_ACCEPTED',
  'MEMBERSHIP_ROLE_CHANGED',
  'MEMBERSHIP_REMOVED',
  'PASSWORD_RESET',
  'SESSIONS_REVOKED',
  'WAITLIST_REORDERED',
  'REGISTRATION_CONFIRMED_BY_HAND',
  'SIGN_LANGUAGE_VIDEO_UPLOADED',
  'SIGN_LANGUAGE_VIDEO_REPLACED',
  'SIGN_LANGUAGE_VIDEO_CAPTION_CHANGED',
  'SIGN_LANGUAGE_VIDEO_REMOVED',
  'ACCOUNT_ERASED',
  'INITIATIVE_CREATED',
  'INITIATIVE_CHANGED',
  'SUGGESTION_ENTERED',
  'SUGGESTION_STATUS_CHANGED',
  'SUGGESTION_MERGED',
  'SUGGESTION_COMMENTED',
  'SUGGESTION_LINK_REVOKED',
  'MEASURE_CREATED',
  'MEASURE_CHANGED',
  'MEASURE_BECAME_PRACTICE',
  'WORKSHOP_RECORDED',
  'WORKSHOP_CHANGED',
  'WORKSHOP_DELETED',
] as const;

type KnownAction = (typeof KNOWN_ACTIONS)[number];

export function auditActionKey(
  action: string,
): `audit.actions.${KnownAction}` | 'audit.actions.UNKNOWN' {
  return (KNOWN_ACTIONS as readonly string[]).includes(action)
    ? `audit.actions.${action as KnownAction}`
    : 'audit.actions.UNKNOWN';
}

/** `details` is a JSON object as text; flat key/value pairs to show, anything else skipped. */
export function detailEntries(details: string): Array<[string, string]> {
  try {
    const value: unknown = JSON.parse(details);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return [];
    return Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => ['string', 'number', 'boolean'].includes(typeof item))
      .map(([key, item]) => [key, String(item)]);
  } catch {
    return [];
  }
}
