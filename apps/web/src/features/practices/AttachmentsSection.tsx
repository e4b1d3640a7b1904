import { useId, useRef, useState } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  RemovePracticeAttachmentDocument,
  type PracticeDetailFragment,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { apiProblems, type ErrorText } from '../../ui/api-errors';
import { fileKind, formatFileSize } from './practice-format';
import { ACCEPTED_FILES, uploadAttachment, type UploadedAttachment } from './upload';
import './practice-editor.css';

type UploadState =
  | { status: 'idle' }
  | { status: 'uploading'; name: string; percent: number }
  | { status: 'done'; name: string }
  | { status: 'failed'; name: string; texts: ErrorText[] };

/** Files of a saved practice: upload with progress, download, remove. */
export function AttachmentsSection({ practice }: { practice: PracticeDetailFragment | null }) {
  const { t } = useTranslation();
  const language = currentLanguage();
  const inputId = useId();
  const hintId = useId();
  const fileRef = useRef<HTMLInputElement>(null);
  const [, removeAttachment] = useMutation(RemovePracticeAttachmentDocument);
  const [attachments, setAttachments] = useState<UploadedAttachment[]>(practice?.attachments ?? []);
  const [upload, setUpload] = useState<UploadState>({ status: 'idle' });
  const [removed, setRemoved] = useState('');

  if (!practice) {
    return (
      <section className="card" aria-labelledby="editor-attachments">
        <h2 id="editor-attachments">{t('editor.attachments')}</h2>
        <p className="muted">{t('editor.attachmentsAfterSave')}</p>
      </section>
    );
  }

  const start = async () => {
    const file = fileRef.current?.files?.[0];
    if (!file) return;
    setRemoved('');
    setUpload({ status: 'uploading', name: file.name, percent: 0 });
    const result = await uploadAttachment(practice.id, file, (percent) =>
      setUpload({ status: 'uploading', name: file.name, percent }),
    );
    if (result.ok) {
      setAttachments((list) => [...list, result.attachment]);
      setUpload({ status: 'done', name: result.attachment.fileName });
      if (fileRef.current) fileRef.current.value = '';
    } else {
      setUpload({
        status: 'failed',
        name: file.name,
        texts: apiProblems(result.error).map((problem) => problem.text),
      });
    }
  };

  const remove = async (attachment: UploadedAttachment) => {
    const answer = await removeAttachment({ id: attachment.id });
    if (answer.error) {
      setUpload({
        status: 'failed',
        name: attachment.fileName,
        texts: apiProblems(answer.error).map((problem) => problem.text),
      });
      return;
    }
    setAttachments((list) => list.filter((item) => item.id !== attachment.id));
    setRemoved(t('editor.attachmentRemoved', { name: attachment.fileName }));
  };

  return (
    <section className="card" aria-labelledby="editor-attachments" data-testid="attachments">
      <h2 id="editor-attachments">{t('editor.attachments')}</h2>
      {attachments.length === 0 ? (
        <p className="empty">{t('editor.noAttachments')}</p>
      ) : (
        <ul className="attachment-list" data-testid="attachment-list">
          {attachments.map((attachment) => (
            <li key={attachment.id} className="attachment">
              <span>
                <a href={attachment.url} download={attachment.fileName}>
                  {attachment.fileName}
                </a>{' '}
                <span className="muted">
                  (
                  {t('practice.attachmentMeta', {
                    type: fileKind(attachment.contentType, attachment.fileName),
                    size: formatFileSize(attachment.sizeBytes, language, t),
                  })}
                  )
                </span>
              </span>
              <button
                type="button"
                className="button button--secondary button--small"
                onClick={() => void remove(attachment)}
              >
                {t('editor.removeAttachment')}
                <span className="visually-hidden">
                  {' '}
                  {t('editor.removeAttachmentWhich', { name: attachment.fileName })}
                </span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="field">
        <label htmlFor={inputId}>{t('editor.chooseFile')}</label>
        <p id={hintId} className="field__hint">
          {t('editor.attachmentsHint')}
        </p>
        <div className="upload-row">
          <input
            id={inputId}
            ref={fileRef}
            type="file"
            accept={ACCEPTED_FILES}
            aria-describedby={hintId}
            data-testid="attachment-input"
          />
          <button
            type="button"
            className="button button--secondary"
            disabled={upload.status === 'uploading'}
            onClick={() => void start()}
          >
            {t('editor.upload')}
          </button>
        </div>
      </div>
      <div role="status" className="upload-status" data-testid="upload-status">
        {upload.status === 'uploading' ? (
          <>
            <progress max={100} value={upload.percent} aria-hidden="true" />{' '}
            {t('editor.uploading', { name: upload.name, percent: upload.percent })}
          </>
        ) : upload.status === 'done' ? (
          <p className="notice notice--success">{t('editor.uploaded', { name: upload.name })}</p>
        ) : removed ? (
          <p className="notice notice--success">{removed}</p>
        ) : null}
      </div>
      {upload.status === 'failed' ? (
        <div className="notice notice--error" role="alert" data-testid="upload-error">
          <p>{t('editor.uploadFailed', { name: upload.name })}</p>
          <ul>
            {upload.texts.map((text, index) => (
              <li key={index}>{t(text.key, text.values)}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
