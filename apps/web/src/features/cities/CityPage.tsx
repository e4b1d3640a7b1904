import type { CSSProperties } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CITY_SLUG_PATTERN, federalStateName } from '@wissensnetz/domain';
import { CityProfileDocument, type CityProfileQuery } from '../../generated/graphql';
import { currentLanguage, numberLocale } from '../../i18n';
import { accentColors } from '../../ui/contrast';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { PracticeFeedLink } from '../practices/PracticeFeedLink';
import { isOrganizer, roleInCity, useSession } from '../account/session';
import { CityFollowUps } from '../conferences/CityFollowUps';
import { CityPractices } from '../practices/CityPractices';
import { CityTandems } from '../tandems/CityTandems';
import { CityContact } from './CityContact';
import { CityInitiatives } from '../initiatives/CityInitiatives';
import { CityNotFound } from './CityNotFound';
import './cities.css';
import { TopicLink } from '../topics/TopicLink';
import { FollowButton } from '../follows/FollowButton';
import { cohortLabel } from '../network/cohort-label';

type CityProfile = NonNullable<CityProfileQuery['city']>;

export function CityPage() {
  const { city: rawSlug = '' } = useParams<'city'>();
  const slug = rawSlug.toLowerCase();
  const validSlug = CITY_SLUG_PATTERN.test(slug);

  if (validSlug && slug !== rawSlug) {
    // Links like /Cloppenburg should still arrive; slugs themselves are lower-case.
    return <Navigate to={`/${slug}`} replace />;
  }
  if (!validSlug) return <CityNotFound slug={rawSlug} />;
  return <CityLoader key={slug} slug={slug} />;
}

function CityLoader({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({ query: CityProfileDocument, variables: { slug } });

  if (result.fetching && !result.data) {
    return (
      <div className="page">
        <PendingTitle />
        <Loading />
      </div>
    );
  }
  if (result.error || !result.data) {
    return (
      <div className="page">
        <PendingTitle />
        <h1 className="visually-hidden">{t('state.errorTitle')}</h1>
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  if (!result.data.city) return <CityNotFound slug={slug} />;
  return <CityProfileView city={result.data.city} />;
}

function PendingTitle() {
  const { t } = useTranslation();
  useDocumentTitle(t('state.loading'));
  return null;
}

function CityProfileView({ city }: { city: CityProfile }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { me } = useSession();
  useDocumentTitle(city.name);
  const memberOfCity = roleInCity(me, city.slug) !== null || isOrganizer(me);

  const accent = accentColors(city.brandColor);
  const accentStyle = {
    '--accent': accent.background,
    '--accent-text': accent.text,
  } as CSSProperties;
  const numberFormat = new Intl.NumberFormat(numberLocale(language));

  return (
    <article
      className="page city"
      style={accentStyle}
      data-testid="city-page"
      data-accent-text={accent.text}
    >
      <header className="city__banner">
        {city.details.logoUrl ? (
          <img
            className="city__logo"
            src={city.details.logoUrl}
            alt={t('cityProfile.logoAlt', { city: city.name })}
            data-testid="city-logo"
          />
        ) : null}
        <p className="city__eyebrow">
          {t(`cityKind.${city.kind}`)} · {federalStateName(city.federalState, language)}
        </p>
        <h1 className="city__name" lang="de">
          {city.name}
        </h1>
        <FollowButton kind={'CITY'} targetId={city.id} name={city.name} />
        <p className="city__since">{t('city.memberSince', { year: city.joinedYear })}</p>
        <p className="city__phase" data-testid="city-phase">
          {cohortLabel(t, city.cohort, city.supportPhase)}
        </p>
        <PracticeFeedLink scope={{ kind: 'city', slug: city.slug }} name={city.name} />
        <CityTandems citySlug={city.slug} />
        {city.viewerCanEditProfile || city.viewerCanReadProfileHistory ? (
          <p className="city__profile-actions">
            {city.viewerCanEditProfile ? (
              <Link
                className="button button--secondary"
                to={`/${city.slug}/profil/bearbeiten`}
                data-testid="edit-profile"
              >
                {t('cityProfile.edit')}
              </Link>
            ) : null}
            {city.viewerCanReadProfileHistory ? (
              <Link to={`/${city.slug}/profil/verlauf`} data-testid="profile-history-link">
                {t('cityProfile.historyLink')}
              </Link>
            ) : null}
          </p>
        ) : null}
        {memberOfCity ? (
          <p className="city__members-link">
            <Link to={`/${city.slug}/mitglieder`} data-testid="members-link">
              {t('city.membersLink')}
            </Link>
          </p>
        ) : null}
      </header>

      <div className="city__body">
        <section className="city__facts" aria-labelledby="city-facts">
          <h2 id="city-facts">{t('city.facts')}</h2>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('city.kind')}</dt>
              <dd data-testid="city-kind">{t(`cityKind.${city.kind}`)}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('city.federalState')}</dt>
              <dd data-testid="city-state">{federalStateName(city.federalState, language)}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('city.joined')}</dt>
              <dd data-testid="city-joined">{t('city.memberSince', { year: city.joinedYear })}</dd>
            </div>
            {city.population !== null ? (
              <div className="facts__row">
                <dt>{t('city.population')}</dt>
                <dd data-testid="city-population">{numberFormat.format(city.population)}</dd>
              </div>
            ) : null}
          </dl>
        </section>

        <section className="city__profile" aria-labelledby="city-profile">
          <h2 id="city-profile">{t('city.profile')}</h2>
          {city.details.aboutHtml.trim() ? (
            // Rendered and sanitized by the server (see the schema's aboutHtml); written in German.
            <div
              lang="de"
              className="prose"
              data-testid="city-about"
              dangerouslySetInnerHTML={{ __html: city.details.aboutHtml }}
            />
          ) : (
            <p className="empty">{t('city.noProfile')}</p>
          )}
        </section>

        <section className="city__topics" aria-labelledby="city-topics">
          <h2 id="city-topics">{t('city.focusTopics')}</h2>
          {city.focusTopics.length > 0 ? (
            <ul className="tag-list">
              {city.focusTopics.map((topic) => (
                <li key={topic.id}>
                  <TopicLink topic={topic} />
                </li>
              ))}
            </ul>
          ) : (
            <p className="empty">{t('city.noFocusTopics')}</p>
          )}
        </section>
        <CityContact details={city.details} />
        <CityInitiatives citySlug={city.slug} />
      </div>

      <CityPractices citySlug={city.slug} />

      <CityFollowUps citySlug={city.slug} />

      <p className="city__back">
        <Link to="/">
          <span aria-hidden="true">← </span>
          {t('city.backToNetwork')}
        </Link>
      </p>
    </article>
  );
}
