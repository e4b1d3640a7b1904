import { useTranslation } from 'react-i18next';
import type { ConferenceInput, ConferenceKind, NetworkRegion } from '../../generated/graphql';
import type { ErrorTextKey } from '../../ui/api-errors';
import { SelectField, TextAreaField, TextField, type FormErrors } from '../../ui/FormErrors';
import { useAllCities } from '../network/useAllCities';
import { DateTimeField } from './DateTimeField';
import { CONFERENCE_KINDS, REGIONS } from './conference-format';

export const CONFERENCE_FIELDS = [
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
export type ConferenceField = (typeof CONFERENCE_FIELDS)[number];
export const CONFERENCE_FIELD_TEXTS = {
  title: 'errors.CONFERENCE_TITLE',
  region: 'errors.CONFERENCE_REGION',
  capacity: 'errors.CONFERENCE_CAPACITY',
  onlineUrl: 'errors.PRACTICE_LINK_URL',
  startsAt: 'errors.INVALID_TIME',
  endsAt: 'errors.INVALID_TIME',
  registrationOpensAt: 'errors.INVALID_TIME',
  registrationClosesAt: 'errors.INVALID_TIME',
} as const;

/** What the create and the edit form hold: text as typed, Berlin wall-clock times. */
export interface ConferenceValues {
  title: string;
  description: string;
  kind: ConferenceKind;
  region: NetworkRegion | '';
  startsAt: string;
  endsAt: string;
  venue: string;
  onlineUrl: string;
  hostCitySlug: string;
  capacity: string;
  registrationOpensAt: string;
  registrationClosesAt: string;
}

export const EMPTY_CONFERENCE: ConferenceValues = {
  title: '',
  description: '',
  kind: 'NETWORK_MEETING',
  region: '',
  startsAt: '',
  endsAt: '',
  venue: '',
  onlineUrl: '',
  hostCitySlug: '',
  capacity: '50',
  registrationOpensAt: '',
  registrationClosesAt: '',
};

/** The fields the browser can check before asking (the API checks them all again). */
export function missingConferenceValues(
  values: ConferenceValues,
): Array<{ field: ConferenceField; key: ErrorTextKey }> {
  const missing: Array<{ field: ConferenceField; key: ErrorTextKey }> = [];
  if (!values.title.trim()) missing.push({ field: 'title', key: 'errors.REQUIRED_TITLE' });
  if (!values.startsAt) missing.push({ field: 'startsAt', key: 'errors.CONFERENCE_TIME_REQUIRED' });
  if (!values.endsAt) missing.push({ field: 'endsAt', key: 'errors.CONFERENCE_TIME_REQUIRED' });
  if (values.kind === 'REGIONAL_CONFERENCE' && !values.region)
    missing.push({ field: 'region', key: 'errors.CONFERENCE_REGION' });
  const places = Number(values.capacity);
  if (!Number.isInteger(places) || places < 1)
    missing.push({ field: 'capacity', key: 'errors.CONFERENCE_CAPACITY' });
  return missing;
}

/** The API input; empty optional fields clear what was there. */
export function conferenceInput(values: ConferenceValues): ConferenceInput {
  return {
    title: values.title.trim(),
    description: values.description.trim(),
    kind: values.kind,
    region: values.region || null,
    startsAt: values.startsAt,
    endsAt: values.endsAt,
    venue: values.venue.trim() || null,
    onlineUrl: values.onlineUrl.trim() || null,
    hostCitySlug: values.hostCitySlug || null,
    capacity: Number(values.capacity),
    registrationOpensAt: values.registrationOpensAt || null,
    registrationClosesAt: values.registrationClosesAt || null,
  };
}

/** The fields of a conference, shared by the create page and the edit form. */
export function ConferenceFields({
  form,
  values,
  onChange,
}: {
  form: FormErrors<ConferenceField>;
  values: ConferenceValues;
  onChange: (values: ConferenceValues) => void;
}) {
  const { t } = useTranslation();
  const cities = useAllCities();
  const set =
    <K extends keyof ConferenceValues>(key: K) =>
    (value: string) =>
      onChange({ ...values, [key]: value as ConferenceValues[K] });
  return (
    <>
      <TextField
        form={form}
        name="title"
        label={t('conferences.new.title')}
        value={values.title}
        onChange={set('title')}
      />
      <TextAreaField
        form={form}
        name="description"
        label={t('conferences.new.description')}
        value={values.description}
        onChange={set('description')}
      />
      <SelectField
        form={form}
        name="kind"
        label={t('conferences.kindLabel')}
        value={values.kind}
        onChange={set('kind')}
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
        value={values.region}
        onChange={set('region')}
        options={[
          { value: '', label: t('conferences.new.noRegion') },
          ...REGIONS.map((value) => ({ value, label: t(`conferences.region.${value}`) })),
        ]}
      />
      <DateTimeField
        form={form}
        name="startsAt"
        label={t('conferences.new.startsAt')}
        value={values.startsAt}
        onChange={set('startsAt')}
      />
      <DateTimeField
        form={form}
        name="endsAt"
        label={t('conferences.new.endsAt')}
        value={values.endsAt}
        onChange={set('endsAt')}
      />
      <TextField
        form={form}
        name="venue"
        label={t('conferences.new.venue')}
        required={false}
        value={values.venue}
        onChange={set('venue')}
      />
      <TextField
        form={form}
        name="onlineUrl"
        type="url"
        label={t('conferences.new.onlineUrl')}
        required={false}
        value={values.onlineUrl}
        onChange={set('onlineUrl')}
      />
      <SelectField
        form={form}
        name="hostCitySlug"
        label={t('conferences.hostCity')}
        value={values.hostCitySlug}
        onChange={set('hostCitySlug')}
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
        value={values.capacity}
        onChange={set('capacity')}
      />
      <DateTimeField
        form={form}
        name="registrationOpensAt"
        label={t('conferences.new.opensAt')}
        required={false}
        value={values.registrationOpensAt}
        onChange={set('registrationOpensAt')}
      />
      <DateTimeField
        form={form}
        name="registrationClosesAt"
        label={t('conferences.new.closesAt')}
        required={false}
        value={values.registrationClosesAt}
        onChange={set('registrationClosesAt')}
      />
    </>
  );
}
