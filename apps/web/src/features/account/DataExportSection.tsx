import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { MyDataExportDocument, RequestDataExportDocument } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { ErrorSummary, useFormErrors } from '../../ui/FormErrors';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { formatDateTime } from '../../ui/format';
import './data-export.css';

/** How often the page asks how far a running export is. */
const POLL_MS = 1_500;

/** Errors of the request button belong to no field. */
const NO_FIELDS: readonly never[] = [];

/**
 * "Meine Daten herunterladen" (Art. 15 and 20 DSGVO): asks for a copy of everything
 * about the person, shows how far the background preparation is, then the two files
 * (JSON and a readable summary) until they expire.
 */
export function DataExportSection() {
  const { t } = useTranslation();
  const language = currentLanguage();
  // Personal and changing: always from the server.
  const [result, reexecute] = useQuery({
    query: MyDataExportDocument,
    requestPolicy: 'network-only',
  });
  const [{ fetching: requesting }, requestExport] = useMutation(RequestDataExportDocument);
  const form = useFormErrors(NO_FIELDS);
  const [asked, setAsked] = useState(false);
  const downloads = useRef<HTMLHeadingElement>(null);

  const current = result.data?.myDataExport ?? null;
  const running = current?.status === 'PENDING' || current?.status === 'RUNNING';
  const ready = current?.status === 'READY';

  useEffect(() => {
    if (!running) return undefined;
    const timer = setTimeout(() => reexecute({ requestPolicy: 'network-only' }), POLL_MS);
    return () => clearTimeout(timer);
  }, [running, result.data, reexecute]);

  useEffect(() => {
    // Asked for here and now ready: the downloads are what the person waits for.
    if (ready && asked) downloads.current?.focus();
  }, [ready, asked]);

  const onRequest = async () => {
    form.clear();
    const answer = await requestExport({});
    if (answer.error) return form.showApiError(answer.error);
    setAsked(true);
    reexecute({ requestPolicy: 'network-only' });
  };

  const requestButton = (label: string) => (
    <div className="form__actions">
      <button
        type="button"
        className="button"
        onClick={() => void onRequest()}
        disabled={requesting}
        data-testid="request-data-export"
      >
        {label}
      </button>
    </div>
  );

  return (
    <section className="card data-export" aria-labelledby="data-export-heading">
      <h2 id="data-export-heading">{t('account.dataExport.heading')}</h2>
      <p>{t('account.dataExport.intro')}</p>
      <ErrorSummary form={form} />
      {result.error ? (
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      ) : !result.data ? (
        <Loading />
      ) : (
        <>
          <div role="status" aria-live="polite" className="data-export__status">
            {running && current ? (
              <div data-testid="data-export-progress">
                <p>
                  {t('account.dataExport.preparing', {
                    date: formatDateTime(current.requestedAt, language),
                  })}
                </p>
                <label className="data-export__progress">
                  {t('account.dataExport.progress', {
                    done: current.stepsDone,
                    count: current.stepsTotal,
                  })}
                  <progress max={current.stepsTotal} value={current.stepsDone} />
                </label>
              </div>
            ) : null}
            {ready && asked ? <p>{t('account.dataExport.readyNow')}</p> : null}
            {current?.status === 'FAILED' ? (
              <p className="notice notice--error">{t('account.dataExport.failed')}</p>
            ) : null}
          </div>
          {ready && current?.jsonUrl && current.summaryUrl ? (
            <div className="data-export__ready" data-testid="data-export-ready">
              <h3 ref={downloads} tabIndex={-1}>
                {t('account.dataExport.readyHeading')}
              </h3>
              <ul className="data-export__files">
                <li>
                  <a href={current.jsonUrl} download data-testid="data-export-json">
                    {t('account.dataExport.json')}
                  </a>
                </li>
                <li>
                  <a href={current.summaryUrl} download data-testid="data-export-summary">
                    {t('account.dataExport.summary')}
                  </a>
                </li>
              </ul>
              {current.expiresAt ? (
                <p className="data-export__expiry">
                  {t('account.dataExport.expires', {
                    date: formatDateTime(current.expiresAt, language),
                  })}
                </p>
              ) : null}
            </div>
          ) : null}
          {running
            ? null
            : requestButton(
                current ? t('account.dataExport.requestAgain') : t('account.dataExport.request'),
              )}
        </>
      )}
    </section>
  );
}
