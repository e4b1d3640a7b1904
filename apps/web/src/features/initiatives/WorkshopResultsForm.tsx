import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { EnterWorkshopResultsDocument, type WorkshopPartsFragment } from '../../generated/graphql';
import { ErrorSummary, SuccessMessage, TextAreaField, useFormErrors } from '../../ui/FormErrors';
import './workshops.css';

const MAX = 20;
/** One form field per possible row, so an API error on `texts.3` finds its text area. */
const FIELDS = ['texts', ...Array.from({ length: MAX }, (_, index) => `texts.${index}`)] as const;
type Field = (typeof FIELDS)[number];
const rowField = (index: number) => `texts.${index}` as Field;

/**
 * "Ergebnis als Anliegen erfassen": each text becomes a suggestion of channel WORKSHOP in
 * the workshop's action field; several at once.
 */
export function WorkshopResultsForm({
  workshop,
  queuePath,
  onEntered,
}: {
  workshop: WorkshopPartsFragment;
  queuePath: string;
  onEntered: (updated: WorkshopPartsFragment) => void;
}) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS);
  const [texts, setTexts] = useState(['']);
  const [entered, setEntered] = useState(0);
  const [{ fetching }, enter] = useMutation(EnterWorkshopResultsDocument);
  const addRef = useRef<HTMLButtonElement>(null);
  const focusRow = useRef<number | null>(null);
  // A row just added takes focus once it is there.
  useEffect(() => {
    if (focusRow.current === null) return;
    document.getElementById(form.fieldId(rowField(focusRow.current)))?.focus();
    focusRow.current = null;
  }, [texts, form]);

  const setText = (index: number) => (value: string) =>
    setTexts((current) => current.map((text, n) => (n === index ? value : text)));
  const add = () => {
    setTexts((current) => [...current, '']);
    focusRow.current = texts.length;
  };
  const remove = (index: number) => {
    setTexts((current) => current.filter((_, n) => n !== index));
    addRef.current?.focus();
  };

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setEntered(0);
    if (texts.every((text) => !text.trim()))
      return form.showErrors([{ field: rowField(0), key: 'errors.WORKSHOP_RESULT_MISSING' }]);
    const result = await enter({ input: { workshopId: workshop.id, texts } });
    if (result.error || !result.data) return form.showApiError(result.error!);
    form.clear();
    setEntered(texts.filter((text) => text.trim()).length);
    setTexts(['']);
    onEntered(result.data.enterWorkshopResults);
  };

  return (
    <section aria-labelledby="workshop-results-heading" className="card">
      <h2 id="workshop-results-heading">{t('initiatives.workshops.results.heading')}</h2>
      <p>{t('initiatives.workshops.results.intro', { field: workshop.fieldName })}</p>
      <form
        className="form workshops__results"
        noValidate
        onSubmit={(event) => void onSubmit(event)}
        data-testid="workshop-results-form"
      >
        <ErrorSummary form={form} />
        {entered > 0 ? (
          <SuccessMessage>
            {t('initiatives.workshops.results.saved', { count: entered })}{' '}
            <Link to={queuePath}>{t('initiatives.workshops.results.queueLink')}</Link>
          </SuccessMessage>
        ) : null}
        {texts.map((text, index) => (
          <div className="workshops__result-row" key={index}>
            <TextAreaField
              form={form}
              name={rowField(index)}
              label={t('initiatives.workshops.results.label', { number: index + 1 })}
              value={text}
              onChange={setText(index)}
              required={index === 0}
              rows={3}
            />
            {texts.length > 1 ? (
              <button
                type="button"
                className="button button--secondary"
                onClick={() => remove(index)}
              >
                {t('initiatives.workshops.results.remove', { number: index + 1 })}
              </button>
            ) : null}
          </div>
        ))}
        <p>
          {texts.length < MAX ? (
            <button ref={addRef} type="button" className="button button--secondary" onClick={add}>
              {t('initiatives.workshops.results.add')}
            </button>
          ) : null}
        </p>
        <button type="submit" className="button" disabled={fetching}>
          {t('initiatives.workshops.results.save')}
        </button>
      </form>
    </section>
  );
}
