import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** Sets `<title>` to "<page> – Wissensnetz", or the given full title when `page` is null. */
export function useDocumentTitle(page: string | null, fullTitle?: string): void {
  const { t } = useTranslation();
  const suffix = t('app.titleSuffix');
  useEffect(() => {
    document.title = page === null ? (fullTitle ?? suffix) : `${page} – ${suffix}`;
  }, [page, fullTitle, suffix]);
}
