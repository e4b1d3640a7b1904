import { PracticeException } from './practice.exception';

export const ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024;
export const ATTACHMENTS_PER_PRACTICE = 20;

/** Bytes a file of the type starts with (at `offset`, 0 unless given). */
interface Signature {
  offset?: number;
  bytes: number[];
}

const ZIP: Signature[] = [{ bytes: [0x50, 0x4b, 0x03, 0x04] }];

/**
 * Allowed types by extension. Checked against the file's bytes too, not only the name the
 * browser sent: every signature listed for a type must match.
 */
export const ATTACHMENT_TYPES: Record<string, { extensions: string[]; signature: Signature[] }> = {
  'application/pdf': { extensions: ['pdf'], signature: [{ bytes: [0x25, 0x50, 0x44, 0x46] }] },
  'image/png': { extensions: ['png'], signature: [{ bytes: [0x89, 0x50, 0x4e, 0x47] }] },
  'image/jpeg': { extensions: ['jpg', 'jpeg'], signature: [{ bytes: [0xff, 0xd8, 0xff] }] },
  'image/webp': {
    extensions: ['webp'],
    // "RIFF" starts WAV sound and AVI video too; "WEBP" at byte 8 names the image form.
    signature: [
      { bytes: [0x52, 0x49, 0x46, 0x46] },
      { offset: 8, bytes: [0x57, 0x45, 0x42, 0x50] },
    ],
  },
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

export interface UploadedFile {
  originalName: string;
  mimeType: string;
  buffer: Buffer;
}

/** The content type the file is stored and served with; a typed error when it may not be attached. */
export function attachmentContentType(file: UploadedFile): string {
  if (file.buffer.length === 0) throw PracticeException.invalid('file', 'the file is empty');
  if (file.buffer.length > ATTACHMENT_MAX_BYTES)
    throw PracticeException.fileTooLarge(ATTACHMENT_MAX_BYTES);
  const extension = file.originalName.split('.').pop()?.toLowerCase() ?? '';
  const type = Object.entries(ATTACHMENT_TYPES).find(([, rule]) =>
    rule.extensions.includes(extension),
  );
  if (!type) throw PracticeException.fileTypeNotAllowed(file.mimeType || extension);
  const [contentType, rule] = type;
  const matches = rule.signature.every(({ offset = 0, bytes }) =>
    bytes.every((byte, index) => file.buffer[offset + index] === byte),
  );
  if (!matches) throw PracticeException.fileTypeNotAllowed(file.mimeType || extension);
  return contentType;
}

/** The name shown and sent on download: no path, no control characters, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'datei';
  // Keep letters (also umlauts), digits and a few separators; drop control characters.
  const cleaned = base.replace(/[^\p{L}\p{N}._ ()-]+/gu, '_').slice(-200);
  return cleaned || 'datei';
}
