import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { InitiativeDocument } from '../../generated/graphql';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { FieldFiguresSection } from './FieldFiguresSection';
import { SuggestionForm } from './SuggestionForm';
import { WorkshopsSection } from './WorkshopsSection';
import './initiatives.css';

/** `/<city>/initiativen/<slug>`: what the initiative is, its fields and steering group, the form. */
export function InitiativePage() {
  const { city = '', slug = '' } = useParams<'city' | 'slug'>();
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: InitiativeDocument,
    variables: { citySlug: city.toLowerCase(), slug: slug.toLowerCase() },
  });
  const initiative = result.data?.initiative;
  useDocumentTitle(
    initiative
      ? t('initiatives.pageTitle', { name: initiative.name, city: initiative.cityName })
      : null,
  );
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
        <p>
          <Link to={`/${city}`}>{t('initiatives.breadcrumb', { city })}</Link>
        </p>
      </div>
    );
  return (
    <div className="page initiative" data-testid="initiative-page">
      <p className="breadcrumb">
        <Link to={`/${initiative.citySlug}`}>
          <span aria-hidden="true">← </span>
          {t('initiatives.breadcrumb', { city: initiative.cityName })}
        </Link>
      </p>
      <h1>{initiative.name}</h1>
      <p className="initiative__description">{initiative.description}</p>
      {initiative.viewerCanWorkQueue || initiative.viewerCanManage ? (
        <p className="initiative__staff-links">
          {initiative.viewerCanWorkQueue ? (
            <Link
              className="button button--secondary"
              to={`/${initiative.citySlug}/initiativen/${initiative.slug}/eingang`}
            >
              {t('initiatives.queueLink')}
            </Link>
          ) : null}
          {initiative.viewerCanManage ? (
            <Link
              className="button button--secondary"
              to={`/${initiative.citySlug}/initiativen/${initiative.slug}/verwalten`}
            >
              {t('initiatives.admin.manageLink')}
            </Link>
          ) : null}
        </p>
      ) : null}
      <div className="initiative__about">
        <section aria-labelledby="fields-heading">
          <h2 id="fields-heading">{t('initiatives.fieldsHeading')}</h2>
          <ul className="tag-list">
            {initiative.fields.map((field) => (
              <li key={field.id} className="tag">
                {field.name}
              </li>
            ))}
          </ul>
        </section>
        <section aria-labelledby="steering-heading">
          <h2 id="steering-heading">{t('initiatives.steeringHeading')}</h2>
          <ul className="initiative__steering">
            {initiative.steeringGroup.map((member) => (
              <li key={member.id}>
                <strong>{member.name}</strong>
                {member.organisation ? `, ${member.organisation}` : ''}
              </li>
            ))}
          </ul>
        </section>
      </div>
      <FieldFiguresSection citySlug={initiative.citySlug} slug={initiative.slug} />
      <WorkshopsSection initiative={initiative} />
      {initiative.status === 'OPEN' ? (
        <SuggestionForm initiative={initiative} />
      ) : (
        <p className="notice">{t('initiatives.closed')}</p>
      )}
    </div>
  );
}
