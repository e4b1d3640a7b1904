import { registerEnumType } from '@nestjs/graphql';
import { FollowUpStatus, RecordStatus } from '../conference-record.entity';
import {
  AgendaFormat,
  ConferenceKind,
  ConferenceStatus,
  NetworkRegionValue,
  RegistrationStatus,
} from '../conference.entity';

// The stored values are the API's enums; they are declared with the entities and
// named for GraphQL here. The feature's API types import them from this file.
registerEnumType(ConferenceKind, { name: 'ConferenceKind' });
registerEnumType(ConferenceStatus, { name: 'ConferenceStatus' });
registerEnumType(NetworkRegionValue, { name: 'NetworkRegion' });
registerEnumType(AgendaFormat, { name: 'AgendaFormat' });
registerEnumType(RegistrationStatus, { name: 'RegistrationStatus' });
registerEnumType(RecordStatus, { name: 'RecordStatus' });
registerEnumType(FollowUpStatus, { name: 'FollowUpStatus' });

/** Which way an organizer moves a waiting registration in the line. */
export enum WaitlistDirection {
  UP = 'UP',
  DOWN = 'DOWN',
}
registerEnumType(WaitlistDirection, { name: 'WaitlistDirection' });

export {
  AgendaFormat,
  ConferenceKind,
  ConferenceStatus,
  FollowUpStatus,
  NetworkRegionValue,
  RecordStatus,
  RegistrationStatus,
};
