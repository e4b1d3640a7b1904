import { applyEdit, formatText, type FormatAction, type TextSelection } from './markdown-format';

/** Text with `«` and `»` marking the selection (or `|` for a caret), as a TextSelection. */
function sel(marked: string): TextSelection {
  const caret = marked.indexOf('|');
  if (caret !== -1) {
    return { value: marked.replace('|', ''), start: caret, end: caret };
  }
  const start = marked.indexOf('«');
  const end = marked.indexOf('»') - 1;
  return { value: marked.replace('«', '').replace('»', ''), start, end };
}

/** The result written the same way, so expectations read like the text. */
function run(marked: string, action: FormatAction): string {
  const before = sel(marked);
  const after = applyEdit(before.value, formatText(before, action));
  if (after.start === after.end) {
    return after.value.slice(0, after.start) + '|' + after.value.slice(after.start);
  }
  return (
    after.value.slice(0, after.start) +
    '«' +
    after.value.slice(after.start, after.end) +
    '»' +
    after.value.slice(after.end)
  );
}

describe('bold and italic', () => {
  it('wraps the selection and keeps it selected', () => {
    expect(run('ein «gutes» Beispiel', 'bold')).toBe('ein **«gutes»** Beispiel');
    expect(run('ein «gutes» Beispiel', 'italic')).toBe('ein *«gutes»* Beispiel');
  });

  it('unwraps again when pressed a second time', () => {
    expect(run('ein **«gutes»** Beispiel', 'bold')).toBe('ein «gutes» Beispiel');
    expect(run('ein *«gutes»* Beispiel', 'italic')).toBe('ein «gutes» Beispiel');
  });

  it('unwraps a selection that includes the markers', () => {
    expect(run('ein «**gutes**» Beispiel', 'bold')).toBe('ein «gutes» Beispiel');
    expect(run('ein «*gutes*» Beispiel', 'italic')).toBe('ein «gutes» Beispiel');
  });

  it('does not take italic for half of a bold, and combines both', () => {
    expect(run('ein **«gutes»** Beispiel', 'italic')).toBe('ein ***«gutes»*** Beispiel');
    expect(run('ein ***«gutes»*** Beispiel', 'italic')).toBe('ein **«gutes»** Beispiel');
    expect(run('ein ***«gutes»*** Beispiel', 'bold')).toBe('ein *«gutes»* Beispiel');
  });

  it('leaves spaces selected with a word outside the markers', () => {
    expect(run('ein« gutes »Beispiel', 'bold')).toBe('ein **«gutes»** Beispiel');
  });

  it('puts the caret between new markers when nothing is selected', () => {
    expect(run('Text |', 'bold')).toBe('Text **|**');
    expect(run('|', 'italic')).toBe('*|*');
  });
});

describe('link', () => {
  it('makes the selection the link text and selects the address to type over', () => {
    expect(run('siehe «Website» dazu', 'link')).toBe('siehe [Website](«https://») dazu');
  });

  it('makes a selected address the target, with the caret in the text', () => {
    expect(run('«https://example.org»', 'link')).toBe('[|](https://example.org)');
  });

  it('turns a selected link back into its text', () => {
    expect(run('siehe «[Website](https://example.org)» dazu', 'link')).toBe('siehe «Website» dazu');
  });

  it('inserts an empty link at the caret', () => {
    expect(run('siehe |', 'link')).toBe('siehe [](«https://»)');
  });
});

describe('line prefixes', () => {
  it('makes the caret line a heading, keeping the caret in its text', () => {
    expect(run('Erste Zeile\nZwi|schentitel\nDritte', 'heading')).toBe(
      'Erste Zeile\n## Zwi|schentitel\nDritte',
    );
  });

  it('takes the heading off again, and replaces another level', () => {
    expect(run('## Zwi|schentitel', 'heading')).toBe('Zwi|schentitel');
    expect(run('#### Zwi|schentitel', 'heading')).toBe('Zwi|schentitel');
  });

  it('prefixes every selected line that has text, and selects the block', () => {
    expect(run('Intro\n«eins\n\nzwei»\nEnde', 'bulletList')).toBe(
      'Intro\n«- eins\n\n- zwei»\nEnde',
    );
  });

  it('numbers the lines in order', () => {
    expect(run('«eins\nzwei\ndrei»', 'numberedList')).toBe('«1. eins\n2. zwei\n3. drei»');
  });

  it('removes the prefix when every line has it', () => {
    expect(run('«- eins\n- zwei»', 'bulletList')).toBe('«eins\nzwei»');
    expect(run('«1. eins\n2. zwei»', 'numberedList')).toBe('«eins\nzwei»');
    expect(run('«> eins\n> zwei»', 'quote')).toBe('«eins\nzwei»');
  });

  it('turns a bulleted list into a numbered one', () => {
    expect(run('«- eins\n- zwei»', 'numberedList')).toBe('«1. eins\n2. zwei»');
  });

  it('adds the prefix to lines that lack it in a mixed selection', () => {
    expect(run('«> eins\nzwei»', 'quote')).toBe('«> eins\n> zwei»');
  });

  it('starts an item on an empty line', () => {
    expect(run('Text\n|', 'bulletList')).toBe('Text\n- |');
  });

  it('does not take in the next line when the selection ends at a line break', () => {
    expect(run('«eins\n»zwei', 'quote')).toBe('«> eins»\nzwei');
  });
});
