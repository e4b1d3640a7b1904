import { useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { CreateInitiativeDocument, InitiativeAdminChoicesDocument } from '../../generated/graphql';
import {
  ErrorSummary,
  TextAreaField,
  TextField,
  useFormErrors,
  type FormErrors,
} from '../../ui/FormErrors';
import type { ErrorTextKey } from '../../ui/api-errors';
import { Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { NoAccess, SignInRequired } from '../account/SignInRequired';
import { roleInCity, useSession } from '../account/session';
import { FieldRowInputs, type FieldRow } from './FieldRowsEditor';
import { slugFromName } from './initiative-slug';
import './initiatives.css';

const MAX_FIELDS = 20;

/** `/<city>/initiativen/neu`: a coordinator starts an initiative (its fields at once). */
export function NewInitiativePage() {
  const { t } = useTranslation();
  const { city: rawCity = '' } = useParams<'city'>();
  const city = rawCity.toLowerCase();
  const { me } = useSession();
  useDocumentTitle(t('initiatives.admin.newTitle'));
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired />;
  if (roleInCity(me, city) !== 'COORDINATOR')
    return <NoAccess text={t('initiatives.admin.forbidden')} />;
  return <NewInitiativeForm city={city} />;
}

function NewInitiativeForm({ city }: { city: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [choices] = useQuery({
    query: InitiativeAdminChoicesDocument,
    variables: { citySlug: city },
  });
  const [name, setName] = useState('');
  const [slug, setSlug] = useState('');
  const [slugTouched, setSlugTouched] = useState(false);
  const [description, setDescription] = useState('');
  const [nextKey, setNextKey] = useState(2);
  const [rows, setRows] = useState<FieldRow[]>([
    { key: 1, topicId: '', name: '', sensitive: false },
  ]);
  const fieldNames = useMemo(
    () => [
      'name',
      'slug',
      'description',
      'fields',
      ...rows.flatMap((_, index) => [`fields.${index}.name`, `fields.${index}.topicId`]),
    ],
    [rows],
  );
  const form = useFormErrors(fieldNames);
  const [{ fetching }, create] = useMutation(CreateInitiativeDocument);
  const shownSlug = slugTouched ? slug : slugFromName(name);
  const topics = choices.data?.topics ?? [];

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    const problems: Array<{ field: string; key: ErrorTextKey }> = [];
    if (!name.trim()) problems.push({ field: 'name', key: 'errors.INITIATIVE_NAME_MISSING' });
    if (!shownSlug) problems.push({ field: 'slug', key: 'errors.INITIATIVE_SLUG' });
    rows.forEach((row, index) => {
      if (!row.topicId && !row.name.trim())
        problems.push({
          field: `fields.${index}.name`,
          key: 'errors.INITIATIVE_FIELD_NAME_MISSING',
        });
    });
    if (problems.length > 0) return form.showErrors(problems);
    const result = await create({
      input: {
        citySlug: city,
        slug: shownSlug,
        name,
        description,
        fields: rows.map((row) => ({
          name: row.name,
          topicId: row.topicId || null,
          sensitive: row.sensitive,
        })),
      },
    });
    if (result.error) return form.showApiError(result.error);
    const created = result.data?.createInitiative;
    if (created) void navigate(`/${created.citySlug}/initiativen/${created.slug}/verwalten?neu`);
  };

  return (
    <div className="page page--narrow initiative-admin" data-testid="new-initiative">
      <p className="breadcrumb">
        <Link to={`/${city}/arbeitsbereich`}>
          <span aria-hidden="true">← </span>
          {t('initiatives.admin.backToWorkspace')}
        </Link>
      </p>
      <h1>{t('initiatives.admin.newTitle')}</h1>
      <p>{t('initiatives.admin.newIntro')}</p>
      <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorSummary form={form} />
        <TextField
          form={form}
          name="name"
          label={t('initiatives.admin.name')}
          value={name}
          onChange={setName}
        />
        <TextField
          form={form}
          name="slug"
          label={t('initiatives.admin.slug')}
          hint={t('initiatives.admin.slugHint', { path: `/${city}/initiativen/${shownSlug}` })}
          value={shownSlug}
          onChange={(value) => {
            setSlugTouched(true);
            setSlug(value);
          }}
        />
        <TextAreaField
          form={form}
          name="description"
          label={t('initiatives.admin.description')}
          hint={t('initiatives.admin.descriptionHint')}
          value={description}
          onChange={setDescription}
          rows={4}
          maxLength={4000}
        />
        <FieldRows
          form={form}
          rows={rows}
          topics={topics}
          onChange={setRows}
          onAdd={() => {
            setRows((current) => [
              ...current,
              { key: nextKey, topicId: '', name: '', sensitive: false },
            ]);
            setNextKey((key) => key + 1);
          }}
        />
        <button type="submit" className="button" disabled={fetching}>
          {t('initiatives.admin.create')}
        </button>
      </form>
    </div>
  );
}

function FieldRows({
  form,
  rows,
  topics,
  onChange,
  onAdd,
}: {
  form: FormErrors<string>;
  rows: FieldRow[];
  topics: ReadonlyArray<{ id: string; name: string; nameEn: string }>;
  onChange: (rows: FieldRow[]) => void;
  onAdd: () => void;
}) {
  const { t } = useTranslation();
  return (
    <section aria-labelledby="new-fields-heading" className="initiative-admin__rows">
      <h2 id="new-fields-heading">{t('initiatives.admin.fieldsHeading')}</h2>
      <p id="new-fields-hint">{t('initiatives.admin.fieldsHint')}</p>
      {rows.map((row, index) => (
        <fieldset key={row.key} className="initiative-admin__row" data-testid="field-row">
          <legend>{t('initiatives.admin.fieldLegend', { number: index + 1 })}</legend>
          <FieldRowInputs
            form={form}
            prefix={`fields.${index}`}
            row={row}
            topics={topics}
            onChange={(changed) =>
              onChange(rows.map((other) => (other.key === row.key ? changed : other)))
            }
          />
          {rows.length > 1 ? (
            <button
              type="button"
              className="button button--secondary button--small"
              onClick={() => onChange(rows.filter((other) => other.key !== row.key))}
            >
              {t('initiatives.admin.fieldRemoveRow', { number: index + 1 })}
            </button>
          ) : null}
        </fieldset>
      ))}
      {rows.length < MAX_FIELDS ? (
        <button type="button" className="button button--secondary" onClick={onAdd}>
          {t('initiatives.admin.fieldAddRow')}
        </button>
      ) : null}
    </section>
  );
}
