// No import loops between the source files (type-only imports count: a type in the wrong
// file is how loops start). The graph is read from the files' import and export-from lines.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const SRC = join(__dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') ? [join(dir, e.name)] : [],
  );
}

/** Relative specifiers of a file's static imports and re-exports. */
export function importsOf(text: string): string[] {
  const out: string[] = [];
  const re = /^\s*(?:import|export)\b[^'";]*?\bfrom\s*['"](\.[^'"]*)['"]|^\s*import\s*['"](\.[^'"]*)['"]/gm;
  for (const m of text.matchAll(re)) out.push((m[1] ?? m[2])!);
  return out;
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  for (const candidate of [`${base}.ts`, join(base, 'index.ts'), base]) if (candidate.endsWith('.ts') && existsSync(candidate)) return candidate;
  return undefined;
}

/** Every elementary cycle found by a depth-first search (each reported once, from its smallest file). */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const cycles = new Map<string, string[]>();
  const state = new Map<string, 'active' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'active');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'active') {
        const cycle = stack.slice(stack.indexOf(next));
        const start = cycle.indexOf([...cycle].sort()[0]!);
        const canonical = [...cycle.slice(start), ...cycle.slice(0, start)];
        cycles.set(canonical.join(' → '), canonical);
      } else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return [...cycles.values()];
}

describe('import graph', () => {
  it('finds a cycle when there is one (the check can fail)', () => {
    assert.deepEqual(importsOf("import type { A } from './a';\nexport { b } from '../b';\nimport './c';\nimport x from 'y';\n"), ['./a', '../b', './c']);
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
    ]);
    assert.deepEqual(cyclesOf(graph), [['a', 'b', 'c']]);
  });

  it('has no import loop between the files of src/', () => {
    const graph = new Map<string, string[]>();
    for (const file of sourceFiles(SRC)) {
      const deps = importsOf(readFileSync(file, 'utf8')).map((spec) => resolveImport(file, spec));
      graph.set(
        relative(SRC, file),
        deps.filter((d): d is string => d !== undefined).map((d) => relative(SRC, d)),
      );
    }
    assert.ok(graph.size > 50, 'the source files were found');
    assert.deepEqual(cyclesOf(graph).map((c) => [...c, c[0]].join(' → ')), []);
  });
});
