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
    "mutation UpdateMe($input: UpdateMeInput!) {\n  updateMe(input: $input) {\n    ...SessionUser\n  }\n}\n\nquery MySessions {\n  sessions {\n    id\n    userAgent\n    createdAt\n    lastSeenAt\n    expiresAt\n  }\n}\n\nmutation RevokeSession($id: ID!) {\n  revokeSession(id: $id)\n}\n\nmutation LogoutEverywhere {\n  logoutEverywhere\n}": typeof types.UpdateMeDocument,
    "mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n  requestPasswordReset(input: $input)\n}\n\nmutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input)\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input)\n}": typeof types.RequestPasswordResetDocument,
    "fragment SessionUser on Me {\n  id\n  email\n  displayName\n  locale\n  networkRole\n  memberships {\n    id\n    role\n    city {\n      id\n      slug\n      name\n    }\n  }\n  actingCity {\n    id\n    slug\n    name\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...SessionUser\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nmutation SwitchActingCity($citySlug: String!) {\n  switchActingCity(citySlug: $citySlug) {\n    ...SessionUser\n  }\n}": typeof types.SessionUserFragmentDoc,
    "query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n  auditLog(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        action\n        target\n        details\n        createdAt\n        city {\n          id\n          slug\n          name\n        }\n        actor {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n}": typeof types.AuditLogDocument,
    "query CityProfile($slug: String!) {\n  city(slug: $slug) {\n    id\n    slug\n    name\n    kind\n    federalState\n    joinedYear\n    population\n    profile\n    brandColor\n    focusTopics {\n      id\n      slug\n      name\n      nameEn\n    }\n  }\n}": typeof types.CityProfileDocument,
    "query DevMailbox($first: Int!) {\n  devMailbox(first: $first) {\n    id\n    recipient\n    subject\n    textBody\n    createdAt\n  }\n}": typeof types.DevMailboxDocument,
    "query InvitationPreview($token: String!) {\n  invitation(token: $token) {\n    email\n    role\n    status\n    accountExists\n    expiresAt\n    city {\n      id\n      slug\n      name\n    }\n  }\n}\n\nmutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    ...SessionUser\n  }\n}": typeof types.InvitationPreviewDocument,
    "query CityMembers($citySlug: String!) {\n  city(slug: $citySlug) {\n    id\n    slug\n    name\n  }\n  cityMembers(citySlug: $citySlug) {\n    id\n    role\n    createdAt\n    user {\n      id\n      email\n      displayName\n    }\n  }\n}\n\nquery CityInvitations($citySlug: String!) {\n  cityInvitations(citySlug: $citySlug) {\n    id\n    email\n    role\n    status\n    createdAt\n    expiresAt\n  }\n}\n\nmutation InviteToCity($input: InviteToCityInput!) {\n  inviteToCity(input: $input) {\n    id\n    email\n    role\n    status\n    createdAt\n    expiresAt\n  }\n}\n\nmutation RevokeInvitation($id: ID!) {\n  revokeInvitation(id: $id) {\n    id\n    status\n  }\n}\n\nmutation UpdateMembership($input: UpdateMembershipInput!) {\n  updateMembership(input: $input) {\n    id\n    role\n  }\n}\n\nmutation RemoveMembership($membershipId: ID!) {\n  removeMembership(membershipId: $membershipId)\n}": typeof types.CityMembersDocument,
    "query NetworkCities($first: Int!, $after: String) {\n  cities(first: $first, after: $after) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        slug\n        name\n        kind\n        federalState\n        joinedYear\n      }\n    }\n  }\n}\n\nquery NetworkFederalStates {\n  federalStates {\n    code\n    cityCount\n  }\n}": typeof types.NetworkCitiesDocument,
    "query NetworkTopics {\n  topics {\n    id\n    slug\n    name\n    nameEn\n    description\n    descriptionEn\n    parent {\n      id\n    }\n  }\n}": typeof types.NetworkTopicsDocument,
};
const documents: Documents = {
    "mutation UpdateMe($input: UpdateMeInput!) {\n  updateMe(input: $input) {\n    ...SessionUser\n  }\n}\n\nquery MySessions {\n  sessions {\n    id\n    userAgent\n    createdAt\n    lastSeenAt\n    expiresAt\n  }\n}\n\nmutation RevokeSession($id: ID!) {\n  revokeSession(id: $id)\n}\n\nmutation LogoutEverywhere {\n  logoutEverywhere\n}": types.UpdateMeDocument,
    "mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n  requestPasswordReset(input: $input)\n}\n\nmutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input)\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input)\n}": types.RequestPasswordResetDocument,
    "fragment SessionUser on Me {\n  id\n  email\n  displayName\n  locale\n  networkRole\n  memberships {\n    id\n    role\n    city {\n      id\n      slug\n      name\n    }\n  }\n  actingCity {\n    id\n    slug\n    name\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...SessionUser\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nmutation SwitchActingCity($citySlug: String!) {\n  switchActingCity(citySlug: $citySlug) {\n    ...SessionUser\n  }\n}": types.SessionUserFragmentDoc,
    "query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n  auditLog(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        action\n        target\n        details\n        createdAt\n        city {\n          id\n          slug\n          name\n        }\n        actor {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n}": types.AuditLogDocument,
    "query CityProfile($slug: String!) {\n  city(slug: $slug) {\n    id\n    slug\n    name\n    kind\n    federalState\n    joinedYear\n    population\n    profile\n    brandColor\n    focusTopics {\n      id\n      slug\n      name\n      nameEn\n    }\n  }\n}": types.CityProfileDocument,
    "query DevMailbox($first: Int!) {\n  devMailbox(first: $first) {\n    id\n    recipient\n    subject\n    textBody\n    createdAt\n  }\n}": types.DevMailboxDocument,
    "query InvitationPreview($token: String!) {\n  invitation(token: $token) {\n    email\n    role\n    status\n    accountExists\n    expiresAt\n    city {\n      id\n      slug\n      name\n    }\n  }\n}\n\nmutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    ...SessionUser\n  }\n}": types.InvitationPreviewDocument,
    "query CityMembers($citySlug: String!) {\n  city(slug: $citySlug) {\n    id\n    slug\n    name\n  }\n  cityMembers(citySlug: $citySlug) {\n    id\n    role\n    createdAt\n    user {\n      id\n      email\n      displayName\n    }\n  }\n}\n\nquery CityInvitations($citySlug: String!) {\n  cityInvitations(citySlug: $citySlug) {\n    id\n    email\n    role\n    status\n    createdAt\n    expiresAt\n  }\n}\n\nmutation InviteToCity($input: InviteToCityInput!) {\n  inviteToCity(input: $input) {\n    id\n    email\n    role\n    status\n    createdAt\n    expiresAt\n  }\n}\n\nmutation RevokeInvitation($id: ID!) {\n  revokeInvitation(id: $id) {\n    id\n    status\n  }\n}\n\nmutation UpdateMembership($input: UpdateMembershipInput!) {\n  updateMembership(input: $input) {\n    id\n    role\n  }\n}\n\nmutation RemoveMembership($membershipId: ID!) {\n  removeMembership(membershipId: $membershipId)\n}": types.CityMembersDocument,
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
export function graphql(source: "mutation UpdateMe($input: UpdateMeInput!) {\n  updateMe(input: $input) {\n    ...SessionUser\n  }\n}\n\nquery MySessions {\n  sessions {\n    id\n    userAgent\n    createdAt\n    lastSeenAt\n    expiresAt\n  }\n}\n\nmutation RevokeSession($id: ID!) {\n  revokeSession(id: $id)\n}\n\nmutation LogoutEverywhere {\n  logoutEverywhere\n}"): (typeof documents)["mutation UpdateMe($input: UpdateMeInput!) {\n  updateMe(input: $input) {\n    ...SessionUser\n  }\n}\n\nquery MySessions {\n  sessions {\n    id\n    userAgent\n    createdAt\n    lastSeenAt\n    expiresAt\n  }\n}\n\nmutation RevokeSession($id: ID!) {\n  revokeSession(id: $id)\n}\n\nmutation LogoutEverywhere {\n  logoutEverywhere\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n  requestPasswordReset(input: $input)\n}\n\nmutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input)\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input)\n}"): (typeof documents)["mutation RequestPasswordReset($input: RequestPasswordResetInput!) {\n  requestPasswordReset(input: $input)\n}\n\nmutation ResetPassword($input: ResetPasswordInput!) {\n  resetPassword(input: $input)\n}\n\nmutation ChangePassword($input: ChangePasswordInput!) {\n  changePassword(input: $input)\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "fragment SessionUser on Me {\n  id\n  email\n  displayName\n  locale\n  networkRole\n  memberships {\n    id\n    role\n    city {\n      id\n      slug\n      name\n    }\n  }\n  actingCity {\n    id\n    slug\n    name\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...SessionUser\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nmutation SwitchActingCity($citySlug: String!) {\n  switchActingCity(citySlug: $citySlug) {\n    ...SessionUser\n  }\n}"): (typeof documents)["fragment SessionUser on Me {\n  id\n  email\n  displayName\n  locale\n  networkRole\n  memberships {\n    id\n    role\n    city {\n      id\n      slug\n      name\n    }\n  }\n  actingCity {\n    id\n    slug\n    name\n  }\n}\n\nquery Me {\n  me {\n    ...SessionUser\n  }\n}\n\nmutation Login($input: LoginInput!) {\n  login(input: $input) {\n    ...SessionUser\n  }\n}\n\nmutation Logout {\n  logout\n}\n\nmutation SwitchActingCity($citySlug: String!) {\n  switchActingCity(citySlug: $citySlug) {\n    ...SessionUser\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n  auditLog(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        action\n        target\n        details\n        createdAt\n        city {\n          id\n          slug\n          name\n        }\n        actor {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n}"): (typeof documents)["query AuditLog($first: Int!, $after: String, $filter: AuditLogFilter) {\n  auditLog(first: $first, after: $after, filter: $filter) {\n    totalCount\n    pageInfo {\n      hasNextPage\n      endCursor\n    }\n    edges {\n      node {\n        id\n        action\n        target\n        details\n        createdAt\n        city {\n          id\n          slug\n          name\n        }\n        actor {\n          id\n          displayName\n          email\n        }\n      }\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CityProfile($slug: String!) {\n  city(slug: $slug) {\n    id\n    slug\n    name\n    kind\n    federalState\n    joinedYear\n    population\n    profile\n    brandColor\n    focusTopics {\n      id\n      slug\n      name\n      nameEn\n    }\n  }\n}"): (typeof documents)["query CityProfile($slug: String!) {\n  city(slug: $slug) {\n    id\n    slug\n    name\n    kind\n    federalState\n    joinedYear\n    population\n    profile\n    brandColor\n    focusTopics {\n      id\n      slug\n      name\n      nameEn\n    }\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query DevMailbox($first: Int!) {\n  devMailbox(first: $first) {\n    id\n    recipient\n    subject\n    textBody\n    createdAt\n  }\n}"): (typeof documents)["query DevMailbox($first: Int!) {\n  devMailbox(first: $first) {\n    id\n    recipient\n    subject\n    textBody\n    createdAt\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query InvitationPreview($token: String!) {\n  invitation(token: $token) {\n    email\n    role\n    status\n    accountExists\n    expiresAt\n    city {\n      id\n      slug\n      name\n    }\n  }\n}\n\nmutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    ...SessionUser\n  }\n}"): (typeof documents)["query InvitationPreview($token: String!) {\n  invitation(token: $token) {\n    email\n    role\n    status\n    accountExists\n    expiresAt\n    city {\n      id\n      slug\n      name\n    }\n  }\n}\n\nmutation AcceptInvitation($input: AcceptInvitationInput!) {\n  acceptInvitation(input: $input) {\n    ...SessionUser\n  }\n}"];
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "query CityMembers($citySlug: String!) {\n  city(slug: $citySlug) {\n    id\n    slug\n    name\n  }\n  cityMembers(citySlug: $citySlug) {\n    id\n    role\n    createdAt\n    user {\n      id\n      email\n      displayName\n    }\n  }\n}\n\nquery CityInvitations($citySlug: String!) {\n  cityInvitations(citySlug: $citySlug) {\n    id\n    email\n    role\n    status\n    createdAt\n    expiresAt\n  }\n}\n\nmutation InviteToCity($input: InviteToCityInput!) {\n  inviteToCity(input: $input) {\n    id\n    email\n    role\n    status\n    createdAt\n    expiresAt\n  }\n}\n\nmutation RevokeInvitation($id: ID!) {\n  revokeInvitation(id: $id) {\n    id\n    status\n  }\n}\n\nmutation UpdateMembership($input: UpdateMembershipInput!) {\n  updateMembership(input: $input) {\n    id\n    role\n  }\n}\n\nmutation RemoveMembership($membershipId: ID!) {\n  removeMembership(membershipId: $membershipId)\n}"): (typeof documents)["query CityMembers($citySlug: String!) {\n  city(slug: $citySlug) {\n    id\n    slug\n    name\n  }\n  cityMembers(citySlug: $citySlug) {\n    id\n    role\n    createdAt\n    user {\n      id\n      email\n      displayName\n    }\n  }\n}\n\nquery CityInvitations($citySlug: String!) {\n  cityInvitations(citySlug: $citySlug) {\n    id\n    email\n    role\n    status\n    createdAt\n    expiresAt\n  }\n}\n\nmutation InviteToCity($input: InviteToCityInput!) {\n  inviteToCity(input: $input) {\n    id\n    email\n    role\n    status\n    createdAt\n    expiresAt\n  }\n}\n\nmutation RevokeInvitation($id: ID!) {\n  revokeInvitation(id: $id) {\n    id\n    status\n  }\n}\n\nmutation UpdateMembership($input: UpdateMembershipInput!) {\n  updateMembership(input: $input) {\n    id\n    role\n  }\n}\n\nmutation RemoveMembership($membershipId: ID!) {\n  removeMembership(membershipId: $membershipId)\n}"];
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