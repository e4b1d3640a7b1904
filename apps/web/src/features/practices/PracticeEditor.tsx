import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { PracticeDetailFragment } from '../../generated/graphql';
import { ConfirmDialog } from '../../ui/ConfirmDialog';
import { ConflictNotice } from '../../ui/ConflictNotice';
import { ErrorSummary, SuccessMessage } from '../../ui/FormErrors';
import { MineAfterReload } from './MineAfterReload';
import { AttachmentsSection } from './AttachmentsSection';
import {
  BasicsSection,
  DetailsSection,
  LinksSection,
  MoreSection,
  TopicsSection,
} from './PracticeEditorSections';
import { usePracticeEditor } from './usePracticeEditor';
import './practice-editor.css';

interface EditorProps {
  city: { slug: string; name: string };
  coordinator: boolean;
  /** null: a new draft. */
  practice: PracticeDetailFragment | null;
}

/** The practice editor: its sections, the conflict notice, the save and publish buttons. */
export function PracticeEditor({ city, coordinator, practice }: EditorProps) {
  const { t } = useTranslation();
  const editor = usePracticeEditor({ city, practice });
  const { values, set, form, status, saving, notice, conflict, mine, save, blocker } = editor;

  const heading = practice ? t('editor.editHeading') : t('editor.newHeading');
  const canPublish = coordinator && status === 'DRAFT';

  return (
    <div className="page editor" data-testid="practice-editor">
      <p className="breadcrumb">
        <Link to={`/${city.slug}`}>{city.name}</Link>
        {practice ? (
          <>
            {' › '}
            <Link to={`/praxis/${practice.id}`}>{practice.title}</Link>
          </>
        ) : null}
      </p>
      <h1>
        {heading}
        {practice ? null : (
          <span className="editor__for"> {t('editor.newFor', { city: city.name })}</span>
        )}
      </h1>
      <p className="lead">{t('editor.intro')}</p>

      {conflict ? (
        <ConflictNotice
          key={conflict.current}
          level={2}
          title={t('editor.staleTitle')}
          text={t('editor.staleText', { current: conflict.current })}
          reloadLabel={t('editor.staleReload')}
          onReload={() => void editor.reloadAfterConflict()}
          overwriteLabel={t('editor.staleOverwrite')}
          onOverwrite={() => void save(false, conflict.current)}
          testId="stale-conflict"
        />
      ) : null}
      {mine ? (
        <MineAfterReload mine={mine} current={values} onDismiss={editor.dismissMine} />
      ) : null}

      <form
        className="form editor__form"
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          void save(false);
        }}
      >
        <ErrorSummary form={form} />
        <BasicsSection form={form} values={values} set={set} />
        <TopicsSection form={form} values={values} set={set} />
        <DetailsSection form={form} values={values} set={set} />
        <MoreSection form={form} values={values} set={set} />
        <LinksSection form={form} values={values} set={set} />
        <AttachmentsSection practice={practice} />

        <div className="form__actions editor__actions">
          <button type="submit" className="button" disabled={saving}>
            {saving
              ? t('editor.saving')
              : status === 'DRAFT'
                ? t('editor.saveDraft')
                : t('editor.saveChanges')}
          </button>
          {canPublish ? (
            <button
              type="button"
              className="button button--secondary"
              disabled={saving}
              onClick={() => void save(true)}
            >
              {t('editor.saveAndPublish')}
            </button>
          ) : null}
          <Link to={practice ? `/praxis/${practice.id}` : `/${city.slug}`}>
            {practice ? t('editor.toPractice') : t('editor.cancel')}
          </Link>
        </div>
        {notice ? <SuccessMessage>{notice}</SuccessMessage> : null}
      </form>

      {blocker.state === 'blocked' ? (
        <ConfirmDialog
          title={t('editor.leaveTitle')}
          confirmLabel={t('editor.leave')}
          onConfirm={() => blocker.proceed()}
          onCancel={() => blocker.reset()}
        >
          <p>{t('editor.leaveText')}</p>
        </ConfirmDialog>
      ) : null}
    </div>
  );
}
