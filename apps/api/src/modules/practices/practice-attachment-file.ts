import {
  JPEG,
  PNG,
  WEBP,
  checkUploadedFile,
  type FileTypeRule,
  type UploadedFile,
} from '../../core/files/uploaded-file';
import { PracticeException } from './practice.exception';

export { safeFileName, type UploadedFile } from '../../core/files/uploaded-file';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_PRACTICE = 20;

const ZIP: FileTypeRule['signature'] = [{ bytes: [0x50, 0x4b, 0x03, 0x04] }];

/**
 * Allowed types by extension. Checked against the file's bytes too, not only the name the
 * browser sent: every signature listed for a type must match.
 */
export const ATTACHMENT_TYPES: Record<string, FileTypeRule> = {
  'application/pdf': { extensions: ['pdf'], signature: [{ bytes: [0x25, 0x50, 0x44, 0x46] }] },
  'image/png': PNG,
  'image/jpeg': JPEG,
  'image/webp': WEBP,
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': {
    extensions: ['docx'],
    signature: ZIP,
  },
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': {
    extensions: ['xlsx'],
    signature: ZIP,
  },
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': {
    extensions: ['pptx'],
    signature: ZIP,
  },
  'application/vnd.oasis.opendocument.text': { extensions: ['odt'], signature: ZIP },
  'application/vnd.oasis.opendocument.spreadsheet': { extensions: ['ods'], signature: ZIP },
  'application/vnd.oasis.opendocument.presentation': { extensions: ['odp'], signature: ZIP },
};

/** The content type the file is stored and served with; a typed error when it may not be attached. */
export function attachmentContentType(file: UploadedFile): string {
  const check = checkUploadedFile(file, ATTACHMENT_TYPES, ATTACHMENT_MAX_BYTES);
  if (check.ok) return check.contentType;
  switch (check.problem) {
    case 'EMPTY':
      throw PracticeException.invalid('file', 'the file is empty');
    case 'TOO_LARGE':
      throw PracticeException.fileTooLarge(ATTACHMENT_MAX_BYTES);
    case 'TYPE_NOT_ALLOWED':
      throw PracticeException.fileTypeNotAllowed(file.mimeType || fileExtension(file));
  }
}

function fileExtension(file: UploadedFile): string {
  return file.originalName.split('.').pop()?.toLowerCase() ?? '';
}
