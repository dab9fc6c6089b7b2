// `npm install --omit=dev` must leave a working CLI: every package the CLI imports at run time,
// statically or lazily (`await import(...)`), from bin/carbon-ledger.js down, must be one of the
// `dependencies` or installed with one of them. Type-only imports are erased and do not count
// (the walk is test/import-graph.ts's, tested in test/unit/import-graph.test.ts).

import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, reachable, repoPath } from '../../import-graph.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';

interface PackageJson {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const readJson = (path: string): PackageJson => JSON.parse(readFileSync(path, 'utf8'));

const packageName = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(packageName(specifier));

/** Every bare package the CLI's own source files import at run time, with the first importer. */
function cliPackages(): Map<string, string> {
  const packages = new Map<string, string>();
  for (const file of reachable(join(REPO_ROOT, 'bin', 'carbon-ledger.js')))
    for (const { specifier, file: local, typeOnly } of importsOf(file))
      if (!local && !typeOnly && !isBuiltin(specifier) && !packages.has(packageName(specifier)))
        packages.set(packageName(specifier), repoPath(file));
  return packages;
}

/** The packages `npm install --omit=dev` installs: the dependencies and everything they need. */
function productionClosure(): Set<string> {
  const root = readJson(join(REPO_ROOT, 'package.json'));
  const closure = new Set<string>();
  const queue = Object.keys(root.dependencies ?? {});
  while (queue.length) {
    const name = queue.pop()!;
    if (closure.has(name)) continue;
    closure.add(name);
    const manifest = join(REPO_ROOT, 'node_modules', name, 'package.json');
    if (!existsSync(manifest)) continue;
    const pkg = readJson(manifest);
    queue.push(...Object.keys({ ...pkg.dependencies, ...pkg.optionalDependencies, ...pkg.peerDependencies }));
  }
  return closure;
}

describe('the CLI at run time', () => {
  it('imports only packages that an install without dev dependencies provides', () => {
    const packages = cliPackages();
    // The graph reaches the lazily loaded command modules and their libraries.
    expect([...packages.keys()]).toEqual(expect.arrayContaining(['linkedom', 'arquero', 'hyparquet-writer']));
    const closure = productionClosure();
    const missing = [...packages].filter(([name]) => !closure.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(missing, 'move these to "dependencies" in package.json').toEqual([]);
  });
});
