import type { ApiErrorLike } from '../../ui/api-errors';

export type LogoUploadResult =
  { ok: true; revision: number; logoUrl: string } | { ok: false; error: ApiErrorLike };

/** What the file picker offers (no SVG: it can carry script); the API checks the bytes again. */
export const ACCEPTED_LOGOS = '.png,.jpg,.jpeg,.webp';

/** Uploads a city logo; errors come in the GraphQL `{ errors }` shape. */
export async function uploadLogo(
  citySlug: string,
  expectedRevision: number,
  file: File,
): Promise<LogoUploadResult> {
  const data = new FormData();
  data.append('expectedRevision', String(expectedRevision));
  data.append('file', file);
  try {
    const response = await fetch(`/api/cities/${encodeURIComponent(citySlug)}/logo`, {
      method: 'POST',
      body: data,
      credentials: 'same-origin',
      // Accepted by the CSRF check even where a proxy strips Origin (core/auth/csrf.guard.ts).
      headers: { 'apollo-require-preflight': 'true' },
    });
    const body = (await response.json().catch(() => null)) as {
      revision?: number;
      logoUrl?: string;
      errors?: ApiErrorLike['graphQLErrors'];
    } | null;
    if (response.status === 201 && body?.revision !== undefined && body.logoUrl)
      return { ok: true, revision: body.revision, logoUrl: body.logoUrl };
    if (body?.errors?.length) return { ok: false, error: { graphQLErrors: body.errors } };
    return {
      ok: false,
      error: { graphQLErrors: [], networkError: new Error(`HTTP ${response.status}`) },
    };
  } catch (error) {
    return { ok: false, error: { graphQLErrors: [], networkError: error as Error } };
  }
}
