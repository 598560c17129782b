import { readdirSync, readFileSync } from 'node:fs';
import { posix } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

/** The engine's modules (`outbound/campaigns.ts`: paths from src/) and what each imports of the others, type-only imports included. */
function moduleImports(dir: URL): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.ts'));
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(new URL(file, dir), 'utf8'), ts.ScriptTarget.Latest);
    const imports = source.statements.flatMap((statement) =>
      (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) &&
      statement.moduleSpecifier !== undefined &&
      ts.isStringLiteral(statement.moduleSpecifier) &&
      statement.moduleSpecifier.text.startsWith('.')
        ? [posix.join(posix.dirname(file), statement.moduleSpecifier.text)]
        : [],
    );
    graph.set(file, imports);
  }
  return graph;
}

/** Every circle of imports, as `a.ts → b.ts → a.ts`. */
export function importCycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  const cycles: string[] = [];
  const done = new Set<string>();
  const visit = (file: string, path: readonly string[]): void => {
    for (const next of graph.get(file) ?? []) {
      if (path.includes(next)) cycles.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (!done.has(next)) visit(next, [...path, next]);
    }
    done.add(file);
  };
  for (const file of graph.keys()) if (!done.has(file)) visit(file, [file]);
  return cycles;
}

describe('the contact-center engine’s modules', () => {
  it('import each other without a circle, type-only imports and subfolders included', () => {
    const graph = moduleImports(new URL('../src/', import.meta.url));
    expect(graph.get('simulator.ts')).toContain('outbound/progressive-dialer.ts');
    expect(importCycles(graph)).toEqual([]);
  });

  it('the check finds a circle when there is one', () => {
    const graph = new Map([
      ['world.ts', ['call.ts']],
      ['call.ts', ['world.ts']],
      ['ids.ts', []],
    ]);
    expect(importCycles(graph)).toEqual(['world.ts → call.ts → world.ts']);
  });
});
