import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  type FollowTargetKind,
  MyFollowsDocument,
  UnfollowDocument,
  type MyFollowsQuery,
} from '../../generated/graphql';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { useDocumentTitle } from '../../ui/useDocumentTitle';
import { useSession } from '../account/session';
import { SignInRequired } from '../account/SignInRequired';
import './follows.css';

const KINDS: FollowTargetKind[] = ['TOPIC', 'CITY', 'TANDEM', 'PRACTICE', 'CONFERENCE'];

/** `/konto/folge-ich`: what one follows, by kind, each with a button to stop. */
export function FollowingPage() {
  const { t } = useTranslation();
  const { me } = useSession();
  useDocumentTitle(t('follows.heading'));
  if (me === undefined) return <Loading />;
  if (me === null) return <SignInRequired />;
  return <Following />;
}

type Entry = MyFollowsQuery['myFollows'][number];

function Following() {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({
    query: MyFollowsDocument,
    requestPolicy: 'cache-and-network',
  });
  const [unfollowing, unfollow] = useMutation(UnfollowDocument);
  const [announcement, setAnnouncement] = useState('');

  if (result.error)
    return <ErrorState onRetry={() => reexecute({ requestPolicy: 'network-only' })} />;
  if (!result.data) return <Loading />;
  const follows = result.data.myFollows;

  const stop = async (entry: Entry) => {
    const answer = await unfollow({ kind: entry.kind, targetId: entry.targetId });
    if (answer.error) {
      setAnnouncement(t('follows.failed'));
      return;
    }
    setAnnouncement(t('follows.unfollowed', { name: entry.name }));
    reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <div className="page following">
      <h1 tabIndex={-1}>{t('follows.heading')}</h1>
      <p className="lead">{t('follows.intro')}</p>
      <p>
        <Link to="/benachrichtigungen">{t('follows.settingsLink')}</Link>
      </p>
      <p className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </p>
      {follows.length === 0 ? <p>{t('follows.empty')}</p> : null}
      {KINDS.map((kind) => {
        const entries = follows.filter((entry) => entry.kind === kind);
        if (entries.length === 0) return null;
        return (
          <section key={kind} className="card" aria-labelledby={`following-${kind}`}>
            <h2 id={`following-${kind}`}>{t(`follows.kind.${kind}`, { count: entries.length })}</h2>
            <ul className="following-list">
              {entries.map((entry) => (
                <li key={entry.targetId}>
                  <span>
                    <Link to={entry.link} lang="de">
                      {entry.name}
                    </Link>
                    {entry.isDefault ? (
                      <span className="muted"> · {t('follows.byMembership')}</span>
                    ) : null}
                  </span>
                  <button
                    type="button"
                    className="button button--secondary"
                    disabled={unfollowing.fetching}
                    aria-label={t('follows.unfollowLabel', { name: entry.name })}
                    onClick={() => void stop(entry)}
                  >
                    {t('follows.unfollow')}
                  </button>
                </li>
              ))}
            </ul>
          </section>
        );
      })}
    </div>
  );
}
