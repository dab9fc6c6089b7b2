// The import-graph reader the boundary tests rely on (test/import-graph.ts), on small files written
// for the purpose: what counts as loading a module, what is only a type, and what is a global.

import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freeNames, importsOf, reachable } from '../import-graph.ts';

const dir = mkdtempSync(join(tmpdir(), 'import-graph-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const write = (name: string, source: string) => {
  mkdirSync(join(dir, name, '..'), { recursive: true });
  writeFileSync(join(dir, name), source);
  return join(dir, name);
};

describe('importsOf and reachable', () => {
  for (const name of ['types.ts', 'mixed.ts', 'side.ts', 'lazy.ts', 'again.ts', 'style.css', 'lib/index.ts'])
    write(name, name.endsWith('.css') ? '' : 'export const x = 1; export type T = number;');
  const entry = write(
    'entry.tsx',
    `import type { T } from './types.ts';
import { type T as U, x } from './mixed';
import './side.ts';
import css from './style.css?inline';
export { x as y } from './again.ts';
export type { T as V } from './types.ts';
import { z } from './lib';
import { h } from 'preact';
// import { gone } from './gone.ts';
const lazy = await import('./lazy.ts');
export const view = <div class={css}>{x}</div>;`,
  );

  it('reads every import, marking those that load only types', () => {
    const found = importsOf(entry).map((i) => [i.specifier, i.typeOnly, i.dynamic, i.file !== null]);
    expect(found).toEqual([
      ['./types.ts', true, false, true],
      ['./mixed', false, false, true],
      ['./side.ts', false, false, true],
      ['./style.css?inline', false, false, true],
      ['./lib', false, false, true],
      ['preact', false, false, false],
      ['./again.ts', false, false, true],
      ['./types.ts', true, false, true],
      ['./lazy.ts', false, true, true],
    ]);
  });

  it('reaches what loads at run time, not what is only a type, and no stylesheet', () => {
    const names = [...reachable(entry)].map((f) => f.slice(dir.length + 1)).sort();
    expect(names).toEqual(['again.ts', 'entry.tsx', 'lazy.ts', 'lib/index.ts', 'mixed.ts', 'side.ts']);
  });

  it('fails naming the file when an import names no file', () => {
    const broken = write('broken.ts', "import { x } from './missing.ts';");
    expect(() => importsOf(broken)).toThrow(/broken\.ts imports \.\/missing\.ts, which is no file/);
  });
});

describe('freeNames', () => {
  it('finds globals, not local names, parameters, properties, keys or types', () => {
    const file = write(
      'globals.ts',
      `export function read(document: Document, { window }: { window: Window }) {
  const location: Location = document.location;
  const o = { navigator: 1, ['chrome']: 2 };
  class A implements EventTarget { localStorage = 1; fetch() { return this.localStorage; } }
  try { return [o.navigator, location, window, new A()] } catch (indexedDB) { return indexedDB }
}
export const uses = () => [globalThis.document, browser.runtime, chrome, eval('1'), new Function('')];
const shorthand = { self };
label: for (const history of []) break label;`,
    );
    expect(freeNames(file).map((n) => `${n.line} ${n.name}`)).toEqual([
      '7 globalThis',
      '7 browser',
      '7 chrome',
      '7 eval',
      '7 Function',
      '8 self',
    ]);
  });
});
