import { useTranslation } from 'react-i18next';
import type { TandemStatus, TandemSummaryFragment } from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { formatDate } from '../../ui/format';
import './tandems.css';

export function TandemStatusPill({ status }: { status: TandemStatus }) {
  const { t } = useTranslation();
  return (
    <span
      className={`pill pill--tandem-${status.toLowerCase()}`}
      data-testid="tandem-status"
      data-status={status}
    >
      {t(`tandems.status.${status}`)}
    </span>
  );
}

/**
 * Who has agreed so far (proposed tandems), or how the tandem ended. Words, not only
 * colours or ticks, so it reads the same to everyone.
 */
export function AcceptanceState({
  tandem,
  compact = false,
}: {
  tandem: TandemSummaryFragment;
  compact?: boolean;
}) {
  const { t } = useTranslation();
  const language = currentLanguage();

  if (tandem.status === 'CONCLUDED' && tandem.concludedAt) {
    return (
      <p className="tandem-state">
        {t('tandems.concludedOn', { date: formatDate(tandem.concludedAt, language) })}
      </p>
    );
  }
  if (tandem.status === 'DECLINED') {
    return tandem.declineReason && compact ? (
      <p className="tandem-state">
        {t('tandems.declineReasonShort', { reason: tandem.declineReason })}
      </p>
    ) : null;
  }
  if (tandem.status === 'ACTIVE' && compact) return null;

  const sides = [
    { city: tandem.newCity, at: tandem.newCityAcceptedAt },
    { city: tandem.partnerCity, at: tandem.partnerCityAcceptedAt },
  ];
  return (
    <ul className="tandem-acceptance" data-testid="tandem-acceptance">
      {sides.map(({ city, at }) => (
        <li key={city.slug} data-accepted={at ? 'true' : 'false'}>
          <span aria-hidden="true" className="tandem-acceptance__mark">
            {at ? '✓' : '…'}
          </span>{' '}
          {at
            ? t('tandems.acceptedOn', { city: city.name, date: formatDate(at, language) })
            : t('tandems.acceptancePending', { city: city.name })}
        </li>
      ))}
    </ul>
  );
}
