import type { AppConfig } from '../../core/config/config';

/**
 * An absolute link for the residents' e-mails, from configuration only (PUBLIC_URL; in
 * development the local address), never from a request's Host header (as mail/public-link).
 */
export function suggestionLink(config: AppConfig, path: string): string {
  return `${config.publicUrl ?? `http://localhost:${config.port}`}${path}`;
}
