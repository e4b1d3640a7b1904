/**
 * Where to go after sign-in: only paths of this app, never another origin
 * (`//evil.example` or `/\evil.example` would leave it).
 */
export function safeReturnPath(value: string | null | undefined, fallback = '/'): string {
  if (!value || !value.startsWith('/') || value.startsWith('//') || value.includes('\\')) {
    return fallback;
  }
  if (value.startsWith('/anmelden')) return fallback;
  return value;
}

export function signInPath(returnTo: string): string {
  const target = safeReturnPath(returnTo, '');
  return target && target !== '/' ? `/anmelden?ziel=${encodeURIComponent(target)}` : '/anmelden';
}
