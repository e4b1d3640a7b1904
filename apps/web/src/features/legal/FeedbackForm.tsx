import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { useMutation } from 'urql';
import {
  SendAccessibilityFeedbackDocument,
  type SendAccessibilityFeedbackMutation,
} from '../../generated/graphql';
import { ErrorSummary, TextAreaField, TextField, useFormErrors } from '../../ui/FormErrors';
import { formatDay } from '../../ui/format';
import type { Language } from '../../i18n';

const FIELDS = ['message', 'page', 'name', 'email'] as const;
type Receipt = SendAccessibilityFeedbackMutation['sendAccessibilityFeedback'];

/**
 * Feedback on accessibility (§ 7 BITV 2.0) to the network office: no account needed.
 * The sender gets the reference and the date by which they hear back.
 */
export function FeedbackForm({ headingLevel = 2 }: { headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation();
  const { state } = useLocation() as { state: { from?: string } | null };
  const [message, setMessage] = useState('');
  const [page, setPage] = useState(state?.from ?? '');
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [receipt, setReceipt] = useState<Receipt | null>(null);
  const form = useFormErrors(FIELDS);
  const [{ fetching }, send] = useMutation(SendAccessibilityFeedbackDocument);
  const confirmation = useRef<HTMLHeadingElement>(null);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';

  useEffect(() => {
    if (receipt) confirmation.current?.focus();
  }, [receipt]);

  const onSubmit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!message.trim())
      return form.showErrors([{ field: 'message', key: 'errors.FEEDBACK_MESSAGE_MISSING' }]);
    const result = await send({
      input: { message, page, name, email, locale: i18n.language === 'en' ? 'en' : 'de' },
    });
    if (result.error) return form.showApiError(result.error);
    if (!result.data) return;
    form.clear();
    setReceipt(result.data.sendAccessibilityFeedback);
  };

  if (receipt)
    return (
      <section
        className="card legal-receipt"
        aria-labelledby="feedback-sent"
        data-testid="feedback-sent"
      >
        <Heading id="feedback-sent" ref={confirmation} tabIndex={-1}>
          {t('legal.feedback.sentHeading')}
        </Heading>
        <p>
          {t('legal.feedback.sentText', {
            reference: receipt.reference,
            due: formatDay(receipt.dueOn, i18n.language as Language),
          })}
        </p>
      </section>
    );

  return (
    <form
      className="form card"
      noValidate
      aria-labelledby="feedback-form-heading"
      onSubmit={(event) => void onSubmit(event)}
      data-testid="feedback-form"
    >
      <Heading id="feedback-form-heading">{t('legal.feedback.heading')}</Heading>
      <p>{t('legal.feedback.intro')}</p>
      <ErrorSummary form={form} />
      <TextAreaField
        form={form}
        name="message"
        label={t('legal.feedback.message')}
        hint={t('legal.feedback.messageHint')}
        required
        rows={6}
        maxLength={5000}
        value={message}
        onChange={setMessage}
      />
      <TextField
        form={form}
        name="page"
        label={t('legal.feedback.page')}
        required={false}
        value={page}
        onChange={setPage}
      />
      <TextField
        form={form}
        name="name"
        label={t('legal.feedback.name')}
        autoComplete="name"
        required={false}
        value={name}
        onChange={setName}
      />
      <TextField
        form={form}
        name="email"
        type="email"
        label={t('legal.feedback.email')}
        hint={t('legal.feedback.emailHint')}
        autoComplete="email"
        required={false}
        value={email}
        onChange={setEmail}
      />
      <p className="form__hint">{t('legal.feedback.privacy')}</p>
      <div className="form__actions">
        <button type="submit" className="button" disabled={fetching}>
          {t('legal.feedback.submit')}
        </button>
      </div>
    </form>
  );
}
