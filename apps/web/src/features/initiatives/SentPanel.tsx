import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { SubmitSuggestionMutation } from '../../generated/graphql';
import './initiatives.css';

type Sent = SubmitSuggestionMutation['submitSuggestion'];

/** After sending: the private follow link, prominent, with a copy button. Takes focus. */
export function SentPanel({ sent, onAnother }: { sent: Sent; onAnother: () => void }) {
  const { t } = useTranslation();
  const heading = useRef<HTMLHeadingElement>(null);
  const [copied, setCopied] = useState(false);
  const link = `${window.location.origin}${sent.followPath}`;
  useEffect(() => heading.current?.focus(), []);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (insecure context, denied): the link stays selectable in the field.
      setCopied(false);
    }
  };
  return (
    <section className="sent-panel card" aria-labelledby="sent-heading" data-testid="sent-panel">
      <h2 id="sent-heading" ref={heading} tabIndex={-1}>
        {t('initiatives.sent.heading')}
      </h2>
      <p>{t('initiatives.sent.linkIntro')}</p>
      <div className="field">
        <label htmlFor="follow-link">{t('initiatives.sent.linkLabel')}</label>
        <input
          id="follow-link"
          className="sent-panel__link"
          readOnly
          value={link}
          onFocus={(event) => event.target.select()}
          data-testid="follow-link"
        />
      </div>
      <p className="row-actions">
        <button type="button" className="button" onClick={() => void copy()}>
          {t('initiatives.sent.copy')}
        </button>
        <Link className="button button--secondary" to={sent.followPath}>
          {t('initiatives.sent.open')}
        </Link>
      </p>
      <p role="status">{copied ? t('initiatives.sent.copied') : ''}</p>
      {sent.confirmationMailed ? <p>{t('initiatives.sent.mailed')}</p> : null}
      <p>
        <button type="button" className="link-button" onClick={onAnother}>
          {t('initiatives.sent.another')}
        </button>
      </p>
    </section>
  );
}
