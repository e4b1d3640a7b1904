/**
 * What logs must never carry: e-mail addresses, passwords, tokens (in paths, query strings,
 * headers). Applied to every log line's message and error, and to logged request URLs.
 */

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Replaces every e-mail address in a text with `[email]`. */
export function scrubEmails(text: string): string {
  return text.replace(EMAIL, '[email]');
}

/**
 * A path segment that looks like a secret: long base64url/hex runs (session, reset,
 * invitation, feed and export tokens are 32 random bytes, 43 characters). Ids (UUIDs,
 * 36 characters with dashes in fixed places) and slugs stay readable.
 */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKEN_LIKE = /^[A-Za-z0-9_-]{20,}(\.[A-Za-z0-9]{1,8})?$/;

function redactSegment(segment: string): string {
  let decoded = segment;
  try {
    decoded = decodeURIComponent(segment);
  } catch {
    // keep the raw segment
  }
  if (UUID.test(decoded)) return segment;
  if (decoded.includes('@')) return '[email]';
  if (TOKEN_LIKE.test(decoded) && /\d/.test(decoded) && /[A-Za-z]/.test(decoded)) {
    const extension = /\.[A-Za-z0-9]{1,8}$/.exec(decoded)?.[0] ?? '';
    return `[token]${extension}`;
  }
  return segment;
}

/**
 * A request URL fit for a log: token-like path segments and e-mail addresses replaced,
 * every query value replaced (query strings carry tokens: `?token=`, feed keys), keys kept.
 */
export function redactUrl(url: string | undefined): string {
  if (!url) return '';
  const queryAt = url.indexOf('?');
  const path = queryAt === -1 ? url : url.slice(0, queryAt);
  const query = queryAt === -1 ? '' : url.slice(queryAt + 1);
  const safePath = path.split('/').map(redactSegment).join('/');
  if (!query) return safePath;
  const safeQuery = query
    .split('&')
    .map((pair) => {
      const [key] = pair.split('=');
      return pair.includes('=') ? `${key}=[redacted]` : key;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}

/** Keys whose values are never logged, wherever they appear (pino `redact`, two levels deep). */
export const REDACTED_KEYS = [
  'password',
  'newPassword',
  'currentPassword',
  'token',
  'email',
  'recipient',
  'cookie',
  'authorization',
];

export function redactPaths(): string[] {
  return [
    'req.headers.cookie',
    'req.headers.authorization',
    ...REDACTED_KEYS.flatMap((key) => [key, `*.${key}`]),
  ];
}
