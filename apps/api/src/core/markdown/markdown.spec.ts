import { renderMarkdown } from './markdown';

describe('practice Markdown', () => {
  it('renders Markdown', () => {
    expect(renderMarkdown('## Ziele\n\n- Ehrenamt *stärken*')).toBe(
      '<h2>Ziele</h2>\n<ul>\n<li>Ehrenamt <em>stärken</em></li>\n</ul>\n',
    );
  });

  it('escapes raw HTML and refuses script links', () => {
    const html = renderMarkdown(
      '<script>alert(1)</script> [klick](javascript:alert(1)) <img src=x onerror=alert(1)>',
    );
    expect(html).not.toContain('<script');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('href="javascript');
    expect(html).toContain('&lt;script&gt;');
  });

  it('marks links as noopener', () => {
    expect(renderMarkdown('[Stadt](https://stadt.example)')).toContain(
      'rel="noopener noreferrer nofollow"',
    );
  });

  it('starts headings at the level the page needs and keeps their order, up to h6', () => {
    const source = '# Ziel\n\n## Schritte\n\n### Details\n\n#### Mehr\n\nText';
    expect(renderMarkdown(source)).toContain('<h1>Ziel</h1>');
    const below = renderMarkdown(source, { topHeading: 3 });
    expect(below).toContain('<h3>Ziel</h3>');
    expect(below).toContain('<h4>Schritte</h4>');
    expect(below).toContain('<h5>Details</h5>');
    expect(below).toContain('<h6>Mehr</h6>');
    expect(below).not.toMatch(/<h[12]>/);
    expect(renderMarkdown('# A\n\n### B', { topHeading: 5 })).toBe('<h5>A</h5>\n<h6>B</h6>\n');
  });

  it('keeps escaping raw HTML when it shifts headings', () => {
    expect(renderMarkdown('## <b>x</b>', { topHeading: 3 })).toBe(
      '<h4>&lt;b&gt;x&lt;/b&gt;</h4>\n',
    );
  });
});
