import type { ApiErrorLike } from '../../ui/api-errors';

/** What the file picker offers; the API checks the bytes and reads the length again. */
export const ACCEPTED_VIDEOS = '.mp4,.m4v,.webm,video/mp4,video/webm';

export type VideoUploadResult = { ok: true } | { ok: false; error: ApiErrorLike };

/** Uploads (or replaces) the sign-language video; errors come in the GraphQL `{ errors }` shape. */
export async function uploadSignLanguageVideo(
  file: File,
  caption: string,
): Promise<VideoUploadResult> {
  const data = new FormData();
  data.append('caption', caption);
  data.append('file', file);
  try {
    const response = await fetch('/api/sign-language-video', {
      method: 'POST',
      body: data,
      credentials: 'same-origin',
      // Accepted by the CSRF check even where a proxy strips Origin (core/auth/csrf.guard.ts).
      headers: { 'apollo-require-preflight': 'true' },
    });
    if (response.status === 201) return { ok: true };
    const body = (await response.json().catch(() => null)) as {
      errors?: ApiErrorLike['graphQLErrors'];
    } | null;
    if (body?.errors?.length) return { ok: false, error: { graphQLErrors: body.errors } };
    // A proxy in front (or the parser's own limit) may answer a large upload with a bare 413.
    if (response.status === 413)
      return {
        ok: false,
        error: {
          graphQLErrors: [{ extensions: { code: 'BAD_USER_INPUT', reason: 'FILE_TOO_LARGE' } }],
        },
      };
    return {
      ok: false,
      error: { graphQLErrors: [], networkError: new Error(`HTTP ${response.status}`) },
    };
  } catch (error) {
    return { ok: false, error: { graphQLErrors: [], networkError: error as Error } };
  }
}
