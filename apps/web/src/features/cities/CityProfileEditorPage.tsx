import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  CityProfileDocument,
  NetworkTopicsDocument,
  RemoveCityLogoDocument,
  UpdateCityProfileDocument,
  type CityProfileQuery,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { apiErrorReasons } from '../../ui/api-errors';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { accentColors } from '../../ui/contrast';
import {
  ErrorSummary,
  SuccessMessage,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../ui/FormErrors';
import { MarkdownField } from '../../ui/MarkdownField';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { CityNotFound } from './CityNotFound';
import { ACCEPTED_LOGOS, uploadLogo } from './logo-upload';
import './cities.css';

type City = NonNullable<CityProfileQuery['city']>;
const FIELDS = [
  'about',
  'focusTopicSlugs',
  'contactName',
  'contactRole',
  'contactEmail',
  'contactPhone',
  'address',
  'website',
  'brandColor',
  'file',
] as const;

export function CityProfileEditorPage() {
  const { city: slug = '' } = useParams<'city'>();
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: CityProfileDocument,
    variables: { slug: slug.toLowerCase() },
    requestPolicy: 'network-only',
  });
  // The editor starts afresh only when the person asks to load the newer version: a
  // refetch after their own save must not throw away the form or its messages.
  const [generation, setGeneration] = useState(0);
  const [staleRevision, setStaleRevision] = useState<number | null>(null);
  const revision = result.data?.city?.details.revision;
  if (staleRevision !== null && revision !== undefined && revision !== staleRevision) {
    // The newer version has arrived: the editor starts again from it.
    setStaleRevision(null);
    setGeneration(generation + 1);
  }
  if (result.error) {
    return (
      <div className="page">
        <h1 className="visually-hidden">{t('state.errorTitle')}</h1>
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  if (!result.data) return <Loading />;
  if (!result.data.city) return <CityNotFound slug={slug} />;
  if (!result.data.city.viewerCanEditProfile) {
    return (
      <div className="page">
        <h1>{t('cityProfile.editHeading', { city: result.data.city.name })}</h1>
        <p className="notice notice--error">{t('cityProfile.notAllowed')}</p>
      </div>
    );
  }
  return (
    <Editor
      key={`${result.data.city.slug}:${generation}`}
      city={result.data.city}
      reload={(shown) => {
        setStaleRevision(shown);
        reexecute({ requestPolicy: 'network-only' });
      }}
    />
  );
}

function Editor({ city, reload }: { city: City; reload: (shown: number) => void }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  useDocumentTitle(t('cityProfile.editHeading', { city: city.name }));
  const d = city.details;
  const [values, setValues] = useState({
    about: d.about,
    contactName: d.contactName ?? '',
    contactRole: d.contactRole ?? '',
    contactEmail: d.contactEmail ?? '',
    contactPhone: d.contactPhone ?? '',
    address: d.address ?? '',
    website: d.website ?? '',
    brandColor: d.brandColor,
  });
  const [topics, setTopics] = useState<string[]>(city.focusTopics.map((topic) => topic.slug));
  const [revision, setRevision] = useState(d.revision);
  const [logoUrl, setLogoUrl] = useState(d.logoUrl);
  const [conflict, setConflict] = useState(false);
  const [saved, setSaved] = useState('');
  const [{ fetching }, save] = useMutation(UpdateCityProfileDocument);
  const [, removeLogo] = useMutation(RemoveCityLogoDocument);
  const [network] = useQuery({ query: NetworkTopicsDocument });
  const form = useFormErrors(FIELDS);
  const set = (key: keyof typeof values) => (value: string) =>
    setValues((current) => ({ ...current, [key]: value }));
  const accent = accentColors(values.brandColor);

  const submit = async (event: FormEvent, base = revision) => {
    event.preventDefault();
    form.clear();
    setSaved('');
    const answer = await save({
      input: { citySlug: city.slug, expectedRevision: base, focusTopicSlugs: topics, ...values },
    });
    if (answer.error || !answer.data) {
      // The editor keeps what was typed: a conflict only offers the two ways on.
      if (answer.error && apiErrorReasons(answer.error).includes('STALE_REVISION'))
        setConflict(true);
      else if (answer.error) form.showApiError(answer.error);
      return;
    }
    setConflict(false);
    setRevision(answer.data.updateCityProfile.details.revision);
    setSaved(t('cityProfile.saved'));
  };

  const onLogo = async (file: File | undefined) => {
    if (!file) return;
    form.clear();
    const answer = await uploadLogo(city.slug, revision, file);
    if (!answer.ok) {
      if (apiErrorReasons(answer.error).includes('STALE_REVISION')) setConflict(true);
      else form.showApiError(answer.error);
      return;
    }
    setRevision(answer.revision);
    setLogoUrl(answer.logoUrl);
    setSaved(t('cityProfile.logoSaved'));
  };

  const onRemoveLogo = async () => {
    const answer = await removeLogo({ citySlug: city.slug, expectedRevision: revision });
    if (answer.error || !answer.data) {
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    setRevision(answer.data.removeCityLogo.details.revision);
    setLogoUrl(null);
    setSaved(t('cityProfile.logoRemoved'));
  };

  return (
    <div className="page city-profile-editor" data-testid="city-profile-editor">
      <p className="breadcrumb">
        <Link to={`/${city.slug}`}>
          <span aria-hidden="true">← </span>
          {t('cityProfile.back', { city: city.name })}
        </Link>
      </p>
      <h1>{t('cityProfile.editHeading', { city: city.name })}</h1>
      <ErrorSummary form={form} title={t('cityProfile.saveFailed')} />
      {saved ? <SuccessMessage>{saved}</SuccessMessage> : null}
      {conflict ? (
        <ConflictNotice
          level={2}
          title={t('cityProfile.conflictTitle')}
          text={t('cityProfile.conflictText')}
          reloadLabel={t('cityProfile.conflictReload')}
          onReload={() => reload(revision)}
          overwriteLabel={t('cityProfile.conflictOverwrite')}
          onOverwrite={() => {
            // Saves the own text over the newer revision, on purpose.
            void fetchCurrentRevision(city.slug).then((current) =>
              submit(new Event('submit') as unknown as FormEvent, current),
            );
          }}
          testId="profile-conflict"
        />
      ) : null}
      <form className="form" onSubmit={(event) => void submit(event)} noValidate>
        <MarkdownField
          form={form}
          name="about"
          label={t('cityProfile.about')}
          hint={t('cityProfile.aboutHint')}
          tabsLabel={t('cityProfile.aboutTabs')}
          value={values.about}
          onChange={set('about')}
          rows={8}
          topHeading={3}
        />
        <fieldset className="field" id={form.fieldId('focusTopicSlugs')}>
          <legend>{t('cityProfile.focusTopics')}</legend>
          <ul className="checkbox-list">
            {(network.data?.topics ?? []).map((topic) => (
              <li key={topic.slug}>
                <label>
                  <input
                    type="checkbox"
                    checked={topics.includes(topic.slug)}
                    onChange={(event) =>
                      setTopics((current) =>
                        event.target.checked
                          ? [...current, topic.slug]
                          : current.filter((slug) => slug !== topic.slug),
                      )
                    }
                  />{' '}
                  {language === 'en' ? topic.nameEn : topic.name}
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
        <fieldset className="field">
          <legend>{t('cityProfile.contact')}</legend>
          <p className="hint" id="contact-public-hint">
            {t('cityProfile.contactPublic')}
          </p>
          <TextField
            form={form}
            name="contactName"
            label={t('cityProfile.contactName')}
            value={values.contactName}
            onChange={set('contactName')}
            required={false}
          />
          <TextField
            form={form}
            name="contactRole"
            label={t('cityProfile.contactRole')}
            value={values.contactRole}
            onChange={set('contactRole')}
            required={false}
          />
          <TextField
            form={form}
            name="contactEmail"
            type="email"
            label={t('cityProfile.email')}
            value={values.contactEmail}
            onChange={set('contactEmail')}
            required={false}
          />
          <TextField
            form={form}
            name="contactPhone"
            label={t('cityProfile.phone')}
            value={values.contactPhone}
            onChange={set('contactPhone')}
            required={false}
          />
          <TextAreaField
            form={form}
            name="address"
            label={t('cityProfile.address')}
            value={values.address}
            onChange={set('address')}
            rows={3}
          />
        </fieldset>
        <TextField
          form={form}
          name="website"
          type="url"
          label={t('cityProfile.website')}
          hint={t('cityProfile.websiteHint')}
          value={values.website}
          onChange={set('website')}
          required={false}
        />
        <TextField
          form={form}
          name="brandColor"
          label={t('cityProfile.brandColor')}
          hint={t('cityProfile.brandColorHint')}
          value={values.brandColor}
          onChange={set('brandColor')}
        />
        <p
          className="city-profile-editor__swatch"
          style={{ background: accent.background, color: accent.text }}
          data-testid="brand-preview"
        >
          {t('cityProfile.brandPreview', { city: city.name })}
        </p>
        <div className="field">
          <label htmlFor={form.fieldId('file')}>{t('cityProfile.logo')}</label>
          <p className="hint">{t('cityProfile.logoHint')}</p>
          {logoUrl ? (
            <p>
              <img
                className="city__logo"
                src={logoUrl}
                alt={t('cityProfile.logoAlt', { city: city.name })}
              />
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => void onRemoveLogo()}
              >
                {t('cityProfile.removeLogo')}
              </button>
            </p>
          ) : null}
          <input
            id={form.fieldId('file')}
            type="file"
            accept={ACCEPTED_LOGOS}
            data-testid="logo-input"
            onChange={(event) => void onLogo(event.target.files?.[0])}
          />
        </div>
        <p className="actions">
          <button type="submit" className="button" disabled={fetching} data-testid="save-profile">
            {t('cityProfile.save')}
          </button>
        </p>
      </form>
    </div>
  );
}

async function fetchCurrentRevision(slug: string): Promise<number> {
  const response = await fetch('/graphql', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      query: 'query($slug: String!) { city(slug: $slug) { details { revision } } }',
      variables: { slug },
    }),
  });
  const body = (await response.json()) as { data?: { city?: { details: { revision: number } } } };
  return body.data?.city?.details.revision ?? 0;
}
