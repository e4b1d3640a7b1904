import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { InitiativeFieldFiguresDocument } from '../../generated/graphql';
import { MeasureSummary } from './MeasureItem';
import './measures.css';

/**
 * The public page's transparency: per action field the counts (received, taken up) and the
 * measures with their status. No person and no suggestion text ever reaches this section.
 */
export function FieldFiguresSection({ citySlug, slug }: { citySlug: string; slug: string }) {
  const { t } = useTranslation();
  const [result] = useQuery({
    query: InitiativeFieldFiguresDocument,
    variables: { citySlug, slug },
  });
  const fields = result.data?.initiative?.fieldFigures ?? [];
  if (fields.length === 0) return null;
  return (
    <section aria-labelledby="figures-heading" className="figures" data-testid="field-figures">
      <h2 id="figures-heading">{t('initiatives.measures.figuresHeading')}</h2>
      <p>{t('initiatives.measures.figuresIntro')}</p>
      <ul className="figures__fields">
        {fields.map((field) => (
          <li key={field.fieldId} className="card figures__field" data-testid="field-figure">
            <h3>{field.fieldName}</h3>
            <p className="figures__counts">
              <span>{t('initiatives.measures.received', { count: field.received })}</span>
              <span>{t('initiatives.measures.takenUp', { count: field.takenUp })}</span>
              <span>
                {t('initiatives.measures.fieldMeasures', { count: field.measures.length })}
              </span>
            </p>
            {field.measures.length > 0 ? (
              <ul className="measure-list">
                {field.measures.map((measure) => (
                  <li key={measure.id} className="measure" data-testid="public-measure">
                    <MeasureSummary measure={measure} />
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
