import { ApolloArmor } from '@escape.tech/graphql-armor';

/** Limits every request must stay within; answered with GRAPHQL_VALIDATION_FAILED otherwise. */
export const GRAPHQL_LIMITS = {
  maxDepth: 10,
  maxAliases: 15,
  maxTokens: 2000,
  maxDirectives: 20,
  maxCost: 5000,
} as const;

export function graphqlProtection(production: boolean) {
  return new ApolloArmor({
    maxDepth: { n: GRAPHQL_LIMITS.maxDepth, ignoreIntrospection: !production },
    maxAliases: { n: GRAPHQL_LIMITS.maxAliases },
    // graphql-armor's token limit hooks into Apollo's error handling and turned every
    // syntax error into an HTTP 500; graphql-js counts tokens itself while parsing
    // (Apollo's parseOptions.maxTokens, see app.module.ts), answered with a 400.
    maxTokens: { enabled: false },
    maxDirectives: { n: GRAPHQL_LIMITS.maxDirectives },
    costLimit: { maxCost: GRAPHQL_LIMITS.maxCost, ignoreIntrospection: !production },
    // Suggestions ("did you mean ...") reveal the schema when introspection is off.
    blockFieldSuggestion: { enabled: production },
  }).protect();
}
