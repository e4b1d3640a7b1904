import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import {
  FollowDocument,
  MyFollowsDocument,
  UnfollowDocument,
  type FollowTargetKind,
} from '../../generated/graphql';
import { useSession } from '../account/session';
import './follows.css';

interface FollowButtonProps {
  kind: FollowTargetKind;
  targetId: string;
  /** What is followed, for the button's accessible name ("Nachhaltigkeit folgen"). */
  name: string;
}

/** A toggle (aria-pressed) to follow or stop following; only for signed-in people. */
export function FollowButton({ kind, targetId, name }: FollowButtonProps) {
  const { me } = useSession();
  if (!me) return null;
  return <Toggle kind={kind} targetId={targetId} name={name} />;
}

function Toggle({ kind, targetId, name }: FollowButtonProps) {
  const { t } = useTranslation();
  const [result, reexecute] = useQuery({ query: MyFollowsDocument });
  const [following, follow] = useMutation(FollowDocument);
  const [unfollowing, unfollow] = useMutation(UnfollowDocument);
  const [announcement, setAnnouncement] = useState('');
  const [failed, setFailed] = useState(false);
  const pressed = (result.data?.myFollows ?? []).some(
    (entry) => entry.kind === kind && entry.targetId === targetId,
  );
  const busy = result.fetching || following.fetching || unfollowing.fetching;

  const toggle = async () => {
    const answer = pressed ? await unfollow({ kind, targetId }) : await follow({ kind, targetId });
    setFailed(Boolean(answer.error));
    if (answer.error) return;
    setAnnouncement(pressed ? t('follows.unfollowed', { name }) : t('follows.followed', { name }));
    reexecute({ requestPolicy: 'network-only' });
  };

  return (
    <span className="follow">
      <button
        type="button"
        className="button button--secondary follow__button"
        aria-pressed={pressed}
        aria-label={t('follows.buttonLabel', { name })}
        disabled={busy || !result.data}
        onClick={() => void toggle()}
        data-testid="follow-button"
      >
        <span aria-hidden="true" className="follow__mark">
          {pressed ? '✓' : '+'}
        </span>{' '}
        {/* The same words pressed or not (a toggle's name stays; aria-pressed tells the state). */}
        {t('follows.follow')}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {announcement}
      </span>
      {failed ? (
        <span className="follow__error" role="alert">
          {t('follows.failed')}
        </span>
      ) : null}
    </span>
  );
}
