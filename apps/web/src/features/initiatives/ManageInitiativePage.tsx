import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams, useSearchParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  InitiativeAdminChoicesDocument,
  InitiativeDocument,
  InitiativeManagementDocument,
  UpdateInitiativeDocument,
  type InitiativeStatus,
  type InitiativePartsFragment,
} from '../../generated/graphql';
import {
  ErrorSummary,
  SelectField,
  SuccessMessage,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../ui/FormErrors';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { NoAccess, SignInRequired } from '../account/SignInRequired';
import { useSession } from '../account/session';
import { FieldsManager } from './FieldsManager';
import { SteeringManager } from './SteeringManager';
import './initiatives.css';

const DETAIL_FIELDS = ['name', 'description', 'status'] as const;

/** `/<city>/initiativen/<slug>/verwalten`: the coordinators' settings of an initiative. */
export function ManageInitiativePage() {
  const { t } = useTranslation();
  const { city = '', slug = '' } = useParams<'city' | 'slug'>();
  const { me } = useSession();
  const [result, reexecute] = useQuery({
    query: InitiativeDocument,
    variables: { citySlug: city.toLowerCase(), slug: slug.toLowerCase() },
    pause: !me,
  });
  const initiative = result.data?.initiative;
  useDocumentTitle(
    initiative ? t('initiatives.admin.manageTitle', { name: initiative.name }) : null,
  );
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired />;
  if (result.error)
    return (
      <div className="page">
        <h1>{t('state.errorTitle')}</h1>
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
  if (!initiative.viewerCanManage) return <NoAccess text={t('initiatives.admin.forbidden')} />;
  return <ManageView initiative={initiative} />;
}

function ManageView({ initiative }: { initiative: InitiativePartsFragment }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const [management, refetch] = useQuery({
    query: InitiativeManagementDocument,
    variables: { initiativeId: initiative.id },
  });
  const [choices] = useQuery({
    query: InitiativeAdminChoicesDocument,
    variables: { citySlug: initiative.citySlug },
  });
  const reload = () => refetch({ requestPolicy: 'network-only' });
  const settings = management.data?.initiativeManagement;
  const members = (choices.data?.cityMembers ?? []).map((membership) => ({
    id: membership.user.id,
    name: membership.user.displayName,
  }));
  const publicPath = `/${initiative.citySlug}/initiativen/${initiative.slug}`;
  return (
    <div className="page initiative-admin" data-testid="manage-initiative">
      <p className="breadcrumb">
        <Link to={publicPath}>
          <span aria-hidden="true">← </span>
          {t('initiatives.admin.toPublicPage')}
        </Link>
      </p>
      <h1>{t('initiatives.admin.manageHeading', { name: initiative.name })}</h1>
      {params.has('neu') ? <SuccessMessage>{t('initiatives.admin.created')}</SuccessMessage> : null}
      <p>
        {t('initiatives.admin.publicAddress')} <Link to={publicPath}>{publicPath}</Link>
      </p>
      <DetailsForm initiative={initiative} />
      {settings ? (
        <>
          <FieldsManager
            initiativeId={initiative.id}
            fields={settings.fields}
            topics={choices.data?.topics ?? []}
            members={members}
            onChanged={reload}
          />
          <SteeringManager
            initiativeId={initiative.id}
            steering={settings.steeringGroup}
            members={members}
            onChanged={reload}
          />
        </>
      ) : management.error ? (
        <ErrorState onRetry={reload} />
      ) : (
        <Loading />
      )}
    </div>
  );
}

function DetailsForm({ initiative }: { initiative: InitiativePartsFragment }) {
  const { t } = useTranslation();
  const form = useFormErrors(DETAIL_FIELDS);
  const [name, setName] = useState(initiative.name);
  const [description, setDescription] = useState(initiative.description);
  const [status, setStatus] = useState<string>(initiative.status);
  const [saved, setSaved] = useState(false);
  const [{ fetching }, update] = useMutation(UpdateInitiativeDocument);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (!name.trim())
      return form.showErrors([{ field: 'name', key: 'errors.INITIATIVE_NAME_MISSING' }]);
    const result = await update({
      input: { id: initiative.id, name, description, status: status as InitiativeStatus },
    });
    if (result.error) return form.showApiError(result.error);
    form.clear();
    setSaved(true);
  };

  return (
    <section aria-labelledby="details-heading" className="card initiative-admin__section">
      <h2 id="details-heading">{t('initiatives.admin.detailsHeading')}</h2>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorSummary form={form} />
        {saved ? <SuccessMessage>{t('initiatives.admin.saved')}</SuccessMessage> : null}
        <TextField
          form={form}
          name="name"
          label={t('initiatives.admin.name')}
          value={name}
          onChange={setName}
        />
        <TextAreaField
          form={form}
          name="description"
          label={t('initiatives.admin.description')}
          value={description}
          onChange={setDescription}
          rows={4}
          maxLength={4000}
        />
        <SelectField
          form={form}
          name="status"
          label={t('initiatives.admin.status')}
          hint={t('initiatives.admin.statusHint')}
          value={status}
          onChange={setStatus}
          options={(['OPEN', 'CLOSED'] as const).map((value) => ({
            value,
            label: t(`initiatives.admin.statusValue.${value}`),
          }))}
        />
        <button type="submit" className="button" disabled={fetching}>
          {t('initiatives.admin.saveDetails')}
        </button>
      </form>
    </section>
  );
}
