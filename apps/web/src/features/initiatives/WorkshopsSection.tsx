import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useQuery } from 'urql';
import {
  InitiativeWorkshopsDocument,
  type InitiativePartsFragment,
  type WorkshopPartsFragment,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { SuccessMessage } from '../../ui/FormErrors';
import { formatDay } from '../../ui/format';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import './workshops.css';

export const workshopPath = (citySlug: string, slug: string, id: string) =>
  `/${citySlug}/initiativen/${slug}/workshops/${id}`;

/**
 * The public page's workshops, per action field: date, participants, outcomes and how
 * many suggestions came from each (never their texts).
 */
export function WorkshopsSection({ initiative }: { initiative: InitiativePartsFragment }) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: InitiativeWorkshopsDocument,
    variables: { citySlug: initiative.citySlug, slug: initiative.slug },
  });
  const workshops = result.data?.initiative?.workshops ?? [];
  const deleted = (useLocation().state as { workshopDeleted?: boolean } | null)?.workshopDeleted;
  return (
    <section aria-labelledby="workshops-heading" className="workshops" data-testid="workshops">
      <h2 id="workshops-heading">{t('initiatives.workshops.heading')}</h2>
      <p>{t('initiatives.workshops.intro')}</p>
      {deleted ? <SuccessMessage>{t('initiatives.workshops.form.deleted')}</SuccessMessage> : null}
      {initiative.viewerCanWorkQueue ? (
        <p>
          <Link
            className="button button--secondary"
            to={workshopPath(initiative.citySlug, initiative.slug, 'neu')}
          >
            {t('initiatives.workshops.record')}
          </Link>
        </p>
      ) : null}
      {result.error ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : null}
      {!result.data && !result.error ? <Loading /> : null}
      {result.data && workshops.length === 0 ? <p>{t('initiatives.workshops.empty')}</p> : null}
      {workshops.length > 0
        ? initiative.fields.map((field) => {
            const ofField = workshops.filter((workshop) => workshop.fieldId === field.id);
            return (
              <section
                key={field.id}
                aria-labelledby={`workshops-field-${field.id}`}
                className="workshops__field"
              >
                <h3 id={`workshops-field-${field.id}`}>{field.name}</h3>
                {ofField.length === 0 ? (
                  <p className="muted">{t('initiatives.workshops.fieldEmpty')}</p>
                ) : (
                  <ul className="workshops__list">
                    {ofField.map((workshop) => (
                      <li key={workshop.id}>
                        <WorkshopCard workshop={workshop} initiative={initiative} />
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            );
          })
        : null}
    </section>
  );
}

/** Date, participants, result count: the facts line of a workshop. */
export function WorkshopFacts({ workshop }: { workshop: WorkshopPartsFragment }) {
  const { t } = useTranslation();
  return (
    <p className="workshops__facts">
      <span>
        {t('initiatives.workshops.heldOn', {
          date: formatDay(workshop.heldOn, currentLanguage()),
        })}
      </span>
      <span>{t('initiatives.workshops.participants', { count: workshop.participants })}</span>
      <span data-testid="workshop-results">
        {t('initiatives.workshops.resultCount', { count: workshop.resultCount })}
      </span>
    </p>
  );
}

function WorkshopCard({
  workshop,
  initiative,
}: {
  workshop: WorkshopPartsFragment;
  initiative: InitiativePartsFragment;
}) {
  const { t } = useTranslation();
  return (
    <article className="card workshops__card" aria-labelledby={`workshop-${workshop.id}`}>
      <h4 id={`workshop-${workshop.id}`}>{workshop.title}</h4>
      <WorkshopFacts workshop={workshop} />
      {workshop.outcomesHtml.trim() ? (
        // The API's sanitized rendering of the Markdown (raw HTML stays text).
        <div className="prose" dangerouslySetInnerHTML={{ __html: workshop.outcomesHtml }} />
      ) : null}
      {workshop.viewerCanEdit ? (
        <p>
          <Link to={workshopPath(initiative.citySlug, initiative.slug, workshop.id)}>
            {t('initiatives.workshops.open', { title: workshop.title })}
          </Link>
        </p>
      ) : null}
    </article>
  );
}

/** In the queue: which workshop a suggestion came from. */
export function WorkshopOrigin({ workshop }: { workshop: { id: string; title: string } }) {
  const { t } = useTranslation();
  const { city = '', slug = '' } = useParams<'city' | 'slug'>();
  return (
    <p className="field__hint" data-testid="queue-workshop">
      <Link to={workshopPath(city, slug, workshop.id)}>
        {t('initiatives.workshops.fromWorkshop', { title: workshop.title })}
      </Link>
    </p>
  );
}
