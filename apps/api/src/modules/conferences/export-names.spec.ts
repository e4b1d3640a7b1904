import { describe, expect, it } from 'vitest';
import { agendaLine, exportFilename, fileSlug } from './export-names';

describe('export names', () => {
  it('slugs titles in ASCII', () => {
    expect(fileSlug('Regionalkonferenz Nord')).toBe('regionalkonferenz-nord');
    expect(fileSlug('Süd: Größe & Café!')).toBe('sued-groesse-cafe');
    expect(fileSlug('„…“')).toBe('konferenz');
  });

  it('names the file by slug and Berlin start day', () => {
    expect(
      exportFilename(
        'anmeldungen',
        { title: 'Regionalkonferenz Nord', startsAt: new Date('2027-05-19T22:30:00Z') },
        'csv',
      ),
    ).toBe('anmeldungen-regionalkonferenz-nord-2027-05-20.csv');
  });

  it('writes an agenda line with the Berlin time', () => {
    expect(
      agendaLine({
        title: 'Auftakt',
        room: 'Saal 1',
        startsAt: new Date('2027-05-20T08:00:00Z'),
        endsAt: new Date('2027-05-20T09:30:00Z'),
      }),
    ).toBe('Do, 20. Mai, 10:00–11:30 · Auftakt (Saal 1)');
  });
});
