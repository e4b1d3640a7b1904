import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  DeleteWorkshopDocument,
  InitiativeDocument,
  WorkshopDocument,
  type InitiativePartsFragment,
  type WorkshopPartsFragment,
} from '../../generated/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorSummary, SuccessMessage, useFormErrors } from '../../ui/FormErrors';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { WorkshopForm } from './WorkshopForm';
import { WorkshopResultsForm } from './WorkshopResultsForm';
import { WorkshopFacts, workshopPath } from './WorkshopsSection';
import './initiatives.css';
import './workshops.css';

const NEW = 'neu';

/**
 * `/<city>/initiativen/<slug>/workshops/<id>` (or `/neu`): a workshop, and for the
 * initiative's queue users its form, its results entry and deleting it.
 */
export function WorkshopPage() {
  const { city = '', slug = '', id = '' } = useParams<'city' | 'slug' | 'id'>();
  const { t } = useTranslation();
  const [initiativeResult, reexecute] = useQuery({
    query: InitiativeDocument,
    variables: { citySlug: city.toLowerCase(), slug: slug.toLowerCase() },
  });
  const [workshopResult] = useQuery({
    query: WorkshopDocument,
    variables: { id },
    pause: id === NEW,
  });
  const initiative = initiativeResult.data?.initiative;
  const workshop = workshopResult.data?.workshop ?? null;
  useDocumentTitle(
    id === NEW
      ? t('initiatives.workshops.newHeading')
      : workshop
        ? t('initiatives.workshops.pageTitle', { title: workshop.title })
        : null,
  );
  if (initiativeResult.error || workshopResult.error)
    return (
      <div className="page">
        <h1 className="visually-hidden">{t('state.errorTitle')}</h1>
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  if (!initiativeResult.data || (id !== NEW && !workshopResult.data)) return <Loading />;
  if (!initiative || (id !== NEW && (!workshop || workshop.initiativeId !== initiative.id)))
    return (
      <div className="page">
        <h1>{t('initiatives.workshops.notFound')}</h1>
        <p>
          <Link to={`/${city}/initiativen/${slug}`}>
            {t('initiatives.workshops.back', { name: initiative?.name ?? slug })}
          </Link>
        </p>
      </div>
    );
  return <Workshop key={id} initiative={initiative} workshop={workshop} />;
}

function Workshop({
  initiative,
  workshop: loaded,
}: {
  initiative: InitiativePartsFragment;
  workshop: WorkshopPartsFragment | null;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const [workshop, setWorkshop] = useState(loaded);
  const [asking, setAsking] = useState(false);
  const deleteRef = useRef<HTMLButtonElement>(null);
  const form = useFormErrors([] as const);
  const [{ fetching: deleting }, remove] = useMutation(DeleteWorkshopDocument);
  const initiativePath = `/${initiative.citySlug}/initiativen/${initiative.slug}`;
  const justRecorded = (location.state as { recorded?: boolean } | null)?.recorded === true;

  const confirmDelete = async () => {
    if (!workshop) return;
    const result = await remove({ id: workshop.id });
    setAsking(false);
    if (result.error) {
      form.showApiError(result.error);
      deleteRef.current?.focus();
      return;
    }
    void navigate(initiativePath, { state: { workshopDeleted: true } });
  };

  const back = (
    <p className="breadcrumb">
      <Link to={initiativePath}>
        <span aria-hidden="true">← </span>
        {t('initiatives.workshops.back', { name: initiative.name })}
      </Link>
    </p>
  );

  if (!workshop && !initiative.viewerCanWorkQueue)
    return (
      <div className="page" data-testid="workshop-forbidden">
        {back}
        <h1>{t('initiatives.workshops.newHeading')}</h1>
        <p>{t('initiatives.workshops.forbidden')}</p>
      </div>
    );

  return (
    <div className="page workshop-page" data-testid="workshop-page">
      {back}
      <h1>{workshop ? workshop.title : t('initiatives.workshops.newHeading')}</h1>
      {justRecorded ? (
        <SuccessMessage>{t('initiatives.workshops.form.saved')}</SuccessMessage>
      ) : null}
      {workshop ? (
        <>
          <p className="muted">{workshop.fieldName}</p>
          <WorkshopFacts workshop={workshop} />
          {workshop.outcomesHtml.trim() ? (
            <section aria-labelledby="workshop-outcomes">
              <h2 id="workshop-outcomes">{t('initiatives.workshops.outcomesHeading')}</h2>
              {/* The API's sanitized rendering of the Markdown. */}
              <div className="prose" dangerouslySetInnerHTML={{ __html: workshop.outcomesHtml }} />
            </section>
          ) : null}
        </>
      ) : null}
      {workshop?.viewerCanEdit ? (
        <WorkshopResultsForm
          workshop={workshop}
          queuePath={`${initiativePath}/eingang`}
          onEntered={setWorkshop}
        />
      ) : null}
      {!workshop || workshop.viewerCanEdit ? (
        <section aria-labelledby={workshop ? 'workshop-edit-heading' : undefined} className="card">
          {workshop ? (
            <h2 id="workshop-edit-heading">{t('initiatives.workshops.editHeading')}</h2>
          ) : null}
          <WorkshopForm
            initiative={initiative}
            workshop={workshop ?? undefined}
            onSaved={(saved) => {
              if (workshop) setWorkshop(saved);
              else
                void navigate(workshopPath(initiative.citySlug, initiative.slug, saved.id), {
                  state: { recorded: true },
                });
            }}
          />
        </section>
      ) : null}
      {workshop?.viewerCanEdit ? (
        <section aria-label={t('initiatives.workshops.form.delete')}>
          <ErrorSummary form={form} />
          <button
            ref={deleteRef}
            type="button"
            className="button button--danger"
            onClick={() => setAsking(true)}
          >
            {t('initiatives.workshops.form.delete')}
          </button>
        </section>
      ) : null}
      {asking && workshop ? (
        <ConfirmDialog
          title={t('initiatives.workshops.form.delete')}
          confirmLabel={t('initiatives.workshops.form.delete')}
          onConfirm={() => void confirmDelete()}
          onCancel={() => {
            setAsking(false);
            deleteRef.current?.focus();
          }}
          busy={deleting}
        >
          <p>{t('initiatives.workshops.form.deleteConfirm', { title: workshop.title })}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
