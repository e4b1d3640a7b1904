import { Link, useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { CityWorkspaceDocument } from '../../generated/graphql';
import { apiErrorCodes } from '../../ui/api-errors';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { NoAccess, SignInRequired } from '../account/SignInRequired';
import { useSession } from '../account/session';
import {
  ConferencesSection,
  FollowUpsSection,
  InvitationsSection,
  PracticesSection,
  RegistrationsSection,
  TandemsSection,
} from './WorkspaceSections';
import type { Workspace } from './types';
import { WelcomeNotice } from './WelcomeNotice';
import './workspace.css';

/** `/:city/arbeitsbereich`: what needs me in my city, and where to start. */
export function WorkspacePage() {
  const { t } = useTranslation();
  const { city: rawSlug = '' } = useParams<'city'>();
  const slug = rawSlug.toLowerCase();
  const { me } = useSession();
  const [result, reexecute] = useQuery({
    query: CityWorkspaceDocument,
    variables: { citySlug: slug },
    pause: !me,
    requestPolicy: 'cache-and-network',
  });

  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired />;
  const codes = apiErrorCodes(result.error);
  if (codes.includes('FORBIDDEN') || codes.includes('NOT_FOUND')) {
    return <NoAccess text={t('workspace.noAccess')} />;
  }
  if (result.error && !result.data) {
    return (
      <div className="page">
        <h1>{t('state.errorTitle')}</h1>
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  const workspace = result.data?.cityWorkspace;
  if (!workspace) return <Loading />;
  return <WorkspaceView workspace={workspace} />;
}

function WorkspaceView({ workspace }: { workspace: Workspace }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const title = t('workspace.heading', { city: workspace.city.name });
  useDocumentTitle(title);
  const coordinator = workspace.viewerRole === 'COORDINATOR';
  return (
    <div className="page workspace" data-testid="workspace">
      <h1>{title}</h1>
      <p className="lead">
        {coordinator ? t('workspace.introCoordinator') : t('workspace.introMember')}
      </p>
      {params.has('willkommen') ? <WelcomeNotice workspace={workspace} /> : null}
      <nav className="workspace__start" aria-label={t('workspace.start.label')}>
        <Link className="button" to={`/praxis/neu?stadt=${workspace.city.slug}`}>
          {t('workspace.start.newPractice')}
        </Link>
        {coordinator ? (
          <Link
            className="button button--secondary"
            to={`/${workspace.city.slug}/mitglieder`}
            data-testid="workspace-invite"
          >
            {t('workspace.start.invite')}
          </Link>
        ) : null}
        {coordinator ? (
          <Link
            className="button button--secondary"
            to={`/${workspace.city.slug}/initiativen/neu`}
            data-testid="workspace-new-initiative"
          >
            {t('workspace.start.newInitiative')}
          </Link>
        ) : null}
        <Link className="button button--secondary" to={`/${workspace.city.slug}`}>
          {t('workspace.start.cityPage')}
        </Link>
      </nav>
      <div className="workspace__grid">
        <TandemsSection workspace={workspace} />
        <PracticesSection workspace={workspace} />
        <FollowUpsSection workspace={workspace} />
        <RegistrationsSection workspace={workspace} />
        {workspace.pendingInvitations ? (
          <InvitationsSection workspace={workspace} invitations={workspace.pendingInvitations} />
        ) : null}
        <ConferencesSection workspace={workspace} />
      </div>
    </div>
  );
}
