import { formatSessionTime } from '@wissensnetz/domain';
import { utcToBerlin } from '../../core/time/berlin-time';

const TRANSLITERATION: Record<string, string> = { ä: 'ae', ö: 'oe', ü: 'ue', ß: 'ss' };

/** A title as a file name part: "Regionalkonferenz Nord" → "regionalkonferenz-nord" (ASCII). */
export function fileSlug(title: string): string {
  return (
    title
      .toLowerCase()
      .replace(/[äöüß]/g, (c) => TRANSLITERATION[c])
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'konferenz'
  );
}

/** `<prefix>-<slug>-<Berlin start day>.<ext>`, e.g. anmeldungen-regionalkonferenz-nord-2027-05-20.csv */
export function exportFilename(
  prefix: string,
  conference: { title: string; startsAt: Date },
  ext: 'csv' | 'ics',
): string {
  return `${prefix}-${fileSlug(conference.title)}-${utcToBerlin(conference.startsAt).slice(0, 10)}.${ext}`;
}

/** A session as a line of the calendar description: "Do, 20. Mai, 10:00–11:30 · Titel (Raum)". */
export function agendaLine(session: {
  title: string;
  startsAt: Date;
  endsAt: Date;
  room: string;
}): string {
  const time = formatSessionTime(utcToBerlin(session.startsAt), utcToBerlin(session.endsAt), 'de');
  return `${time} · ${session.title}${session.room ? ` (${session.room})` : ''}`;
}
