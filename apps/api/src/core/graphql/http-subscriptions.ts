import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';

/**
 * Subscriptions live on the WebSocket (graphql-ws), where every event re-checks the
 * session. Sent over HTTP, Apollo would run the subscription's resolver once without
 * an event: refuse it before execution with a typed 400 instead.
 */
export function subscriptionsOnlyOverWebSocket(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation }) {
          if (operation?.operation !== 'subscription') return;
          throw new GraphQLError('Subscriptions are served over WebSocket (graphql-ws) only', {
            extensions: {
              code: 'BAD_REQUEST',
              reason: 'SUBSCRIPTION_OVER_HTTP',
              http: { status: 400 },
            },
          });
        },
      };
    },
  };
}
