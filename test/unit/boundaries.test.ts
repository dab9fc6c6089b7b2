// DESIGN's boundaries, held on the real import graph (test/import-graph.ts, read with the parser
// the build uses):
// - extension/ never imports analysis/ (Arquero compiles expressions with Function(), which
//   Manifest V3 extension pages forbid);
// - shared/ imports nothing from extension/ or analysis/, and no package; it names no browser
//   global and no eval: extraction is handed its Document, so the same code runs in a content
//   script and under linkedom in Node;
// - the content script never reaches shared/footprint/ (the estimator and its tables stay in the
//   background, and the content script within its size budget).
// Each rule is checked against a case that must trip it, so a walk that finds nothing cannot pass.

import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { freeNames, importsOf, reachable, repoPath, sourceFiles } from '../import-graph.ts';
import { REPO_ROOT } from '../shared-fixtures.ts';

const CONTENT_SCRIPT = `${REPO_ROOT}/extension/entrypoints/shop.content/index.ts`;
const BACKGROUND = `${REPO_ROOT}/extension/entrypoints/background/index.ts`;

/**
 * What shared/ may name without importing it: the language's own globals (those of a bare V8
 * context, as in every browser and Node) and the few web APIs that browsers, workers and Node all
 * have. Not eval or Function (code from strings), nothing of the DOM, the page or the extension.
 */
const UNIVERSAL = new Set<string>([
  ...(runInNewContext('Object.getOwnPropertyNames(globalThis)') as string[]),
  'undefined',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'crypto',
  'structuredClone',
  'queueMicrotask',
  'setTimeout',
  'clearTimeout',
  'AbortController',
  'console',
]);
UNIVERSAL.delete('eval');
UNIVERSAL.delete('Function');

describe('extension/ never imports analysis/', () => {
  const files = sourceFiles('extension');

  it('no file of extension/ imports a file of analysis/, even for types', () => {
    expect(files.length).toBeGreaterThan(20);
    const crossings = files.flatMap((file) =>
      importsOf(file)
        .filter((i) => i.file && repoPath(i.file).startsWith('analysis/'))
        .map((i) => `${repoPath(file)} imports ${i.specifier}`),
    );
    expect(crossings).toEqual([]);
  });

  it('nor a package only analysis/ uses (arquero, duckdb, jsdom, hyparquet)', () => {
    const analysisOnly = /^(?:arquero|@duckdb\/|jsdom|hyparquet|node:)/;
    const found = files.flatMap((file) =>
      importsOf(file)
        .filter((i) => analysisOnly.test(i.specifier))
        .map((i) => `${repoPath(file)} imports ${i.specifier}`),
    );
    expect(found).toEqual([]);
  });

  it('the walk sees what the extension does import (shared/ from the background)', () => {
    expect([...reachable(BACKGROUND)].map(repoPath)).toContain('shared/footprint/estimate.ts');
  });
});

describe('shared/ is pure TypeScript for both sides', () => {
  const files = sourceFiles('shared');

  it('imports only within shared/: no package, nothing of extension/ or analysis/', () => {
    expect(files.length).toBeGreaterThan(50);
    const outside = files.flatMap((file) =>
      importsOf(file)
        .filter((i) => !i.file || !repoPath(i.file).startsWith('shared/'))
        .map((i) => `${repoPath(file)} imports ${i.specifier}`),
    );
    expect(outside).toEqual([]);
  });

  it('names no browser global, no DOM and no eval: a Document is always handed in', () => {
    const globals = files.flatMap((file) =>
      freeNames(file)
        .filter((n) => !UNIVERSAL.has(n.name))
        .map((n) => `${repoPath(file)}:${n.line} ${n.name}`),
    );
    expect(globals).toEqual([]);
  });

  it('the same check finds the globals the extension does use (document, browser)', () => {
    const names = new Set(sourceFiles('extension').flatMap((file) => freeNames(file).map((n) => n.name)));
    expect(names).toContain('document');
    expect(names).toContain('browser');
    // A parameter named like a global is a local name, not a use of the global.
    expect(freeNames(`${REPO_ROOT}/shared/extract/dom.ts`).map((n) => n.name)).not.toContain('document');
  });
});

describe('the content script never reaches shared/footprint/', () => {
  it('nothing it loads at run time, directly or through other files, is under shared/footprint/', () => {
    const loaded = [...reachable(CONTENT_SCRIPT)].map(repoPath);
    // It does read pages: the walk went through extraction.
    expect(loaded).toContain('shared/extract/index.ts');
    expect(loaded.filter((f) => f.startsWith('shared/footprint/'))).toEqual([]);
  });
});
