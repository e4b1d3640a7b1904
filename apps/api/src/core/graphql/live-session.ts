import { ANONYMOUS, type Actor, type SignedInActor } from '../tenancy/actor';

/**
 * Close codes of a WebSocket the server ends on its own (4000–4999 are the application's).
 * They match graphql-ws's Unauthorized / Forbidden, so its client treats a 4401 as final
 * (no reconnect with a dead cookie) and may reconnect after a 4403.
 */
export enum LiveCloseCode {
  /** Logout, logout everywhere, revoked, expired or idle. */
  SESSION_ENDED = 4401,
  /** Still signed in, but no longer allowed to read what a subscription follows. */
  ACCESS_LOST = 4403,
}

const CLOSE_REASONS: Record<LiveCloseCode, string> = {
  [LiveCloseCode.SESSION_ENDED]: 'Session ended',
  [LiveCloseCode.ACCESS_LOST]: 'Access lost',
};

/** Says whether the (fresh) actor may still receive what one subscription follows. */
export type LiveAccessCheck = (actor: SignedInActor) => boolean;

export interface LiveSessionOptions {
  /** The session token of the WebSocket upgrade's cookie (never the actor read from it). */
  token: string | undefined;
  /** Reads the session behind the token again (AuthService.authenticate). */
  authenticate: (token: string | undefined) => Promise<Actor>;
  /** Ends the socket. */
  close: (code: LiveCloseCode, reason: string) => void;
  /** Reports a check that could not be made (database unreachable): the socket stays. */
  warn: (message: string) => void;
}

/**
 * The session of one WebSocket connection. The actor is not trusted for the lifetime of
 * the socket: it is read again from the token before every event is delivered, and on a
 * timer, and the socket is closed as soon as the session has ended or a subscription has
 * lost its access. Until a check succeeds the connection speaks for nobody.
 */
export class LiveSession {
  private current: Actor = ANONYMOUS;
  private startedSignedIn = false;
  private closed = false;
  private timer?: NodeJS.Timeout;
  private readonly checks = new Set<LiveAccessCheck>();

  constructor(private readonly options: LiveSessionOptions) {}

  /** The actor as of the latest check; anonymous once the socket was closed. */
  get actor(): Actor {
    return this.closed ? ANONYMOUS : this.current;
  }

  /** First read at connect; a signed-in connection is then re-checked every `checkMs`. */
  async open(checkMs: number): Promise<void> {
    const actor = await this.options.authenticate(this.options.token);
    this.current = actor;
    this.startedSignedIn = actor.kind === 'user';
    if (!this.startedSignedIn || this.closed) return;
    this.timer = setInterval(() => {
      this.refresh().catch((error: unknown) =>
        this.options.warn(`live session check failed, keeping the socket: ${String(error)}`),
      );
    }, checkMs);
    this.timer.unref();
  }

  /**
   * Reads the session again. Returns the fresh actor, or anonymous when the session has
   * ended or a subscription lost its access (the socket is then being closed). Throws when
   * the session could not be read (the caller must then not deliver anything).
   */
  async refresh(): Promise<Actor> {
    if (this.closed) return ANONYMOUS;
    const actor = await this.options.authenticate(this.options.token);
    if (this.closed) return ANONYMOUS;
    if (actor.kind !== 'user') {
      this.current = ANONYMOUS;
      if (this.startedSignedIn) this.close(LiveCloseCode.SESSION_ENDED);
      return ANONYMOUS;
    }
    for (const check of this.checks) {
      if (!check(actor)) {
        this.close(LiveCloseCode.ACCESS_LOST);
        return ANONYMOUS;
      }
    }
    this.current = actor;
    return actor;
  }

  /** Adds a subscription's access rule to every later check; returns its removal. */
  require(check: LiveAccessCheck): () => void {
    this.checks.add(check);
    return () => {
      this.checks.delete(check);
    };
  }

  /** The socket closed (by either side): no more checks. */
  ended(): void {
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
  }

  private close(code: LiveCloseCode): void {
    if (this.closed) return;
    this.ended();
    this.options.close(code, CLOSE_REASONS[code]);
  }
}

/** The live session of a subscription's GraphQL context; none outside WebSockets. */
export function liveSessionOf(context: { live?: LiveSession }): LiveSession {
  if (!context.live) throw new Error('a subscription ran without a WebSocket session');
  return context.live;
}

/** An async iterator that calls `cleanup` once when the subscription ends. */
export function withCleanup<T>(
  iterator: AsyncIterableIterator<T>,
  cleanup: () => void,
): AsyncIterableIterator<T> {
  let done = false;
  const finish = () => {
    if (done) return;
    done = true;
    cleanup();
  };
  return {
    next: async () => {
      const result = await iterator.next();
      if (result.done) finish();
      return result;
    },
    return: async (value?: unknown) => {
      finish();
      return iterator.return ? iterator.return(value) : { done: true, value: value as T };
    },
    throw: async (error?: unknown) => {
      finish();
      if (iterator.throw) return iterator.throw(error);
      throw error;
    },
    [Symbol.asyncIterator]() {
      return this;
    },
  };
}
