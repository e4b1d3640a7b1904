import type { ApiErrorLike } from '../../ui/api-errors';

export interface UploadedAttachment {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  url: string;
}

export type UploadResult =
  { ok: true; attachment: UploadedAttachment } | { ok: false; error: ApiErrorLike };

/** What the file picker offers; the API checks the content again. */
export const ACCEPTED_FILES = [
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.webp',
  '.docx',
  '.xlsx',
  '.pptx',
  '.odt',
  '.ods',
  '.odp',
].join(',');

type GraphQLErrors = ApiErrorLike['graphQLErrors'];

function errorsOf(body: unknown): GraphQLErrors | null {
  if (typeof body !== 'object' || body === null) return null;
  const errors = (body as { errors?: unknown }).errors;
  return Array.isArray(errors) ? (errors as GraphQLErrors) : null;
}

/**
 * Uploads with XMLHttpRequest rather than fetch: only XHR reports upload progress.
 * Errors come in the same `{ errors: [{ extensions }] }` shape as GraphQL, so the one
 * error helper turns them into texts.
 */
export function uploadAttachment(
  practiceId: string,
  file: File,
  onProgress: (percent: number) => void,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', `/api/practices/${encodeURIComponent(practiceId)}/attachments`);
    request.withCredentials = true;
    // Besides the browser's Origin: the API's CSRF check accepts a request without Origin
    // and Referer (stripped by some proxies and privacy tools) only with a header that
    // a cross-site form cannot send (core/auth/csrf.guard.ts).
    request.setRequestHeader('apollo-require-preflight', 'true');
    request.responseType = 'json';
    request.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(Math.round((event.loaded / event.total) * 100));
    };
    request.onerror = () =>
      resolve({
        ok: false,
        error: { graphQLErrors: [], networkError: new Error('upload failed') },
      });
    request.onload = () => {
      const body: unknown = request.response;
      if (request.status === 201 && typeof body === 'object' && body !== null) {
        resolve({ ok: true, attachment: body as UploadedAttachment });
        return;
      }
      const errors = errorsOf(body);
      if (errors && errors.length > 0) {
        resolve({ ok: false, error: { graphQLErrors: errors } });
        return;
      }
      // A proxy in front may cut a large upload off with a bare 413.
      const reason = request.status === 413 ? 'FILE_TOO_LARGE' : undefined;
      resolve({
        ok: false,
        error: {
          graphQLErrors: reason ? [{ extensions: { code: 'BAD_USER_INPUT', reason } }] : [],
          networkError: reason ? undefined : new Error(`HTTP ${request.status}`),
        },
      });
    };
    const data = new FormData();
    data.append('file', file);
    request.send(data);
  });
}
