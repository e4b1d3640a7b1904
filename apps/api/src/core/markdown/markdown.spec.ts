import { renderMarkdown } from './markdown';
import { stripMarkdown } from '../../modules/practices/practice-search.source';

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

  it('strips markup for the search index', () => {
    expect(stripMarkdown('## Ziele\n\n- [Ehrenamt](https://x.example) **stärken**')).toBe(
      'Ziele Ehrenamt stärken',
    );
  });
});
