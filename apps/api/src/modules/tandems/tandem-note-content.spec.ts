import { cleanNote } from './tandem-note-content';
import { TandemNoteKind } from './tandem-note.entity';

const refusal = (fn: () => unknown): { field?: string; code?: string } | undefined => {
  try {
    fn();
  } catch (error) {
    const { field, code } = error as { field?: string; code?: string };
    return { field, code };
  }
  return undefined;
};

describe('cleanNote', () => {
  it('trims the text and turns empty optional fields into null', () => {
    expect(
      cleanNote({ body: '  Termin steht  ', visitDate: '  ', place: ' ' }, TandemNoteKind.NOTE),
    ).toEqual({ body: 'Termin steht', visitDate: null, place: null });
    expect(
      cleanNote(
        { body: 'Besuch', visitDate: ' 2026-02-28 ', place: ' Rathaus ' },
        TandemNoteKind.VISIT,
      ),
    ).toEqual({ body: 'Besuch', visitDate: '2026-02-28', place: 'Rathaus' });
  });

  it('needs 1 to 20000 characters of text', () => {
    for (const body of ['', '   ', 'x'.repeat(20001)]) {
      expect(refusal(() => cleanNote({ body }, TandemNoteKind.NOTE))).toEqual({
        field: 'input.body',
        code: 'BAD_USER_INPUT',
      });
    }
    expect(cleanNote({ body: 'x'.repeat(20000) }, TandemNoteKind.NOTE).body).toHaveLength(20000);
  });

  it('refuses a visit date that names no day, typed, without throwing anything else', () => {
    for (const visitDate of [
      '2026-13-01',
      '2026-00-10',
      '2026-01-32',
      '2026-02-30',
      '2025-02-29',
      '1.12.2026',
      '2026-1-1',
    ]) {
      expect(refusal(() => cleanNote({ body: 'x', visitDate }, TandemNoteKind.NOTE))).toEqual({
        field: 'input.visitDate',
        code: 'BAD_USER_INPUT',
      });
    }
    expect(cleanNote({ body: 'x', visitDate: '2028-02-29' }, TandemNoteKind.NOTE).visitDate).toBe(
      '2028-02-29',
    );
  });

  it('needs a date for a visit, not for other kinds', () => {
    expect(refusal(() => cleanNote({ body: 'x' }, TandemNoteKind.VISIT))).toEqual({
      field: 'input.visitDate',
      code: 'BAD_USER_INPUT',
    });
    for (const kind of [TandemNoteKind.NOTE, TandemNoteKind.AGREEMENT, TandemNoteKind.QUESTION]) {
      expect(cleanNote({ body: 'x' }, kind).visitDate).toBeNull();
    }
  });

  it('allows a place of up to 200 characters', () => {
    expect(
      cleanNote({ body: 'x', place: 'p'.repeat(200) }, TandemNoteKind.NOTE).place,
    ).toHaveLength(200);
    expect(
      refusal(() => cleanNote({ body: 'x', place: 'p'.repeat(201) }, TandemNoteKind.NOTE)),
    ).toEqual({ field: 'input.place', code: 'BAD_USER_INPUT' });
  });
});
