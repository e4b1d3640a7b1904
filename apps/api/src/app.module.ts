import { ApolloServerPluginCacheControlDisabled } from '@apollo/server/plugin/disabled';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Request, Response } from 'express';
import type { IncomingMessage } from 'node:http';
import { parse as parseCookie } from 'cookie';
import {
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLSchema,
  type ValidationRule,
} from 'graphql';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import { AccessGuard } from './core/auth/access.guard';
import { CsrfGuard } from './core/auth/csrf.guard';
import type { AppConfig } from './core/config/config';
import { ConfigModule } from './core/config/config.module';
import { ANONYMOUS } from './core/tenancy/actor';
import { AppExceptionFilter } from './core/errors/app-exception.filter';
import { createErrorFormatter } from './core/errors/format-error';
import { HttpExceptionFilter } from './core/errors/http-exception.filter';
import { UnexpectedErrorFilter } from './core/errors/unexpected-error.filter';
import {
  inputCharactersPlugin,
  refuseInvalidSubscriptionInput,
} from './core/graphql/input-characters';
import { subscriptionsOnlyOverWebSocket } from './core/graphql/http-subscriptions';
import { GRAPHQL_LIMITS, graphqlProtection } from './core/graphql/limits';
import { LiveSession } from './core/graphql/live-session';
import { queryCountPlugin } from './core/graphql/query-count';
import { upgradeOriginAllowed, WebSocketOriginGate } from './core/graphql/websocket-origin';
import { RequestLoaders, type GraphQLContext } from './core/graphql/loaders';
import { HealthModule } from './core/health/health.module';
import { requestIdPlugin } from './core/logging/request-id';
import { graphqlMetricsPlugin } from './core/metrics/instrumentation';
import { MetricsModule } from './core/metrics/metrics.module';
import { Metrics } from './core/metrics/metrics.service';
import { JobRegistryModule } from './core/jobs/job-registry';
import { JobSchedulerModule } from './core/jobs/job-scheduler';
import { TenancyModule } from './core/tenancy/tenancy.module';
import { HttpInputGuard } from './core/validation/http-input.guard';
import { appDataSourceOptions } from './database/data-source';
import { PgListenerModule } from './database/pg-listener';
import { SystemDbModule } from './database/system-db';
import { AuditModule } from './modules/audit/audit.module';
import { AuthModule } from './modules/auth/auth.module';
import { AuthService } from './modules/auth/auth.service';
import { SESSION_COOKIE } from './modules/auth/session-cookie';
import { CitiesModule } from './modules/cities/cities.module';
import { CityProfilesModule } from './modules/city-profiles/city-profiles.module';
import { DevMailboxModule } from './modules/mail/mail.module';
import { MembershipsModule } from './modules/memberships/memberships.module';
import { TopicsModule } from './modules/topics/topics.module';
import { ConferencesModule } from './modules/conferences/conferences.module';
import { DataExportModule } from './modules/data-export/data-export.module';
import { LegalModule } from './modules/legal/legal.module';
import { NetworkSearchModule } from './modules/network-search/network-search.module';
import { DigestModule } from './modules/digest/digest.module';
import { FollowsModule } from './modules/follows/follows.module';
import { InitiativesModule } from './modules/initiatives/initiatives.module';
import { SignLanguageModule } from './modules/sign-language/sign-language.module';
import { ErasureModule } from './modules/erasure/erasure.module';
import { NotificationsModule } from './modules/notifications/notifications.module';
import { PracticesModule } from './modules/practices/practices.module';
import { RetentionModule } from './modules/retention/retention.module';
import { StatisticsModule } from './modules/statistics/statistics.module';
import { TandemsModule } from './modules/tandems/tandems.module';
import { WorkspaceModule } from './modules/workspace/workspace.module';
import { UsersModule } from './modules/users/users.module';
import { StorageModule } from './storage/storage.module';
import { SearchModule } from './search/search.module';

/** What graphql-ws keeps per WebSocket connection. */
interface WsExtra {
  request: IncomingMessage;
  socket: WebSocket;
  live?: LiveSession;
}

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    const protection = graphqlProtection(config.production);
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot(config),
        // Before the other global modules: shut down after them, once the workers stopped.
        SystemDbModule.forRoot(config),
        TypeOrmModule.forRoot(appDataSourceOptions(config, logger)),
        MetricsModule,
        TenancyModule,
        JobRegistryModule,
        // Shuts down before the owner pool it runs on (imported after SystemDbModule).
        JobSchedulerModule,
        PgListenerModule,
        SearchModule.forRoot(config),
        StorageModule.forRoot(config),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [AuthModule, MetricsModule],
          inject: [AuthService, Metrics],
          useFactory: (auth: AuthService, metrics: Metrics): ApolloDriverConfig => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            playground: false,
            graphiql: false,
            introspection: !config.production,
            csrfPrevention: true,
            allowBatchedHttpRequests: false,
            // No automatic persisted queries: the web sends whole documents, and Apollo's APQ
            // errors (hash mismatch, unknown version) reached clients as internal errors.
            persistedQueries: false,
            includeStacktraceInErrorResponses: false,
            // graphql-armor is typed against Apollo's ESM build, Nest against its CommonJS one.
            plugins: [
              // We send no cache hints; Apollo's cache-control plugin would otherwise wrap
              // every field resolver (measured: ~1 ms of a 20-hit search, bench/search.mjs).
              ApolloServerPluginCacheControlDisabled() as unknown as NonNullable<
                ApolloDriverConfig['plugins']
              >[number],
              ...(protection.plugins as unknown as NonNullable<ApolloDriverConfig['plugins']>),
              subscriptionsOnlyOverWebSocket() as unknown as NonNullable<
                ApolloDriverConfig['plugins']
              >[number],
              inputCharactersPlugin() as unknown as NonNullable<
                ApolloDriverConfig['plugins']
              >[number],
              requestIdPlugin() as unknown as NonNullable<ApolloDriverConfig['plugins']>[number],
              graphqlMetricsPlugin(metrics) as unknown as NonNullable<
                ApolloDriverConfig['plugins']
              >[number],
              ...(config.production
                ? []
                : [
                    queryCountPlugin() as unknown as NonNullable<
                      ApolloDriverConfig['plugins']
                    >[number],
                  ]),
            ],
            validationRules: protection.validationRules,
            parseOptions: { maxTokens: GRAPHQL_LIMITS.maxTokens },
            formatError: createErrorFormatter(logger),
            // Subscriptions (graphql-ws on the same path). The connection keeps the session
            // token of the upgrade's cookie, not an actor: every event and a timer read the
            // session again (LiveSession), so logout, expiry and lost access end delivery.
            subscriptions: {
              'graphql-ws': {
                path: '/graphql',
                onSubscribe: refuseInvalidSubscriptionInput,
                // The same limits as over HTTP (depth, aliases, cost, directives): graphql-ws
                // validates on its own and would otherwise use graphql-js's rules alone.
                // (graphql-ws' own option; Nest passes it through but does not type it.)
                ...{
                  validate: (schema: GraphQLSchema, document: DocumentNode) =>
                    validate(schema, document, [
                      ...specifiedRules,
                      ...(protection.validationRules as ValidationRule[]),
                    ]),
                },
                onConnect: async (context: { extra: unknown }) => {
                  const extra = context.extra as WsExtra;
                  // Second wall behind WebSocketOriginGate, which refuses the upgrade itself.
                  if (!upgradeOriginAllowed(config, extra.request)) return false;
                  const cookies = parseCookie(extra.request.headers.cookie ?? '');
                  const live = new LiveSession({
                    token: cookies[SESSION_COOKIE],
                    // Re-reading the session is not use of it: an open tab alone must not
                    // keep a session from going idle (SESSION_IDLE_MINUTES).
                    authenticate: async (token) => (await auth.sessionActor(token)) ?? ANONYMOUS,
                    close: (code, reason) => extra.socket.close(code, reason),
                    warn: (message) => logger.warn({ component: 'live' }, message),
                  });
                  extra.socket.once('close', () => live.ended());
                  extra.live = live;
                  await live.open(config.wsSessionCheckSeconds * 1000);
                  return true;
                },
              },
            },
            context: (input: {
              req?: Request;
              res?: Response;
              extra?: WsExtra;
            }): GraphQLContext => {
              const live = input.extra?.live;
              return {
                req: input.req as Request,
                res: input.res as Response,
                loaders: new RequestLoaders(),
                live,
                // Over WebSocket the actor is the one of the latest session check.
                get wsActor() {
                  return live?.actor;
                },
              };
            },
          }),
        }),
        HealthModule,
        TopicsModule,
        CitiesModule,
        CityProfilesModule,
        UsersModule,
        DevMailboxModule.forRoot(config),
        AuditModule,
        MembershipsModule,
        AuthModule,
        PracticesModule,
        TandemsModule,
        NotificationsModule,
        FollowsModule,
        DigestModule,
        ConferencesModule,
        NetworkSearchModule,
        WorkspaceModule,
        LegalModule,
        SignLanguageModule,
        ErasureModule,
        DataExportModule,
        RetentionModule,
        StatisticsModule,
        InitiativesModule,
      ],
      providers: [
        // The catch-all first: Nest tries the last-registered global filter first.
        { provide: APP_FILTER, useClass: UnexpectedErrorFilter },
        { provide: APP_FILTER, useClass: HttpExceptionFilter },
        { provide: APP_FILTER, useClass: AppExceptionFilter },
        { provide: APP_GUARD, useClass: AccessGuard },
        WebSocketOriginGate,
        { provide: APP_GUARD, useClass: CsrfGuard },
        { provide: APP_GUARD, useClass: HttpInputGuard },
      ],
    };
  }
}
