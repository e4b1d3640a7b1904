import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { Logger } from 'pino';
import type { AppConfig } from './core/config/config';
import { AppExceptionFilter } from './core/errors/app-exception.filter';
import { createErrorFormatter } from './core/errors/format-error';
import { RequestLoaders, type GraphQLContext } from './core/graphql/loaders';
import { HealthModule } from './core/health/health.module';
import { appDataSourceOptions } from './database/data-source';
import { CitiesModule } from './modules/cities/cities.module';
import { TopicsModule } from './modules/topics/topics.module';
import { SearchModule } from './search/search.module';

@Module({})
export class AppModule {
  static forRoot(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      imports: [
        TypeOrmModule.forRoot(appDataSourceOptions(config)),
        SearchModule.forRoot(config),
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          playground: false,
          graphiql: false,
          introspection: !config.production,
          csrfPrevention: true,
          includeStacktraceInErrorResponses: false,
          formatError: createErrorFormatter(logger),
          context: (): GraphQLContext => ({ loaders: new RequestLoaders() }),
        }),
        HealthModule,
        TopicsModule,
        CitiesModule,
      ],
      providers: [{ provide: APP_FILTER, useClass: AppExceptionFilter }],
    };
  }
}
