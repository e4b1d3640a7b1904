/** First retry after a second, doubling per attempt, never longer than `maxMs`. */
export function retryDelayMs(attempts: number, maxMs: number): number {
  const doublings = Math.min(Math.max(attempts - 1, 0), 30);
  return Math.min(maxMs, 1000 * 2 ** doublings);
}

/** nodemailer's codes for a reply about this message or its recipients. */
const MESSAGE_CODES = new Set(['EENVELOPE', 'EMESSAGE']);

/**
 * Whether retrying cannot help: the mail server refused this message or its recipient
 * for good (a 5xx reply to the envelope or the data). Everything else — no connection,
 * timeouts, TLS, a 4xx "try later", even wrong credentials (fixed in the configuration,
 * then the queue drains) — is worth another attempt.
 */
export function isPermanentMailError(error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, responseCode } = error as { code?: unknown; responseCode?: unknown };
  if (typeof code !== 'string' || !MESSAGE_CODES.has(code)) return false;
  // An envelope nodemailer refuses itself (no valid recipient) has no reply code.
  return responseCode === undefined || (typeof responseCode === 'number' && responseCode >= 500);
}

/** Short, single-line text of an error for the last_error column. */
export function errorText(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.replace(/\s+/g, ' ').slice(0, 500);
}
