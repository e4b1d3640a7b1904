import { AppException } from '../../core/errors/app.exception';
import {
  ATTACHMENT_MAX_BYTES,
  attachmentContentType,
  safeFileName,
  type UploadedFile,
} from './practice-attachment-file';

const file = (originalName: string, bytes: number[] | Buffer, mimeType = ''): UploadedFile => ({
  originalName,
  mimeType,
  buffer: Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes),
});
const ascii = (text: string) => [...Buffer.from(text, 'latin1')];
const PDF = ascii('%PDF-1.4\n');
const PNG = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG = [0xff, 0xd8, 0xff, 0xe0];
const ZIP = [0x50, 0x4b, 0x03, 0x04, 0x14, 0x00];
/** RIFF, chunk size, then the form type: WEBP for images, WAVE or AVI for sound and video. */
const riff = (form: string) => [...ascii('RIFF'), 0x24, 0x00, 0x00, 0x00, ...ascii(form)];

function refusal(upload: UploadedFile): Record<string, unknown> | undefined {
  try {
    attachmentContentType(upload);
    return undefined;
  } catch (error) {
    if (!(error instanceof AppException)) throw error;
    return { code: error.code, reason: error.reason, field: error.field };
  }
}

describe('attachment files', () => {
  it.each([
    ['bericht.pdf', PDF, 'application/pdf'],
    ['Plakat.PNG', PNG, 'image/png'],
    ['foto.jpeg', JPEG, 'image/jpeg'],
    ['foto.jpg', JPEG, 'image/jpeg'],
    ['bild.webp', riff('WEBPVP8 '), 'image/webp'],
    [
      'protokoll.docx',
      ZIP,
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    ['zahlen.ods', ZIP, 'application/vnd.oasis.opendocument.spreadsheet'],
  ])('accepts %s as %s', (name, bytes, type) => {
    expect(attachmentContentType(file(name, bytes))).toBe(type);
  });

  it.each([
    // The name decides the type; the bytes must agree with it.
    ['a PDF name on a PNG', file('bericht.pdf', PNG)],
    ['a script named like a document', file('notizen.docx', ascii('#!/bin/sh\nrm -rf /'))],
    // Any RIFF container starts like WebP: the form type at byte 8 tells them apart.
    ['a WAV sound named .webp', file('ton.webp', riff('WAVEfmt '))],
    ['an AVI video named .webp', file('film.webp', riff('AVI LIST'))],
    ['RIFF and nothing else named .webp', file('kurz.webp', ascii('RIFF'))],
    ['an HTML page', file('seite.html', ascii('<html><script>'), 'text/html')],
    ['no extension at all', file('README', PDF)],
  ])('refuses %s as a type that may not be attached', (_name, upload) => {
    expect(refusal(upload)).toEqual({
      code: 'BAD_USER_INPUT',
      reason: 'FILE_TYPE_NOT_ALLOWED',
      field: 'file',
    });
  });

  it('refuses an empty file and one over the limit, on the field "file"', () => {
    expect(refusal(file('leer.pdf', []))).toMatchObject({ reason: 'INVALID_FIELD', field: 'file' });
    const large = Buffer.alloc(ATTACHMENT_MAX_BYTES + 1);
    Buffer.from(PDF).copy(large);
    expect(refusal(file('gross.pdf', large))).toMatchObject({
      reason: 'FILE_TOO_LARGE',
      field: 'file',
    });
    const limit = Buffer.alloc(ATTACHMENT_MAX_BYTES);
    Buffer.from(PDF).copy(limit);
    expect(attachmentContentType(file('genau.pdf', limit))).toBe('application/pdf');
  });

  it.each([
    ['../../etc/passwd.pdf', 'passwd.pdf'],
    ['C:\\Users\\anna\\Bericht 2024.pdf', 'Bericht 2024.pdf'],
    ['Übersicht (März).pdf', 'Übersicht (März).pdf'],
    ['bad\u0000name\r\n.pdf', 'bad_name_.pdf'],
    ['"quoted";.pdf', '_quoted_.pdf'],
    ['ordner/', 'datei'],
    [`${'a'.repeat(300)}.pdf`, `${'a'.repeat(196)}.pdf`],
  ])('names %j %j on download', (name, expected) => {
    expect(safeFileName(name)).toBe(expected);
  });
});
