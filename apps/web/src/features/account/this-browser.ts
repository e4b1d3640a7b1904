/**
 * The API lists sessions without saying which one belongs to this browser (the cookie
 * is HttpOnly). So this browser remembers when it signed in, and the session created
 * closest to that moment, with this browser's user agent, is taken as its own.
 */
const STORAGE_KEY = 'wissensnetz.signedInAt';
/** Clock difference between browser and server we still accept. */
const TOLERANCE_MS = 2 * 60 * 1000;

export function rememberSignIn(userId: string): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ userId, at: Date.now() }));
  } catch {
    // Without storage the list just marks no session as this browser's.
  }
}

export function forgetSignIn(): void {
  try {
    window.localStorage.removeItem(STORAGE_KEY);
  } catch {
    // Nothing to forget then.
  }
}

function remembered(): { userId: string; at: number } | null {
  try {
    const value: unknown = JSON.parse(window.localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { userId?: unknown }).userId === 'string' &&
      typeof (value as { at?: unknown }).at === 'number'
    ) {
      return value as { userId: string; at: number };
    }
  } catch {
    // Unreadable: treat as unknown.
  }
  return null;
}

export interface SessionLike {
  id: string;
  userAgent: string | null;
  createdAt: string;
}

export function thisBrowserSessionId(
  sessions: readonly SessionLike[],
  userId: string,
  userAgent: string,
): string | null {
  const mark = remembered();
  if (!mark || mark.userId !== userId) return null;
  let best: { id: string; distance: number } | null = null;
  for (const session of sessions) {
    if (session.userAgent !== null && session.userAgent !== userAgent) continue;
    const distance = Math.abs(new Date(session.createdAt).getTime() - mark.at);
    if (distance <= TOLERANCE_MS && (!best || distance < best.distance)) {
      best = { id: session.id, distance };
    }
  }
  return best?.id ?? null;
}
