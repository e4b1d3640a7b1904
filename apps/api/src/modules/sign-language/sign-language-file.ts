import {
  checkUploadedFile,
  type FileTypeRule,
  type UploadedFile,
} from '../../core/files/uploaded-file';
import { SignLanguageException } from './sign-language.exception';
import { videoDurationSeconds } from './video-duration';

/** ISO base media: a box of type "ftyp" first (its size comes before, at byte 0). */
export const MP4: FileTypeRule = {
  extensions: ['mp4', 'm4v'],
  signature: [{ offset: 4, bytes: [0x66, 0x74, 0x79, 0x70] }],
};
/** EBML header; that it is WebM (not any Matroska) the duration parser checks by its DocType. */
export const WEBM: FileTypeRule = {
  extensions: ['webm'],
  signature: [{ bytes: [0x1a, 0x45, 0xdf, 0xa3] }],
};
export const VIDEO_TYPES = { 'video/mp4': MP4, 'video/webm': WEBM };

export const CAPTION_MAX = 2000;

export interface CheckedVideo {
  contentType: string;
  durationSeconds: number;
}

/** The type (by its bytes) and length (read from the file) of an upload; a typed error otherwise. */
export function checkVideo(file: UploadedFile, maxBytes: number): CheckedVideo {
  const check = checkUploadedFile(file, VIDEO_TYPES, maxBytes);
  if (!check.ok)
    switch (check.problem) {
      case 'EMPTY':
        throw SignLanguageException.invalid('file', 'the file is empty');
      case 'TOO_LARGE':
        throw SignLanguageException.fileTooLarge(maxBytes);
      case 'TYPE_NOT_ALLOWED':
        throw SignLanguageException.fileTypeNotAllowed(
          file.mimeType || (file.originalName.split('.').pop() ?? ''),
        );
    }
  const durationSeconds = videoDurationSeconds(file.buffer);
  if (durationSeconds === null) throw SignLanguageException.durationUnreadable();
  return { contentType: check.contentType, durationSeconds };
}

/** The caption shown with the video: trimmed, required, at most CAPTION_MAX characters. */
export function cleanCaption(value: unknown): string {
  const caption = typeof value === 'string' ? value.trim() : '';
  if (!caption) throw SignLanguageException.invalid('caption', 'describe what the video shows');
  if (caption.length > CAPTION_MAX)
    throw SignLanguageException.invalid('caption', 'caption is too long', { max: CAPTION_MAX });
  return caption;
}
