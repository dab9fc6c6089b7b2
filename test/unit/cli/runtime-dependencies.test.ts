// `npm install --omit=dev` must leave a working CLI: every package the CLI imports at run time,
// statically or lazily (`await import(...)`), from bin/carbon-ledger.js down, must be one of the
// `dependencies` or installed with one of them. Type-only imports are erased and do not count.

import { existsSync, readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../shared-fixtures.ts';

interface PackageJson {
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}
const readJson = (path: string): PackageJson => JSON.parse(readFileSync(path, 'utf8'));

/** Module specifiers a source file loads at run time (not `import type`, not inside comments). */
function runtimeSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  const found: string[] = [];
  const patterns = [
    // import x from 'a'; import { x, type Y } from 'a'; export { x } from 'a'; export * from 'a'
    /(?:^|[;\n])\s*(import|export)\s+(?!type\s)([^'";]*?)\s+from\s+['"]([^'"]+)['"]/g,
    // import 'a' (side effects)
    /(?:^|[;\n])\s*import\s+['"]([^'"]+)['"]/g,
    // import('a')
    /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const match of code.matchAll(patterns[0]!)) {
    const clause = match[2]!;
    // `import { type A, type B } from` loads nothing.
    const names = /^\{([^}]*)\}$/.exec(clause.trim())?.[1];
    if (names?.split(',').every((n) => n.trim() === '' || /^type\s/.test(n.trim()))) continue;
    found.push(match[3]!);
  }
  for (const match of code.matchAll(patterns[1]!)) found.push(match[1]!);
  for (const match of code.matchAll(patterns[2]!)) found.push(match[1]!);
  return found;
}

const packageName = (specifier: string): string =>
  specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
const isBuiltin = (specifier: string) =>
  specifier.startsWith('node:') || builtinModules.includes(packageName(specifier));

/** Every bare package the CLI's own source files import at run time, with the first importer. */
function cliPackages(): Map<string, string> {
  const packages = new Map<string, string>();
  const seen = new Set<string>();
  const queue = [join(REPO_ROOT, 'bin', 'carbon-ledger.js')];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const specifier of runtimeSpecifiers(readFileSync(file, 'utf8'))) {
      if (specifier.startsWith('.')) {
        const target = resolve(dirname(file), specifier);
        if (!existsSync(target)) throw new Error(`${file}: imports ${specifier}, which does not exist`);
        queue.push(target);
      } else if (!isBuiltin(specifier)) {
        if (!packages.has(packageName(specifier)))
          packages.set(packageName(specifier), file.slice(REPO_ROOT.length + 1));
      }
    }
  }
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
  it('finds runtime imports and skips type-only ones', () => {
    expect(
      runtimeSpecifiers(`
        import type { A } from 'types-only';
        import { type B, type C } from 'also-types';
        import { type D, e } from 'mixed';
        import f from 'default';
        import 'side-effect';
        // import { g } from 'commented-out';
        export { h } from 'reexported';
        const lazy = await import('lazy');`),
    ).toEqual(['mixed', 'default', 'reexported', 'side-effect', 'lazy']);
  });

  it('imports only packages that an install without dev dependencies provides', () => {
    const packages = cliPackages();
    // The graph reaches the lazily loaded command modules and their libraries.
    expect([...packages.keys()]).toEqual(expect.arrayContaining(['linkedom', 'arquero', 'hyparquet-writer']));
    const closure = productionClosure();
    const missing = [...packages].filter(([name]) => !closure.has(name)).map(([name, file]) => `${name} (${file})`);
    expect(missing, 'move these to "dependencies" in package.json').toEqual([]);
  });
});
