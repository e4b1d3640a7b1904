import { useTranslation } from 'react-i18next';
import type { PracticeVisibility } from '../../generated/graphql';

const VISIBILITIES: readonly PracticeVisibility[] = ['CITY', 'NETWORK', 'PUBLIC'];

/** Who may see the practice, each choice explained. */
export function VisibilityPicker({
  id,
  value,
  onChange,
}: {
  id: string;
  value: PracticeVisibility;
  onChange: (value: PracticeVisibility) => void;
}) {
  const { t } = useTranslation();
  return (
    <fieldset className="field visibility-picker">
      <legend>{t('editor.visibility')}</legend>
      {VISIBILITIES.map((option, index) => {
        const optionId = index === 0 ? id : `${id}-${option}`;
        return (
          <div key={option} className="radio">
            <input
              id={optionId}
              type="radio"
              name="visibility"
              value={option}
              checked={value === option}
              aria-describedby={`${optionId}-hint`}
              onChange={() => onChange(option)}
            />
            <label htmlFor={optionId}>{t(`practice.visibility.${option}`)}</label>
            <p id={`${optionId}-hint`} className="field__hint radio__hint">
              {t(`practice.visibilityHint.${option}`)}
            </p>
          </div>
        );
      })}
    </fieldset>
  );
}
