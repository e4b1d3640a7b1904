/**
 * What every upload of the platform shares (practice attachments, city logos): the
 * file as received, and the check that its name's extension names an allowed type
 * whose bytes the file really starts with. Each feature lists its own types and limit
 * and turns a problem into its own typed error.
 */
export interface UploadedFile {
  originalName: string;
  mimeType: string;
  buffer: Buffer;
}

/** Bytes a file of the type starts with (at `offset`, 0 unless given). */
export interface Signature {
  offset?: number;
  bytes: number[];
}

export interface FileTypeRule {
  extensions: string[];
  /** Every signature listed must match. */
  signature: Signature[];
}

export const PNG: FileTypeRule = {
  extensions: ['png'],
  signature: [{ bytes: [0x89, 0x50, 0x4e, 0x47] }],
};
export const JPEG: FileTypeRule = {
  extensions: ['jpg', 'jpeg'],
  signature: [{ bytes: [0xff, 0xd8, 0xff] }],
};
export const WEBP: FileTypeRule = {
  extensions: ['webp'],
  // "RIFF" starts WAV sound and AVI video too; "WEBP" at byte 8 names the image form.
  signature: [{ bytes: [0x52, 0x49, 0x46, 0x46] }, { offset: 8, bytes: [0x57, 0x45, 0x42, 0x50] }],
};

export type FileCheck =
  | { ok: true; contentType: string }
  | { ok: false; problem: 'EMPTY' | 'TOO_LARGE' | 'TYPE_NOT_ALLOWED' };

/** The content type the file is stored and served with, or why it is refused. */
export function checkUploadedFile(
  file: UploadedFile,
  types: Record<string, FileTypeRule>,
  maxBytes: number,
): FileCheck {
  if (file.buffer.length === 0) return { ok: false, problem: 'EMPTY' };
  if (file.buffer.length > maxBytes) return { ok: false, problem: 'TOO_LARGE' };
  const extension = file.originalName.split('.').pop()?.toLowerCase() ?? '';
  const type = Object.entries(types).find(([, rule]) => rule.extensions.includes(extension));
  if (!type) return { ok: false, problem: 'TYPE_NOT_ALLOWED' };
  const [contentType, rule] = type;
  const matches = rule.signature.every(({ offset = 0, bytes }) =>
    bytes.every((byte, index) => file.buffer[offset + index] === byte),
  );
  return matches ? { ok: true, contentType } : { ok: false, problem: 'TYPE_NOT_ALLOWED' };
}

/** The name shown and sent on download: no path, no control characters, at most 200 characters. */
export function safeFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? 'datei';
  // Keep letters (also umlauts), digits and a few separators; drop control characters.
  const cleaned = base.replace(/[^\p{L}\p{N}._ ()-]+/gu, '_').slice(-200);
  return cleaned || 'datei';
}
