import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { UnsubscribeDigestDocument } from '../../generated/graphql';
import { useDocumentTitle } from '../../ui/useDocumentTitle';

/**
 * `/abbestellen/:token`: the page a digest's unsubscribe link opens, signed in or not.
 * Opening it changes nothing (mail scanners follow links); the button does.
 */
export function UnsubscribePage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  useDocumentTitle(t('unsubscribe.heading'));
  const [result, unsubscribe] = useMutation(UnsubscribeDigestDocument);
  const [state, setState] = useState<'ready' | 'done' | 'invalid' | 'failed'>('ready');

  const confirm = async () => {
    const answer = await unsubscribe({ token });
    if (!answer.error) setState('done');
    else
      setState(
        answer.error.graphQLErrors.some((error) => error.extensions?.code === 'NOT_FOUND')
          ? 'invalid'
          : 'failed',
      );
  };

  return (
    <div className="page unsubscribe">
      <h1 tabIndex={-1}>{t('unsubscribe.heading')}</h1>
      {state === 'done' ? (
        <p role="status">{t('unsubscribe.done')}</p>
      ) : (
        <>
          <p>{t('unsubscribe.intro')}</p>
          <p>
            <button
              type="button"
              className="button"
              disabled={result.fetching}
              onClick={() => void confirm()}
              data-testid="unsubscribe-button"
            >
              {t('unsubscribe.button')}
            </button>
          </p>
          {state === 'invalid' || state === 'failed' ? (
            <p className="form-error" role="alert">
              {t(state === 'invalid' ? 'unsubscribe.invalid' : 'unsubscribe.failed')}
            </p>
          ) : null}
        </>
      )}
      <p>
        <Link to="/benachrichtigungen">{t('unsubscribe.settingsLink')}</Link>
      </p>
    </div>
  );
}
