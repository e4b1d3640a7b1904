import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { MeasurePartsFragment } from '../../generated/graphql';
import './measures.css';

/** A measure as everyone sees it: title, status, goal, actors, its models ("Vorbild"). */
export function MeasureSummary({ measure }: { measure: MeasurePartsFragment }) {
  const { t } = useTranslation();
  return (
    <>
      <p className="measure__title">
        <strong>{measure.title}</strong>{' '}
        <span className={`badge measure__status measure__status--${measure.status.toLowerCase()}`}>
          {t(`initiatives.measures.status.${measure.status}`)}
        </span>
      </p>
      {measure.goal ? <p>{measure.goal}</p> : null}
      {measure.actors ? (
        <p className="field__hint">
          {t('initiatives.measures.actors')}: {measure.actors}
        </p>
      ) : null}
      {measure.modelPractices.length > 0 ? (
        <ul className="measure__models">
          {measure.modelPractices.map((model) => (
            <li key={model.practiceId}>
              <Link to={`/praxis/${model.practiceId}`}>
                {t('initiatives.measures.model', { city: model.cityName, title: model.title })}
              </Link>
            </li>
          ))}
        </ul>
      ) : null}
      {measure.practiceId ? (
        <p>
          <Link to={`/praxis/${measure.practiceId}`}>{t('initiatives.measures.practice')}</Link>
        </p>
      ) : null}
    </>
  );
}
