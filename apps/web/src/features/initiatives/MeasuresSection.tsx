import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import {
  CreatePracticeFromMeasureDocument,
  InitiativeMeasuresDocument,
  LinkModelPracticeDocument,
  OtherCitiesInFieldsDocument,
  UnlinkModelPracticeDocument,
  type InitiativePartsFragment,
  type MeasurePartsFragment,
  type OtherCitiesInFieldsQuery,
} from '../../generated/graphql';
import { ErrorSummary, SelectField, SuccessMessage, useFormErrors } from '../../ui/FormErrors';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { MeasureForm } from './MeasureForm';
import { MeasureSummary } from './MeasureItem';
import { OtherCitiesSection } from './OtherCitiesSection';
import './measures.css';

type Others = OtherCitiesInFieldsQuery['otherCitiesInFields'];

/** The steering group's measures: create, edit, link models, turn a done one into a practice. */
export function MeasuresSection({
  initiative,
  onChanged,
}: {
  initiative: InitiativePartsFragment;
  onChanged?: () => void;
}) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: InitiativeMeasuresDocument,
    variables: { initiativeId: initiative.id },
    requestPolicy: 'cache-and-network',
  });
  const [others] = useQuery({
    query: OtherCitiesInFieldsDocument,
    variables: { initiativeId: initiative.id },
  });
  const refresh = () => {
    reexecute({ requestPolicy: 'network-only' });
    onChanged?.();
  };
  const measures = result.data?.initiativeMeasures ?? [];
  return (
    <>
      <section
        aria-labelledby="measures-heading"
        className="measures__section"
        data-testid="measures-section"
      >
        <h2 id="measures-heading">{t('initiatives.measures.heading')}</h2>
        <p>{t('initiatives.measures.intro')}</p>
        {result.error ? <ErrorState onRetry={refresh} /> : null}
        {!result.data && !result.error ? <Loading /> : null}
        {result.data && measures.length === 0 ? <p>{t('initiatives.measures.none')}</p> : null}
        <ul className="measure-list">
          {measures.map((measure) => (
            <SteeringMeasure
              key={measure.id}
              initiative={initiative}
              measure={measure}
              others={others.data?.otherCitiesInFields ?? []}
              onChanged={refresh}
            />
          ))}
        </ul>
        <details className="card">
          <summary>{t('initiatives.measures.createHeading')}</summary>
          <MeasureForm initiative={initiative} onSaved={refresh} />
        </details>
      </section>
      {others.data ? <OtherCitiesSection fields={others.data.otherCitiesInFields} /> : null}
    </>
  );
}

const FIELDS = ['practiceId'] as const;

function SteeringMeasure({
  initiative,
  measure,
  others,
  onChanged,
}: {
  initiative: InitiativePartsFragment;
  measure: MeasurePartsFragment;
  others: Others;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const headingId = useId();
  const form = useFormErrors(FIELDS);
  const [editing, setEditing] = useState(false);
  const [saved, setSaved] = useState(false);
  const [practiceId, setPracticeId] = useState('');
  const [, link] = useMutation(LinkModelPracticeDocument);
  const [, unlink] = useMutation(UnlinkModelPracticeDocument);
  const [, toPractice] = useMutation(CreatePracticeFromMeasureDocument);
  const linked = new Set(measure.modelPractices.map((model) => model.practiceId));
  const candidates = (
    others.find((field) => field.fieldId === measure.fieldId)?.practices ?? []
  ).filter((practice) => !linked.has(practice.practiceId));

  const done = (error: Parameters<typeof form.showApiError>[0] | undefined) => {
    if (error) {
      form.showApiError(error);
      setSaved(false);
      return false;
    }
    form.clear();
    setSaved(true);
    onChanged();
    return true;
  };
  const onLink = async (event: FormEvent) => {
    event.preventDefault();
    if (!practiceId) {
      form.showErrors([{ field: 'practiceId', key: 'errors.MODEL_PRACTICE_NOT_FOUND' }]);
      return;
    }
    if (done((await link({ measureId: measure.id, practiceId })).error)) setPracticeId('');
  };
  const onPractice = async () => {
    const result = await toPractice({ id: measure.id });
    if (done(result.error) && result.data)
      void navigate(`/praxis/${result.data.createPracticeFromMeasure.practiceId}/bearbeiten`);
  };

  return (
    <li className="measure card" aria-labelledby={headingId} data-testid="steering-measure">
      <h3 id={headingId} className="visually-hidden">
        {measure.title}
      </h3>
      <p className="field__hint">{measure.fieldName}</p>
      <MeasureSummary measure={measure} />
      {measure.suggestionCount !== null && measure.suggestionCount !== undefined ? (
        <p>{t('initiatives.measures.suggestions', { count: measure.suggestionCount })}</p>
      ) : null}
      <ErrorSummary form={form} />
      {saved ? <SuccessMessage>{t('initiatives.measures.saved')}</SuccessMessage> : null}
      {editing ? (
        <MeasureForm
          initiative={initiative}
          measure={measure}
          onSaved={() => {
            setEditing(false);
            setSaved(true);
            onChanged();
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        <div className="measure__actions">
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={() => {
              setSaved(false);
              setEditing(true);
            }}
          >
            {t('initiatives.measures.edit')}
            <span className="visually-hidden">: {measure.title}</span>
          </button>
          {measure.status === 'DONE' && !measure.practiceId ? (
            <button
              type="button"
              className="button button--small"
              onClick={() => void onPractice()}
            >
              {t('initiatives.measures.toPractice')}
            </button>
          ) : null}
        </div>
      )}
      {measure.modelPractices.length > 0 ? (
        <div className="measure__actions">
          {measure.modelPractices.map((model) => (
            <button
              key={model.practiceId}
              type="button"
              className="button button--small button--secondary"
              onClick={async () =>
                done((await unlink({ measureId: measure.id, practiceId: model.practiceId })).error)
              }
            >
              {t('initiatives.measures.removeModel', { title: model.title })}
            </button>
          ))}
        </div>
      ) : null}
      <details>
        <summary>{t('initiatives.measures.addModel')}</summary>
        {candidates.length === 0 ? (
          <p>{t('initiatives.measures.noModels')}</p>
        ) : (
          <form className="form" noValidate onSubmit={onLink}>
            <SelectField
              form={form}
              name="practiceId"
              label={t('initiatives.measures.chooseModel')}
              value={practiceId}
              onChange={setPracticeId}
              options={[
                { value: '', label: t('initiatives.measures.chooseModelEmpty') },
                ...candidates.map((practice) => ({
                  value: practice.practiceId,
                  label: t('initiatives.measures.model', {
                    city: practice.cityName,
                    title: practice.title,
                  }),
                })),
              ]}
            />
            <button type="submit" className="button button--small button--secondary">
              {t('initiatives.measures.addModel')}
            </button>
          </form>
        )}
      </details>
      {measure.status === 'DONE' && !measure.practiceId ? (
        <p className="field__hint">{t('initiatives.measures.toPracticeHint')}</p>
      ) : null}
    </li>
  );
}
