import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import { CreateConferenceDocument } from '../../generated/graphql';
import { ErrorSummary, useFormErrors } from '../../ui/FormErrors';
import { Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { isOrganizer, useSession } from '../account/session';
import { NoAccess, SignInRequired } from '../account/SignInRequired';
import {
  CONFERENCE_FIELDS,
  CONFERENCE_FIELD_TEXTS,
  ConferenceFields,
  EMPTY_CONFERENCE,
  conferenceInput,
  missingConferenceValues,
} from './ConferenceFields';
import { conferencePath } from './conference-format';
import './conferences.css';

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
  const form = useFormErrors(CONFERENCE_FIELDS, CONFERENCE_FIELD_TEXTS);
  const [values, setValues] = useState(EMPTY_CONFERENCE);
  const [{ fetching }, create] = useMutation(CreateConferenceDocument);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const missing = missingConferenceValues(values);
    if (missing.length > 0) return form.showErrors(missing);
    form.clear();
    const answer = await create({ input: conferenceInput(values) });
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
        <ConferenceFields form={form} values={values} onChange={setValues} />
        <div className="form__actions">
          <button type="submit" className="button" disabled={fetching}>
            {t('conferences.new.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
