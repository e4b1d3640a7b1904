import { renderMarkdown } from './markdown';

describe('markdown preview', () => {
  it('renders Markdown with # as h1 when no level is given', () => {
    expect(renderMarkdown('## Ziele\n\n- Ehrenamt *stärken*')).toBe(
      '<h2>Ziele</h2>\n<ul>\n<li>Ehrenamt <em>stärken</em></li>\n</ul>\n',
    );
  });

  it('starts headings where the page needs them and keeps their order, up to h6', () => {
    const source = '# Ziel\n\n## Schritte\n\n### Details\n\n#### Mehr\n\nText';
    const practice = renderMarkdown(source, { topHeading: 3 });
    expect(practice).toContain('<h3>Ziel</h3>');
    expect(practice).toContain('<h4>Schritte</h4>');
    expect(practice).toContain('<h5>Details</h5>');
    expect(practice).toContain('<h6>Mehr</h6>');
    expect(practice).not.toMatch(/<h[12]>/);
    // Minutes start at h5: everything below the second level stops at h6.
    expect(renderMarkdown('# A\n\n## B\n\n### C', { topHeading: 5 })).toBe(
      '<h5>A</h5>\n<h6>B</h6>\n<h6>C</h6>\n',
    );
    // Setext headings (underlined) move as well.
    expect(renderMarkdown('Titel\n=====\n\nTeil\n----', { topHeading: 4 })).toBe(
      '<h4>Titel</h4>\n<h5>Teil</h5>\n',
    );
  });

  it('keeps raw HTML as text when it shifts headings', () => {
    expect(renderMarkdown('## <b>x</b> <script>y</script>', { topHeading: 3 })).toBe(
      '<h4>&lt;b&gt;x&lt;/b&gt; &lt;script&gt;y&lt;/script&gt;</h4>\n',
    );
  });
});
