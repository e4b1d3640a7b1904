import { AsyncLocalStorage } from 'node:async_hooks';
import { ANONYMOUS, type Actor } from './actor';

export interface RequestContext {
  actor: Actor;
  ip: string;
  userAgent: string;
  secure: boolean;
  /** The request's id (`x-request-id`), in every log line and GraphQL error of the request. */
  requestId?: string;
  /** SQL statements run for this request (see core/graphql/query-count.ts). */
  queryCount?: number;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `fn` with the request's context; everything it awaits sees the same context. */
export function runInRequestContext<T>(context: RequestContext, fn: () => T): T {
  return storage.run(context, fn);
}

/** The current request's context; outside a request, an anonymous one. */
const OUTSIDE: RequestContext = {
  actor: ANONYMOUS,
  ip: 'internal',
  userAgent: 'internal',
  secure: false,
};

export function requestContext(): RequestContext {
  return storage.getStore() ?? OUTSIDE;
}

export function currentActor(): Actor {
  return requestContext().actor;
}

/** Replaces the actor for the rest of the request (after login, logout, switching city). */
export function setCurrentActor(actor: Actor): void {
  const store = storage.getStore();
  if (store) store.actor = actor;
}

/**
 * The actor of a GraphQL operation: over WebSocket (subscriptions) there is no
 * HTTP request, so the connection's actor travels in the GraphQL context.
 */
export function actorOf(graphqlContext: { wsActor?: Actor } | undefined): Actor {
  return graphqlContext?.wsActor ?? currentActor();
}
