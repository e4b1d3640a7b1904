import { useId, useState, type FormEvent } from 'react';
import { useMutation } from 'urql';
import { useTranslation } from 'react-i18next';
import {
  RemoveSignLanguageVideoDocument,
  UpdateSignLanguageVideoCaptionDocument,
} from '../../generated/graphql';
import { currentLanguage } from '../../i18n';
import { apiErrorReasons, type ApiErrorLike } from '../../ui/api-errors';
import { formatVideoSize } from './sign-language-format';
import { ACCEPTED_VIDEOS, uploadSignLanguageVideo } from './upload-sign-language-video';

interface Props {
  video: { id: string; caption: string } | null;
  maxBytes: number;
  onChanged: () => void;
}

const KNOWN = ['FILE_TOO_LARGE', 'FILE_TYPE_NOT_ALLOWED', 'DURATION_UNREADABLE'] as const;

/** Organizers upload, replace, re-caption or remove the video (the API audits each change). */
export function SignLanguageVideoManager({ video, maxBytes, onChanged }: Props) {
  const { t } = useTranslation();
  const id = useId();
  const max = formatVideoSize(maxBytes, currentLanguage());
  const [file, setFile] = useState<File | null>(null);
  const [caption, setCaption] = useState(video?.caption ?? '');
  const [busy, setBusy] = useState(false);
  // A new key empties the file input after an upload (its value cannot be set).
  const [inputKey, setInputKey] = useState(0);
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [, updateCaption] = useMutation(UpdateSignLanguageVideoCaptionDocument);
  const [, removeVideo] = useMutation(RemoveSignLanguageVideoDocument);

  const explain = (error: ApiErrorLike | undefined) => {
    const reason = apiErrorReasons(error).find((r) => (KNOWN as readonly string[]).includes(r));
    return reason
      ? t(`signLanguage.errors.${reason as (typeof KNOWN)[number]}`, { max })
      : t('signLanguage.errors.failed', {
          message: error?.networkError?.message ?? apiErrorReasons(error).join(', '),
        });
  };

  const finish = (message: string | null, error?: string) => {
    setBusy(false);
    setProblem(error ?? null);
    setDone(message);
    if (message) onChanged();
  };

  const onUpload = async (event: FormEvent) => {
    event.preventDefault();
    if (!caption.trim()) return finish(null, t('signLanguage.errors.captionMissing'));
    if (!file) {
      if (!video) return finish(null, t('signLanguage.errors.fileMissing'));
      setBusy(true);
      const result = await updateCaption({ id: video.id, caption });
      return result.error
        ? finish(null, explain(result.error))
        : finish(t('signLanguage.captionSaved'));
    }
    setBusy(true);
    setDone(null);
    const result = await uploadSignLanguageVideo(file, caption);
    if (result.ok) {
      setFile(null);
      setInputKey((key) => key + 1);
    }
    return result.ok ? finish(t('signLanguage.uploaded')) : finish(null, explain(result.error));
  };

  const onRemove = async () => {
    if (!video || !window.confirm(t('signLanguage.removeConfirm'))) return;
    setBusy(true);
    const result = await removeVideo({ id: video.id });
    return result.error ? finish(null, explain(result.error)) : finish(t('signLanguage.removed'));
  };

  return (
    <section aria-labelledby={`${id}-heading`} data-testid="sign-language-manager">
      <h2 id={`${id}-heading`}>{t('signLanguage.manageHeading')}</h2>
      <p>{t('signLanguage.manageIntro', { max })}</p>
      <form onSubmit={onUpload} noValidate>
        <label htmlFor={`${id}-file`}>{t('signLanguage.file')}</label>
        <input
          key={inputKey}
          id={`${id}-file`}
          type="file"
          accept={ACCEPTED_VIDEOS}
          onChange={(event) => setFile(event.target.files?.[0] ?? null)}
          aria-describedby={problem ? `${id}-problem` : undefined}
        />
        <label htmlFor={`${id}-caption`}>{t('signLanguage.caption')}</label>
        <textarea
          id={`${id}-caption`}
          rows={3}
          maxLength={2000}
          value={caption}
          onChange={(event) => setCaption(event.target.value)}
          aria-describedby={`${id}-caption-hint`}
        />
        <p id={`${id}-caption-hint`} className="field__hint">
          {t('signLanguage.captionHint')}
        </p>
        <div role="alert" id={`${id}-problem`}>
          {problem ? <p className="notice notice--error">{problem}</p> : null}
        </div>
        <div role="status">{done ? <p>{done}</p> : null}</div>
        <p>
          <button type="submit" className="button" disabled={busy}>
            {busy
              ? t('signLanguage.uploading')
              : file || !video
                ? video
                  ? t('signLanguage.replace')
                  : t('signLanguage.upload')
                : t('signLanguage.saveCaption')}
          </button>{' '}
          {video ? (
            <button
              type="button"
              className="button button--secondary"
              onClick={onRemove}
              disabled={busy}
            >
              {t('signLanguage.remove')}
            </button>
          ) : null}
        </p>
      </form>
    </section>
  );
}
