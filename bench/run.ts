// `npm run bench [-- --quick] [-- --only NAME]`: runs every benchmark, prints one table and writes
// bench/results.json. Every figure is a median over repeated runs (or a single size). `--quick`
// uses small sizes so CI keeps the benchmark code working, and writes test-results/ instead: the
// numbers that count come from a full run by hand.

import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { arch, cpus, platform, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BenchFigure, Benchmark } from './figures.ts';

/** Every benchmark, by name; each module also runs on its own with `node bench/<name>.ts`. */
const BENCHMARKS: Record<string, () => Promise<Benchmark>> = {
  bundle: async () => (await import('./bundle.ts')).bundleBenchmark,
  extract: async () => (await import('./extract.ts')).extractBenchmark,
  ledger: async () => (await import('./ledger.ts')).ledgerBenchmark,
  overlay: async () => (await import('./overlay.ts')).overlayBenchmark,
  'overlay-firefox': async () => (await import('./overlay-firefox.ts')).overlayFirefoxBenchmark,
  estimate: async () => (await import('./estimate.ts')).estimateBenchmark,
  batch: async () => (await import('./batch.ts')).batchBenchmark,
  dashboard: async () => (await import('./dashboard.ts')).dashboardBenchmark,
  indexeddb: async () => (await import('./indexeddb.ts')).indexedDbBenchmark,
  analysis: async () => (await import('./analysis.ts')).analysisBenchmark,
};

const { values } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, only: { type: 'string', multiple: true } },
});
const selected = values.only ?? Object.keys(BENCHMARKS);
const unknown = selected.filter((name) => !BENCHMARKS[name]);
if (unknown.length) {
  console.error(`bench: unknown benchmark ${unknown.join(', ')} (known: ${Object.keys(BENCHMARKS).join(', ')})`);
  process.exit(2);
}

const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Math.round(totalmem() / 2 ** 30),
  platform: `${platform()} ${arch()}`,
  node: process.version,
};

const results: (BenchFigure & { benchmark: string; pass: boolean | null })[] = [];
for (const name of selected) {
  const started = performance.now();
  process.stderr.write(`bench: ${name}… `);
  const figures = await (await BENCHMARKS[name]!())({ quick: values.quick });
  process.stderr.write(`${((performance.now() - started) / 1000).toFixed(1)} s\n`);
  for (const figure of figures) {
    const { max, min } = figure.target ?? {};
    const pass =
      figure.target === undefined
        ? null
        : (max === undefined || figure.value <= max) && (min === undefined || figure.value >= min);
    results.push({ benchmark: name, ...figure, pass });
  }
}

const format = (value: number) =>
  Math.abs(value) >= 100 ? value.toFixed(0) : Math.abs(value) >= 1 ? value.toFixed(1) : value.toPrecision(2);
const rows = results.map((r) => [
  r.name,
  `${format(r.value)} ${r.unit}`,
  String(r.runs),
  r.target ? `${r.target.max !== undefined ? `≤ ${r.target.max}` : `≥ ${r.target.min}`} ${r.unit}` : '',
  r.pass === null ? '' : r.pass ? 'ok' : 'MISSED',
]);
const header = ['figure', 'value', 'runs', 'target', ''];
const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
const line = (cells: string[]) =>
  cells
    .map((cell, i) => cell.padEnd(widths[i]!))
    .join('  ')
    .trimEnd();
console.log(line(header));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(row));

// A quick run must not overwrite the figures of the last full run, which the README quotes.
const root = resolve(import.meta.dirname, '..');
const out = values.quick ? join(root, 'test-results', 'bench-quick.json') : join(root, 'bench', 'results.json');
mkdirSync(dirname(out), { recursive: true });
// `--only` re-measures some benchmarks: the other figures of the last run are kept, each with
// the date it was measured.
const date = new Date().toISOString();
let figures: object[] = results.map((figure) => ({ ...figure, date }));
if (values.only && existsSync(out)) {
  const previous = JSON.parse(readFileSync(out, 'utf8')) as {
    date: string;
    figures: { benchmark: string; date?: string }[];
  };
  const kept = previous.figures
    .filter((figure) => !selected.includes(figure.benchmark))
    .map((figure) => ({ date: previous.date, ...figure }));
  figures = [...kept, ...figures];
}
writeFileSync(out, `${JSON.stringify({ date, quick: values.quick, machine, figures }, null, 2)}\n`);
console.log(`\n${values.quick ? 'Quick run (small sizes; numbers not judged). ' : ''}Wrote ${relative(root, out)}`);
