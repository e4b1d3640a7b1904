import 'reflect-metadata';
import { ACCESS_LEVEL } from './access.decorator';
import { RESOLVERS } from '../../schema';

const RESOLVER_TYPE = 'graphql:resolver_type';

describe('access rules', () => {
  const operations = RESOLVERS.flatMap((resolver) =>
    Object.getOwnPropertyNames(resolver.prototype)
      .filter((name) => name !== 'constructor')
      .map((name) => ({ resolver, name, handler: Reflect.get(resolver.prototype, name) as object }))
      .filter(({ handler }) =>
        ['Query', 'Mutation', 'Subscription'].includes(Reflect.getMetadata(RESOLVER_TYPE, handler)),
      ),
  );

  it('finds the operations it checks', () => {
    const names = operations.map((operation) => operation.name);
    expect(names).toEqual(expect.arrayContaining(['cities', 'login', 'inviteToCity', 'auditLog']));
  });

  it.each(
    operations.map(
      (operation) => [`${operation.resolver.name}.${operation.name}`, operation] as const,
    ),
  )('%s states who may call it', (_label, operation) => {
    const level =
      Reflect.getMetadata(ACCESS_LEVEL, operation.handler) ??
      Reflect.getMetadata(ACCESS_LEVEL, operation.resolver);
    expect(level).toMatch(/^(PUBLIC|SIGNED_IN|ORGANIZER)$/);
  });
});
