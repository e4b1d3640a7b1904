import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  CreateConferenceDocument,
  type ConferenceKind,
  type NetworkRegion,
} from '../../generated/graphql';
import type { ErrorTextKey } from '../../ui/api-errors';
import {
  ErrorSummary,
  SelectField,
  TextAreaField,
  TextField,
  useFormErrors,
} from '../../ui/FormErrors';
import { Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { isOrganizer, useSession } from '../account/session';
import { NoAccess, SignInRequired } from '../account/SignInRequired';
import { useAllCities } from '../network/useAllCities';
import { DateTimeField } from './DateTimeField';
import { CONFERENCE_KINDS, REGIONS, conferencePath } from './conference-format';
import './conferences.css';

const FIELDS = [
  'title',
  'description',
  'kind',
  'region',
  'startsAt',
  'endsAt',
  'venue',
  'onlineUrl',
  'hostCitySlug',
  'capacity',
  'registrationOpensAt',
  'registrationClosesAt',
] as const;
type Field = (typeof FIELDS)[number];
const FIELD_TEXTS = {
  title: 'errors.CONFERENCE_TITLE',
  region: 'errors.CONFERENCE_REGION',
  capacity: 'errors.CONFERENCE_CAPACITY',
  onlineUrl: 'errors.PRACTICE_LINK_URL',
  startsAt: 'errors.INVALID_TIME',
  endsAt: 'errors.INVALID_TIME',
  registrationOpensAt: 'errors.INVALID_TIME',
  registrationClosesAt: 'errors.INVALID_TIME',
} as const;

/** `/netzwerk/konferenzen/neu`: organizers plan a conference in Berlin time. */
export function NewConferencePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  useDocumentTitle(t('conferences.new.heading'));
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired />;
  if (!isOrganizer(me)) return <NoAccess text={t('conferences.new.noAccess')} />;
  return <NewConferenceForm />;
}

function NewConferenceForm() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const form = useFormErrors(FIELDS, FIELD_TEXTS);
  const cities = useAllCities();
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [kind, setKind] = useState<ConferenceKind>('NETWORK_MEETING');
  const [region, setRegion] = useState<NetworkRegion | ''>('');
  const [startsAt, setStartsAt] = useState('');
  const [endsAt, setEndsAt] = useState('');
  const [venue, setVenue] = useState('');
  const [onlineUrl, setOnlineUrl] = useState('');
  const [hostCitySlug, setHostCitySlug] = useState('');
  const [capacity, setCapacity] = useState('50');
  const [opensAt, setOpensAt] = useState('');
  const [closesAt, setClosesAt] = useState('');
  const [{ fetching }, create] = useMutation(CreateConferenceDocument);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing: Array<{ field: Field; key: ErrorTextKey }> = [];
    if (!title.trim()) missing.push({ field: 'title', key: 'errors.REQUIRED_TITLE' });
    if (!startsAt) missing.push({ field: 'startsAt', key: 'errors.CONFERENCE_TIME_REQUIRED' });
    if (!endsAt) missing.push({ field: 'endsAt', key: 'errors.CONFERENCE_TIME_REQUIRED' });
    if (kind === 'REGIONAL_CONFERENCE' && !region) {
      missing.push({ field: 'region', key: 'errors.CONFERENCE_REGION' });
    }
    const places = Number(capacity);
    if (!Number.isInteger(places) || places < 1) {
      missing.push({ field: 'capacity', key: 'errors.CONFERENCE_CAPACITY' });
    }
    if (missing.length > 0) return form.showErrors(missing);
    form.clear();
    const answer = await create({
      input: {
        title: title.trim(),
        description: description.trim(),
        kind,
        region: region || null,
        startsAt,
        endsAt,
        venue: venue.trim() || null,
        onlineUrl: onlineUrl.trim() || null,
        hostCitySlug: hostCitySlug || null,
        capacity: places,
        registrationOpensAt: opensAt || null,
        registrationClosesAt: closesAt || null,
      },
    });
    if (answer.error) return form.showApiError(answer.error);
    const id = answer.data?.createConference.id;
    if (id) navigate(conferencePath(id));
  };

  return (
    <div className="page page--narrow" data-testid="new-conference-page">
      <p className="breadcrumb">
        <Link to="/konferenzen">
          <span aria-hidden="true">← </span>
          {t('conferences.heading')}
        </Link>
      </p>
      <h1>{t('conferences.new.heading')}</h1>
      <form className="form card" noValidate onSubmit={(event) => void onSubmit(event)}>
        <ErrorSummary form={form} />
        <TextField
          form={form}
          name="title"
          label={t('conferences.new.title')}
          value={title}
          onChange={setTitle}
        />
        <TextAreaField
          form={form}
          name="description"
          label={t('conferences.new.description')}
          value={description}
          onChange={setDescription}
        />
        <SelectField
          form={form}
          name="kind"
          label={t('conferences.kindLabel')}
          value={kind}
          onChange={(value) => setKind(value as ConferenceKind)}
          options={CONFERENCE_KINDS.map((value) => ({
            value,
            label: t(`conferences.kind.${value}`),
          }))}
        />
        <SelectField
          form={form}
          name="region"
          label={t('conferences.regionLabel')}
          hint={t('conferences.new.regionHint')}
          value={region}
          onChange={(value) => setRegion(value as NetworkRegion | '')}
          options={[
            { value: '', label: t('conferences.new.noRegion') },
            ...REGIONS.map((value) => ({ value, label: t(`conferences.region.${value}`) })),
          ]}
        />
        <DateTimeField
          form={form}
          name="startsAt"
          label={t('conferences.new.startsAt')}
          value={startsAt}
          onChange={setStartsAt}
        />
        <DateTimeField
          form={form}
          name="endsAt"
          label={t('conferences.new.endsAt')}
          value={endsAt}
          onChange={setEndsAt}
        />
        <TextField
          form={form}
          name="venue"
          label={t('conferences.new.venue')}
          required={false}
          value={venue}
          onChange={setVenue}
        />
        <TextField
          form={form}
          name="onlineUrl"
          type="url"
          label={t('conferences.new.onlineUrl')}
          required={false}
          value={onlineUrl}
          onChange={setOnlineUrl}
        />
        <SelectField
          form={form}
          name="hostCitySlug"
          label={t('conferences.hostCity')}
          value={hostCitySlug}
          onChange={setHostCitySlug}
          options={[
            { value: '', label: t('conferences.new.noHost') },
            ...(cities.status === 'done'
              ? cities.cities.map((city) => ({ value: city.slug, label: city.name }))
              : []),
          ]}
        />
        <TextField
          form={form}
          name="capacity"
          label={t('conferences.new.capacity')}
          value={capacity}
          onChange={setCapacity}
        />
        <DateTimeField
          form={form}
          name="registrationOpensAt"
          label={t('conferences.new.opensAt')}
          required={false}
          value={opensAt}
          onChange={setOpensAt}
        />
        <DateTimeField
          form={form}
          name="registrationClosesAt"
          label={t('conferences.new.closesAt')}
          required={false}
          value={closesAt}
          onChange={setClosesAt}
        />
        <div className="form__actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('conferences.new.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
