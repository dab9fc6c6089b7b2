// Both engines give the same numbers on the same data: the seeded cohort as JSON exports, and the
// same events converted to Parquet (one file, and hive-partitioned folders).

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { arqueroEngine } from '../../../analysis/engines/arquero.ts';
import { duckdbEngine } from '../../../analysis/engines/duckdb.ts';
import type { EngineResult } from '../../../analysis/engines/summary.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { cohortEvents, writeCohort } from './cohort.ts';

/** Numbers rounded to 9 significant digits: the engines sum in different orders. */
const rounded = (result: EngineResult) =>
  JSON.parse(JSON.stringify(result.summary, (_, v) => (typeof v === 'number' ? Number(v.toPrecision(9)) : v)));

const cli = (args: string[]) =>
  promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin', 'carbon-ledger.js'), ...args], { cwd: REPO_ROOT });

let dir: string;
let paths: string[];
let arquero: EngineResult;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-engines-'));
  paths = writeCohort(dir, cohortEvents({ participants: 10, weeks: 8 }));
  arquero = await arqueroEngine.summarize(paths);
}, 60_000);

describe('engines', () => {
  it('summarise the cohort as expected', () => {
    const s = arquero.summary;
    expect(s.participants).toBe(10);
    expect(s.arms).toEqual(['control', 'overlay']);
    expect(s.studies).toEqual(['pilot-2026']);
    expect(s.totals.choices).toBe(s.byArm.reduce((sum, arm) => sum + arm.choices, 0));
    expect(s.totals.choices).toBe(s.byCategory.reduce((sum, row) => sum + row.choices, 0));
    expect(s.retention.filter((r) => r.weekSinceStart === 0).every((r) => r.share === 1)).toBe(true);
    expect(s.weekly.every((w) => new Date(`${w.week}T00:00Z`).getUTCDay() === 1)).toBe(true);
  });

  it('DuckDB gives the same numbers as Arquero on the JSON exports', async () => {
    const duckdb = await duckdbEngine.summarize(paths);
    expect(rounded(duckdb)).toEqual(rounded(arquero));
    expect(duckdb.inputs.map((i) => i.events)).toEqual(arquero.inputs.map((i) => i.events));
  }, 60_000);

  it('DuckDB reading NDJSON with its own JSON reader gives the same numbers as Arquero', async () => {
    // The same exports as NDJSON: the header line (everything but the events), then one event a line.
    const ndjson = paths.map((path, index) => {
      const { events, ...header } = JSON.parse(readFileSync(path, 'utf8')) as { events: unknown[] };
      const out = join(dir, `input-${index}.ndjson`);
      writeFileSync(out, `${[header, ...events].map((line) => JSON.stringify(line)).join('\n')}\n`);
      return out;
    });
    const [a, d] = [await arqueroEngine.summarize(ndjson), await duckdbEngine.summarize(ndjson)];
    expect(rounded(a)).toEqual(rounded(arquero));
    expect(rounded(d)).toEqual(rounded(arquero));
    expect(d.inputs.map((i) => [i.format, i.events])).toEqual(a.inputs.map((i) => ['ndjson', i.events]));
    // A bad event is refused by both with the same one-line message.
    const bad = join(dir, 'bad.ndjson');
    const lines = readFileSync(ndjson[0]!, 'utf8').split('\n');
    lines[3] = lines[3]!.replace('"at":"', '"at":"yesterday ');
    writeFileSync(bad, lines.join('\n'));
    const failure = async (engine: typeof arqueroEngine) =>
      engine.summarize([bad]).then(
        () => 'read',
        (e: Error) => e.message,
      );
    expect(await failure(duckdbEngine)).toBe(await failure(arqueroEngine));
    expect(await failure(duckdbEngine)).toMatch(/line 4/);
  }, 60_000);

  it('both engines read converted Parquet, plain and hive-partitioned, to the same numbers', async () => {
    const file = join(dir, 'cohort.parquet');
    const folder = join(dir, 'partitioned');
    await cli(['convert', ...paths, '--out', file]);
    await cli(['convert', ...paths, '--partition', '--out', folder]);
    for (const input of [file, folder]) {
      expect(rounded(await arqueroEngine.summarize([input]))).toEqual(rounded(arquero));
      expect(rounded(await duckdbEngine.summarize([input]))).toEqual(rounded(arquero));
    }
  }, 60_000);

  it('count an event that appears in two inputs once, in both engines', async () => {
    const twice = [...paths, paths[0]!];
    const a = await arqueroEngine.summarize(twice);
    const d = await duckdbEngine.summarize(twice);
    expect(a.duplicates).toBe(arquero.inputs[0]!.events);
    expect(d.duplicates).toBe(a.duplicates);
    expect(rounded(a)).toEqual(rounded(arquero));
    expect(rounded(d)).toEqual(rounded(arquero));
  }, 60_000);
});
