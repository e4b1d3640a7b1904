import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  AcceptTandemDocument,
  ConcludeTandemDocument,
  DeclineTandemDocument,
} from '../../generated/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ErrorSummary, SuccessMessage, TextAreaField, useFormErrors } from '../../ui/FormErrors';
import { roleInCity, type SessionUser } from '../account/session';
import type { TandemDetail } from './types';
import './tandems.css';

const FIELDS = ['reason', 'summary'] as const;
const FIELD_TEXTS = {
  reason: 'errors.TANDEM_DECLINE_REASON',
  summary: 'errors.TANDEM_SUMMARY',
} as const;

type Step = 'accept' | 'decline' | 'conclude';

interface TandemActionsProps {
  tandem: TandemDetail;
  me: SessionUser | null;
  onChanged: (tandem: TandemDetail) => void;
}

/** Accept, decline (with a reason) or conclude (with a summary), as the viewer's rights allow. */
export function TandemActions({ tandem, me, onChanged }: TandemActionsProps) {
  const { t } = useTranslation();
  const form = useFormErrors(FIELDS, FIELD_TEXTS);
  const [open, setOpen] = useState<'decline' | 'conclude' | null>(null);
  const [confirming, setConfirming] = useState<Step | null>(null);
  const [reason, setReason] = useState('');
  const [summary, setSummary] = useState('');
  const [done, setDone] = useState('');
  const trigger = useRef<HTMLElement | null>(null);
  const [{ fetching: accepting }, accept] = useMutation(AcceptTandemDocument);
  const [{ fetching: declining }, decline] = useMutation(DeclineTandemDocument);
  const [{ fetching: concluding }, conclude] = useMutation(ConcludeTandemDocument);
  const busy = accepting || declining || concluding;

  const coordinates = [tandem.newCity.slug, tandem.partnerCity.slug].some(
    (slug) => roleInCity(me, slug) === 'COORDINATOR',
  );
  const mayDecline = tandem.status === 'PROPOSED' && coordinates;

  useEffect(() => {
    // Back to the button that opened the dialog, if it is still there.
    if (confirming !== null || trigger.current === null) return;
    const target = trigger.current;
    trigger.current = null;
    if (document.contains(target)) target.focus();
  }, [confirming]);

  const ask = (step: Step, element: HTMLElement) => {
    trigger.current = element;
    setConfirming(step);
  };

  const run = async () => {
    const step = confirming;
    if (!step) return;
    form.clear();
    const answer =
      step === 'accept'
        ? await accept({ id: tandem.id })
        : step === 'decline'
          ? await decline({ id: tandem.id, reason: reason.trim() || null })
          : await conclude({ id: tandem.id, summary: summary.trim() });
    setConfirming(null);
    if (answer.error || !answer.data) {
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    const data = answer.data;
    const changed =
      'acceptTandem' in data
        ? data.acceptTandem
        : 'declineTandem' in data
          ? data.declineTandem
          : data.concludeTandem;
    setOpen(null);
    setDone(
      step === 'accept'
        ? changed.status === 'ACTIVE'
          ? t('tandems.actions.acceptedActive')
          : t('tandems.actions.acceptedWaiting')
        : step === 'decline'
          ? t('tandems.actions.declined')
          : t('tandems.actions.concluded'),
    );
    onChanged(changed);
  };

  const onSubmitStep = (event: FormEvent<HTMLFormElement>, step: 'decline' | 'conclude') => {
    event.preventDefault();
    const button = (event.nativeEvent as SubmitEvent).submitter;
    if (step === 'conclude' && !summary.trim()) {
      return form.showErrors([{ field: 'summary', key: 'errors.REQUIRED_SUMMARY_OUTCOME' }]);
    }
    form.clear();
    ask(step, button ?? event.currentTarget);
  };

  const anything = tandem.viewerCanAccept || mayDecline || tandem.viewerCanConclude;
  if (!anything && !done && form.errors.length === 0) return null;

  return (
    <section
      className="card tandem-actions"
      aria-labelledby="tandem-actions"
      data-testid="tandem-actions"
    >
      <h2 id="tandem-actions">{t('tandems.actions.heading')}</h2>
      <ErrorSummary form={form} title={t('tandems.actions.failed')} />
      {done ? <SuccessMessage>{done}</SuccessMessage> : null}

      {anything ? (
        <div className="row-actions">
          {tandem.viewerCanAccept ? (
            <button
              type="button"
              className="button"
              disabled={busy}
              onClick={(event) => ask('accept', event.currentTarget)}
            >
              {t('tandems.actions.accept')}
            </button>
          ) : null}
          {mayDecline ? (
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={open === 'decline'}
              aria-controls="tandem-decline-form"
              onClick={() => setOpen(open === 'decline' ? null : 'decline')}
            >
              {t('tandems.actions.decline')}
            </button>
          ) : null}
          {tandem.viewerCanConclude ? (
            <button
              type="button"
              className="button button--secondary"
              aria-expanded={open === 'conclude'}
              aria-controls="tandem-conclude-form"
              onClick={() => setOpen(open === 'conclude' ? null : 'conclude')}
            >
              {t('tandems.actions.conclude')}
            </button>
          ) : null}
        </div>
      ) : null}

      {open === 'decline' && mayDecline ? (
        <form
          id="tandem-decline-form"
          className="form tandem-actions__form"
          noValidate
          onSubmit={(event) => onSubmitStep(event, 'decline')}
        >
          <TextAreaField
            form={form}
            name="reason"
            label={t('tandems.actions.reason')}
            hint={t('tandems.actions.reasonHint')}
            value={reason}
            onChange={setReason}
            maxLength={2000}
          />
          <div className="form__actions">
            <button type="submit" className="button button--danger" disabled={busy}>
              {t('tandems.actions.declineSubmit')}
            </button>
          </div>
        </form>
      ) : null}

      {open === 'conclude' && tandem.viewerCanConclude ? (
        <form
          id="tandem-conclude-form"
          className="form tandem-actions__form"
          noValidate
          onSubmit={(event) => onSubmitStep(event, 'conclude')}
        >
          <TextAreaField
            form={form}
            name="summary"
            label={t('tandems.actions.summary')}
            hint={t('tandems.actions.summaryHint')}
            value={summary}
            onChange={setSummary}
            required
            maxLength={5000}
          />
          <div className="form__actions">
            <button type="submit" className="button" disabled={busy}>
              {t('tandems.actions.concludeSubmit')}
            </button>
          </div>
        </form>
      ) : null}

      {confirming ? (
        <ConfirmDialog
          title={t(`tandems.actions.confirm.${confirming}.title`)}
          confirmLabel={t(`tandems.actions.confirm.${confirming}.button`)}
          tone={confirming === 'decline' ? 'danger' : 'primary'}
          busy={busy}
          onConfirm={() => void run()}
          onCancel={() => setConfirming(null)}
        >
          <p>
            {t(`tandems.actions.confirm.${confirming}.text`, {
              newCity: tandem.newCity.name,
              partner: tandem.partnerCity.name,
            })}
          </p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
