// The DuckDB engine: the same aggregations as the Arquero transforms, in SQL, over Parquet read
// in place (files or hive-partitioned folders written by `convert`), so a study larger than
// memory is summarised by streaming and spilling rather than loading. Every input is checked by
// the same readers the Arquero engine uses; NDJSON is then read by DuckDB's own JSON reader, JSON
// and CSV are staged as flat NDJSON rows and read by it too.

import { closeSync, mkdtempSync, openSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { EVENT_TYPES } from '../../shared/events.ts';
import { checkNdjson } from '../load/check-parallel.ts';
import type { FlatEvent } from '../load/flat.ts';
import { NO_ARM } from '../load/ledger-table.ts';
import { detectFormat, ExportError, parquetRoster, readExport } from '../load/read.ts';
import { mergeRosters, type RosterEntry } from '../load/roster.ts';
import { checkStagedEvents, stageJsonExport } from '../load/stage-json.ts';
import { UNKNOWN } from '../transforms/choices.ts';
import { completeSummary, type EngineTables } from '../transforms/complete.ts';
import type { Engine, EngineInput } from './summary.ts';

/**
 * JSON exports above this size are staged as NDJSON lines of raw events and checked on worker
 * threads; smaller ones are read, checked and staged as flat rows on the main thread.
 */
export const STAGE_JSON_ABOVE_BYTES = 32 << 20;

/** DuckDB's share when none is given: with Node, jsdom and Plot the report stays under 2 GB. */
export const DEFAULT_MEMORY_LIMIT = '1GB';

const quote = (text: string): string => `'${text.replaceAll("'", "''")}'`;

/** The Parquet source of one input: a file, or every .parquet file under a folder with hive keys. */
function parquetSource(path: string): string {
  if (statSync(path).isDirectory()) {
    return `read_parquet(${quote(join(path, '**', '*.parquet'))}, hive_partitioning = true, union_by_name = true, hive_types = {'studyId': VARCHAR, 'month': VARCHAR})`;
  }
  return `read_parquet(${quote(path)}, union_by_name = true)`;
}

/** The flat columns (shared/export/research.ts) the engine reads, with their DuckDB types. */
const STAGED_COLUMNS = {
  id: 'VARCHAR',
  type: 'VARCHAR',
  at: 'VARCHAR',
  shopHost: 'VARCHAR',
  studyId: 'VARCHAR',
  arm: 'VARCHAR',
  participantId: 'VARCHAR',
  category: 'VARCHAR',
  kgCO2e: 'DOUBLE',
  choice: 'VARCHAR',
  avoidedKgCO2e: 'DOUBLE',
} as const satisfies Partial<Record<keyof FlatEvent, string>>;

/** Writes checked flat rows as NDJSON lines of the staged columns, in large writes. */
function stagedRows(path: string): { add: (event: FlatEvent) => void; close: () => void } {
  const fd = openSync(path, 'w');
  let buffer = '';
  return {
    add(event) {
      buffer += `${JSON.stringify({
        id: event.id,
        type: event.type,
        at: event.at,
        shopHost: event.shopHost,
        studyId: event.studyId,
        arm: event.arm,
        participantId: event.participantId,
        category: event.category,
        kgCO2e: event.kgCO2e,
        choice: event.choice,
        avoidedKgCO2e: event.avoidedKgCO2e,
      } satisfies Record<keyof typeof STAGED_COLUMNS, unknown>)}\n`;
      if (buffer.length > 1 << 22) {
        writeSync(fd, buffer);
        buffer = '';
      }
    },
    close() {
      if (buffer) writeSync(fd, buffer);
      closeSync(fd);
    },
  };
}

/**
 * The events of an NDJSON export (header line, then one event a line) as the flat columns the
 * engine reads, mapped as `exportRow` maps an event (shared/export/research.ts): study fields from
 * `study`, product fields from `data.product`, the choice of a choice, the kg avoided by a choice or
 * (grams / 1000) by an everyday action. The header line has no `type` and is left out. Only the
 * fields used are read, typed as they are once checked (DuckDB's reader casts leniently, so the
 * check by `validateEvent` is what guarantees a number is a number): a third less work than
 * extracting them from `data` as JSON.
 */
export function ndjsonSource(path: string): string {
  return `(SELECT id, "type", "at", shopHost, study.studyId AS studyId, study.arm AS arm,
      study.participantId AS participantId, data.product.category AS category, data.product.kgCO2e AS kgCO2e,
      CASE WHEN "type" = 'choice-made' THEN data.choice END AS choice,
      CASE "type" WHEN 'choice-made' THEN data.avoidedKgCO2e
        WHEN 'action-logged' THEN data.avoidedGramsCO2e / 1000 END AS avoidedKgCO2e
    FROM read_ndjson(${quote(path)}, columns = {id: 'VARCHAR', "type": 'VARCHAR', "at": 'VARCHAR',
      shopHost: 'VARCHAR', study: 'STRUCT(studyId VARCHAR, arm VARCHAR, participantId VARCHAR)',
      data: 'STRUCT(product STRUCT(category VARCHAR, kgCO2e DOUBLE), choice VARCHAR, avoidedKgCO2e DOUBLE,
        avoidedGramsCO2e DOUBLE)'}, maximum_object_size = 16777216)
    WHERE "type" IS NOT NULL)`;
}

const anonymousName = (path: string) => basename(path).replace(/\.(json|ndjson|jsonl|csv|parquet)$/i, '');

/**
 * The result of `sql` as row objects. Converted column by column and zipped here: DuckDB's own
 * row conversion took 2 s for the 108,000 rows of a 1M-event cohort's choices, this 0.25 s.
 */
async function rows<T>(connection: DuckDBConnection, sql: string): Promise<T[]> {
  const reader = await connection.runAndReadAll(sql);
  const names = reader.columnNames();
  const columns = reader.getColumnsJS();
  const result: Record<string, unknown>[] = new Array(reader.currentRowCount);
  for (let row = 0; row < result.length; row++) {
    const record: Record<string, unknown> = {};
    for (let column = 0; column < names.length; column++) record[names[column]!] = columns[column]![row];
    result[row] = record;
  }
  return result as T[];
}

const AT = String.raw`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d{1,3})?([+-]\d\d:\d\d|Z)$`;

/** Creates the `events` table from the inputs; returns the inputs as read and the duplicates. */
async function loadEvents(
  connection: DuckDBConnection,
  paths: readonly string[],
  stage: string,
  onProgress?: (read: number, total: number, path: string) => void,
  stageJsonAbove = STAGE_JSON_ABOVE_BYTES,
): Promise<{ inputs: EngineInput[]; duplicates: number; roster: RosterEntry[] }> {
  const selects: string[] = [];
  const inputs: EngineInput[] = [];
  const rosters: RosterEntry[][] = [];
  for (const [index, path] of paths.entries()) {
    const format = await detectFormat(path);
    let source: string;
    if (format === 'parquet') {
      source = parquetSource(path);
      const columns = new Set(
        (await rows<{ column_name: string }>(connection, `DESCRIBE SELECT * FROM ${source}`)).map((r) => r.column_name),
      );
      const missing = ['id', 'type', 'at'].filter((column) => !columns.has(column));
      if (missing.length) throw new ExportError(path, `Parquet file lacks the columns ${missing.join(', ')}`);
      const [bad] = await rows<{ id: string | null; type: string | null; at: string | null }>(
        connection,
        `SELECT id, type, "at" FROM ${source}
         WHERE id IS NULL OR type NOT IN (${EVENT_TYPES.map(quote).join(', ')}) OR NOT regexp_full_match("at", ${quote(AT)})
         LIMIT 1`,
      );
      if (bad) {
        throw new ExportError(
          path,
          `event ${bad.id ?? '(no id)'}: ${bad.type && EVENT_TYPES.includes(bad.type as never) ? 'at: must be an ISO 8601 time with its UTC offset' : `type: must be one of ${EVENT_TYPES.join(', ')}`}`,
        );
      }
      const [{ n }] = (await rows<{ n: number }>(connection, `SELECT count(*)::INTEGER AS n FROM ${source}`)) as [
        { n: number },
      ];
      inputs.push({ path, format, events: n });
      rosters.push(await parquetRoster(path));
      onProgress?.(1, 1, path);
    } else if (format === 'ndjson' || (format === 'json' && statSync(path).size > stageJsonAbove)) {
      // Checked event by event with the same rules and errors as the Arquero engine's reader, on
      // worker threads for a large file (check-parallel.ts), keeping nothing; DuckDB reads the
      // events itself with its JSON reader at the same time (on its own threads), through the
      // columns `exportRow` gives (shared/export/research.ts). The check's error, if any, is the
      // one reported. A large JSON export is first written out as NDJSON, one event a line,
      // unparsed (stage-json.ts), which costs one scan instead of a parse of every event.
      const table = `ndjson_${index}`;
      const progress = (read: number, total: number) => onProgress?.(read, total, path);
      let lines = path;
      let roster: RosterEntry[] | null = null;
      if (format === 'json') {
        lines = join(stage, `input-${index}.ndjson`);
        roster = (await stageJsonExport(path, lines)).roster;
      }
      const [checked, loaded] = await Promise.allSettled([
        roster
          ? checkStagedEvents(path, lines, { onProgress: progress }).then((events) => ({ events, roster }))
          : checkNdjson(path, { onProgress: progress }),
        connection.run(`CREATE TEMP TABLE ${table} AS SELECT * FROM ${ndjsonSource(lines)}`),
      ]);
      if (checked.status === 'rejected') throw checked.reason;
      if (loaded.status === 'rejected') throw loaded.reason;
      inputs.push({ path, format, events: checked.value.events });
      rosters.push(checked.value.roster);
      source = table;
    } else {
      // Checked by the same readers as the Arquero engine; the columns the engine needs are staged
      // as NDJSON lines (cheap to write, unlike Parquet) and read once by DuckDB's JSON reader.
      const staged = join(stage, `input-${index}.ndjson`);
      const sink = stagedRows(staged);
      try {
        const { events, roster } = await readExport(path, sink.add, {
          onProgress: (read, total) => onProgress?.(read, total, path),
        });
        inputs.push({ path, format, events });
        rosters.push(roster);
      } finally {
        sink.close();
      }
      source = `staged_${index}`;
      await connection.run(`CREATE TEMP TABLE ${source} AS SELECT * FROM read_ndjson(${quote(staged)},
        columns = {${Object.entries(STAGED_COLUMNS)
          .map(([name, type]) => `"${name}": '${type}'`)
          .join(', ')}})`);
    }
    selects.push(`SELECT ${index} AS input, id, type, "at", studyId, arm,
        coalesce(participantId, ${quote(anonymousName(path))}) AS participant, shopHost, category,
        kgCO2e, choice, avoidedKgCO2e FROM ${source}`);
  }
  // Views, not tables: every aggregation below streams from the Parquet files, so memory holds
  // the aggregates (one row per participant and week), not the events.
  await connection.run(`CREATE TEMP VIEW raw AS ${selects.join(' UNION ALL BY NAME ')}`);
  const [{ duplicates }] = (await rows<{ duplicates: number }>(
    connection,
    'SELECT coalesce(sum(n - 1), 0)::INTEGER AS duplicates FROM (SELECT count(*) AS n FROM raw GROUP BY id HAVING n > 1)',
  )) as [{ duplicates: number }];
  const deduped = duplicates
    ? 'SELECT * FROM raw QUALIFY row_number() OVER (PARTITION BY id ORDER BY input, "at") = 1'
    : 'SELECT * FROM raw';
  await connection.run(`CREATE TEMP VIEW events AS
    SELECT type, substr("at", 1, 10) AS day,
      strftime(date_trunc('week', CAST(substr("at", 1, 10) AS DATE)), '%Y-%m-%d') AS week,
      studyId, coalesce(arm, ${quote(NO_ARM)}) AS arm, participant, shopHost, category,
      kgCO2e::DOUBLE AS kgCO2e, choice, coalesce(avoidedKgCO2e, 0)::DOUBLE AS avoidedKg
    FROM (${deduped})`);
  return { inputs, duplicates, roster: mergeRosters(rosters) };
}

// The per-participant tables `completeSummary` works from, the same as the Arquero transforms give.
const TABLES_SQL = {
  participantWeeks: `SELECT participant, arm, week,
      coalesce(sum(CASE WHEN type = 'purchase-marked' THEN kgCO2e ELSE 0 END), 0) AS footprintKg,
      sum(avoidedKg) AS avoidedKg,
      count(*) FILTER (WHERE type = 'choice-made')::INTEGER AS choices,
      count(*) FILTER (WHERE choice = 'greener')::INTEGER AS greener,
      count(*)::INTEGER AS events
    FROM events GROUP BY participant, arm, week ORDER BY participant, week`,
  participantChoices: `SELECT participant, arm, coalesce(category, ${quote(UNKNOWN)}) AS category,
      coalesce(shopHost, ${quote(UNKNOWN)}) AS shopHost, count(*)::INTEGER AS choices,
      count(*) FILTER (WHERE choice = 'greener')::INTEGER AS greener, sum(avoidedKg) AS avoidedKg
    FROM events WHERE type = 'choice-made' GROUP BY ALL ORDER BY participant, category, shopHost`,
  // One row per participant with their days as numbers: a few thousand rows, not one per day.
  participantDays: `SELECT participant,
      list(DISTINCT date_diff('day', DATE '1970-01-01', CAST(day AS DATE))::INTEGER) AS days
    FROM events GROUP BY participant`,
  studies: 'SELECT DISTINCT studyId FROM events WHERE studyId IS NOT NULL ORDER BY studyId',
  events: 'SELECT count(*)::INTEGER AS events FROM events',
};

export const duckdbEngine: Engine = {
  name: 'duckdb',
  async summarize(paths, options = {}) {
    const { DuckDBInstance } = await import('@duckdb/node-api');
    const stage = mkdtempSync(join(tmpdir(), 'carbon-ledger-duckdb-'));
    // A memory limit makes DuckDB spill to disk instead of growing: inputs larger than memory work.
    const instance = await DuckDBInstance.create(':memory:', {
      temp_directory: join(stage, 'spill'),
      memory_limit: options.memoryLimit ?? DEFAULT_MEMORY_LIMIT,
    });
    const connection = await instance.connect();
    try {
      const { inputs, duplicates, roster } = await loadEvents(
        connection,
        paths,
        stage,
        options.onProgress,
        options.stageJsonAboveBytes,
      );
      const [{ events }] = (await rows<{ events: number }>(connection, TABLES_SQL.events)) as [{ events: number }];
      const tables: EngineTables = {
        events,
        studies: (await rows<{ studyId: string }>(connection, TABLES_SQL.studies)).map((row) => row.studyId),
        participantWeeks: await rows(connection, TABLES_SQL.participantWeeks),
        participantChoices: await rows(connection, TABLES_SQL.participantChoices),
        participantDays: await rows(connection, TABLES_SQL.participantDays),
      };
      const summary = completeSummary(tables, roster);
      return { summary, inputs, duplicates };
    } catch (error) {
      if (error instanceof ExportError) throw error;
      const message = (error as Error).message.split('\n')[0] ?? 'DuckDB failed';
      throw new ExportError(paths.length === 1 ? paths[0]! : paths.join(', '), message);
    } finally {
      connection.closeSync();
      instance.closeSync();
      rmSync(stage, { recursive: true, force: true });
    }
  },
};
