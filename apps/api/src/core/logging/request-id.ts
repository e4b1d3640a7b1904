import type { ApolloServerPlugin } from '@apollo/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { randomUUID } from 'node:crypto';
import type { GraphQLContext } from '../graphql/loaders';

export const REQUEST_ID_HEADER = 'x-request-id';

/** What an incoming `x-request-id` may look like to be kept (a proxy's or a client's id). */
const SANE_REQUEST_ID = /^[A-Za-z0-9._:-]{8,128}$/;

/** The incoming id when it is sane, else a new UUID. */
export function requestIdFrom(header: string | string[] | undefined): string {
  const given = Array.isArray(header) ? header[0] : header;
  return given && SANE_REQUEST_ID.test(given) ? given : randomUUID();
}

declare module 'http' {
  interface IncomingMessage {
    /** The request id (httpTiming), in logs and GraphQL error extensions. */
    id?: string;
  }
}

/** Decides the request id and echoes it in the answer's header (httpTiming). */
export function genRequestId(req: IncomingMessage, res: ServerResponse): string {
  const id = requestIdFrom(req.headers[REQUEST_ID_HEADER]);
  res.setHeader(REQUEST_ID_HEADER, id);
  return id;
}

/** Every GraphQL error answered over HTTP names the request: `extensions.requestId`. */
export function requestIdPlugin(): ApolloServerPlugin<GraphQLContext> {
  return {
    async requestDidStart({ contextValue }) {
      return {
        async willSendResponse({ response }) {
          const id = (contextValue.req as { id?: unknown } | undefined)?.id;
          if (typeof id !== 'string' || response.body.kind !== 'single') return;
          const errors = response.body.singleResult.errors;
          if (!errors) return;
          response.body.singleResult.errors = errors.map((error) => ({
            ...error,
            extensions: { ...error.extensions, requestId: id },
          }));
        },
      };
    },
  };
}
