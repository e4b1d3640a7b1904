import type { TFunction } from 'i18next';
import { formatDate } from '../../ui/format';
import { numberLocale, type Language } from '../../i18n';

/** A practice id is a UUID; anything else cannot exist, so it is not even asked for. */
export const PRACTICE_ID_PATTERN =
  /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function formatFileSize(bytes: number, language: Language, t: TFunction): string {
  const format = new Intl.NumberFormat(numberLocale(language), { maximumFractionDigits: 1 });
  if (bytes < 1024 * 1024) {
    return t('practice.kb', { value: format.format(Math.max(1, Math.round(bytes / 1024))) });
  }
  return t('practice.mb', { value: format.format(bytes / 1024 / 1024) });
}

/** "PDF", "Word", ... from the content type; enough to decide whether to download. */
export function fileKind(contentType: string, fileName: string): string {
  const known: Record<string, string> = {
    'application/pdf': 'PDF',
    'image/png': 'PNG',
    'image/jpeg': 'JPEG',
    'image/webp': 'WebP',
    'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'Word',
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'Excel',
    'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'PowerPoint',
    'application/vnd.oasis.opendocument.text': 'OpenDocument Text',
    'application/vnd.oasis.opendocument.spreadsheet': 'OpenDocument Tabelle',
    'application/vnd.oasis.opendocument.presentation': 'OpenDocument Präsentation',
  };
  const extension = fileName.includes('.') ? fileName.split('.').pop()?.toUpperCase() : undefined;
  return known[contentType] ?? extension ?? contentType;
}

/** ISO dates (YYYY-MM-DD) as calendar days, not shifted by any time zone. */
function formatDay(isoDate: string, language: Language): string {
  return formatDate(`${isoDate}T12:00:00Z`, language);
}

export function formatPeriod(
  from: string | null,
  to: string | null,
  language: Language,
  t: TFunction,
): string | null {
  if (from && to) {
    return t('practice.periodFromTo', {
      from: formatDay(from, language),
      to: formatDay(to, language),
    });
  }
  if (from) return t('practice.periodSince', { from: formatDay(from, language) });
  if (to) return t('practice.periodUntil', { to: formatDay(to, language) });
  return null;
}
