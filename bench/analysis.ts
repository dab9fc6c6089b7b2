// Analysis figures: time and peak memory from research exports to a finished HTML report, for
// both engines, at growing sizes. Each run is its own child process (the real `carbon-ledger`
// command), so peak RSS is that run's alone. Inputs come from a deterministic generator that
// streams a real NDJSON export to disk (no `simulate` needed), converted once to Parquet with
// `carbon-ledger convert` for the DuckDB engine.
//
// The same cohort is also written as one JSON export (for the DuckDB engine's JSON path), and
// `--ten-million` builds a Parquet file of ten copies of the 1M cohort (new ids and participants,
// made by DuckDB) for the 10M figure.
//
// `node bench/analysis.ts [--quick] [--sizes 100000,1000000] [--runs N] [--ten-million]`

import { spawn } from 'node:child_process';
import { closeSync, createReadStream, existsSync, mkdirSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { seededRandom } from '../analysis/transforms/bootstrap.ts';
import { EXPORT_FORMAT, EXPORT_VERSION } from '../shared/export/research.ts';
import type { BenchFigure, Benchmark } from './figures.ts';

const root = resolve(import.meta.dirname, '..');

// Category ids of the product taxonomy (shared/footprint/taxonomy.ts), as the extension records them.
const CATEGORIES = ['laptops', 'clothing', 'furniture', 'food', 'kettles', 'toys', 'books', 'skincare'];
const SHOPS = ['www.amazon.de', 'www.ebay.com', 'www.ikea.com', 'www.zalando.de', 'www.otto.de', 'www.etsy.com'];
const TYPES = [
  ...Array(8).fill('product-viewed'),
  ...Array(3).fill('alternatives-shown'),
  'alternative-opened',
  ...Array(5).fill('choice-made'),
  ...Array(2).fill('purchase-marked'),
  'action-logged',
] as const;

const uuid = (n: number) =>
  `${(n >>> 0).toString(16).padStart(8, '0')}-0000-4000-8000-${Math.floor(n / 2 ** 32)
    .toString(16)
    .padStart(12, '0')}`;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * Writes `events` events of a two-arm study as NDJSON (header line, then one event a line):
 * participants of about 500 events each join in the first four weeks and stay 30–180 days.
 */
export function writeSyntheticExport(
  path: string,
  events: number,
  seed = 42,
  participants = Math.max(2, Math.round(events / 500)),
): void {
  const random = seededRandom(seed);
  const fd = openSync(path, 'w');
  let buffer = `${JSON.stringify({ format: EXPORT_FORMAT, version: EXPORT_VERSION, eventSchemaVersion: 1 })}\n`;
  let n = 0;
  const start = Date.UTC(2026, 0, 5);
  for (let p = 0; p < participants; p++) {
    const count = Math.floor(events / participants) + (p < events % participants ? 1 : 0);
    const arm = p % 2 === 0 ? 'control' : 'overlay';
    const study = { studyId: 'bench-2026', arm, participantId: `p${String(p).padStart(6, '0')}` };
    const firstDay = Math.floor(random() * 28);
    const days = 30 + Math.floor(random() * 150);
    for (let i = 0; i < count; i++) {
      const day = new Date(
        start + (firstDay + Math.floor((i / count) * days)) * 86_400_000 + Math.floor(random() * 86_400_000),
      );
      const at = `${day.getUTCFullYear()}-${pad(day.getUTCMonth() + 1)}-${pad(day.getUTCDate())}T${pad(day.getUTCHours())}:${pad(day.getUTCMinutes())}:00.000+01:00`;
      const type = TYPES[Math.floor(random() * TYPES.length)]!;
      const shopHost = SHOPS[Math.floor(random() * SHOPS.length)]!;
      const id = n++;
      const kgCO2e = Math.round(random() * 2000) / 10;
      const product = {
        title: `Product ${id % 10_000}`,
        url: `https://${shopHost}/p/${id % 10_000}`,
        price: { amount: 5 + (id % 400), currency: 'EUR' },
        brand: null,
        category: random() < 0.9 ? CATEGORIES[Math.floor(random() * CATEGORIES.length)]! : null,
        kgCO2e,
        low: kgCO2e / 2,
        high: kgCO2e * 2,
        method: 'spend-based',
      };
      const alternative = {
        kind: 'on-page',
        title: 'A greener one',
        url: null,
        avoidedKgCO2e: Math.round(kgCO2e * 3) / 10,
      };
      const greener = random() < (arm === 'overlay' ? 0.3 : 0.2);
      const data =
        type === 'action-logged'
          ? { actionId: 'decline-single-use', avoidedGramsCO2e: 52.7, photoId: null }
          : type === 'alternatives-shown'
            ? { product, alternatives: [alternative] }
            : type === 'alternative-opened'
              ? { product, alternative }
              : type === 'choice-made'
                ? {
                    product,
                    choice: greener ? 'greener' : 'kept',
                    alternative: greener ? alternative : null,
                    avoidedKgCO2e: greener ? alternative.avoidedKgCO2e : 0,
                  }
                : { product };
      buffer += `${JSON.stringify({
        id: uuid(id),
        type,
        at,
        timeZone: 'Europe/Berlin',
        schemaVersion: 1,
        shopHost: type === 'action-logged' ? null : shopHost,
        study,
        data,
      })}\n`;
      if (buffer.length > 1 << 22) {
        writeSync(fd, buffer);
        buffer = '';
      }
    }
  }
  writeSync(fd, buffer);
  closeSync(fd);
}

/** The NDJSON export (header line, then events) as one JSON export, one event a line, streamed. */
async function writeJsonExport(ndjson: string, json: string): Promise<void> {
  const fd = openSync(json, 'w');
  let buffer = '';
  let events = 0;
  for await (const line of createInterface({ input: createReadStream(ndjson), crlfDelay: Number.POSITIVE_INFINITY })) {
    if (!line.trim()) continue;
    if (buffer === '' && events === 0 && line.includes('"format"')) {
      buffer = `${line.slice(0, line.lastIndexOf('}'))},"events":[`;
      continue;
    }
    buffer += `${events++ === 0 ? '\n' : ',\n'}${line}`;
    if (buffer.length > 1 << 22) {
      writeSync(fd, buffer);
      buffer = '';
    }
  }
  writeSync(fd, `${buffer}\n]}\n`);
  closeSync(fd);
}

/**
 * Ten copies of a Parquet cohort in one file, each with new event ids and participant ids (DuckDB,
 * row groups of 100,000 as `convert` writes them); the roster metadata is not copied.
 */
async function writeTenCopies(parquet: string, out: string): Promise<void> {
  const { DuckDBInstance } = await import('@duckdb/node-api');
  const instance = await DuckDBInstance.create(':memory:', { memory_limit: '1GB' });
  const connection = await instance.connect();
  const file = (path: string) => `'${path.replaceAll("'", "''")}'`;
  try {
    // Copy n keeps the UUID's shape: its number goes in the four hex digits after the third dash.
    await connection.run(`COPY (
        SELECT * REPLACE (
          substr(id, 1, 24) || lpad(to_hex(copy), 4, '0') || substr(id, 29) AS id,
          participantId || '-' || copy AS participantId
        )
        FROM read_parquet(${file(parquet)}), range(10) AS copies(copy)
        ORDER BY copy
      ) TO ${file(out)} (FORMAT parquet, COMPRESSION snappy, ROW_GROUP_SIZE 100000)`);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** Runs `carbon-ledger` in a child and reports wall time and the child's peak RSS. */
export async function measure(args: string[]): Promise<{ ms: number; peakMB: number; cpuMs: number }> {
  // The child reports its own peak RSS (it includes DuckDB's native memory) as it exits. On Linux
  // getrusage's maxRSS survives fork + exec, so a big parent would leak its size into the child's
  // figure: VmHWM of the child's own address space is read instead where /proc has it.
  const script = `const { main } = await import(${JSON.stringify(join(root, 'analysis', 'cli', 'main.ts'))});
const { readFileSync } = await import('node:fs');
const code = await main(process.argv.slice(1));
const usage = process.resourceUsage();
let maxRssKB = usage.maxRSS;
try { maxRssKB = Number(/VmHWM:\\s+(\\d+)/.exec(readFileSync('/proc/self/status', 'utf8'))[1]); } catch {}
process.stdout.write(JSON.stringify({ code, maxRssKB, cpuUs: usage.userCPUTime + usage.systemCPUTime }));`;
  const started = performance.now();
  const child = spawn(process.execPath, ['--input-type=module', '-e', script, ...args], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => {
    stdout += chunk;
  });
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  await new Promise((done) => child.on('close', done));
  const ms = performance.now() - started;
  const result = JSON.parse(stdout.slice(stdout.lastIndexOf('{"code"')) || '{}') as {
    code?: number;
    maxRssKB?: number;
    cpuUs?: number;
  };
  if (result.code !== 0) throw new Error(`carbon-ledger ${args.join(' ')} failed: ${stderr.trim()}`);
  return { ms, peakMB: result.maxRssKB! / 1024, cpuMs: result.cpuUs! / 1000 };
}

const label = (events: number) =>
  events >= 1e6 ? `${events / 1e6}M` : events >= 1e3 ? `${events / 1e3}k` : String(events);

/** Median of `runs` reports of `input` by `engine` as three figures: wall time, CPU time, peak memory. */
async function reportFigures(
  what: string,
  input: string,
  engine: string,
  runs: number,
  out: string,
  target?: { ms: number; mb: number },
): Promise<BenchFigure[]> {
  const results: { ms: number; peakMB: number; cpuMs: number }[] = [];
  for (let run = 0; run < runs; run++) results.push(await measure(['report', input, '--out', out, '--engine', engine]));
  const mid = results.sort((a, b) => a.ms - b.ms)[results.length >> 1]!;
  return [
    {
      name: `analysis: report from ${what}`,
      value: mid.ms,
      unit: 'ms',
      runs,
      ...(target ? { target: { max: target.ms } } : {}),
    },
    { name: `analysis: report from ${what}, CPU time`, value: mid.cpuMs, unit: 'ms', runs },
    {
      name: `analysis: report from ${what}, peak memory`,
      value: Math.max(...results.map((r) => r.peakMB)),
      unit: 'MB',
      runs,
      ...(target ? { target: { max: target.mb } } : {}),
    },
  ];
}

export async function analysisFigures(
  sizes: number[],
  runs: number,
  options: { tenMillion?: boolean } = {},
): Promise<BenchFigure[]> {
  const dir = join(tmpdir(), 'carbon-ledger-bench-analysis');
  mkdirSync(dir, { recursive: true });
  const figures: BenchFigure[] = [];
  const out = join(dir, 'report.html');
  const wanted = options.tenMillion && !sizes.includes(1_000_000) ? [...sizes, 1_000_000] : sizes;
  for (const events of wanted) {
    const ndjson = join(dir, `cohort-${events}.ndjson`);
    const json = join(dir, `cohort-${events}.json`);
    const parquet = join(dir, `cohort-${events}.parquet`);
    if (!existsSync(ndjson)) writeSyntheticExport(ndjson, events);
    if (!existsSync(json)) await writeJsonExport(ndjson, json);
    if (!existsSync(parquet)) {
      const convert = await measure(['convert', ndjson, '--out', parquet]);
      figures.push(
        { name: `analysis: convert ${label(events)} events NDJSON → Parquet`, value: convert.ms, unit: 'ms', runs: 1 },
        {
          name: `analysis: convert ${label(events)} events, peak memory`,
          value: convert.peakMB,
          unit: 'MB',
          runs: 1,
        },
      );
    }
    if (!sizes.includes(events)) continue;
    const mb = (path: string) => (statSync(path).size / 1e6).toFixed(0);
    process.stderr.write(
      `(${label(events)}: NDJSON ${mb(ndjson)} MB, JSON ${mb(json)} MB, Parquet ${mb(parquet)} MB) `,
    );
    const cases = [
      { engine: 'arquero', input: ndjson, format: 'NDJSON' },
      { engine: 'arquero', input: parquet, format: 'Parquet' },
      { engine: 'duckdb', input: parquet, format: 'Parquet' },
      { engine: 'duckdb', input: ndjson, format: 'NDJSON' },
      { engine: 'duckdb', input: json, format: 'JSON' },
    ];
    for (const { engine, input, format } of cases) {
      // The targets: 1M events in 5 s from NDJSON or JSON, 3 s from Parquet, under 2 GB.
      const target =
        events === 1_000_000 ? { ms: format === 'Parquet' && engine === 'duckdb' ? 3000 : 5000, mb: 2048 } : undefined;
      figures.push(
        ...(await reportFigures(`${label(events)} events (${engine}, ${format})`, input, engine, runs, out, target)),
      );
    }
  }
  if (options.tenMillion) {
    const tenMillion = join(dir, 'cohort-10x1000000.parquet');
    if (!existsSync(tenMillion)) await writeTenCopies(join(dir, 'cohort-1000000.parquet'), tenMillion);
    figures.push(
      ...(await reportFigures('10M events (duckdb, Parquet)', tenMillion, 'duckdb', 1, out, { ms: 15_000, mb: 2048 })),
    );
  }
  return figures;
}

export const analysisBenchmark: Benchmark = async ({ quick }) =>
  analysisFigures(quick ? [10_000] : [100_000, 1_000_000], quick ? 1 : 3, { tenMillion: !quick });

if (import.meta.main) {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      sizes: { type: 'string' },
      runs: { type: 'string' },
      clean: { type: 'boolean', default: false },
      'ten-million': { type: 'boolean', default: false },
    },
  });
  if (values.clean) rmSync(join(tmpdir(), 'carbon-ledger-bench-analysis'), { recursive: true, force: true });
  const tenMillion = values['ten-million'];
  const figures = values.sizes
    ? await analysisFigures(values.sizes.split(',').map(Number), Number(values.runs ?? 1), { tenMillion })
    : tenMillion
      ? await analysisFigures([], 1, { tenMillion })
      : await analysisBenchmark({ quick: values.quick });
  for (const figure of figures) {
    console.log(`${figure.name}: ${figure.value.toFixed(0)} ${figure.unit} (${figure.runs} runs)`);
  }
}
