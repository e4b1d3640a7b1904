import { CreateCitiesAndTopics1764057600000 } from './1764057600000-CreateCitiesAndTopics';
import { IdentityAndTenancy1764144000000 } from './1764144000000-IdentityAndTenancy';
import { PracticesAndSearchOutbox1764230400000 } from './1764230400000-PracticesAndSearchOutbox';
import { Tandems1764316800000 } from './1764316800000-Tandems';
import { TandemNoteNotify1764320400000 } from './1764320400000-TandemNoteNotify';
import { Notifications1764324000000 } from './1764324000000-Notifications';
import { Conferences1764327600000 } from './1764327600000-Conferences';
import { ConferenceRecords1764331200000 } from './1764331200000-ConferenceRecords';
import { PracticeTopicByPractice1764334800000 } from './1764334800000-PracticeTopicByPractice';
import { ConferenceRecordRevision1764338400000 } from './1764338400000-ConferenceRecordRevision';
import { ConferenceSeatRule1764349200000 } from './1764349200000-ConferenceSeatRule';
import { PracticeDraftsStayInTheirCity1764352800000 } from './1764352800000-PracticeDraftsStayInTheirCity';
import { NotificationOutbox1764370800000 } from './1764370800000-NotificationOutbox';
import { ConferenceReadsWithoutOwner1764378000000 } from './1764378000000-ConferenceReadsWithoutOwner';
import { PracticeReview1764400000000 } from './1764400000000-PracticeReview';
import { ProposedTandemsStayWithTheirCities1764400000001 } from './1764400000001-ProposedTandemsStayWithTheirCities';
import { TandemVisit1764410000000 } from './1764410000000-TandemVisit';
import { CityProfiles1764420000000 } from './1764420000000-CityProfiles';
import { WaitlistOffers1764440000000 } from './1764440000000-WaitlistOffers';
import { NotificationSubject1764510000000 } from './1764510000000-NotificationSubject';
import { UnfoundSearches1764550000000 } from './1764550000000-UnfoundSearches';
import { Initiatives1764520000000 } from './1764520000000-Initiatives';
import { PublicRecords1764560000000 } from './1764560000000-PublicRecords';
import { MeasuresAndWorkshops1764570000000 } from './1764570000000-MeasuresAndWorkshops';
import { MeasureFollowLink1764610000000 } from './1764610000000-MeasureFollowLink';
import { WorkshopResultCounts1764620000000 } from './1764620000000-WorkshopResultCounts';
import { AccessibilityFeedback1764450000000 } from './1764450000000-AccessibilityFeedback';
import { AccountErasure1764470000000 } from './1764470000000-AccountErasure';
import { DataExport1764460000000 } from './1764460000000-DataExport';
import { ScheduledJobsAndRetention1764480000000 } from './1764480000000-ScheduledJobsAndRetention';
import { SignLanguageVideo1764490000000 } from './1764490000000-SignLanguageVideo';
import { FollowsAndDigest1764500000000 } from './1764500000000-FollowsAndDigest';

/** Every migration in order; listed explicitly so the built app needs no globbing. */
export const MIGRATIONS = [
  CreateCitiesAndTopics1764057600000,
  IdentityAndTenancy1764144000000,
  PracticesAndSearchOutbox1764230400000,
  Tandems1764316800000,
  TandemNoteNotify1764320400000,
  Notifications1764324000000,
  Conferences1764327600000,
  ConferenceRecords1764331200000,
  PracticeTopicByPractice1764334800000,
  ConferenceRecordRevision1764338400000,
  ConferenceSeatRule1764349200000,
  PracticeDraftsStayInTheirCity1764352800000,
  NotificationOutbox1764370800000,
  ConferenceReadsWithoutOwner1764378000000,
  PracticeReview1764400000000,
  ProposedTandemsStayWithTheirCities1764400000001,
  TandemVisit1764410000000,
  CityProfiles1764420000000,
  WaitlistOffers1764440000000,
  AccessibilityFeedback1764450000000,
  DataExport1764460000000,
  AccountErasure1764470000000,
  ScheduledJobsAndRetention1764480000000,
  SignLanguageVideo1764490000000,
  FollowsAndDigest1764500000000,
  NotificationSubject1764510000000,
  Initiatives1764520000000,
  UnfoundSearches1764550000000,
  PublicRecords1764560000000,
  MeasuresAndWorkshops1764570000000,
  MeasureFollowLink1764610000000,
  WorkshopResultCounts1764620000000,
];
