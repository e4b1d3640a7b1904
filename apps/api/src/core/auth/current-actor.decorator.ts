import { createParamDecorator, type ExecutionContext } from '@nestjs/common';
import { GqlExecutionContext, type GqlContextType } from '@nestjs/graphql';
import type { GraphQLContext } from '../graphql/loaders';
import type { Actor } from '../tenancy/actor';
import { actorOf, currentActor } from '../tenancy/request-context';

/**
 * The acting user of a query, mutation, subscription or HTTP route, as a
 * parameter: `list(@CurrentActor() actor: Actor, ...)`. Resolvers pass it on to
 * services (actor first); services never read request-local state. This is the
 * one place that knows where the actor comes from: the session cookie read by
 * the auth middleware for HTTP, the WebSocket connection for subscriptions.
 */
export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext) =>
  actorFromContext(context),
);

export function actorFromContext(context: ExecutionContext): Actor {
  if (context.getType<GqlContextType>() === 'graphql') {
    return actorOf(GqlExecutionContext.create(context).getContext<GraphQLContext>());
  }
  return currentActor();
}
