import { diffMarkdown, markdownBlocks } from './markdown-diff';

describe('markdownBlocks', () => {
  it('reads headings, paragraphs, list items and quotes as plain text', () => {
    const blocks = markdownBlocks(
      [
        '## Ablauf',
        '',
        'Ein **fetter** und *kursiver* Satz mit [Link](https://example.org).',
        '',
        '- erstens',
        '- zweitens',
        '',
        '3. drei',
        '',
        '> zitiert',
      ].join('\n'),
    );
    expect(blocks).toEqual([
      { kind: 'heading', level: 2, text: 'Ablauf' },
      {
        kind: 'paragraph',
        text: 'Ein fetter und kursiver Satz mit Link (https://example.org).',
      },
      { kind: 'item', marker: '•', text: 'erstens' },
      { kind: 'item', marker: '•', text: 'zweitens' },
      { kind: 'item', marker: '3.', text: 'drei' },
      { kind: 'paragraph', quote: true, text: 'zitiert' },
    ]);
  });
});

describe('diffMarkdown', () => {
  it('shows no Markdown marks in a change, only the words', () => {
    const diff = diffMarkdown('## Ziel\n\nMehr Ehrenamt.', '## Ziel\n\nMehr **junges** Ehrenamt.');
    expect(diff.map((block) => block.change)).toEqual(['same', 'changed']);
    const changed = diff[1];
    expect(changed.parts.filter((part) => part.kind === 'added').map((part) => part.value)).toEqual(
      ['junges '],
    );
    expect(JSON.stringify(diff)).not.toMatch(/\*\*|##/);
  });

  it('keeps unchanged blocks and adds or removes whole blocks', () => {
    const diff = diffMarkdown('Eins.\n\nZwei.', 'Eins.\n\n## Neu\n\nZwei.');
    expect(diff.map((block) => [block.change, block.kind])).toEqual([
      ['same', 'paragraph'],
      ['added', 'heading'],
      ['same', 'paragraph'],
    ]);
  });

  it('shows a paragraph turned into a heading as removed and added', () => {
    const diff = diffMarkdown('Ablauf', '## Ablauf');
    expect(diff.map((block) => [block.change, block.kind])).toEqual([
      ['removed', 'paragraph'],
      ['added', 'heading'],
    ]);
  });

  it('treats pure formatting changes as no change of the words', () => {
    const diff = diffMarkdown('Ein *wichtiger* Satz.', 'Ein **wichtiger** Satz.');
    expect(diff).toEqual([
      {
        kind: 'paragraph',
        change: 'same',
        parts: [{ value: 'Ein wichtiger Satz.', kind: 'same' }],
      },
    ]);
  });

  it('marks removed list items', () => {
    const diff = diffMarkdown('- a\n- b\n- c', '- a\n- c');
    expect(diff.map((block) => `${block.change}:${block.parts[0]?.value}`)).toEqual([
      'same:a',
      'removed:b',
      'same:c',
    ]);
  });
});
