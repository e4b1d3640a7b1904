import { useParams, useSearchParams } from 'react-router';
import { useQuery } from 'urql';
import { useTranslation } from 'react-i18next';
import { PracticeDocument } from '../../generated/graphql';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { roleInCity, useSession } from '../account/session';
import { NoAccess, SignInRequired } from '../account/SignInRequired';
import { PracticeEditor } from './PracticeEditor';
import { PracticeNotFound } from './PracticeNotFound';
import { PRACTICE_ID_PATTERN } from './practice-format';

/** `/praxis/neu?stadt=<slug>`: a new draft for one of the signed-in person's cities. */
export function NewPracticePage() {
  const { t } = useTranslation();
  const { me } = useSession();
  const [params] = useSearchParams();
  useDocumentTitle(t('editor.newHeading'));
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired />;
  const citySlug = (params.get('stadt') ?? me.actingCity?.slug ?? '').toLowerCase();
  const membership = me.memberships.find((item) => item.city.slug === citySlug);
  if (!citySlug) return <NoAccess text={t('editor.noCity')} />;
  if (!membership) return <NoAccess text={t('editor.noRights', { city: citySlug })} />;
  return (
    <PracticeEditor
      key={citySlug}
      city={{ slug: membership.city.slug, name: membership.city.name }}
      coordinator={membership.role === 'COORDINATOR'}
      practice={null}
    />
  );
}

/** `/praxis/:id/bearbeiten` */
export function EditPracticePage() {
  const { id = '' } = useParams<'id'>();
  if (!PRACTICE_ID_PATTERN.test(id)) return <PracticeNotFound />;
  return <EditLoader key={id} id={id} />;
}

function EditLoader({ id }: { id: string }) {
  const { t } = useTranslation();
  const { me } = useSession();
  // The revision number must be the current one, or the first save is a conflict.
  const [result, reexecute] = useQuery({
    query: PracticeDocument,
    variables: { id },
    requestPolicy: 'network-only',
  });
  useDocumentTitle(t('editor.editHeading'));
  if (me === undefined || (result.fetching && !result.data)) return <Loading />;
  if (me === null) return <SignInRequired />;
  if (result.error || !result.data) {
    return (
      <div className="page">
        <h1 className="visually-hidden">{t('state.errorTitle')}</h1>
        <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </div>
    );
  }
  const practice = result.data.practice;
  if (!practice) return <PracticeNotFound />;
  if (!practice.viewerCanEdit) return <NoAccess text={t('editor.noEditRights')} />;
  return (
    <PracticeEditor
      city={practice.city}
      coordinator={roleInCity(me, practice.city.slug) === 'COORDINATOR'}
      practice={practice}
    />
  );
}
