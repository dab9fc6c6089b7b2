// Benchmark of `carbon-ledger estimate --batch`: a generated NDJSON file of products (20,000 lines,
// 1 % of them bad) through the real CLI, timed on the wall clock from process start to exit.
// `node bench/batch.ts --write FILE [--lines N]` only writes the file, for timing by hand.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { type BenchFigure, type Benchmark, median } from './figures.ts';

const BIN = join(dirname(fileURLToPath(import.meta.url)), '..', 'bin', 'carbon-ledger.js');

// Titles as shops write them, in English, German and Chinese, across the taxonomy's groups.
const TITLES = [
  'Dell Latitude 5420 14" laptop',
  'Apple iPhone 13 128GB (Renewed)',
  'Samsung 27" monitor',
  'Russell Hobbs electric kettle 1.7 l',
  "De'Longhi Magnifica S Kaffeevollautomat",
  '2000W Heizlüfter mit Thermostat',
  'Coca-Cola 6 x 330 ml',
  'Rinderhackfleisch 500g',
  "Levi's 501 Original Jeans",
  'Ergonomischer Bürostuhl mit Armlehnen',
  '华为笔记本电脑 MateBook 14',
  'Bosch Waschmaschine Serie 6',
  'Organic cotton T-shirt, crew neck',
  'LED bulb E27 9W warm white',
  'Zyxel thing XYZ-200',
];
const CURRENCIES = ['USD', 'EUR', 'GBP', 'CNY', 'JPY'];
const COUNTRIES = ['DE', 'FR', 'US', 'CN', 'GB', null];

/** `n` NDJSON lines, deterministic; every hundredth line is bad (an infinite price or not JSON). */
export function batchLines(n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    if (i % 100 === 99) return i % 200 === 199 ? '{"title": "broken' : '{"title": "Kettle", "price": "Infinity"}';
    const currency = CURRENCIES[i % CURRENCIES.length]!;
    const amount = (10 + ((i * 37) % 990)) * (currency === 'JPY' ? 150 : currency === 'CNY' ? 7 : 1);
    const country = COUNTRIES[i % COUNTRIES.length];
    return JSON.stringify({
      id: i,
      title: `${TITLES[i % TITLES.length]} #${i % 1009}`,
      price: { amount, currency },
      ...(country ? { country } : {}),
      ...(i % 13 === 0 ? { condition: 'used' } : {}),
    });
  });
}

export const batchBenchmark: Benchmark = async ({ quick }) => {
  const lines = quick ? 2_000 : 20_000;
  const runs = quick ? 1 : 3;
  const file = join(mkdtempSync(join(tmpdir(), 'carbon-ledger-batch-')), 'products.ndjson');
  writeFileSync(file, `${batchLines(lines).join('\n')}\n`);
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    const out = execFileSync(process.execPath, [BIN, 'estimate', '--batch', file], {
      maxBuffer: 256 << 20,
      stdio: ['ignore', 'pipe', 'ignore'],
      encoding: 'utf8',
    });
    const seconds = (performance.now() - start) / 1000;
    const answered = out.split('\n').filter(Boolean).length;
    if (answered !== lines) throw new Error(`estimate --batch answered ${answered} of ${lines} lines`);
    rates.push(lines / seconds);
  }
  const figure: BenchFigure = {
    name: `estimate --batch through the CLI, ${lines.toLocaleString('en')} NDJSON products (wall time with Node start)`,
    value: Math.round(median(rates)),
    unit: 'products/s',
    runs,
    target: { min: 1_000 },
  };
  return [figure];
};

if (import.meta.main) {
  const { values } = parseArgs({
    options: { write: { type: 'string' }, lines: { type: 'string' }, quick: { type: 'boolean', default: false } },
  });
  if (values.write) {
    const n = Number(values.lines ?? 20_000);
    if (!(Number.isInteger(n) && n > 0)) {
      console.error(`bench/batch: --lines must be a whole number above 0, got "${values.lines}"`);
      process.exit(2);
    }
    writeFileSync(values.write, `${batchLines(n).join('\n')}\n`);
    console.log(`wrote ${n} lines to ${values.write}`);
  } else {
    for (const figure of await batchBenchmark({ quick: values.quick }))
      console.log(`${figure.name}: ${figure.value} ${figure.unit}`);
  }
}
