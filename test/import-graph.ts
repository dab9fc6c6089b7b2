// The repository's import graph, read with the parser the extension is built with (oxc, through
// rolldown's `parseSync`), for the tests that hold DESIGN's boundaries: what a file imports (and
// whether only types, which the build erases), what an entry point reaches, which files import
// what, and which browser globals a file names. One home for every test that walks imports.

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve } from 'node:path';
import { parseSync } from 'rolldown/utils';
import { REPO_ROOT } from './shared-fixtures.ts';

export interface Import {
  /** As written: `../shared/read.ts`, `preact/hooks`, `#i18n`. */
  specifier: string;
  /** The repository file it names (absolute), or null for a package or an alias the walk does not follow. */
  file: string | null;
  /** `import type …`, `import { type A }`, `export type … from`: erased by the build, loads nothing. */
  typeOnly: boolean;
  dynamic: boolean;
  /** Names taken from the module: `default`, `*` for a namespace or `export *`, or the exported name. */
  names: string[];
}

type Parsed = ReturnType<typeof parseSync>;
const parsed = new Map<string, { source: string; result: Parsed }>();

/** Parses a source file once; throws naming the file when the parser cannot read it. */
export function parse(file: string): { source: string; result: Parsed } {
  let entry = parsed.get(file);
  if (!entry) {
    const source = readFileSync(file, 'utf8');
    const result = parseSync(file, source);
    if (result.errors.length)
      throw new Error(`${relative(REPO_ROOT, file)}: ${result.errors.map((e) => e.message).join('; ')}`);
    entry = { source, result };
    parsed.set(file, entry);
  }
  return entry;
}

const EXTENSIONS = ['', '.ts', '.tsx', '/index.ts', '/index.tsx'];

/** The file a relative specifier names, as the bundler would find it; null when it names a package. */
export function resolveImport(from: string, specifier: string): string | null {
  if (!specifier.startsWith('.')) return null;
  // Vite's queries (`./style.css?inline`) name the same file.
  const base = resolve(dirname(from), specifier.replace(/\?.*$/, ''));
  for (const suffix of EXTENSIONS) {
    const candidate = base + suffix;
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {}
  }
  throw new Error(`${relative(REPO_ROOT, from)} imports ${specifier}, which is no file`);
}

export function importsOf(file: string): Import[] {
  const { source, result } = parse(file);
  const imports: Import[] = [];
  for (const statement of result.module.staticImports) {
    const specifier = statement.moduleRequest.value;
    const names = statement.entries.map((e) =>
      e.importName.kind === 'Name' ? e.importName.name! : e.importName.kind === 'Default' ? 'default' : '*',
    );
    // `import './x'` has no entries and runs the module; otherwise it loads something only when an entry is a value.
    const typeOnly = statement.entries.length > 0 && statement.entries.every((e) => e.isType);
    imports.push({ specifier, file: resolveImport(file, specifier), typeOnly, dynamic: false, names });
  }
  for (const statement of result.module.staticExports) {
    const reexports = statement.entries.filter((e) => e.moduleRequest);
    if (!reexports.length) continue;
    const specifier = reexports[0]!.moduleRequest!.value;
    imports.push({
      specifier,
      file: resolveImport(file, specifier),
      typeOnly: reexports.every((e) => e.isType),
      dynamic: false,
      names: reexports.map((e) => (e.importName.kind === 'Name' ? e.importName.name! : '*')),
    });
  }
  for (const call of result.module.dynamicImports) {
    const literal = /^(['"`])([^'"`$]*)\1$/.exec(source.slice(call.moduleRequest.start, call.moduleRequest.end));
    if (!literal) continue; // a computed specifier: nothing the walk can follow
    imports.push({
      specifier: literal[2]!,
      file: resolveImport(file, literal[2]!),
      typeOnly: false,
      dynamic: true,
      names: ['*'],
    });
  }
  return imports;
}

/**
 * Every repository file an entry point loads at run time (itself included), following static,
 * re-exported and dynamic imports; type-only imports are left out, as the build leaves them out.
 */
export function reachable(entry: string): Set<string> {
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const { file: next, typeOnly } of importsOf(file)) if (next && !typeOnly && isSource(next)) queue.push(next);
  }
  return seen;
}

/** The TypeScript sources under a repository folder, absolute paths. */
export function sourceFiles(folder: string): string[] {
  const root = join(REPO_ROOT, folder);
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (/\.tsx?$/.test(entry.name) && !entry.name.endsWith('.d.ts')) files.push(path);
    }
  };
  walk(root);
  return files.sort();
}

/** The repository-relative path, with forward slashes, for messages and matching. */
export const repoPath = (file: string): string => relative(REPO_ROOT, file).split('\\').join('/');

// --- Free names -------------------------------------------------------------------------------

type AstNode = { type: string; [key: string]: unknown };
const isNode = (value: unknown): value is AstNode =>
  typeof value === 'object' && value !== null && typeof (value as AstNode).type === 'string';

/** Keys that hold only types (erased) or names that are not references. */
const TYPE_KEYS = new Set([
  'typeAnnotation',
  'returnType',
  'typeParameters',
  'typeArguments',
  'superTypeArguments',
  'implements',
]);
const SCOPES = new Set([
  'Program',
  'FunctionDeclaration',
  'FunctionExpression',
  'ArrowFunctionExpression',
  'BlockStatement',
  'StaticBlock',
  'CatchClause',
  'ForStatement',
  'ForInStatement',
  'ForOfStatement',
  'ClassDeclaration',
  'ClassExpression',
  'SwitchStatement',
]);

/** The names a binding pattern declares: `a`, `{ a, b: c }`, `[d, ...e]`, `f = 1`. */
function bindingNames(pattern: unknown, into: Set<string>): void {
  if (!isNode(pattern)) return;
  switch (pattern.type) {
    case 'Identifier':
      into.add(pattern.name as string);
      break;
    case 'ObjectPattern':
      for (const property of pattern.properties as AstNode[])
        bindingNames(property.type === 'RestElement' ? property.argument : property.value, into);
      break;
    case 'ArrayPattern':
      for (const element of pattern.elements as unknown[]) bindingNames(element, into);
      break;
    case 'RestElement':
      bindingNames(pattern.argument, into);
      break;
    case 'AssignmentPattern':
      bindingNames(pattern.left, into);
      break;
    case 'TSParameterProperty':
      bindingNames(pattern.parameter, into);
      break;
  }
}

/** The names a scope node declares directly (hoisted functions and `var` counted in the scope that holds them). */
function declaredIn(node: AstNode): Set<string> {
  const names = new Set<string>();
  const fromStatement = (statement: unknown) => {
    if (!isNode(statement)) return;
    const declaration =
      statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration'
        ? statement.declaration
        : statement;
    if (!isNode(declaration)) return;
    if (declaration.type === 'VariableDeclaration')
      for (const d of declaration.declarations as AstNode[]) bindingNames(d.id, names);
    else if (
      (declaration.type === 'FunctionDeclaration' || declaration.type === 'ClassDeclaration') &&
      isNode(declaration.id)
    )
      names.add(declaration.id.name as string);
    else if (declaration.type === 'ImportDeclaration')
      for (const s of declaration.specifiers as AstNode[]) names.add((s.local as AstNode).name as string);
  };
  switch (node.type) {
    case 'Program':
    case 'BlockStatement':
    case 'StaticBlock':
      for (const statement of node.body as unknown[]) fromStatement(statement);
      break;
    case 'SwitchStatement':
      for (const c of node.cases as AstNode[]) for (const s of c.consequent as unknown[]) fromStatement(s);
      break;
    case 'FunctionDeclaration':
    case 'FunctionExpression':
    case 'ArrowFunctionExpression':
      for (const param of node.params as unknown[]) bindingNames(param, names);
      if (node.type === 'FunctionExpression' && isNode(node.id)) names.add(node.id.name as string);
      break;
    case 'ClassExpression':
    case 'ClassDeclaration':
      if (isNode(node.id)) names.add(node.id.name as string);
      break;
    case 'CatchClause':
      bindingNames(node.param, names);
      break;
    case 'ForStatement':
      fromStatement(node.init);
      break;
    case 'ForInStatement':
    case 'ForOfStatement':
      fromStatement(node.left);
      break;
  }
  return names;
}

export interface FreeName {
  name: string;
  line: number;
}

/**
 * The names a file uses at run time without declaring or importing them (globals such as
 * `document` or `chrome`), with their lines. Types, property names and object keys are not uses.
 */
export function freeNames(file: string): FreeName[] {
  const { source, result } = parse(file);
  const found: FreeName[] = [];
  const lineOf = (offset: number) => source.slice(0, offset).split('\n').length;
  const visit = (node: AstNode, scopes: Set<string>[], parent: AstNode | null, key: string): void => {
    if (node.type.startsWith('TS')) {
      // Type positions are erased; `x as T`, `x!` and `x satisfies T` keep their expression.
      if (isNode(node.expression) && node.type !== 'TSExternalModuleReference')
        visit(node.expression, scopes, node, 'expression');
      return;
    }
    if (node.type === 'Identifier') {
      const notReference =
        ((parent?.type === 'MemberExpression' || parent?.type === 'MetaProperty') &&
          key === 'property' &&
          !parent.computed) ||
        ((parent?.type === 'Property' ||
          parent?.type === 'PropertyDefinition' ||
          parent?.type === 'MethodDefinition' ||
          parent?.type === 'AccessorProperty') &&
          key === 'key' &&
          !parent.computed) ||
        parent?.type === 'LabeledStatement' ||
        parent?.type === 'BreakStatement' ||
        parent?.type === 'ContinueStatement' ||
        parent?.type === 'ImportSpecifier' ||
        parent?.type === 'ImportDefaultSpecifier' ||
        parent?.type === 'ImportNamespaceSpecifier' ||
        parent?.type === 'ExportSpecifier' ||
        parent?.type === 'JSXAttribute';
      const name = node.name as string;
      if (!notReference && !scopes.some((scope) => scope.has(name)))
        found.push({ name, line: lineOf(node.start as number) });
      return;
    }
    if (node.type === 'JSXIdentifier') {
      // <Badge /> names a component (a reference); <div /> and attribute names do not.
      return;
    }
    const inner = SCOPES.has(node.type) ? [...scopes, declaredIn(node)] : scopes;
    for (const [childKey, value] of Object.entries(node)) {
      if (TYPE_KEYS.has(childKey)) continue;
      if (Array.isArray(value)) {
        for (const item of value) if (isNode(item)) visit(item, inner, node, childKey);
      } else if (isNode(value)) visit(value, inner, node, childKey);
    }
  };
  visit(result.program as unknown as AstNode, [], null, '');
  return found;
}

/** Whether a path is a TypeScript source by its ending. */
export const isSource = (file: string): boolean => ['.ts', '.tsx', '.js', '.mjs'].includes(extname(file));
