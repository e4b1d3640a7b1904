import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import {
  InitiativeDocument,
  SuggestionQueueDocument,
  SuggestionStatus,
  type InitiativePartsFragment,
} from '../../generated/graphql';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { MeasuresSection } from './MeasuresSection';
import { QueueItem } from './QueueItem';
import { StaffEntryForm } from './StaffEntryForm';
import './initiatives.css';

const STATUSES = [
  'NEW',
  'IN_REVIEW',
  'TAKEN_UP',
  'ANSWERED',
  'NOT_PURSUED',
  'WITHDRAWN',
] as SuggestionStatus[];

/** `/<city>/initiativen/<slug>/eingang`: the steering group's queue and the staff entry. */
export function QueuePage() {
  const { city = '', slug = '' } = useParams<'city' | 'slug'>();
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: InitiativeDocument,
    variables: { citySlug: city.toLowerCase(), slug: slug.toLowerCase() },
  });
  const initiative = result.data?.initiative;
  useDocumentTitle(initiative ? t('initiatives.queue.title', { name: initiative.name }) : null);
  if (result.error)
    return (
      <div className="page">
        <h1 className="visually-hidden">{t('state.errorTitle')}</h1>
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  if (!result.data) return <Loading />;
  if (!initiative)
    return (
      <div className="page">
        <h1>{t('initiatives.notFound')}</h1>
      </div>
    );
  if (!initiative.viewerCanWorkQueue)
    return (
      <div className="page" data-testid="queue-forbidden">
        <h1>{t('initiatives.queue.heading', { name: initiative.name })}</h1>
        <p>{t('initiatives.queue.forbidden')}</p>
      </div>
    );
  return <Queue initiative={initiative} />;
}

function Queue({ initiative }: { initiative: InitiativePartsFragment }) {
  const { t } = useTranslation();
  const [status, setStatus] = useState('');
  const [fieldId, setFieldId] = useState('');
  const [result, reexecute] = useQuery({
    query: SuggestionQueueDocument,
    variables: {
      initiativeId: initiative.id,
      status: (status || null) as SuggestionStatus | null,
      fieldId: fieldId || null,
    },
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const list = result.data?.suggestionQueue ?? [];
  return (
    <div className="page queue" data-testid="queue-page">
      <p className="breadcrumb">
        <Link to={`/${initiative.citySlug}/initiativen/${initiative.slug}`}>
          <span aria-hidden="true">← </span>
          {initiative.name}
        </Link>
      </p>
      <h1>{t('initiatives.queue.heading', { name: initiative.name })}</h1>
      <StaffEntryForm initiative={initiative} onEntered={refresh} />
      <MeasuresSection initiative={initiative} onChanged={refresh} />
      <div className="queue__filters filter">
        <div className="field">
          <label htmlFor="queue-status">{t('initiatives.queue.filterStatus')}</label>
          <select
            id="queue-status"
            value={status}
            onChange={(event) => setStatus(event.target.value)}
          >
            <option value="">{t('initiatives.queue.all')}</option>
            {STATUSES.map((value) => (
              <option key={value} value={value}>
                {t(`initiatives.status.${value}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="queue-field">{t('initiatives.queue.filterField')}</label>
          <select
            id="queue-field"
            value={fieldId}
            onChange={(event) => setFieldId(event.target.value)}
          >
            <option value="">{t('initiatives.queue.all')}</option>
            {initiative.fields.map((field) => (
              <option key={field.id} value={field.id}>
                {field.name}
              </option>
            ))}
          </select>
        </div>
      </div>
      {result.error ? <ErrorState onRetry={refresh} /> : null}
      {!result.data && !result.error ? <Loading /> : null}
      {result.data ? (
        <>
          <p role="status" data-testid="queue-count">
            {t('initiatives.queue.count', { count: list.length })}
          </p>
          {list.length === 0 ? <p>{t('initiatives.queue.empty')}</p> : null}
          <ul className="queue__list">
            {list.map((suggestion) => (
              <QueueItem
                key={suggestion.id}
                initiativeId={initiative.id}
                suggestion={suggestion}
                others={list.filter(
                  (other) =>
                    other.id !== suggestion.id &&
                    !other.mergedIntoId &&
                    other.fieldId === suggestion.fieldId,
                )}
                onChanged={refresh}
              />
            ))}
          </ul>
        </>
      ) : null}
    </div>
  );
}
