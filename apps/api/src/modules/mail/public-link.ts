import type { AppConfig } from '../../core/config/config';

/**
 * An absolute link into the web app for e-mails. Always built from configuration
 * (PUBLIC_URL; in development the address the platform listens on, set at start),
 * never from a request's Host header: a forged Host must not make the platform mail
 * a genuine reset or invitation link pointing elsewhere.
 */
export function publicLink(config: AppConfig, path: string): string {
  const base = config.publicUrl ?? `http://localhost:${config.port}`;
  return `${base}${path.startsWith('/') ? path : `/${path}`}`;
}
