import { formatSessionTime } from '@wissensnetz/domain';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { ConferenceDetailDocument } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { formatDateTime } from '../../ui/format';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { isOrganizer, useSession } from '../account/session';
import { AgendaEditor } from './AgendaEditor';
import { ConferenceEditForm } from './ConferenceEditForm';
import { ConferencePlace } from './ConferencePlace';
import { ConferenceRecords } from './ConferenceRecords';
import { useRecordsFeedHeadLink } from './RecordsFeedLink';
import { ConferenceStatusActions, RegistrationsOverview } from './RegistrationsOverview';
import { RegistrationPanel } from './RegistrationPanel';
import {
  CONFERENCE_ID_PATTERN,
  formatLocalDay,
  formatLocalRange,
  groupByDay,
} from './conference-format';
import type { ConferenceDetail } from './types';
import './conferences.css';
import { FollowButton } from '../follows/FollowButton';

/** `/konferenzen/:id`: one conference with agenda, registration and records. */
export function ConferencePage() {
  const { id = '' } = useParams<'id'>();
  const { me } = useSession();
  if (!CONFERENCE_ID_PATTERN.test(id)) return <ConferenceNotFound />;
  if (me === undefined) return <Loading />;
  // What the page shows depends on who is signed in: start over when that changes.
  return <ConferenceLoader key={`${id}:${me?.id ?? ''}`} id={id} />;
}

function ConferenceNotFound() {
  const { t } = useTranslation();
  useDocumentTitle(t('conferences.notFound'));
  return (
    <div className="page page--narrow" data-testid="conference-not-found">
      <h1>{t('conferences.notFound')}</h1>
      <p>
        <Link to="/konferenzen">{t('conferences.back')}</Link>
      </p>
    </div>
  );
}

function ConferenceLoader({ id }: { id: string }) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: ConferenceDetailDocument,
    variables: { id },
    // A preloaded answer shows at once (preload.ts); seats and status are fetched anew.
    requestPolicy: 'cache-and-network',
  });
  const conference = result.data?.conference;
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  if (result.fetching && !result.data) return <Loading />;
  if (result.data && !conference) return <ConferenceNotFound />;
  if (!conference) {
    return (
      <div className="page">
        <h1 className="visually-hidden">{t('state.errorTitle')}</h1>
        <ErrorState onRetry={refresh} />
      </div>
    );
  }
  return <ConferenceView conference={conference} refresh={refresh} />;
}

function ConferenceView({
  conference,
  refresh,
}: {
  conference: ConferenceDetail;
  refresh: () => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { me } = useSession();
  const organizer = isOrganizer(me);
  useDocumentTitle(conference.title);
  useRecordsFeedHeadLink();

  return (
    <article className="page" data-testid="conference-page">
      <p className="breadcrumb">
        <Link to="/konferenzen">
          <span aria-hidden="true">← </span>
          {t('conferences.heading')}
        </Link>
      </p>
      <header>
        <p className="muted">
          {t(`conferences.kind.${conference.kind}`)}
          {conference.region ? ` · ${t(`conferences.region.${conference.region}`)}` : ''}
        </p>
        {/* Titles, descriptions and sessions are written by the organizers, in German. */}
        <h1 lang="de">{conference.title}</h1>
        <FollowButton kind={'CONFERENCE'} targetId={conference.id} name={conference.title} />
        <p>
          <span className="pill" data-testid="conference-status">
            {t(`conferences.status.${conference.status}`)}
          </span>
        </p>
      </header>

      <section className="card" aria-labelledby="conference-facts">
        <h2 id="conference-facts">{t('conferences.details')}</h2>
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('conferences.when')}</dt>
            <dd>
              {formatLocalRange(conference.startsAtLocal, conference.endsAtLocal, language)}{' '}
              <span className="muted">{t('conferences.berlinTime')}</span>
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('conferences.where')}</dt>
            <dd>
              <ConferencePlace conference={conference} />
              {conference.onlineUrl ? (
                <>
                  {' '}
                  (<a href={conference.onlineUrl}>{t('conferences.onlineLink')}</a>)
                </>
              ) : null}
            </dd>
          </div>
          {conference.hostCity ? (
            <div className="facts__row">
              <dt>{t('conferences.hostCity')}</dt>
              <dd>
                <Link to={`/${conference.hostCity.slug}`}>{conference.hostCity.name}</Link>
              </dd>
            </div>
          ) : null}
          <div className="facts__row">
            <dt>{t('conferences.freePlaces')}</dt>
            <dd data-testid="conference-free">
              {t('conferences.freeOf', {
                free: conference.freePlaces,
                capacity: conference.capacity,
              })}
            </dd>
          </div>
          {conference.registrationClosesAt ? (
            <div className="facts__row">
              <dt>{t('conferences.registrationUntil')}</dt>
              <dd>{formatDateTime(conference.registrationClosesAt, language)}</dd>
            </div>
          ) : null}
        </dl>
        {conference.description.trim() ? (
          <p className="pre-line" lang="de">
            {conference.description}
          </p>
        ) : null}
        <p>
          <a className="button button--secondary" href={conference.calendarUrl} download>
            {t('conferences.addToCalendar')}
          </a>
        </p>
      </section>

      <section className="card conference-section" aria-labelledby="conference-agenda">
        <h2 id="conference-agenda">{t('conferences.agenda.heading')}</h2>
        {conference.agenda.length === 0 ? (
          <p className="empty">{t('conferences.agenda.empty')}</p>
        ) : (
          groupByDay(conference.agenda).map(({ day, sessions }) => (
            <div key={day}>
              <h3>{formatLocalDay(`${day}T00:00`, language)}</h3>
              <ul className="agenda-day" data-testid="agenda-day">
                {sessions.map((session) => (
                  <li key={session.id}>
                    <span className="nowrap">
                      {formatSessionTime(session.startsAtLocal, session.endsAtLocal, language)}
                    </span>
                    <span>
                      <strong lang="de">{session.title}</strong>
                      <span className="muted">
                        {' · '}
                        {t(`conferences.format.${session.format}`)}
                        {session.room ? ` · ${t('conferences.agenda.room')}: ${session.room}` : ''}
                      </span>
                      {session.speakers ? (
                        <>
                          <br />
                          {session.speakers}
                        </>
                      ) : null}
                    </span>
                  </li>
                ))}
              </ul>
            </div>
          ))
        )}
        {organizer ? <AgendaEditor conference={conference} onChanged={refresh} /> : null}
      </section>

      {me ? <RegistrationPanel conference={conference} me={me} onChanged={refresh} /> : null}

      {organizer ? (
        <>
          <ConferenceEditForm conference={conference} onChanged={refresh} />
          <ConferenceStatusActions conference={conference} onChanged={refresh} />
          <RegistrationsOverview conference={conference} onChanged={refresh} />
        </>
      ) : null}

      {me || conference.records.length > 0 ? (
        <ConferenceRecords conference={conference} onChanged={refresh} />
      ) : null}
    </article>
  );
}
