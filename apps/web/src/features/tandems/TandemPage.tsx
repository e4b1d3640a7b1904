import { useCallback, useState, type CSSProperties } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CITY_SLUG_PATTERN } from '@wissensnetz/domain';
import { TandemDetailDocument } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { apiErrorReasons } from '../../ui/api-errors';
import type { LiveEnd } from '../../ui/live-close';
import { accentColors } from '../../ui/contrast';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useSession } from '../account/session';
import { CityNotFound } from '../cities/CityNotFound';
import { TandemActions } from './TandemActions';
import { TandemNotes } from './TandemNotes';
import { AcceptanceState, TandemStatusPill } from './TandemParts';
import { LiveEndedNotice } from './LiveEndedNotice';
import { formatDay } from '../../ui/format';
import { partnerOf, tandemPath } from './tandem-format';
import type { TandemDetail } from './types';
import './tandems.css';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** `/:city/tandems/:id`: one tandem, seen from one of its two cities. */
export function TandemPage() {
  const { city: rawSlug = '', id = '' } = useParams<'city' | 'id'>();
  const slug = rawSlug.toLowerCase();
  const { me } = useSession();
  const live = useLiveEnd(id);
  if (!CITY_SLUG_PATTERN.test(slug)) return <CityNotFound slug={rawSlug} />;
  if (slug !== rawSlug) return <Navigate to={tandemPath(slug, id)} replace />;
  if (!UUID.test(id)) return <TandemNotFound citySlug={slug} />;
  if (me === undefined) return <Loading />;
  // Rights and privacy depend on who is signed in, and on the live part's end (access lost
  // while signed in): start over when that changes, so the notes shown are what they may see.
  const pageKey = `${id}:${me?.id ?? ''}:${live.end ?? ''}:${live.restarts}`;
  return (
    <>
      {live.end ? <LiveEndedNotice end={live.end} pageKey={pageKey} /> : null}
      <TandemLoader key={pageKey} slug={slug} id={id} onLiveEnded={live.onEnded} />
    </>
  );
}

/**
 * Why the live updates of tandem `id` ended for good, once the session was asked again:
 * that refresh also puts the header right (signed out, or without the city). The notice
 * belongs to this tandem and stays while the page below starts over for who is left.
 */
function useLiveEnd(id: string): {
  end: LiveEnd | null;
  restarts: number;
  onEnded: (end: LiveEnd) => void;
} {
  const { refresh } = useSession();
  const [ended, setEnded] = useState<{ tandemId: string; end: LiveEnd } | null>(null);
  const [restarts, setRestarts] = useState(0);
  const onEnded = useCallback(
    (end: LiveEnd) => {
      void refresh().then((person) => {
        // This browser holds a newer session (signed in again in another tab): the socket
        // of the ended one is gone, so the page simply starts over with the new cookie.
        if (end === 'session-ended' && person) return setRestarts((count) => count + 1);
        setEnded({ tandemId: id, end });
      });
    },
    [id, refresh],
  );
  return { end: ended?.tandemId === id ? ended.end : null, restarts, onEnded };
}

interface TandemLoaderProps {
  slug: string;
  id: string;
  onLiveEnded: (end: LiveEnd) => void;
}

function TandemLoader({ slug, id, onLiveEnded }: TandemLoaderProps) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: TandemDetailDocument,
    variables: { id },
    requestPolicy: 'network-only',
  });
  const tandem = result.data?.tandem;
  // Started over for another person (or after the live part ended), this loader is first
  // handed the previous answer again (urql shares it by operation key while it asks anew,
  // as stale or still fetching): the page must not show, or start fetching notes for, what
  // the person saw before. Later refetches (cache invalidation) keep the page as it is.
  const [answered, setAnswered] = useState(false);
  const fresh = result.data !== undefined && !result.stale && !result.fetching;
  if (fresh && !answered) setAnswered(true);

  if (!answered && !fresh && !result.error) {
    return (
      <div className="page">
        <PendingTitle />
        <Loading />
      </div>
    );
  }
  if (apiErrorReasons(result.error).includes('TANDEM_NOT_FOUND') || (result.data && !tandem)) {
    return <TandemNotFound citySlug={slug} />;
  }
  if (result.error || !tandem) {
    return (
      <div className="page">
        <PendingTitle />
        <h1 className="visually-hidden">{t('state.errorTitle')}</h1>
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  if (tandem.newCity.slug !== slug && tandem.partnerCity.slug !== slug) {
    // Keep the city in the URL one of the pair's, so the page's perspective makes sense.
    return <Navigate to={tandemPath(tandem.newCity.slug, tandem.id)} replace />;
  }
  return <TandemView tandem={tandem} citySlug={slug} onLiveEnded={onLiveEnded} />;
}

function PendingTitle() {
  const { t } = useTranslation();
  useDocumentTitle(t('state.loading'));
  return null;
}

function TandemNotFound({ citySlug }: { citySlug: string }) {
  const { t } = useTranslation();
  useDocumentTitle(t('tandems.notFound.heading'));
  return (
    <div className="page page--narrow" data-testid="tandem-not-found">
      <h1>{t('tandems.notFound.heading')}</h1>
      <p>{t('tandems.notFound.text')}</p>
      <p>
        <Link to={`/${citySlug}`}>{t('tandems.notFound.back')}</Link>
      </p>
    </div>
  );
}

interface TandemViewProps {
  tandem: TandemDetail;
  citySlug: string;
  onLiveEnded: (end: LiveEnd) => void;
}

function TandemView({ tandem: initial, citySlug, onLiveEnded }: TandemViewProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { me } = useSession();
  // Actions answer with the changed tandem; the page shows that answer without asking again.
  const [tandem, setTandem] = useState(initial);
  const here = tandem.newCity.slug === citySlug ? tandem.newCity : tandem.partnerCity;
  const partner = partnerOf(tandem, citySlug);
  const title = t('tandems.page.heading', {
    newCity: tandem.newCity.name,
    partner: tandem.partnerCity.name,
  });
  useDocumentTitle(title);
  const accent = accentColors(here.brandColor);
  const accentStyle = {
    '--accent': accent.background,
    '--accent-text': accent.text,
  } as CSSProperties;

  return (
    <article className="page tandem" style={accentStyle} data-testid="tandem-page">
      <p className="breadcrumb">
        <Link to={`/${here.slug}`}>
          <span aria-hidden="true">← </span>
          {here.name}
        </Link>
      </p>
      <header className="tandem__header">
        <p className="tandem__eyebrow">{t('tandems.page.eyebrow')}</p>
        <h1>{title}</h1>
        <p className="lead" data-testid="tandem-partner">
          {t('tandems.page.partnerOf', { city: here.name })}{' '}
          <Link to={`/${partner.slug}`}>{partner.name}</Link>
        </p>
        <p className="tandem__status">
          <TandemStatusPill status={tandem.status} />
        </p>
      </header>

      <div className="tandem__layout">
        <section className="card tandem__facts" aria-labelledby="tandem-facts">
          <h2 id="tandem-facts">{t('tandems.page.facts')}</h2>
          <dl className="facts">
            <div className="facts__row">
              <dt>{t('tandems.newCity')}</dt>
              <dd>
                <Link to={`/${tandem.newCity.slug}`}>{tandem.newCity.name}</Link>
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('tandems.partnerCity')}</dt>
              <dd>
                <Link to={`/${tandem.partnerCity.slug}`}>{tandem.partnerCity.name}</Link>
              </dd>
            </div>
            <div className="facts__row">
              <dt>{t('tandems.startsOn')}</dt>
              <dd>{formatDay(tandem.startsOn, language)}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('tandems.plannedEndOn')}</dt>
              <dd>{formatDay(tandem.plannedEndOn, language)}</dd>
            </div>
            <div className="facts__row">
              <dt>{t('tandems.state')}</dt>
              <dd>
                {t(`tandems.status.${tandem.status}`)}
                <AcceptanceState tandem={tandem} />
              </dd>
            </div>
            {tandem.status === 'DECLINED' ? (
              <div className="facts__row">
                <dt>{t('tandems.declineReason')}</dt>
                <dd className="pre-line">{tandem.declineReason || t('tandems.noReason')}</dd>
              </div>
            ) : null}
          </dl>
        </section>

        <section className="card tandem__goals" aria-labelledby="tandem-goals">
          <h2 id="tandem-goals">{t('tandems.goals')}</h2>
          {tandem.goals.trim() ? (
            <p className="pre-line">{tandem.goals}</p>
          ) : (
            <p className="empty">{t('tandems.noGoals')}</p>
          )}
          {tandem.status === 'CONCLUDED' && tandem.outcomeSummary ? (
            <>
              <h3>{t('tandems.outcome')}</h3>
              <p className="pre-line" data-testid="tandem-outcome">
                {tandem.outcomeSummary}
              </p>
            </>
          ) : null}
        </section>
      </div>

      <TandemActions tandem={tandem} me={me ?? null} onChanged={setTandem} />

      {tandem.viewerIsMember ? (
        <TandemNotes tandem={tandem} onLiveEnded={onLiveEnded} />
      ) : (
        <section className="card" aria-labelledby="tandem-exchange">
          <h2 id="tandem-exchange">{t('tandems.notes.heading')}</h2>
          <p className="notice" data-testid="notes-private">
            {t('tandems.notes.private', {
              newCity: tandem.newCity.name,
              partner: tandem.partnerCity.name,
            })}
          </p>
        </section>
      )}
    </article>
  );
}
