/* eslint-disable */
import * as types from './graphql';
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';

/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "query CityProfile($slug: String!) {\n  city(slug: $slug) {\n    id\n    slug\n    name\n    kind\n    federalState\n    joinedYear\n    population\n    profile\n    brandColor\n    focusTopics {\n      id\n      slug\n      name\n      nameEn\n    }\n  }\n}": typeof types.CityProfileDocument,
    "query NetworkCities($first: Int!, $after: String) {\n  cities(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        slug\n        name\n        kind\n        federalState\n        joinedYear\n      }\n    }\n  }\n}\n\nquery NetworkFederalStates {\n  federalStates {\n    code\n    cityCount\n  }\n}": typeof types.NetworkCitiesDocument,
    "query NetworkTopics {\n  topics {\n    id\n    slug\n    name\n    nameEn\n    description\n    descriptionEn\n    parent {\n      id\n    }\n  }\n}": typeof types.NetworkTopicsDocument,
};
const documents: Documents = {
    "query CityProfile($slug: String!) {\n  city(slug: $slug) {\n    id\n    slug\n    name\n    kind\n    federalState\n    joinedYear\n    population\n    profile\n    brandColor\n    focusTopics {\n      id\n      slug\n      name\n      nameEn\n    }\n  }\n}": types.CityProfileDocument,
    "query NetworkCities($first: Int!, $after: String) {\n  cities(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        slug\n        name\n        kind\n        federalState\n        joinedYear\n      }\n    }\n  }\n}\n\nquery NetworkFederalStates {\n  federalStates {\n    code\n    cityCount\n  }\n}": types.NetworkCitiesDocument,
    "query NetworkTopics {\n  topics {\n    id\n    slug\n    name\n    nameEn\n    description\n    descriptionEn\n    parent {\n      id\n    }\n  }\n}": types.NetworkTopicsDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 *
 *
 * @example
 * ```ts
 * const query = graphql(`query GetUser($id: ID!) { user(id: $id) { name } }`);
 * ```
 *
 * The query argument is unknown!
 * Please regenerate the types.
 */
export function graphql(source: string): unknown;

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CityProfile($slug: String!) {\n  city(slug: $slug) {\n    id\n    slug\n    name\n    kind\n    federalState\n    joinedYear\n    population\n    profile\n    brandColor\n    focusTopics {\n      id\n      slug\n      name\n      nameEn\n    }\n  }\n}"): (typeof documents)["query CityProfile($slug: String!) {\n  city(slug: $slug) {\n    id\n    slug\n    name\n    kind\n    federalState\n    joinedYear\n    population\n    profile\n    brandColor\n    focusTopics {\n      id\n      slug\n      name\n      nameEn\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NetworkCities($first: Int!, $after: String) {\n  cities(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        slug\n        name\n        kind\n        federalState\n        joinedYear\n      }\n    }\n  }\n}\n\nquery NetworkFederalStates {\n  federalStates {\n    code\n    cityCount\n  }\n}"): (typeof documents)["query NetworkCities($first: Int!, $after: String) {\n  cities(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        slug\n        name\n        kind\n        federalState\n        joinedYear\n      }\n    }\n  }\n}\n\nquery NetworkFederalStates {\n  federalStates {\n    code\n    cityCount\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query NetworkTopics {\n  topics {\n    id\n    slug\n    name\n    nameEn\n    description\n    descriptionEn\n    parent {\n      id\n    }\n  }\n}"): (typeof documents)["query NetworkTopics {\n  topics {\n    id\n    slug\n    name\n    nameEn\n    description\n    descriptionEn\n    parent {\n      id\n    }\n  }\n}"];

export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}

export type DocumentType<TDocumentNode extends DocumentNode<any, any>> = TDocumentNode extends DocumentNode<  infer TType,  any>  ? TType  : never;