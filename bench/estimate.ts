// Benchmark of the footprint estimator: estimates per second for distinct products (every one
// computed afresh) and for a listing page seen again (served from the estimator's memo), and the
// gzipped size of the factor tables the extension's background bundles.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { DEVICES } from '../shared/footprint/data/devices.ts';
import { PUBLISHED } from '../shared/footprint/data/published.ts';
import { estimateFootprint, FootprintEstimator } from '../shared/footprint/index.ts';
import type { Product } from '../shared/product.ts';
import { type BenchFigure, type Benchmark, median } from './figures.ts';

const product = (title: string, fields: Partial<Product> = {}): Product => ({
  title,
  price: null,
  brand: null,
  category: [],
  gtin: null,
  url: 'https://shop.example/p',
  ...fields,
});

// A mix like a listing page: electronics, food with pack sizes, clothing, furniture, unknowns with prices.
const TEMPLATES: Product[] = [
  product('Dell Latitude 5420 14" laptop', { brand: 'Dell', category: ['Electronics', 'Laptops'] }),
  product('Apple iPhone 13 128GB', { brand: 'Apple', price: { amount: 699, currency: 'USD' } }),
  product('Samsung 27" monitor', { price: { amount: 199, currency: 'EUR' } }),
  product('Coca-Cola 6 x 330 ml', { category: ['Grocery', 'Soft Drinks'] }),
  product('Rinderhackfleisch 500g', { category: ['Lebensmittel', 'Fleisch'] }),
  product("Levi's 501 Original Jeans", { brand: "Levi's", price: { amount: 89.9, currency: 'EUR' } }),
  product('Ergonomischer Bürostuhl mit Armlehnen', { category: ['Möbel', 'Büromöbel'], weightKg: 18 }),
  product('华为笔记本电脑 MateBook 14', { price: { amount: 5999, currency: 'CNY' } }),
  product('Bosch Waschmaschine Serie 6', { price: { amount: 599, currency: 'EUR' }, country: 'DE' }),
  product('Zyxel thing XYZ-200', { price: { amount: 49, currency: 'GBP' } }),
];

/** Distinct products: the templates with a different price each, so nothing can be reused. */
const distinct = (i: number): Product => {
  const template = TEMPLATES[i % TEMPLATES.length]!;
  return { ...template, price: { amount: 10 + (i % 997), currency: template.price?.currency ?? 'USD' } };
};

const TABLES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'shared', 'footprint', 'data');

/** Gzipped bytes of the generated factor tables (what the background bundle carries). */
export function factorTablesGzipBytes(): number {
  const all = readdirSync(TABLES_DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => readFileSync(join(TABLES_DIR, f)));
  return gzipSync(Buffer.concat(all), { level: 9 }).length;
}

// Timed in CPU seconds of this process (process.cpuUsage), which on an idle machine equals wall
// time and on a shared one does not count the time other processes hold the cores.
function rate(iterations: number, runs: number, estimate: (i: number) => number): number {
  const rates: number[] = [];
  for (let run = 0; run < runs; run++) {
    let sink = 0;
    const start = process.cpuUsage();
    for (let i = 0; i < iterations; i++) sink += estimate(i);
    const used = process.cpuUsage(start);
    rates.push(iterations / ((used.user + used.system) / 1e6));
    if (!(sink > 0)) throw new Error('estimator returned nothing');
  }
  return Math.round(median(rates));
}

export const estimateBenchmark: Benchmark = async ({ quick }) => {
  const iterations = quick ? 1_000 : 50_000;
  const runs = quick ? 1 : 5;
  // An estimator without the memo, as a fresh product meets it.
  const fresh = new FootprintEstimator({ devices: DEVICES, published: PUBLISHED });
  const products = Array.from({ length: iterations }, (_, i) => distinct(i));
  const figures: BenchFigure[] = [
    {
      name: 'footprint estimates per second, distinct products',
      value: rate(iterations, runs, (i) => fresh.estimate(products[i]!)?.kgCO2e ?? 0),
      unit: 'estimates/s',
      runs,
      target: { min: 100_000 },
    },
    {
      name: 'footprint estimates per second, listing page seen again (memo)',
      value: rate(iterations, runs, (i) => estimateFootprint(TEMPLATES[i % TEMPLATES.length]!)?.kgCO2e ?? 0),
      unit: 'estimates/s',
      runs,
      target: { min: 100_000 },
    },
    {
      name: 'factor tables, gzipped',
      value: Math.round(factorTablesGzipBytes() / 1024),
      unit: 'KB',
      runs: 1,
      target: { max: 150 },
    },
  ];
  return figures;
};

if (import.meta.main) {
  const quick = process.argv.includes('--quick');
  for (const figure of await estimateBenchmark({ quick }))
    console.log(`${figure.name}: ${figure.value} ${figure.unit}`);
}
