import { useId, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { SetMailCadencesDocument, type MailCadence } from '../../generated/graphql';
import './notifications.css';

const STREAMS = ['mailTandem', 'mailCity', 'mailNetwork'] as const;
type Stream = (typeof STREAMS)[number];
const CADENCES: MailCadence[] = ['IMMEDIATE', 'DAILY', 'WEEKLY', 'NEVER'];

interface MailSettingsProps {
  settings: Record<Stream, MailCadence>;
}

/** E-mail per stream: immediately, daily or weekly digest, or never (radio groups). */
export function MailSettings({ settings }: MailSettingsProps) {
  const { t } = useTranslation();
  const id = useId();
  const [chosen, setChosen] = useState(settings);
  const [saving, save] = useMutation(SetMailCadencesDocument);
  const [announcement, setAnnouncement] = useState('');

  const choose = async (stream: Stream, cadence: MailCadence) => {
    const before = chosen[stream];
    setChosen({ ...chosen, [stream]: cadence });
    const answer = await save({ input: { [stream]: cadence } });
    if (answer.error) {
      setChosen((now) => ({ ...now, [stream]: before }));
      setAnnouncement(t('mailSettings.failed'));
      return;
    }
    setAnnouncement(
      t('mailSettings.saved', {
        stream: t(`mailSettings.stream.${stream}`),
        cadence: t(`mailSettings.cadence.${cadence}`),
      }),
    );
  };

  return (
    <section className="card mail-settings" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('notifications.settingsHeading')}</h2>
      <p>{t('mailSettings.intro')}</p>
      {STREAMS.map((stream) => (
        <fieldset key={stream} className="mail-settings__stream" data-testid={`cadence-${stream}`}>
          <legend>{t(`mailSettings.stream.${stream}`)}</legend>
          <p className="muted" id={`${id}-${stream}-hint`}>
            {t(`mailSettings.hint.${stream}`)}
          </p>
          <div className="mail-settings__choices">
            {CADENCES.map((cadence) => (
              <label key={cadence} className="mail-settings__choice">
                <input
                  type="radio"
                  name={`${id}-${stream}`}
                  value={cadence}
                  checked={chosen[stream] === cadence}
                  disabled={saving.fetching}
                  aria-describedby={`${id}-${stream}-hint`}
                  onChange={() => void choose(stream, cadence)}
                />{' '}
                {t(`mailSettings.cadence.${cadence}`)}
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <p>
        <Link to="/konto/folge-ich">{t('mailSettings.followingLink')}</Link>
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
    </section>
  );
}
