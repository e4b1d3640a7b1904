import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

/**
 * The shape of the web sources, checked like a lint rule: no import cycles between modules
 * (type-only imports count too: a page and its children sharing a type through the page is
 * how they started), and no hand-written file over 500 lines.
 */

const SRC = __dirname;
const GENERATED = join(SRC, 'generated');
const MAX_LINES = 500;

function sourceFiles(dir: string, extensions: readonly string[]): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (path === GENERATED) return [];
    if (statSync(path).isDirectory()) return sourceFiles(path, extensions);
    return extensions.some((extension) => name.endsWith(extension)) ? [path] : [];
  });
}

/** The module a relative specifier names, as the bundler resolves it; null for non-code. */
function resolveModule(from: string, specifier: string, known: ReadonlySet<string>): string | null {
  if (!specifier.startsWith('.')) return null;
  const base = resolve(dirname(from), specifier);
  const candidates = [
    base,
    `${base}.ts`,
    `${base}.tsx`,
    join(base, 'index.ts'),
    join(base, 'index.tsx'),
  ];
  return candidates.find((candidate) => known.has(candidate)) ?? null;
}

/** Every static, type-only, re-export and dynamic import between the app's own modules. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles
      .map(({ fileName }) => resolveModule(file, fileName, known))
      .filter((target): target is string => target !== null);
    graph.set(file, [...new Set(targets)]);
  }
  return graph;
}

/** Strongly connected components with more than one module, or a module importing itself (Tarjan). */
function findCycles(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const cycles: string[][] = [];

  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter);
    counter += 1;
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) {
        low.set(node, Math.min(low.get(node)!, index.get(next)!));
      }
    }
    if (low.get(node) !== index.get(node)) return;
    const component: string[] = [];
    let member: string;
    do {
      member = stack.pop()!;
      onStack.delete(member);
      component.push(member);
    } while (member !== node);
    if (component.length > 1 || (graph.get(node) ?? []).includes(node)) {
      cycles.push(component.sort());
    }
  };

  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return cycles;
}

describe('findCycles', () => {
  it('finds a cycle through several modules and a module importing itself, not a chain', () => {
    const graph = new Map([
      ['page', ['child', 'format']],
      ['child', ['page']],
      ['format', []],
      ['self', ['self']],
      ['chain-a', ['chain-b']],
      ['chain-b', ['format']],
    ]);
    expect(findCycles(graph)).toEqual([['child', 'page'], ['self']]);
  });
});

describe('web sources', () => {
  it('have no import cycles (type-only imports included)', () => {
    const graph = importGraph(sourceFiles(SRC, ['.ts', '.tsx']));
    expect(graph.size).toBeGreaterThan(50);
    const cycles = findCycles(graph).map((cycle) => cycle.map((file) => relative(SRC, file)));
    expect(cycles).toEqual([]);
  });

  it(`keep every hand-written file (code and styles) at ${MAX_LINES} lines or fewer`, () => {
    const files = sourceFiles(SRC, ['.ts', '.tsx', '.css']);
    const tooLong = files
      .map((file) => ({
        file: relative(SRC, file),
        // Counted like `wc -l`.
        lines: readFileSync(file, 'utf8').split('\n').length - 1,
      }))
      .filter(({ lines }) => lines > MAX_LINES);
    expect(tooLong).toEqual([]);
  });
});
