// The queries docs/analysis.md gives for a `convert --partition` lake, run here as written: DuckDB's
// over the folder and over an `s3://` URL (pointed at the local folder: the bucket cannot be reached
// from a test), and the SQL of the Spark and Trino examples through DuckDB, over a view shaped as
// Spark's partition discovery and Trino's Hive table present the lake. All must give the numbers
// counted here from the events themselves.

import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { DuckDBConnection } from '@duckdb/node-api';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { cohortEvents, writeCohort } from './cohort.ts';

const cli = (args: string[]) =>
  promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin', 'carbon-ledger.js'), ...args], { cwd: REPO_ROOT });

const doc = readFileSync(join(REPO_ROOT, 'docs', 'analysis.md'), 'utf8');
const section = doc.slice(doc.indexOf('### Partitioned Parquet'));

/** The first fenced block of `language` after `marker` in the partitioned-Parquet section. */
function block(marker: string, language: string): string {
  const from = section.indexOf(marker);
  if (from < 0) throw new Error(`docs/analysis.md: no "${marker}" under Partitioned Parquet`);
  const match = section.slice(from).match(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``));
  if (!match) throw new Error(`docs/analysis.md: no ${language} block after "${marker}"`);
  return match[1]!;
}

/** Statements of a block, without comments and the ones that only set up a cluster. */
const statements = (sql: string): string[] =>
  sql
    .replace(/--.*$/gm, '')
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);

type Row = { studyId: string; month: string; arm: string; events: number; greener_rate: number | null };

let dir: string;
let lake: string;
let expected: Row[];
let instance: DuckDBInstance;
let connection: DuckDBConnection;

const run = async (sql: string): Promise<Row[]> => {
  const rows = (await connection.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
  // Trino lower-cases names; the rows are compared under one spelling.
  return rows.map((r) => ({
    studyId: String(r.studyId ?? r.studyid),
    month: String(r.month),
    arm: String(r.arm),
    events: Number(r.events),
    greener_rate: r.greener_rate === null ? null : Math.round(Number(r.greener_rate) * 1e9) / 1e9,
  }));
};

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-lake-'));
  const events = cohortEvents({ participants: 8, weeks: 17 });
  const paths = writeCohort(dir, events);
  lake = join(dir, 'lake');
  await cli(['convert', ...paths, '--partition', '--out', lake]);
  // What every query should say: the documented filter (study pilot-2026, February to April).
  const groups = new Map<string, { row: Row; choices: number; greener: number }>();
  for (const event of events) {
    const month = event.at.slice(0, 7);
    if (event.study?.studyId !== 'pilot-2026' || month < '2026-02' || month > '2026-04') continue;
    const key = `${month} ${event.study.arm}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        row: { studyId: 'pilot-2026', month, arm: event.study.arm, events: 0, greener_rate: null },
        choices: 0,
        greener: 0,
      };
      groups.set(key, group);
    }
    group.row.events++;
    if (event.type === 'choice-made') {
      group.choices++;
      if (event.data.choice === 'greener') group.greener++;
    }
  }
  expected = [...groups.values()]
    .map(({ row, choices, greener }) => ({
      ...row,
      greener_rate: choices ? Math.round((greener / choices) * 1e9) / 1e9 : null,
    }))
    .sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : a.arm < b.arm ? -1 : 1));
  instance = await DuckDBInstance.create(':memory:');
  connection = await instance.connect();
}, 120_000);

afterAll(() => {
  connection?.closeSync();
  instance?.closeSync();
});

describe('the documented lake queries', () => {
  it('cover three months and both arms (so the comparisons below say something)', () => {
    expect(new Set(expected.map((r) => r.month))).toEqual(new Set(['2026-02', '2026-03', '2026-04']));
    expect(new Set(expected.map((r) => r.arm)).size).toBe(2);
  });

  it('DuckDB over the folder, as written', async () => {
    const [query] = statements(block('**DuckDB**', 'sql'));
    expect(query).toContain("'lake/**/*.parquet'");
    expect(await run(query!.replace("'lake/**/*.parquet'", `'${join(lake, '**', '*.parquet')}'`))).toEqual(expected);
  });

  it('DuckDB over an s3:// URL: the same query with the bucket pointed at the folder', async () => {
    const sql = block('**DuckDB from object storage**', 'sql');
    const query = statements(sql).find((s) => /^SELECT/i.test(s))!;
    expect(query).toContain("'s3://bucket/lake/**/*.parquet'");
    // httpfs and the credentials are all that differ; the bucket itself cannot be reached from here.
    expect(sql).toMatch(/LOAD httpfs/);
    expect(await run(query.replace('s3://bucket/lake/', `${lake}/`))).toEqual(expected);
  });

  it("Spark's SQL, over the lake as Spark's partition discovery presents it", async () => {
    const python = block('**Spark**', 'python');
    const query = python.match(/spark\.sql\("""([\s\S]*?)"""\)/)?.[1];
    expect(query).toBeDefined();
    await connection.run(`CREATE OR REPLACE VIEW events AS SELECT * FROM read_parquet('${join(lake, '**', '*.parquet')}',
      hive_partitioning = true, hive_types = {'studyId': VARCHAR, 'month': VARCHAR})`);
    expect(await run(query!)).toEqual(expected);
  });

  it("Trino's SQL, over a table shaped as its CREATE TABLE says", async () => {
    const sql = statements(block('**Trino**', 'sql'));
    const create = sql.find((s) => s.startsWith('CREATE TABLE'))!;
    const query = sql.find((s) => /^SELECT/i.test(s))!;
    // The columns Trino declares (lower-case), read from the lake by name, partitions last.
    const columns = create
      .slice(create.indexOf('(') + 1, create.lastIndexOf(') WITH'))
      .split(',')
      .map((c) => c.trim().split(/\s+/)[0]!.replaceAll('"', ''));
    await connection.run("ATTACH ':memory:' AS hive");
    await connection.run('CREATE SCHEMA hive.carbon');
    await connection.run(
      `CREATE VIEW hive.carbon.events AS SELECT ${columns.map((c) => `"${c}"`).join(', ')} FROM read_parquet('${join(lake, '**', '*.parquet')}',
        hive_partitioning = true, union_by_name = true, hive_types = {'studyId': VARCHAR, 'month': VARCHAR})`,
    );
    expect(await run(query)).toEqual(expected);
  });
});
