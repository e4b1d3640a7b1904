import { useCallback, useEffect, useRef, useState } from 'react';
import { useClient } from 'urql';
import { useTranslation } from 'react-i18next';
import { MarkTandemSeenDocument, TandemNotesDocument } from '../../generated/graphql';
import { onLiveReconnected } from '../../ui/live';
import type { LiveEnd } from '../../ui/live-close';
import { ErrorState, Loading } from '../../ui/StatusMessages';
import { NoteForm } from './NoteForm';
import { NoteItem } from './NoteItem';
import type { TandemDetail, TandemNote } from './types';
import { useTandemNoteAdded } from './useTandemNoteAdded';
import './tandems.css';

const PAGE_SIZE = 20;

type Timeline =
  | { status: 'loading' }
  | { status: 'error' }
  | {
      status: 'done';
      notes: TandemNote[];
      totalCount: number;
      endCursor: string | null;
      hasNextPage: boolean;
    };

interface TandemNotesProps {
  tandem: TandemDetail;
  /** The API ended the live updates for good; the page tells the person why. */
  onLiveEnded: (end: LiveEnd) => void;
}

/** The private exchange of the two cities: newest first, new entries from the partner live. */
export function TandemNotes({ tandem, onLiveEnded }: TandemNotesProps) {
  const { t } = useTranslation();
  const client = useClient();
  const [timeline, setTimeline] = useState<Timeline>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const [loadingMore, setLoadingMore] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  /** Entries that arrived live since the page opened, marked until the next reload. */
  const [fresh, setFresh] = useState<ReadonlySet<string>>(new Set());
  const headingRef = useRef<HTMLHeadingElement>(null);

  const fetchPage = useCallback(
    (after: string | null) =>
      client
        .query(
          TandemNotesDocument,
          { tandemId: tandem.id, first: PAGE_SIZE, after },
          { requestPolicy: 'network-only' },
        )
        .toPromise(),
    [client, tandem.id],
  );

  useEffect(() => {
    let cancelled = false;
    void fetchPage(null).then((result) => {
      if (cancelled) return;
      const connection = result.data?.tandemNotes;
      if (result.error || !connection) return setTimeline({ status: 'error' });
      // Seen now: the workspace stops counting these notes as new (best effort, nothing to show).
      void client.mutation(MarkTandemSeenDocument, { tandemId: tandem.id }).toPromise();
      setTimeline({
        status: 'done',
        notes: connection.edges.map((edge) => edge.node),
        totalCount: connection.totalCount,
        endCursor: connection.pageInfo.endCursor ?? null,
        hasNextPage: connection.pageInfo.hasNextPage,
      });
    });
    return () => {
      cancelled = true;
    };
  }, [fetchPage, attempt, client, tandem.id]);

  const loadMore = async () => {
    if (timeline.status !== 'done' || !timeline.endCursor) return;
    setLoadingMore(true);
    const result = await fetchPage(timeline.endCursor);
    setLoadingMore(false);
    const connection = result.data?.tandemNotes;
    if (result.error || !connection) return setAnnouncement(t('tandems.notes.loadMoreFailed'));
    const older = connection.edges.map((edge) => edge.node);
    setTimeline((current) =>
      current.status !== 'done'
        ? current
        : {
            ...current,
            // Entries added meanwhile shift the pages: skip what is already shown.
            notes: [
              ...current.notes,
              ...older.filter((note) => !current.notes.some((shown) => shown.id === note.id)),
            ],
            endCursor: connection.pageInfo.endCursor ?? null,
            hasNextPage: connection.pageInfo.hasNextPage,
          },
    );
    setAnnouncement(t('tandems.notes.loadedMore', { count: older.length }));
  };

  /** Adds an entry at the top, once: a live copy of one's own new entry changes nothing. */
  const insert = useCallback((note: TandemNote) => {
    setTimeline((current) => {
      if (current.status !== 'done') return current;
      if (current.notes.some((shown) => shown.id === note.id)) return current;
      return { ...current, notes: [note, ...current.notes], totalCount: current.totalCount + 1 };
    });
  }, []);

  useTandemNoteAdded(
    tandem.id,
    (note) => {
      // One's own entry is already shown (from the form's answer); only the partner's are news.
      if (note.viewerIsAuthor) return insert(note);
      insert(note);
      setFresh((current) => new Set(current).add(note.id));
      setAnnouncement(
        t('tandems.notes.liveAnnouncement', {
          kind: t(`tandems.noteKind.${note.kind}`),
          author: note.author?.displayName ?? t('tandems.notes.formerMember'),
          city: note.authorCity?.name ?? '',
        }),
      );
    },
    onLiveEnded,
  );

  // After a break in the live connection, fetch the newest page again for what came meanwhile.
  useEffect(
    () =>
      onLiveReconnected(() => {
        void fetchPage(null).then((result) => {
          const missed = result.data?.tandemNotes.edges.map((edge) => edge.node) ?? [];
          for (const note of [...missed].reverse()) insert(note);
        });
      }),
    [fetchPage, insert],
  );

  const replace = (note: TandemNote) =>
    setTimeline((current) =>
      current.status !== 'done'
        ? current
        : {
            ...current,
            notes: current.notes.map((shown) => (shown.id === note.id ? note : shown)),
          },
    );

  const remove = (id: string) => {
    setTimeline((current) =>
      current.status !== 'done'
        ? current
        : {
            ...current,
            notes: current.notes.filter((shown) => shown.id !== id),
            totalCount: current.totalCount - 1,
          },
    );
    setAnnouncement(t('tandems.notes.deleted'));
    headingRef.current?.focus();
  };

  return (
    <section
      className="tandem-notes"
      aria-labelledby="tandem-notes-heading"
      data-testid="tandem-notes"
    >
      <div className="section-head">
        <h2 id="tandem-notes-heading" ref={headingRef} tabIndex={-1}>
          {t('tandems.notes.heading')}
          {timeline.status === 'done' ? (
            <span className="muted"> ({timeline.totalCount})</span>
          ) : null}
        </h2>
      </div>
      <p className="muted">
        {t('tandems.notes.intro', {
          newCity: tandem.newCity.name,
          partner: tandem.partnerCity.name,
        })}
      </p>
      {/* One polite voice for what changes without the reader's doing: live entries, more loaded. */}
      <p className="visually-hidden" role="status" aria-live="polite" data-testid="notes-announcer">
        {announcement}
      </p>

      {tandem.status === 'ACTIVE' ? (
        <NoteForm
          tandemId={tandem.id}
          onSaved={(note) => {
            insert(note);
            setAnnouncement(t('tandems.notes.added'));
          }}
        />
      ) : (
        <p className="notice">{t('tandems.notes.onlyActive')}</p>
      )}

      {timeline.status === 'loading' ? (
        <Loading label={t('tandems.notes.loading')} />
      ) : timeline.status === 'error' ? (
        <ErrorState
          onRetry={() => {
            setTimeline({ status: 'loading' });
            setAttempt((n) => n + 1);
          }}
        />
      ) : timeline.notes.length === 0 ? (
        <p className="empty" data-testid="notes-empty">
          {tandem.status === 'ACTIVE' ? t('tandems.notes.empty') : t('tandems.notes.emptyClosed')}
        </p>
      ) : (
        <>
          <ol className="timeline" data-testid="timeline">
            {timeline.notes.map((note) => (
              <NoteItem
                key={note.id}
                note={note}
                fresh={fresh.has(note.id)}
                onUpdated={(updated) => {
                  replace(updated);
                  setAnnouncement(t('tandems.notes.updated'));
                }}
                onDeleted={() => remove(note.id)}
              />
            ))}
          </ol>
          {timeline.hasNextPage ? (
            <p className="load-more">
              <button
                type="button"
                className="button button--secondary"
                disabled={loadingMore}
                onClick={() => void loadMore()}
              >
                {t('tandems.notes.loadMore', {
                  shown: timeline.notes.length,
                  total: timeline.totalCount,
                })}
              </button>
            </p>
          ) : null}
        </>
      )}
    </section>
  );
}
