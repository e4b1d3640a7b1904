import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * A feature's stylesheet (features/<feature>/*.css) is loaded with the chunk of a component
 * that imports it. A component that uses the sheet's classes without importing it looks right
 * only after some other page has loaded the sheet, so every such component imports it.
 */

const SRC = __dirname;

function filesUnder(dir: string, extension: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (name === 'generated') return [];
    if (statSync(path).isDirectory()) return filesUnder(path, extension);
    return name.endsWith(extension) ? [path] : [];
  });
}

/** The classes a stylesheet is about: the first class of every selector. */
function ownedClasses(css: string): Set<string> {
  const owned = new Set<string>();
  const withoutComments = css.replace(/\/\*[\s\S]*?\*\//g, '');
  for (const [, prelude] of withoutComments.matchAll(/([^{}]+)\{/g)) {
    if (prelude.trim().startsWith('@')) continue;
    for (const selector of prelude.split(',')) {
      const first = /\.([a-zA-Z][\w-]*)/.exec(selector);
      if (first) owned.add(first[1]);
    }
  }
  return owned;
}

interface ClassUse {
  exact: Set<string>;
  /** `note--${kind}` uses every class that starts with `note--`. */
  prefixes: Set<string>;
}

/** Class names written in `className` attributes: literals, both sides of conditions, templates. */
function classNamesIn(fileName: string, text: string): ClassUse {
  const use: ClassUse = { exact: new Set(), prefixes: new Set() };
  const source = ts.createSourceFile(
    fileName,
    text,
    ts.ScriptTarget.Latest,
    true,
    ts.ScriptKind.TSX,
  );
  const addText = (value: string, beforeSubstitution: boolean) => {
    const tokens = value.split(/\s+/);
    const last = beforeSubstitution && !/\s$/.test(value) ? tokens.pop() : undefined;
    for (const token of tokens) if (token) use.exact.add(token);
    if (last) use.prefixes.add(last);
  };
  const collect = (node: ts.Node): void => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      addText(node.text, false);
    } else if (ts.isTemplateExpression(node)) {
      addText(node.head.text, true);
      node.templateSpans.forEach((span, index) => {
        collect(span.expression);
        addText(span.literal.text, index < node.templateSpans.length - 1);
      });
      return;
    }
    ts.forEachChild(node, collect);
  };
  const visit = (node: ts.Node): void => {
    if (ts.isJsxAttribute(node) && node.name.getText(source) === 'className' && node.initializer) {
      collect(node.initializer);
      return;
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return use;
}

function uses(use: ClassUse, owned: ReadonlySet<string>): string[] {
  return [...owned].filter(
    (name) => use.exact.has(name) || [...use.prefixes].some((prefix) => name.startsWith(prefix)),
  );
}

function importedFiles(file: string, text: string): Set<string> {
  return new Set(
    ts
      .preProcessFile(text, true, true)
      .importedFiles.filter(({ fileName }) => fileName.startsWith('.'))
      .map(({ fileName }) => resolve(dirname(file), fileName)),
  );
}

describe('classNamesIn', () => {
  it('reads literals, conditions and template parts, and the prefix before a substitution', () => {
    const use = classNamesIn(
      'Note.tsx',
      `const a = <li className={\`note note--\${kind}\${fresh ? ' note--fresh' : ''}\`} />;
       const b = <p className={open ? 'card form' : "card"} title="not a class" />;`,
    );
    expect([...use.exact].sort()).toEqual(['card', 'form', 'note', 'note--fresh']);
    expect([...use.prefixes]).toEqual(['note--']);
  });
});

describe('feature stylesheets', () => {
  const sheets = filesUnder(join(SRC, 'features'), '.css').map((file) => ({
    file,
    owned: ownedClasses(readFileSync(file, 'utf8')),
  }));

  it('exist and own classes', () => {
    expect(sheets.length).toBeGreaterThan(5);
    for (const sheet of sheets) expect(sheet.owned.size).toBeGreaterThan(0);
  });

  it('are imported by every component that uses their classes', () => {
    const missing: string[] = [];
    for (const file of filesUnder(SRC, '.tsx')) {
      const text = readFileSync(file, 'utf8');
      const use = classNamesIn(file, text);
      const imported = importedFiles(file, text);
      for (const sheet of sheets) {
        const used = uses(use, sheet.owned);
        if (used.length > 0 && !imported.has(sheet.file)) {
          missing.push(
            `${relative(SRC, file)} uses ${used.join(', ')} of ${relative(SRC, sheet.file)}`,
          );
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
