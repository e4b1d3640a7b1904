import { useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { federalStateName } from '@wissensnetz/domain';
import {
  ProposeTandemDocument,
  TandemSuggestionsDocument,
  type TandemSummaryFragment,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import {
  ErrorSummary,
  SelectField,
  SuccessMessage,
  TextAreaField,
  useFormErrors,
  type FormErrors,
} from '../../ui/FormErrors';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useAllCities, type NetworkCity } from '../network/useAllCities';
import { tandemPath } from './tandem-format';
import './tandems.css';

const FIELDS = ['newCitySlug', 'partnerCitySlug', 'goals'] as const;
type Field = (typeof FIELDS)[number];
const FIELD_TEXTS = { goals: 'errors.TANDEM_GOALS' } as const;

/** How many suggestions to show; the "other city" choice covers everything else. */
const SUGGESTIONS = 5;
/** The radio value of "another city", which then comes from the select. */
const OTHER = '__other__';

export function ProposeTandemForm({ onProposed }: { onProposed: () => void }) {
  const { t } = useTranslation();
  const cities = useAllCities();
  const form = useFormErrors(FIELDS, FIELD_TEXTS);
  const [newCitySlug, setNewCitySlug] = useState('');
  const [choice, setChoice] = useState('');
  const [otherSlug, setOtherSlug] = useState('');
  const [goals, setGoals] = useState('');
  const [proposed, setProposed] = useState<TandemSummaryFragment | null>(null);
  const [{ fetching }, propose] = useMutation(ProposeTandemDocument);

  const cityList = cities.status === 'done' ? cities.cities : [];
  const partnerSlug = choice === OTHER ? otherSlug : choice;

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setProposed(null);
    const missing: Array<{
      field: Field;
      key: 'errors.REQUIRED_NEW_CITY' | 'errors.REQUIRED_PARTNER_CITY';
    }> = [];
    if (!newCitySlug) missing.push({ field: 'newCitySlug', key: 'errors.REQUIRED_NEW_CITY' });
    if (!partnerSlug)
      missing.push({ field: 'partnerCitySlug', key: 'errors.REQUIRED_PARTNER_CITY' });
    if (missing.length > 0) return form.showErrors(missing);
    const answer = await propose({
      input: { newCitySlug, partnerCitySlug: partnerSlug, goals: goals.trim() || null },
    });
    if (answer.error || !answer.data) {
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    form.clear();
    setProposed(answer.data.proposeTandem);
    setNewCitySlug('');
    setChoice('');
    setOtherSlug('');
    setGoals('');
    onProposed();
  };

  return (
    <section
      className="card propose-tandem"
      aria-labelledby="propose-heading"
      data-testid="propose-tandem"
    >
      <h2 id="propose-heading">{t('tandems.propose.heading')}</h2>
      <p>{t('tandems.propose.intro')}</p>
      {cities.status === 'error' ? (
        <ErrorState onRetry={cities.reload} />
      ) : cities.status === 'loading' ? (
        <Loading label={t('state.loadingCities')} />
      ) : (
        <form className="form" noValidate onSubmit={(event) => void onSubmit(event)}>
          <ErrorSummary form={form} />
          <SelectField
            form={form}
            name="newCitySlug"
            label={t('tandems.propose.newCity')}
            hint={t('tandems.propose.newCityHint')}
            value={newCitySlug}
            onChange={(value) => {
              setNewCitySlug(value);
              setChoice('');
            }}
            options={[
              { value: '', label: t('tandems.propose.chooseCity') },
              ...cityList.map((city) => ({ value: city.slug, label: city.name })),
            ]}
          />
          {newCitySlug ? (
            <PartnerChoice
              key={newCitySlug}
              form={form}
              newCitySlug={newCitySlug}
              cities={cityList}
              choice={choice}
              onChoice={setChoice}
              otherSlug={otherSlug}
              onOtherSlug={setOtherSlug}
            />
          ) : null}
          <TextAreaField
            form={form}
            name="goals"
            label={t('tandems.propose.goals')}
            hint={t('tandems.propose.goalsHint')}
            value={goals}
            onChange={setGoals}
            rows={4}
            maxLength={5000}
          />
          <div className="form__actions">
            <button type="submit" className="button" disabled={fetching}>
              {t('tandems.propose.submit')}
            </button>
          </div>
          {proposed ? (
            <SuccessMessage>
              {t('tandems.propose.done', {
                newCity: proposed.newCity.name,
                partner: proposed.partnerCity.name,
              })}{' '}
              <Link to={tandemPath(proposed.newCity.slug, proposed.id)}>
                {t('tandems.propose.open')}
              </Link>
            </SuccessMessage>
          ) : null}
        </form>
      )}
    </section>
  );
}

interface PartnerChoiceProps {
  form: FormErrors<Field>;
  newCitySlug: string;
  cities: NetworkCity[];
  choice: string;
  onChoice: (value: string) => void;
  otherSlug: string;
  onOtherSlug: (value: string) => void;
}

/**
 * The partner: one of the suggested experienced cities (with score and reasons, so
 * the organizer sees why), or any other city of the network.
 */
function PartnerChoice({
  form,
  newCitySlug,
  cities,
  choice,
  onChoice,
  otherSlug,
  onOtherSlug,
}: PartnerChoiceProps) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const otherSelectId = useId();
  const [result, reexecute] = useQuery({
    query: TandemSuggestionsDocument,
    variables: { citySlug: newCitySlug, first: SUGGESTIONS },
    requestPolicy: 'network-only',
  });
  // Alumni are the pool of experienced partners: offered first (stable: by score within).
  const suggestions = [...(result.data?.tandemSuggestions ?? [])].sort(
    (a, b) => Number(b.city.supportPhase === 'ALUMNI') - Number(a.city.supportPhase === 'ALUMNI'),
  );
  const others = cities.filter((city) => city.slug !== newCitySlug);
  const alumni = others.filter((city) => city.supportPhase === 'ALUMNI');
  const rest = others.filter((city) => city.supportPhase !== 'ALUMNI');
  const error = form.fieldError('partnerCitySlug');
  const firstId = form.fieldId('partnerCitySlug');
  const errorId = error ? `${firstId}-error` : undefined;
  // The first radio carries the field's id, so the error summary's link lands on the group.
  const optionId = (index: number) => (index === 0 ? firstId : `${firstId}-${index}`);

  return (
    <fieldset
      className={error ? 'field field--invalid partner-choice' : 'field partner-choice'}
      aria-describedby={errorId}
      data-testid="partner-choice"
    >
      <legend>{t('tandems.propose.partner')}</legend>
      {error ? (
        <p id={errorId} className="field__error" data-testid="error-partnerCitySlug">
          <span className="visually-hidden">{t('form.errorPrefix')} </span>
          {t(error.key, error.values)}
        </p>
      ) : null}
      <div aria-live="polite" aria-busy={result.fetching}>
        {result.fetching && !result.data ? (
          <Loading label={t('tandems.propose.loadingSuggestions')} />
        ) : result.error ? (
          <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
        ) : suggestions.length === 0 ? (
          <p className="empty">{t('tandems.propose.noSuggestions')}</p>
        ) : (
          <p className="field__hint">{t('tandems.propose.suggestionsHint')}</p>
        )}
      </div>
      <ul className="suggestion-list" data-testid="suggestions">
        {suggestions.map((suggestion, index) => {
          const id = optionId(index);
          return (
            <li key={suggestion.city.slug} className="suggestion" data-testid="suggestion">
              <input
                id={id}
                type="radio"
                name="partnerCitySlug"
                value={suggestion.city.slug}
                checked={choice === suggestion.city.slug}
                aria-describedby={`${id}-reasons`}
                onChange={() => onChoice(suggestion.city.slug)}
              />
              <div className="suggestion__text">
                <label htmlFor={id} className="suggestion__name">
                  {suggestion.city.name}
                </label>
                {suggestion.city.supportPhase === 'ALUMNI' ? (
                  <span className="suggestion__alumni" data-testid="suggestion-alumni">
                    {t('supportPhase.alumniBadge')}
                  </span>
                ) : null}
                <span className="suggestion__score">
                  {t('tandems.propose.score', { score: Math.round(suggestion.score) })}
                </span>
                <p className="suggestion__meta">
                  {t(`cityKind.${suggestion.city.kind}`)} ·{' '}
                  {federalStateName(suggestion.city.federalState, language)} ·{' '}
                  {t('city.memberSince', { year: suggestion.city.joinedYear })}
                </p>
                <ul
                  id={`${id}-reasons`}
                  className="suggestion__reasons"
                  data-testid="suggestion-reasons"
                  // The API words its reasons in German, whatever the page language (WCAG 3.1.2).
                  lang="de"
                >
                  {suggestion.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              </div>
            </li>
          );
        })}
        <li className="suggestion suggestion--other">
          <input
            id={optionId(suggestions.length)}
            type="radio"
            name="partnerCitySlug"
            value={OTHER}
            checked={choice === OTHER}
            onChange={() => onChoice(OTHER)}
          />
          <div className="suggestion__text">
            <label htmlFor={optionId(suggestions.length)} className="suggestion__name">
              {t('tandems.propose.otherCity')}
            </label>
            {choice === OTHER ? (
              <div className="suggestion__other">
                <label htmlFor={otherSelectId}>{t('tandems.propose.otherCityLabel')}</label>
                <select
                  id={otherSelectId}
                  value={otherSlug}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={errorId}
                  onChange={(event) => onOtherSlug(event.target.value)}
                >
                  <option value="">{t('tandems.propose.chooseCity')}</option>
                  {alumni.length > 0 ? (
                    <optgroup label={t('supportPhase.alumniGroup')} data-testid="alumni-options">
                      {alumni.map((city) => (
                        <option key={city.slug} value={city.slug}>
                          {city.name}
                        </option>
                      ))}
                    </optgroup>
                  ) : null}
                  <optgroup label={t('supportPhase.othersGroup')}>
                    {rest.map((city) => (
                      <option key={city.slug} value={city.slug}>
                        {city.name}
                      </option>
                    ))}
                  </optgroup>
                </select>
              </div>
            ) : null}
          </div>
        </li>
      </ul>
    </fieldset>
  );
}
