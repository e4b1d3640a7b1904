import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  type ReactNode,
} from 'react';
import { useClient, useQuery } from 'urql';
import { MeDocument, type SessionUserFragment } from '../../generated/graphql';
import i18n, { LANGUAGES, type Language } from '../../i18n';
import { restartLive } from '../../ui/live';

export type SessionUser = SessionUserFragment;

interface SessionState {
  /** undefined while the first answer is on its way; null when signed out. */
  me: SessionUser | null | undefined;
  /** Asks the API again, bypassing the cache; call after anything that changes the session. */
  refresh: () => Promise<SessionUser | null>;
}

const SessionContext = createContext<SessionState | null>(null);

/**
 * Holds who is signed in. The session itself is an HttpOnly cookie the page cannot
 * read, so `me` is the only source; mutations that change it (login, logout, switch)
 * call `refresh`, and pages with personal data ask with `network-only`.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const client = useClient();
  const [result] = useQuery({ query: MeDocument });

  const refresh = useCallback(async () => {
    // The answer reaches every useQuery of MeDocument too: urql shares results by operation key.
    const answer = await client
      .query(MeDocument, {}, { requestPolicy: 'network-only' })
      .toPromise();
    return answer.data?.me ?? null;
  }, [client]);

  // A failed `me` (API down) counts as signed out, so public pages keep working.
  const me = result.data ? result.data.me : result.error ? null : undefined;

  // The live socket carries the cookie it opened with: a change of person starts it afresh.
  const liveFor = useRef<string | null | undefined>(undefined);
  const personId = me === undefined ? undefined : (me?.id ?? null);
  useEffect(() => {
    if (personId === undefined) return;
    if (liveFor.current !== undefined && liveFor.current !== personId) restartLive();
    liveFor.current = personId;
  }, [personId]);
  const value = useMemo(() => ({ me, refresh }), [me, refresh]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}

export function isOrganizer(me: SessionUser | null | undefined): boolean {
  return me?.networkRole === 'ORGANIZER';
}

export function roleInCity(
  me: SessionUser | null | undefined,
  citySlug: string,
): 'COORDINATOR' | 'MEMBER' | null {
  return me?.memberships.find((membership) => membership.city.slug === citySlug)?.role ?? null;
}

/** Coordinators of the city and organizers manage its members. */
export function mayManageCity(me: SessionUser | null | undefined, citySlug: string): boolean {
  return isOrganizer(me) || roleInCity(me, citySlug) === 'COORDINATOR';
}

/** After sign-in the app speaks the account's language. */
export function applyAccountLanguage(me: SessionUser | null): void {
  const locale = me?.locale;
  if (locale && (LANGUAGES as readonly string[]).includes(locale) && i18n.language !== locale) {
    void i18n.changeLanguage(locale as Language);
  }
}
