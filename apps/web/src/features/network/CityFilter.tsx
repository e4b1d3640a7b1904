import { useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CITY_KINDS, type CityKind } from '@wissensnetz/domain';

export interface CityFilterValue {
  joinedYear: number | null;
  kind: CityKind | null;
}

interface CityFilterProps {
  value: CityFilterValue;
  years: number[];
  onChange: (value: CityFilterValue) => void;
}

export function CityFilter({ value, years, onChange }: CityFilterProps) {
  const { t } = useTranslation();
  const yearId = useId();
  const kindId = useId();
  const yearSelect = useRef<HTMLSelectElement>(null);
  const active = value.joinedYear !== null || value.kind !== null;

  const reset = () => {
    onChange({ joinedYear: null, kind: null });
    // The reset button disappears with the filter; keep keyboard focus in the form.
    yearSelect.current?.focus();
  };

  return (
    <form className="filter" role="search" onSubmit={(event) => event.preventDefault()}>
      <fieldset>
        <legend>{t('network.filter.legend')}</legend>
        <div className="filter__fields">
          <div className="field">
            <label htmlFor={yearId}>{t('network.filter.joinedYear')}</label>
            <select
              id={yearId}
              ref={yearSelect}
              name="jahrgang"
              value={value.joinedYear ?? ''}
              onChange={(event) =>
                onChange({
                  ...value,
                  joinedYear: event.target.value ? Number(event.target.value) : null,
                })
              }
            >
              <option value="">{t('network.filter.all')}</option>
              {years.map((year) => (
                <option key={year} value={year}>
                  {year}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={kindId}>{t('network.filter.kind')}</label>
            <select
              id={kindId}
              name="art"
              value={value.kind ?? ''}
              onChange={(event) => onChange({ ...value, kind: parseKind(event.target.value) })}
            >
              <option value="">{t('network.filter.all')}</option>
              {CITY_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`cityKind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          {active ? (
            <button type="button" className="button button--secondary" onClick={reset}>
              {t('network.filter.reset')}
            </button>
          ) : null}
        </div>
      </fieldset>
    </form>
  );
}

export function parseKind(value: string | null): CityKind | null {
  return value !== null && (CITY_KINDS as string[]).includes(value) ? (value as CityKind) : null;
}
