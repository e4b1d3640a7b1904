import { useEffect, useRef } from 'react';
import { Link, useLocation } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LiveEnd } from '../../ui/live-close';
import { signInPath } from '../account/return-path';
import './tandems.css';

interface LiveEndedNoticeProps {
  end: LiveEnd;
  /**
   * Changes whenever the page below starts over (another person, the end itself). The part
   * that had focus is then gone, so focus comes here instead of falling back to the document.
   */
  pageKey: string;
}

/**
 * "Live updates stopped, and why": the API ended the tandem page's live socket because the
 * session ended or the access to the notes was lost. An alert, so screen readers say it
 * at once; focusable, so keyboard users land on it and the next Tab reaches its link.
 */
export function LiveEndedNotice({ end, pageKey }: LiveEndedNoticeProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const ref = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) ref.current?.focus();
  }, [pageKey]);

  return (
    <div
      className="notice notice--error live-ended"
      role="alert"
      tabIndex={-1}
      ref={ref}
      data-testid="live-ended"
      data-reason={end}
    >
      {end === 'session-ended' ? (
        <>
          <p className="live-ended__title">{t('tandems.live.sessionEnded.title')}</p>
          <p>{t('tandems.live.sessionEnded.text')}</p>
          <p>
            <Link to={signInPath(location.pathname + location.search)}>
              {t('tandems.live.sessionEnded.signIn')}
            </Link>
          </p>
        </>
      ) : (
        <>
          <p className="live-ended__title">{t('tandems.live.accessLost.title')}</p>
          <p>{t('tandems.live.accessLost.text')}</p>
        </>
      )}
    </div>
  );
}
