import {
  ConferenceRecordResolver,
  ConferenceRecordsFieldResolver,
  FollowUpActionResolver,
} from './modules/conferences/conference-record.resolver';
import { NestFactory } from '@nestjs/core';
import { GraphQLSchemaBuilderModule, GraphQLSchemaFactory } from '@nestjs/graphql';
import { lexicographicSortSchema, printSchema, type GraphQLSchema } from 'graphql';
import { AgendaSessionResolver } from './modules/conferences/agenda.resolver';
import { ConferenceResolver } from './modules/conferences/conference.resolver';
import { RegistrationResolver } from './modules/conferences/registration.resolver';
import { DataExportResolver } from './modules/data-export/data-export.resolver';
import { StatisticsResolver } from './modules/statistics/statistics.resolver';
import { LegalResolver } from './modules/legal/legal.resolver';
import { NetworkSearchResolver } from './modules/network-search/network-search.resolver';
import { DigestResolver } from './modules/digest/digest.resolver';
import { FollowResolver } from './modules/follows/follow.resolver';
import { InitiativeAdminResolver } from './modules/initiatives/initiative-admin.resolver';
import { InitiativeResolver } from './modules/initiatives/initiative.resolver';
import { SuggestionResolver } from './modules/initiatives/suggestion.resolver';
import {
  FollowedSuggestionMeasureResolver,
  InitiativeFiguresResolver,
  MeasureResolver,
  QueueSuggestionMeasureResolver,
} from './modules/initiatives/measure.resolver';
import {
  InitiativeWorkshopsResolver,
  WorkshopResolver,
} from './modules/initiatives/workshop.resolver';
import { SignLanguageResolver } from './modules/sign-language/sign-language.resolver';
import { ErasureResolver } from './modules/erasure/erasure.resolver';
import { NotificationResolver } from './modules/notifications/notification.resolver';
import { AuditResolver } from './modules/audit/audit.resolver';
import { AuthResolver } from './modules/auth/auth.resolver';
import { CityResolver } from './modules/cities/city.resolver';
import {
  CityProfileResolver,
  CityProfileRevisionResolver,
} from './modules/city-profiles/city-profile.resolver';
import { MailResolver } from './modules/mail/mail.resolver';
import { InvitationResolver, MembershipResolver } from './modules/memberships/membership.resolver';
import { CityPracticesResolver } from './modules/practices/city-practices.resolver';
import { PracticeAttachmentResolver } from './modules/practices/practice-attachment.resolver';
import { PracticeRevisionResolver } from './modules/practices/practice-revision.resolver';
import { PracticeSearchResolver } from './modules/practices/practice-search.resolver';
import { PracticeResolver } from './modules/practices/practice.resolver';
import { TandemNoteResolver } from './modules/tandems/tandem-note.resolver';
import { CityTandemsResolver, TandemResolver } from './modules/tandems/tandem.resolver';
import { TopicResolver } from './modules/topics/topic.resolver';
import { PersonResolver } from './modules/users/person.resolver';
import { WorkspaceResolver, WorkspaceTandemResolver } from './modules/workspace/workspace.resolver';

/** Every resolver of the API, for building the schema without a running server. */
export const RESOLVERS = [
  CityResolver,
  CityProfileResolver,
  CityProfileRevisionResolver,
  TopicResolver,
  AuthResolver,
  PersonResolver,
  MembershipResolver,
  InvitationResolver,
  AuditResolver,
  MailResolver,
  PracticeResolver,
  PracticeSearchResolver,
  PracticeRevisionResolver,
  PracticeAttachmentResolver,
  CityPracticesResolver,
  TandemResolver,
  TandemNoteResolver,
  CityTandemsResolver,
  NotificationResolver,
  ConferenceResolver,
  RegistrationResolver,
  AgendaSessionResolver,
  ConferenceRecordResolver,
  FollowUpActionResolver,
  ConferenceRecordsFieldResolver,
  WorkspaceResolver,
  WorkspaceTandemResolver,
  LegalResolver,
  NetworkSearchResolver,
  FollowResolver,
  DigestResolver,
  SignLanguageResolver,
  ErasureResolver,
  DataExportResolver,
  StatisticsResolver,
  InitiativeResolver,
  InitiativeAdminResolver,
  SuggestionResolver,
  MeasureResolver,
  InitiativeFiguresResolver,
  QueueSuggestionMeasureResolver,
  FollowedSuggestionMeasureResolver,
  WorkshopResolver,
  InitiativeWorkshopsResolver,
];

export const SCHEMA_HEADER = `# ------------------------------------------------------
# THIS FILE WAS AUTOMATICALLY GENERATED (DO NOT MODIFY)
# Run \`npm run schema\` after changing resolvers or types.
# ------------------------------------------------------
`;

/** The schema file's text: the same printer and order the running API uses. */
export function printSchemaFile(schema: GraphQLSchema): string {
  return `${SCHEMA_HEADER}\n${printSchema(lexicographicSortSchema(schema))}\n`;
}

export async function buildSchemaFile(): Promise<string> {
  const app = await NestFactory.create(GraphQLSchemaBuilderModule, { logger: false });
  await app.init();
  try {
    const schema = await app.get(GraphQLSchemaFactory).create(RESOLVERS);
    return printSchemaFile(schema);
  } finally {
    await app.close();
  }
}
