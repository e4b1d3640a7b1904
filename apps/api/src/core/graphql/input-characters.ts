import type { ApolloServerPlugin } from '@apollo/server';
import {
  GraphQLError,
  Kind,
  getOperationAST,
  parse,
  visit,
  type ArgumentNode,
  type DocumentNode,
  type OperationDefinitionNode,
  type ValueNode,
} from 'graphql';
import { InputException, InputExceptionReason } from '../errors/app.exception';
import { publicCode } from '../errors/app-exception.filter';
import { findInvalidString, hasInvalidCharacters } from '../validation/text';
import { GRAPHQL_LIMITS } from './limits';

/**
 * The argument path (`input.title`, `filter.topicSlugs.1`) of the first string in an
 * operation that holds a NUL or a lone surrogate: in an inline literal, in a variable
 * (nested input objects and lists included) or in a variable's default value.
 */
export function findInvalidArgument(
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown> | undefined,
): string | undefined {
  const defaults = new Map<string, ValueNode>();
  for (const definition of operation.variableDefinitions ?? []) {
    if (definition.defaultValue)
      defaults.set(definition.variable.name.value, definition.defaultValue);
  }
  const inValue = (value: ValueNode, path: string): string | undefined => {
    switch (value.kind) {
      case Kind.STRING:
        return hasInvalidCharacters(value.value) ? path : undefined;
      case Kind.LIST:
        for (const [index, item] of value.values.entries()) {
          const found = inValue(item, `${path}.${index}`);
          if (found) return found;
        }
        return undefined;
      case Kind.OBJECT:
        for (const field of value.fields) {
          const found = inValue(field.value, `${path}.${field.name.value}`);
          if (found) return found;
        }
        return undefined;
      case Kind.VARIABLE: {
        const name = value.name.value;
        if (variables && Object.prototype.hasOwnProperty.call(variables, name))
          return findInvalidString(variables[name], path);
        const fallback = defaults.get(name);
        return fallback ? inValue(fallback, path) : undefined;
      }
      default:
        return undefined;
    }
  };
  for (const argument of argumentsOf(document, operation)) {
    const found = inValue(argument.value, argument.name.value);
    if (found) return found;
  }
  return undefined;
}

/**
 * Every argument of the operation and of the document's fragments (which may carry
 * arguments of the operation's fields and its variables too), in document order. Apollo
 * keeps a parsed document for each query text, so the walk is done once per document and
 * kept with it (measured: the walk was 3 % of the CPU time of a one-practice request).
 */
const argumentLists = new WeakMap<OperationDefinitionNode, readonly ArgumentNode[]>();
function argumentsOf(
  document: DocumentNode,
  operation: OperationDefinitionNode,
): readonly ArgumentNode[] {
  const known = argumentLists.get(operation);
  if (known) return known;
  const found: ArgumentNode[] = [];
  for (const definition of [
    operation,
    ...document.definitions.filter((node) => node.kind === Kind.FRAGMENT_DEFINITION),
  ]) {
    visit(definition, {
      Argument: (argument) => {
        found.push(argument);
        // Its value is walked per request (inValue); visit need not descend into it.
        return false;
      },
    });
  }
  argumentLists.set(operation, found);
  return found;
}

function invalidCharactersError(field: string, http: boolean): GraphQLError {
  const exception = new InputException(
    InputExceptionReason.INVALID_CHARACTERS,
    'Text must not contain NUL characters or incomplete UTF-16 surrogate pairs',
    field,
  );
  return new GraphQLError(exception.message, {
    extensions: {
      code: publicCode(exception.code),
      reason: exception.reason,
      field: exception.field,
      // Apollo answers errors thrown in didResolveOperation with 500 unless told otherwise.
      ...(http ? { http: { status: 400 } } : {}),
    },
  });
}

/**
 * Refuses, once for every operation and before anything executes, strings that no
 * feature could store or search: a typed BAD_USER_INPUT (`INVALID_CHARACTERS`, with the
 * argument path as `field`) and HTTP 400, instead of a 500 from PostgreSQL or an
 * "outage" from the search engine.
 */
export function inputCharactersPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ document, operation, request }) {
          // Without a resolved operation nothing executes (Apollo refuses the request itself).
          if (!operation) return;
          const field = findInvalidArgument(document, operation, request.variables);
          if (field) throw invalidCharactersError(field, true);
        },
      };
    },
  };
}

/**
 * The same check for subscriptions over graphql-ws, which do not pass Apollo's request
 * pipeline: graphql-ws's `onSubscribe`, answering with an error message on the socket.
 * A query that does not parse is left to graphql-ws, which reports that itself.
 */
export function refuseInvalidSubscriptionInput(
  _context: unknown,
  _id: string,
  payload: {
    query: string;
    operationName?: string | null;
    variables?: Record<string, unknown> | null;
  },
): readonly GraphQLError[] | undefined {
  let document: DocumentNode;
  try {
    document = parse(payload.query, { maxTokens: GRAPHQL_LIMITS.maxTokens });
  } catch (error) {
    // graphql-ws would parse again without the token limit: answer the syntax or
    // token-limit error here, as HTTP does.
    return [error instanceof GraphQLError ? error : new GraphQLError('Syntax error')];
  }
  const operation = getOperationAST(document, payload.operationName ?? undefined);
  if (!operation) return undefined;
  const field = findInvalidArgument(document, operation, payload.variables ?? undefined);
  return field ? [invalidCharactersError(field, false)] : undefined;
}
