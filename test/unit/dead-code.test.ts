// No dead exports: every name a module exports is imported somewhere (source, tests, benchmarks,
// scripts, the analysis notebooks) or used in its own file. Unused locals and parameters are the
// compiler's to find (tsconfig: noUnusedLocals, noUnusedParameters). Exempt: entry points' default
// exports (WXT and Vitest load them by file), the generated factor tables (scripts/build-factors.ts
// writes them whole) and the analysis library's documented API (docs/analysis.md), which
// researchers call from their own code.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, parse, repoPath, sourceFiles } from '../import-graph.ts';
import { REPO_ROOT } from '../shared-fixtures.ts';

const FOLDERS = ['extension', 'shared', 'analysis', 'scripts', 'bench', 'demo', 'test'];
const NOTEBOOK = `${REPO_ROOT}/analysis/notebooks/cohort.html`;

/** Names each file has taken from it, by any importer; '*' when a whole module is taken. */
function importedNames(files: readonly string[]): Map<string, Set<string>> {
  const taken = new Map<string, Set<string>>();
  const take = (file: string, names: readonly string[]) => {
    const set = taken.get(file) ?? new Set<string>();
    for (const name of names) set.add(name);
    taken.set(file, set);
  };
  for (const file of files) for (const i of importsOf(file)) if (i.file) take(i.file, i.names);
  // The notebook's cells import the library as ES modules.
  for (const m of readFileSync(NOTEBOOK, 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*"(\.[^"]+)"/g))
    take(
      resolve(dirname(NOTEBOOK), m[2]!),
      m[1]!.split(',').map((n) => n.trim().split(/\s+as\s+/)[0]!),
    );
  return taken;
}

function exemptFile(path: string): boolean {
  return path.startsWith('shared/footprint/data/');
}

describe('dead code', () => {
  it('no export is unused: every one is imported somewhere or used in its own file', () => {
    const files = FOLDERS.flatMap((folder) => sourceFiles(folder));
    const taken = importedNames(files);
    const documented = readFileSync(`${REPO_ROOT}/docs/analysis.md`, 'utf8');
    const dead: string[] = [];
    for (const file of files) {
      const path = repoPath(file);
      if (exemptFile(path) || /\.test\.tsx?$/.test(path)) continue;
      const names = taken.get(file) ?? new Set<string>();
      if (names.has('*')) continue;
      const { source, result } = parse(file);
      for (const statement of result.module.staticExports)
        for (const entry of statement.entries) {
          if (entry.moduleRequest) continue; // a re-export: the module it names is checked itself
          const name = entry.exportName.kind === 'Default' ? 'default' : entry.exportName.name;
          if (!name || names.has(name)) continue;
          if (name === 'default') {
            if (/^extension\/entrypoints\/|^test\/e2e\/global-setup\.ts$/.test(path)) continue;
          } else {
            if (source.split(new RegExp(`\\b${name}\\b`)).length > 2) continue; // used in its own file too
            if (path.startsWith('analysis/') && documented.includes(`\`${name}(`)) continue;
          }
          dead.push(`${path}: ${name}`);
        }
    }
    expect(dead).toEqual([]);
  });
});
