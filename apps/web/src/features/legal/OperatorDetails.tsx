import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { OperatorDocument, type OperatorQuery } from '../../generated/graphql';
import { EmailAddress } from '../../ui/EmailAddress';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import './legal.css';

export type Operator = OperatorQuery['operator'];

/** Loads the operator's published details; `status` is what to show until they are there. */
export function useOperator(): { operator?: Operator; status: ReactNode } {
  const [{ data, error }, reexecute] = useQuery({ query: OperatorDocument });
  if (data) return { operator: data.operator, status: null };
  if (error)
    return { status: <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} /> };
  return { status: <Loading /> };
}

/** Says so when the details are the invented demo ones. */
export function DemoNotice({ operator }: { operator: Operator }) {
  const { t } = useTranslation();
  if (!operator.demo) return null;
  return (
    <p className="notice legal-demo" data-testid="operator-demo">
      {t('legal.demoNotice')}
    </p>
  );
}

export function PostalAddress({ lines }: { lines: readonly string[] }) {
  return (
    <address className="legal-address">
      {lines.map((line, index) => (
        <span key={index}>
          {line}
          <br />
        </span>
      ))}
    </address>
  );
}

/** Name, address, phone and e-mail of the operator: the contact block of the legal pages. */
export function OperatorContact({ operator }: { operator: Operator }) {
  const { t } = useTranslation();
  return (
    <div className="legal-contact">
      <p className="legal-contact__name">{operator.name}</p>
      <PostalAddress lines={operator.addressLines} />
      <dl className="legal-facts">
        <dt>{t('legal.phone')}</dt>
        <dd>{operator.phone}</dd>
        <dt>{t('legal.email')}</dt>
        <dd>
          <a href={`mailto:${operator.email}`}>
            <EmailAddress address={operator.email} />
          </a>
        </dd>
      </dl>
    </div>
  );
}
