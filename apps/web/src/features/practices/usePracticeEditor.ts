import { useEffect, useMemo, useRef, useState } from 'react';
import { useBlocker, useLocation, useNavigate } from 'react-router';
import { useClient, useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  CreatePracticeDocument,
  PracticeDocument,
  PublishPracticeDocument,
  UpdatePracticeDocument,
  type PracticeDetailFragment,
} from '../../generated/graphql';
import { apiErrorReasons } from '../../ui/api-errors';
import { useFormErrors } from '../../ui/FormErrors';
import {
  emptyForm,
  formFromPractice,
  practiceInput,
  sameContent,
  TEXT_FIELDS,
  type PracticeFormValues,
} from './practice-form';

/** Changes one field of the form. */
export type SetPracticeField = <K extends keyof PracticeFormValues>(
  key: K,
  value: PracticeFormValues[K],
) => void;

/** The revision someone else saved in between: the save based on an older one was refused. */
export interface PracticeConflict {
  current: number;
}

interface EditorTarget {
  city: { slug: string; name: string };
  /** null: a new draft. */
  practice: PracticeDetailFragment | null;
}

/**
 * The editor's state and what it does, apart from how it looks: the values and the saved
 * baseline they are compared with, saving (and publishing) with the revision it started
 * from, the conflict when that revision is no longer the newest, and the question before
 * leaving with unsaved changes.
 */
export function usePracticeEditor({ city, practice }: EditorTarget) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const client = useClient();
  const [, create] = useMutation(CreatePracticeDocument);
  const [, update] = useMutation(UpdatePracticeDocument);
  const [, publish] = useMutation(PublishPracticeDocument);

  const [values, setValues] = useState<PracticeFormValues>(() =>
    practice ? formFromPractice(practice) : emptyForm(),
  );
  const [baseline, setBaseline] = useState<PracticeFormValues>(values);
  const [revision, setRevision] = useState(practice?.revision ?? 0);
  const [status, setStatus] = useState(practice?.status ?? 'DRAFT');
  const [saving, setSaving] = useState(false);
  const [notice, setNotice] = useState<string>(
    (location.state as { notice?: string } | null)?.notice ?? '',
  );
  const [conflict, setConflict] = useState<PracticeConflict | null>(null);
  const [mine, setMine] = useState<PracticeFormValues | null>(null);

  const fields = useMemo(
    () => [
      ...TEXT_FIELDS,
      'topicSlugs' as const,
      'visibility' as const,
      'links' as const,
      ...values.links.flatMap((_, index) => [`links.${index}.label`, `links.${index}.url`]),
    ],
    [values.links],
  );
  const form = useFormErrors<string>(fields);
  const dirty = !sameContent(values, baseline);

  // Leaving with unsaved text asks first: inside the app through the router,
  // closing or reloading the tab through the browser's own question.
  const allowLeave = useRef(false);
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && !allowLeave.current && currentLocation.pathname !== nextLocation.pathname,
  );
  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const set: SetPracticeField = (key, value) =>
    setValues((current) => ({ ...current, [key]: value }));

  /** Saves (and publishes when asked); `overwrite` saves on purpose over that newer revision. */
  const save = async (andPublish: boolean, overwrite?: number) => {
    setNotice('');
    const missing: Array<{
      field: string;
      key: 'errors.REQUIRED_TITLE' | 'errors.REQUIRED_SUMMARY';
    }> = [];
    if (!values.title.trim()) missing.push({ field: 'title', key: 'errors.REQUIRED_TITLE' });
    if (!values.summary.trim()) missing.push({ field: 'summary', key: 'errors.REQUIRED_SUMMARY' });
    if (missing.length > 0) return form.showErrors(missing);

    setSaving(true);
    const input = practiceInput(values);
    const answer = practice
      ? await update({
          input: { ...input, id: practice.id, expectedRevision: overwrite ?? revision },
        })
      : await create({ input: { ...input, citySlug: city.slug } });
    if (answer.error || !answer.data) {
      setSaving(false);
      if (answer.error && apiErrorReasons(answer.error).includes('STALE_REVISION')) {
        const extensions = answer.error.graphQLErrors.find(
          (error) => error.extensions?.reason === 'STALE_REVISION',
        )?.extensions as { params?: { current?: number } } | undefined;
        form.clear();
        setConflict({ current: Number(extensions?.params?.current ?? revision + 1) });
        return;
      }
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    const saved: PracticeDetailFragment =
      'createPractice' in answer.data ? answer.data.createPractice : answer.data.updatePractice;
    let finalStatus = saved.status;
    if (andPublish && saved.status === 'DRAFT') {
      const published = await publish({ id: saved.id });
      if (published.error) {
        setSaving(false);
        form.showApiError(published.error);
      } else {
        finalStatus = 'PUBLISHED';
      }
    }
    setSaving(false);
    form.clear();
    setConflict(null);
    // What was sent is saved now; anything typed while saving still counts as unsaved.
    setBaseline(values);
    setRevision(saved.revision);
    setStatus(finalStatus);

    if (andPublish && finalStatus === 'PUBLISHED') {
      allowLeave.current = true;
      navigate(`/praxis/${saved.id}`, { state: { notice: t('editor.publishedNow') } });
      return;
    }
    if (!practice) {
      // The new draft has an address now; attachments need it.
      allowLeave.current = true;
      navigate(`/praxis/${saved.id}/bearbeiten`, {
        replace: true,
        state: { notice: t('editor.created') },
      });
      return;
    }
    setNotice(t('editor.saved', { revision: saved.revision }));
  };

  /** After a conflict: the saved version into the form, what was typed kept aside to copy from. */
  const reloadAfterConflict = async () => {
    if (!practice) return;
    const answer = await client
      .query(PracticeDocument, { id: practice.id }, { requestPolicy: 'network-only' })
      .toPromise();
    const latest = answer.data?.practice;
    if (!latest) {
      if (answer.error) form.showApiError(answer.error);
      return;
    }
    setMine(values);
    const next = formFromPractice(latest);
    setValues(next);
    setBaseline(next);
    setRevision(latest.revision);
    setStatus(latest.status);
    setConflict(null);
  };

  return {
    values,
    set,
    form,
    status,
    saving,
    notice,
    conflict,
    mine,
    dismissMine: () => setMine(null),
    save,
    reloadAfterConflict,
    blocker,
  };
}
