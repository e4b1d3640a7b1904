import { useTranslation } from 'react-i18next';
import { TEXT_FIELDS, type PracticeFormValues } from './practice-form';
import './practice-editor.css';

/** After a conflict reload: what the person had typed, to copy from; nothing is thrown away. */
export function MineAfterReload({
  mine,
  current,
  onDismiss,
}: {
  mine: PracticeFormValues;
  current: PracticeFormValues;
  onDismiss: () => void;
}) {
  const { t } = useTranslation();
  const changed = TEXT_FIELDS.filter((field) => mine[field] !== current[field]);
  return (
    <section className="card mine" aria-labelledby="mine-heading" data-testid="mine-after-reload">
      <h2 id="mine-heading">{t('editor.mineHeading')}</h2>
      <p>{t('editor.mineText')}</p>
      {changed.map((field) => (
        <div key={field} className="field">
          <label htmlFor={`mine-${field}`}>
            {t('editor.mineField', { field: t(`editor.${field}`).replace(' *', '') })}
          </label>
          <textarea
            id={`mine-${field}`}
            readOnly
            value={mine[field]}
            rows={field === 'body' ? 8 : 2}
          />
        </div>
      ))}
      <button type="button" className="button button--secondary button--small" onClick={onDismiss}>
        {t('editor.mineDismiss')}
      </button>
    </section>
  );
}
