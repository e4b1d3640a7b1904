import { stripMarkdown } from './plain-text';

describe('stripMarkdown', () => {
  it.each([
    ['## Ziele\n\n- [Ehrenamt](https://x.example) **stärken**', 'Ziele Ehrenamt stärken'],
    [
      '# Titel\n\n> Zitat mit *Betonung* und _Unterstrich_',
      'Titel Zitat mit Betonung und Unterstrich',
    ],
    ['Text `inline` ~~weg~~', 'Text inline weg'],
    ['Vorher\n\n```js\nconst geheim = 1;\n```\n\nNachher', 'Vorher Nachher'],
    ['Bild ![Logo der Stadt](https://x.example/logo.png) danach', 'Bild danach'],
    ['[Seite](https://x.example "Titel der Seite") lesen', 'Seite lesen'],
    ['[Wiki](https://de.wikipedia.org/wiki/Goch_(Stadt)) lesen', 'Wiki lesen'],
    ['| Jahr | Zahl |\n| --- | --- |\n| 2024 | 23 |', 'Jahr Zahl 2024 23'],
    ['1. eins\n2. zwei\n   * drei', '1. eins 2. zwei drei'],
    ['  viel \n\n\t Raum  ', 'viel Raum'],
    ['Köln, Groß-Gerau & Gießen', 'Köln, Groß Gerau & Gießen'],
    ['', ''],
  ])('%j → %j', (markdown, text) => {
    expect(stripMarkdown(markdown)).toBe(text);
  });

  it('leaves unfinished links and brackets as text', () => {
    expect(stripMarkdown('[a [b] c](x) und [offen](ohne Ende')).toBe(
      '[a [b] c](x) und [offen](ohne Ende',
    );
  });

  // Stored text is the input (the outbox worker strips it inside the API process). A
  // pattern that rescans the rest of the text at every bracket needs many seconds for each
  // of these (150,000 characters); a linear one needs milliseconds. The bound is the test timeout, a thousandfold margin.
  it.each([
    ['open brackets', '['.repeat(150_000)],
    ['open images', '!['.repeat(75_000)],
    ['links without an end', '[a]('.repeat(37_500)],
    ['images without an end', '![a]('.repeat(30_000)],
    ['nested targets without an end', '[a](x('.repeat(25_000)],
    ['code fences without an end', '```a'.repeat(37_500)],
  ])(
    'strips %s in linear time',
    (_name, markdown) => {
      expect(typeof stripMarkdown(markdown)).toBe('string');
    },
    5_000,
  );
});
