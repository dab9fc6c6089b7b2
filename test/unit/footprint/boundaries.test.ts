// Only the background service worker may import the estimator and its tables; the content script
// must stay small, so it must not reach shared/footprint, directly or through its own imports.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../shared-fixtures.ts';

function importsOf(file: string): string[] {
  // Type-only imports are erased at build time, so they add nothing to the bundle.
  const source = readFileSync(file, 'utf8');
  return [...source.matchAll(/^(?:import|export)(?!\s+type\s)[^;]*?from\s*['"](\.[^'"]+)['"]/gms)].map((m) =>
    resolve(dirname(file), m[1]!),
  );
}

function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const next of importsOf(file)) {
      const candidates = [next, `${next}.ts`, `${next}.tsx`, join(next, 'index.ts')];
      const found = candidates.find((c) => {
        try {
          return statSync(c).isFile();
        } catch {
          return false;
        }
      });
      if (found) queue.push(found);
    }
  }
  return seen;
}

describe('bundle boundaries', () => {
  it('the background does reach the estimator (so the walk below follows imports)', () => {
    const background = join(REPO_ROOT, 'extension', 'entrypoints', 'background', 'index.ts');
    expect([...reachable(background)].some((f) => f.includes(join('shared', 'footprint', 'estimate.ts')))).toBe(true);
  });

  it('no content script imports shared/footprint', () => {
    const entrypoints = join(REPO_ROOT, 'extension', 'entrypoints');
    const contentEntries = readdirSync(entrypoints).filter((name) => /content/.test(name));
    expect(contentEntries.length).toBeGreaterThan(0);
    for (const name of contentEntries) {
      const path = join(entrypoints, name);
      const files = statSync(path).isDirectory()
        ? readdirSync(path)
            .filter((f) => /^index\.tsx?$/.test(f))
            .map((f) => join(path, f))
        : [path];
      for (const file of files) {
        const footprint = [...reachable(file)].filter((f) => f.includes(`${join('shared', 'footprint')}`));
        expect(footprint, `${name} reaches the estimator`).toEqual([]);
      }
    }
  });
});
