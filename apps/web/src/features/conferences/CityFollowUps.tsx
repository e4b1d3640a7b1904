import { useState } from 'react';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CityFollowUpActionsDocument, UpdateFollowUpActionDocument } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ErrorSummary, SuccessMessage, useFormErrors } from '../../ui/FormErrors';
import { formatDay } from '../../ui/format';
import { roleInCity, useSession } from '../account/session';
import './conferences.css';

const NO_FIELDS: readonly string[] = [];

/** On a city's page: its open follow-up actions from conference records, and its calendar feed. */
export function CityFollowUps({ citySlug }: { citySlug: string }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const { me } = useSession();
  const form = useFormErrors(NO_FIELDS);
  const [done, setDone] = useState('');
  const [result, reexecute] = useQuery({
    query: CityFollowUpActionsDocument,
    variables: { filter: { citySlug, status: 'OPEN' } },
    pause: !me,
    requestPolicy: 'network-only',
  });
  const [{ fetching }, update] = useMutation(UpdateFollowUpActionDocument);
  const coordinator = roleInCity(me, citySlug) === 'COORDINATOR';
  const actions = result.data?.followUpActions ?? [];

  const markDone = async (id: string, what: string) => {
    form.clear();
    const answer = await update({ input: { id, status: 'DONE' } });
    if (answer.error) return form.showApiError(answer.error);
    setDone(t('conferences.followUps.markedDone', { what }));
    reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <section
      className="card conference-section"
      aria-labelledby="city-follow-ups"
      data-testid="city-follow-ups"
    >
      <h2 id="city-follow-ups">{t('conferences.followUps.cityHeading')}</h2>
      <p>
        <a href={`/calendar/${citySlug}.ics`}>{t('conferences.followUps.calendarFeed')}</a>
      </p>
      {me ? (
        <>
          <ErrorSummary form={form} />
          {done ? <SuccessMessage>{done}</SuccessMessage> : null}
          {actions.length === 0 ? (
            <p className="empty">{t('conferences.followUps.none')}</p>
          ) : (
            <ul className="link-list">
              {actions.map((action) => (
                <li key={action.id} data-testid="city-follow-up">
                  {action.what}
                  {action.dueOn
                    ? ` – ${t('conferences.followUps.due', { date: formatDay(action.dueOn, language) })}`
                    : ''}{' '}
                  {coordinator ? (
                    <button
                      type="button"
                      className="button button--secondary button--small"
                      disabled={fetching}
                      aria-label={`${t('conferences.followUps.markDone')}: ${action.what}`}
                      onClick={() => void markDone(action.id, action.what)}
                    >
                      {t('conferences.followUps.markDone')}
                    </button>
                  ) : null}
                </li>
              ))}
            </ul>
          )}
        </>
      ) : null}
    </section>
  );
}
