import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { tandemPath } from '../tandems/tandem-format';
import type { Workspace } from './types';
import './workspace.css';

/** After accepting an invitation: the first three things to do, each with its link. */
export function WelcomeNotice({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const slug = workspace.city.slug;
  const tandem = workspace.tandems[0];
  return (
    <section
      className="notice notice--success workspace__welcome"
      aria-labelledby="workspace-welcome"
      data-testid="workspace-welcome"
    >
      <h2 id="workspace-welcome">
        {t('workspace.welcome.heading', { city: workspace.city.name })}
      </h2>
      <p>{t('workspace.welcome.intro')}</p>
      <ol>
        <li>
          <Link to="/konto">{t('workspace.welcome.profile')}</Link>
        </li>
        <li>
          {tandem ? (
            <Link to={tandemPath(slug, tandem.tandem.id)}>
              {t('workspace.welcome.tandem', { partner: tandem.partnerCity.name })}
            </Link>
          ) : (
            <>
              {t('workspace.welcome.noTandem')}{' '}
              <Link to={`/${slug}`}>{t('workspace.tandems.noneLink')}</Link>
            </>
          )}
        </li>
        <li>
          <Link to="/suche">{t('workspace.welcome.read')}</Link> {t('workspace.welcome.or')}{' '}
          <Link to={`/praxis/neu?stadt=${slug}`}>{t('workspace.welcome.write')}</Link>
        </li>
      </ol>
    </section>
  );
}
