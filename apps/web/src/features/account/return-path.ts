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

/** A city's workspace: where its members start. */
export function workspacePath(citySlug: string): string {
  return `/${citySlug}/arbeitsbereich`;
}

interface Landing {
  actingCity?: { slug: string } | null;
  memberships: ReadonlyArray<{ city: { slug: string } }>;
}

/**
 * Where sign-in leads: the path the person came from, else the workspace of the city they act
 * for (a member of it), else of their first city; organizers without a city start at the start page.
 */
export function landingAfterSignIn(
  requested: string | null | undefined,
  me: Landing | null,
): string {
  const target = safeReturnPath(requested, '');
  if (target) return target;
  const own = me?.memberships.map((membership) => membership.city.slug) ?? [];
  const acting = me?.actingCity?.slug;
  const city = acting && own.includes(acting) ? acting : own[0];
  return city ? workspacePath(city) : '/';
}
