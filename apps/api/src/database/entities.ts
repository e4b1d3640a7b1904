import {
  ConferenceRecordEntity,
  FollowUpActionEntity,
} from '../modules/conferences/conference-record.entity';
import { AuditEntryEntity } from '../modules/audit/audit-entry.entity';
import { PasswordResetEntity } from '../modules/auth/password-reset.entity';
import { SessionEntity } from '../modules/auth/session.entity';
import { CityEntity } from '../modules/cities/city.entity';
import { DataExportEntity } from '../modules/data-export/data-export.entity';
import { DevMailEntity } from '../modules/mail/dev-mail.entity';
import { InvitationEntity } from '../modules/memberships/invitation.entity';
import { MembershipEntity } from '../modules/memberships/membership.entity';
import {
  AgendaSessionEntity,
  ConferenceEntity,
  RegistrationEntity,
} from '../modules/conferences/conference.entity';
import { NotificationEntity } from '../modules/notifications/notification.entity';
import { PracticeAttachmentEntity } from '../modules/practices/practice-attachment.entity';
import { CityProfileRevisionEntity } from '../modules/city-profiles/city-profile-revision.entity';
import { CityProfileEntity } from '../modules/city-profiles/city-profile.entity';
import { PracticeRevisionEntity } from '../modules/practices/practice-revision.entity';
import { PracticeEntity } from '../modules/practices/practice.entity';
import { SignLanguageVideoEntity } from '../modules/sign-language/sign-language-video.entity';
import { TandemNoteEntity } from '../modules/tandems/tandem-note.entity';
import { TandemVisitEntity } from '../modules/tandems/tandem-visit.entity';
import { TandemEntity } from '../modules/tandems/tandem.entity';
import { TopicEntity } from '../modules/topics/topic.entity';
import { UserEntity } from '../modules/users/user.entity';

/** Every TypeORM entity of the API. */
export const ENTITIES = [
  CityEntity,
  TopicEntity,
  UserEntity,
  MembershipEntity,
  InvitationEntity,
  SessionEntity,
  PasswordResetEntity,
  AuditEntryEntity,
  DevMailEntity,
  DataExportEntity,
  PracticeEntity,
  PracticeRevisionEntity,
  CityProfileEntity,
  CityProfileRevisionEntity,
  SignLanguageVideoEntity,
  PracticeAttachmentEntity,
  TandemEntity,
  TandemNoteEntity,
  TandemVisitEntity,
  NotificationEntity,
  ConferenceEntity,
  AgendaSessionEntity,
  RegistrationEntity,
  ConferenceRecordEntity,
  FollowUpActionEntity,
];
