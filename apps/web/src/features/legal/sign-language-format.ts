/** "12,3 MB" / "850 kB": sizes as a person reads them, in the page's language. */
export function formatVideoSize(bytes: number, language: 'de' | 'en'): string {
  const locale = language === 'de' ? 'de-DE' : 'en-GB';
  const [value, unit] =
    bytes >= 1024 * 1024 ? [bytes / 1024 / 1024, 'megabyte'] : [bytes / 1024, 'kilobyte'];
  return new Intl.NumberFormat(locale, {
    style: 'unit',
    unit,
    maximumFractionDigits: 1,
  }).format(Math.max(value, 0.1));
}

/** Whole minutes and seconds of a length in seconds (rounded to the second). */
export function minutesAndSeconds(totalSeconds: number): { minutes: number; seconds: number } {
  const rounded = Math.max(0, Math.round(totalSeconds));
  return { minutes: Math.floor(rounded / 60), seconds: rounded % 60 };
}
