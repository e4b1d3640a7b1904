import { figureCsv } from './figure-csv';

describe('figureCsv', () => {
  it('writes a BOM, semicolons and CRLF, quoting what needs it and neutralising formulas', () => {
    expect(
      figureCsv(
        ['Bundesland', 'Städte'],
        [
          ['Nordrhein-Westfalen', 3],
          ['a;b "c"', null],
          ['=HYPERLINK("x")', -1],
        ],
      ),
    ).toBe(
      '\uFEFFBundesland;Städte\r\nNordrhein-Westfalen;3\r\n"a;b ""c""";\r\n"\'=HYPERLINK(""x"")";\'-1\r\n',
    );
  });
});
