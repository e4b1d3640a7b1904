import type { AppConfig } from '../../core/config/config';
import type { Localized, NoPersonalData, ProcessingActivity } from '../../core/privacy/processing';
import { JOBS_NO_PERSONAL_DATA } from '../../core/jobs/jobs.processing';
import { SEARCH_NO_PERSONAL_DATA } from '../../search/search.processing';
import { AUDIT_NO_PERSONAL_DATA, AUDIT_PROCESSING } from '../audit/audit.processing';
import { AUTH_PROCESSING } from '../auth/auth.processing';
import { CITIES_NO_PERSONAL_DATA } from '../cities/cities.processing';
import { CITY_PROFILES_PROCESSING } from '../city-profiles/city-profiles.processing';
import { CONFERENCES_PROCESSING } from '../conferences/conferences.processing';
import { FOLLOWS_PROCESSING } from '../follows/follows.processing';
import { DATA_EXPORT_PROCESSING } from '../data-export/data-export.processing';
import { MAIL_PROCESSING } from '../mail/mail.processing';
import { MEMBERSHIPS_PROCESSING } from '../memberships/memberships.processing';
import { NOTIFICATIONS_PROCESSING } from '../notifications/notifications.processing';
import {
  PRACTICES_NO_PERSONAL_DATA,
  PRACTICES_PROCESSING,
} from '../practices/practices.processing';
import { STATISTICS_NO_PERSONAL_DATA } from '../statistics/statistics.processing';
import { SIGN_LANGUAGE_PROCESSING } from '../sign-language/sign-language.processing';
import { TANDEMS_PROCESSING } from '../tandems/tandems.processing';
import { TOPICS_NO_PERSONAL_DATA } from '../topics/topics.processing';
import { USERS_PROCESSING } from '../users/users.processing';
import {
  INITIATIVES_NO_PERSONAL_DATA,
  INITIATIVES_PROCESSING,
} from '../initiatives/initiatives.processing';
import { LEGAL_PROCESSING } from './legal.processing';

/** Every processing activity the platform performs, in the order the privacy policy lists them. */
export const PROCESSING_ACTIVITIES: readonly ProcessingActivity[] = [
  ...USERS_PROCESSING,
  ...AUTH_PROCESSING,
  ...MEMBERSHIPS_PROCESSING,
  ...CITY_PROFILES_PROCESSING,
  ...PRACTICES_PROCESSING,
  ...TANDEMS_PROCESSING,
  ...CONFERENCES_PROCESSING,
  ...NOTIFICATIONS_PROCESSING,
  ...FOLLOWS_PROCESSING,
  ...AUDIT_PROCESSING,
  ...DATA_EXPORT_PROCESSING,
  ...LEGAL_PROCESSING,
  ...SIGN_LANGUAGE_PROCESSING,
  ...MAIL_PROCESSING,
  ...INITIATIVES_PROCESSING,
];

/** Tables their features declare free of personal data. */
export const NO_PERSONAL_DATA: readonly NoPersonalData[] = [
  ...CITIES_NO_PERSONAL_DATA,
  ...TOPICS_NO_PERSONAL_DATA,
  ...PRACTICES_NO_PERSONAL_DATA,
  ...SEARCH_NO_PERSONAL_DATA,
  ...AUDIT_NO_PERSONAL_DATA,
  ...JOBS_NO_PERSONAL_DATA,
  ...STATISTICS_NO_PERSONAL_DATA,
  ...INITIATIVES_NO_PERSONAL_DATA,
];

type RetentionPeriods = Pick<
  AppConfig,
  | 'retentionRegistrationMonths'
  | 'retentionAuditMonths'
  | 'retentionFeedbackMonths'
  | 'retentionSuggestionContactDays'
>;

function months(count: number): Localized {
  return {
    de: count === 1 ? '1 Monat' : `${count} Monate`,
    en: count === 1 ? '1 month' : `${count} months`,
  };
}

function days(count: number): Localized {
  return {
    de: count === 1 ? '1 Tag' : `${count} Tage`,
    en: count === 1 ? '1 day' : `${count} days`,
  };
}

/**
 * The register as this deployment runs it: the retention texts name the configured periods
 * (`{registrationPeriod}`, `{auditPeriod}`, `{feedbackPeriod}`), so the privacy policy says what the jobs do.
 */
export function configuredActivities(config: RetentionPeriods): ProcessingActivity[] {
  const periods = {
    registrationPeriod: months(config.retentionRegistrationMonths),
    auditPeriod: months(config.retentionAuditMonths),
    feedbackPeriod: months(config.retentionFeedbackMonths),
    suggestionContactPeriod: days(config.retentionSuggestionContactDays),
  };
  const fill = (text: string, lang: keyof Localized) =>
    text.replace(
      /\{(registrationPeriod|auditPeriod|feedbackPeriod|suggestionContactPeriod)\}/g,
      (_, name: keyof typeof periods) => periods[name][lang],
    );
  return PROCESSING_ACTIVITIES.map((activity) => ({
    ...activity,
    retention: { de: fill(activity.retention.de, 'de'), en: fill(activity.retention.en, 'en') },
  }));
}
