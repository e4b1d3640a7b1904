import { useMemo, useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  CityProfileDocument,
  CityProfileRevisionsDocument,
  NetworkTopicsDocument,
  type CityProfileRevisionsQuery,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { RevisionCells } from '../../ui/RevisionCells';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { diffList, diffText, hasChanges } from '../practices/practice-diff';
import { DiffParts } from '../practices/DiffParts';
import { CityNotFound } from './CityNotFound';
import '../practices/practices.css';
import './cities.css';

type Revision = CityProfileRevisionsQuery['cityProfileRevisions'][number];

export function CityProfileHistoryPage() {
  const { city: raw = '' } = useParams<'city'>();
  const slug = raw.toLowerCase();
  const { t } = useTranslation();
  const [city, reexecuteCity] = useQuery({ query: CityProfileDocument, variables: { slug } });
  const [revisions, reexecute] = useQuery({
    query: CityProfileRevisionsDocument,
    variables: { citySlug: slug },
    requestPolicy: 'network-only',
  });
  if (city.data && !city.data.city) return <CityNotFound slug={slug} />;
  if (city.error || revisions.error) {
    return (
      <div className="page">
        <h1 className="visually-hidden">{t('state.errorTitle')}</h1>
        <ErrorState
          onRetry={() => {
            reexecuteCity({ requestPolicy: 'network-only' });
            reexecute({ requestPolicy: 'network-only' });
          }}
        />
      </div>
    );
  }
  if (!city.data?.city || !revisions.data) return <Loading />;
  return (
    <History
      name={city.data.city.name}
      slug={slug}
      revisions={revisions.data.cityProfileRevisions}
    />
  );
}

function History({
  name,
  slug,
  revisions,
}: {
  name: string;
  slug: string;
  revisions: readonly Revision[];
}) {
  const { t } = useTranslation();
  useDocumentTitle(t('cityProfile.historyHeading', { city: name }));
  const newest = revisions[0]?.number ?? 0;
  const [choice, setChoice] = useState<{ from: number; to: number } | null>(null);
  const to = choice?.to ?? newest;
  const from = choice?.from ?? revisions[1]?.number ?? newest;
  const older = revisions.find((revision) => revision.number === from);
  const newer = revisions.find((revision) => revision.number === to);

  return (
    <div className="page history" data-testid="profile-history-page">
      <p className="breadcrumb">
        <Link to={`/${slug}`}>
          <span aria-hidden="true">← </span>
          {t('cityProfile.back', { city: name })}
        </Link>
      </p>
      <h1>{t('cityProfile.historyHeading', { city: name })}</h1>
      <p className="lead">{t('cityProfile.historyIntro')}</p>
      {revisions.length === 0 ? (
        <p className="empty">{t('cityProfile.noHistory')}</p>
      ) : (
        <ScrollRegion className="card" label={t('history.caption')}>
          <table className="table" data-testid="revision-table">
            <caption className="visually-hidden">{t('history.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('history.number')}</th>
                <th scope="col">{t('history.time')}</th>
                <th scope="col">{t('history.author')}</th>
                <th scope="col">{t('history.older')}</th>
                <th scope="col">{t('history.newer')}</th>
              </tr>
            </thead>
            <tbody>
              {revisions.map((revision) => (
                <tr key={revision.number} data-testid="revision-row">
                  <RevisionCells
                    revision={revision}
                    newest={newest}
                    choice={{ from, to }}
                    onChoose={setChoice}
                  />
                </tr>
              ))}
            </tbody>
          </table>
        </ScrollRegion>
      )}
      {revisions.length === 1 ? <p className="empty">{t('history.single')}</p> : null}
      {revisions.length > 1 && older && newer ? <ProfileDiff older={older} newer={newer} /> : null}
    </div>
  );
}

interface Snapshot {
  about: string;
  focusTopicSlugs: string[];
  contactName: string | null;
  contactRole: string | null;
  contactEmail: string | null;
  contactPhone: string | null;
  address: string | null;
  website: string | null;
  brandColor: string;
  logo: { id: string } | null;
}

function contactText(s: Snapshot): string {
  return [s.contactName, s.contactRole, s.contactEmail, s.contactPhone, s.address]
    .filter(Boolean)
    .join('\n');
}

function ProfileDiff({ older, newer }: { older: Revision; newer: Revision }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const [topics] = useQuery({ query: NetworkTopicsDocument });
  const topicName = useMemo(() => {
    const names = new Map(
      (topics.data?.topics ?? []).map((topic) => [
        topic.slug,
        language === 'en' ? topic.nameEn : topic.name,
      ]),
    );
    return (slug: string) => names.get(slug) ?? slug;
  }, [topics.data, language]);
  const a = JSON.parse(older.snapshotJson) as Snapshot;
  const b = JSON.parse(newer.snapshotJson) as Snapshot;
  const logo = (s: Snapshot) =>
    s.logo ? [t('cityProfile.logo') + ' ' + s.logo.id.slice(0, 8)] : [];
  const fields = [
    { name: 'about', parts: diffText(a.about, b.about), block: true, list: false },
    {
      name: 'focusTopics',
      parts: diffList(a.focusTopicSlugs.map(topicName), b.focusTopicSlugs.map(topicName)),
      block: false,
      list: true,
    },
    { name: 'contact', parts: diffText(contactText(a), contactText(b)), block: true, list: false },
    {
      name: 'website',
      parts: diffText(a.website ?? '', b.website ?? ''),
      block: false,
      list: false,
    },
    { name: 'brandColor', parts: diffText(a.brandColor, b.brandColor), block: false, list: false },
    { name: 'logo', parts: diffList(logo(a), logo(b)), block: false, list: true },
  ] as const;
  const changed = fields.filter((field) => hasChanges(field.parts));
  return (
    <section className="card diff" aria-labelledby="diff-heading" data-testid="revision-diff">
      <h2 id="diff-heading">
        {t('history.diffHeading', { from: older.number, to: newer.number })}
      </h2>
      <p className="muted">{t('history.legend')}</p>
      {changed.length === 0 ? (
        <p className="empty">{t('history.noChanges')}</p>
      ) : (
        <dl className="diff__fields">
          {fields.map((field) => (
            <div key={field.name} className="diff__field" data-field={field.name}>
              <dt>{t(`cityProfile.field.${field.name}`)}</dt>
              <dd className={field.block ? 'diff__text diff__text--block' : 'diff__text'}>
                {hasChanges(field.parts) ? (
                  <DiffParts parts={field.parts} list={field.list} />
                ) : (
                  <span className="muted">{t('history.unchanged')}</span>
                )}
              </dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
