import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  InitiativeMeasuresDocument,
  TakeUpSuggestionDocument,
  UnlinkSuggestionFromMeasureDocument,
  type QueueSuggestionPartsFragment,
} from '../../generated/graphql';
import {
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../ui/FormErrors';
import './measures.css';

const FIELDS = ['measureId', 'title', 'reason'] as const;
const NEW = 'new';

/**
 * Taking a suggestion up links it to a measure: an existing one of the initiative or a new
 * one in the suggestion's field (the status becomes TAKEN_UP; the resident sees it).
 */
export function TakeUpForm({
  initiativeId,
  suggestion,
  onChanged,
}: {
  initiativeId: string;
  suggestion: QueueSuggestionPartsFragment;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS);
  const [measures, refetch] = useQuery({
    query: InitiativeMeasuresDocument,
    variables: { initiativeId },
  });
  const options = (measures.data?.initiativeMeasures ?? []).filter(
    (measure) => measure.id !== suggestion.measure?.id,
  );
  const [measureId, setMeasureId] = useState('');
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [, takeUp] = useMutation(TakeUpSuggestionDocument);
  const [, unlink] = useMutation(UnlinkSuggestionFromMeasureDocument);
  const chosen = measureId || (options.length > 0 ? options[0].id : NEW);

  const finish = (error: Parameters<typeof form.showApiError>[0] | undefined) => {
    if (error) {
      form.showApiError(error);
      return;
    }
    form.clear();
    setTitle('');
    setReason('');
    refetch({ requestPolicy: 'network-only' });
    onChanged();
  };
  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    if (chosen === NEW && (title.trim().length < 3 || title.trim().length > 200)) {
      form.showErrors([{ field: 'title', key: 'errors.MEASURE_TITLE' }]);
      return;
    }
    const result = await takeUp({
      input: {
        suggestionId: suggestion.id,
        measureId: chosen === NEW ? null : chosen,
        newMeasure: chosen === NEW ? { title: title.trim(), goal: '', actors: '' } : null,
        reason: reason.trim() || null,
      },
    });
    finish(result.error);
  };

  return (
    <div className="take-up" data-testid="take-up">
      {suggestion.measure ? (
        <p className="measure__actions">
          <span data-testid="queue-measure">
            {t('initiatives.measures.takeUp.linked', {
              title: suggestion.measure.title,
              status: t(`initiatives.measures.status.${suggestion.measure.status}`),
            })}
          </span>
          <button
            type="button"
            className="button button--small button--secondary"
            onClick={async () => finish((await unlink({ suggestionId: suggestion.id })).error)}
          >
            {t('initiatives.measures.takeUp.unlink')}
          </button>
        </p>
      ) : null}
      <details>
        <summary>{t('initiatives.measures.takeUp.heading')}</summary>
        <form className="form" noValidate onSubmit={onSubmit}>
          <ErrorSummary form={form} />
          <SelectField
            form={form}
            name="measureId"
            label={t('initiatives.measures.takeUp.measure')}
            value={chosen}
            onChange={setMeasureId}
            options={[
              ...options.map((measure) => ({
                value: measure.id,
                label: `${measure.title} (${measure.fieldName})`,
              })),
              { value: NEW, label: t('initiatives.measures.takeUp.newMeasure') },
            ]}
          />
          {chosen === NEW ? (
            <TextField
              form={form}
              name="title"
              label={t('initiatives.measures.takeUp.newTitle')}
              value={title}
              onChange={setTitle}
            />
          ) : null}
          {suggestion.status !== 'TAKEN_UP' ? (
            <TextAreaField
              form={form}
              name="reason"
              label={t('initiatives.measures.takeUp.reason')}
              value={reason}
              onChange={setReason}
              rows={2}
            />
          ) : null}
          <button type="submit" className="button button--small">
            {suggestion.status === 'TAKEN_UP'
              ? t('initiatives.measures.takeUp.move')
              : t('initiatives.measures.takeUp.submit')}
          </button>
        </form>
      </details>
    </div>
  );
}
