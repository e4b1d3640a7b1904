import { parse } from 'csv-parse/sync';
import { neutraliseCell, toSpreadsheetCsv } from './csv';

describe('neutraliseCell (OWASP CSV injection)', () => {
  it.each([
    ['=HYPERLINK("https://attacker.example","x")', `'=HYPERLINK("https://attacker.example","x")`],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A2)', "'@SUM(A1:A2)"],
    ['\tTab', "'\tTab"],
    ['\rzurück', "'\rzurück"],
  ])('prefixes %j with a quote', (value, expected) => {
    expect(neutraliseCell(value)).toBe(expected);
  });

  it.each(['Anna-Lena Schmidt', 'a=b', 'Rollstuhl + Begleitung', "O'Brien", ' =1', '', 'DE-NW'])(
    'leaves %j as it is (only the first character counts)',
    (value) => {
      expect(neutraliseCell(value)).toBe(value);
    },
  );

  it('writes null and undefined as empty cells and numbers as text', () => {
    expect([null, undefined, 42, -1].map(neutraliseCell)).toEqual(['', '', '42', "'-1"]);
  });
});

describe('toSpreadsheetCsv', () => {
  it('writes a BOM, semicolons and CRLF, with every cell neutralised, and reads back the same', () => {
    const csv = toSpreadsheetCsv(
      ['Name', 'Bedarf'],
      [
        ['=1+1', 'Rampe; Aufzug'],
        ['Anna "Anni" Meier', '@mail\nzweite Zeile'],
      ],
    );
    expect(csv.startsWith('\uFEFFName;Bedarf\r\n')).toBe(true);
    expect(parse(csv, { bom: true, delimiter: ';' })).toEqual([
      ['Name', 'Bedarf'],
      ["'=1+1", 'Rampe; Aufzug'],
      ['Anna "Anni" Meier', "'@mail\nzweite Zeile"],
    ]);
  });
});
