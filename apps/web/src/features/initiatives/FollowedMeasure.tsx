import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { FollowedSuggestionMeasureDocument } from '../../generated/graphql';
import './measures.css';

/** On the resident's follow page: the measure their suggestion was taken up into. */
export function FollowedMeasure({ token }: { token: string }) {
  const { t } = useTranslation();
  const [result] = useQuery({ query: FollowedSuggestionMeasureDocument, variables: { token } });
  const measure = result.data?.followedSuggestion?.measure;
  if (!measure) return null;
  return (
    <section
      aria-labelledby="followed-measure"
      className="card measures__section"
      data-testid="followed-measure"
    >
      <h2 id="followed-measure">{t('initiatives.measures.follow.heading')}</h2>
      <p>
        {t('initiatives.measures.follow.text', {
          title: measure.title,
          status: t(`initiatives.measures.status.${measure.status}`),
        })}
      </p>
    </section>
  );
}
