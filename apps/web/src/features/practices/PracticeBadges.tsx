import { useTranslation } from 'react-i18next';
import type { PracticeStatus, PracticeVisibility } from '../../generated/graphql';
import './practices.css';

interface PracticeBadgesProps {
  status?: PracticeStatus;
  visibility: PracticeVisibility;
}

/** Status and visibility as words, never by colour alone (WCAG 1.4.1). */
export function PracticeBadges({ status, visibility }: PracticeBadgesProps) {
  const { t } = useTranslation();
  return (
    <span className="practice-badges">
      {status ? (
        <span className={`pill pill--status-${status.toLowerCase()}`} data-testid="status-badge">
          <span className="visually-hidden">{t('practice.statusLabel')}: </span>
          {t(`practice.status.${status}`)}
        </span>
      ) : null}
      <span
        className={`pill pill--visibility-${visibility.toLowerCase()}`}
        data-testid="visibility-badge"
      >
        <span className="visually-hidden">{t('practice.visibilityLabel')}: </span>
        {t(`practice.visibility.${visibility}`)}
      </span>
    </span>
  );
}
