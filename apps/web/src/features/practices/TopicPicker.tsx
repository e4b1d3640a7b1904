import { useId, useMemo, type ReactNode } from 'react';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { NetworkTopicsDocument } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import type { ErrorText } from '../../ui/api-errors';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { buildTopicTree } from '../topics/topic-tree';
import './practice-editor.css';

/** The network's topics as checkboxes, action fields under their topic. */
export function TopicPicker({
  id,
  error,
  selected,
  onChange,
}: {
  id: string;
  error: ErrorText | undefined;
  selected: readonly string[];
  onChange: (slugs: string[]) => void;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const hintId = useId();
  const [result] = useQuery({ query: NetworkTopicsDocument });
  const tree = useMemo(() => buildTopicTree(result.data?.topics ?? []), [result.data]);
  const toggle = (slug: string) =>
    onChange(selected.includes(slug) ? selected.filter((s) => s !== slug) : [...selected, slug]);
  const name = (topic: { name: string; nameEn: string }) =>
    language === 'en' ? topic.nameEn : topic.name;

  const box = (
    topic: { slug: string; name: string; nameEn: string },
    first: boolean,
  ): ReactNode => (
    <span className="check">
      <input
        id={first ? id : `${id}-${topic.slug}`}
        type="checkbox"
        checked={selected.includes(topic.slug)}
        onChange={() => toggle(topic.slug)}
      />
      <label htmlFor={first ? id : `${id}-${topic.slug}`}>{name(topic)}</label>
    </span>
  );

  return (
    <fieldset
      className={error ? 'field field--invalid topic-picker' : 'field topic-picker'}
      aria-describedby={hintId}
      data-testid="topic-picker"
    >
      <legend>{t('editor.topics')}</legend>
      <p id={hintId} className="field__hint">
        {t('editor.topicsHint')}
      </p>
      {error ? (
        <p className="field__error">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {t(error.key, error.values)}
        </p>
      ) : null}
      {result.error ? (
        <ErrorState />
      ) : !result.data ? (
        <Loading />
      ) : (
        <ul className="topic-picker__list">
          {tree.map(({ topic, children }, index) => (
            <li key={topic.id}>
              {box(topic, index === 0)}
              {children.length > 0 ? (
                <ul className="topic-picker__children" aria-label={name(topic)}>
                  {children.map((child) => (
                    <li key={child.id}>{box(child, false)}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </fieldset>
  );
}
