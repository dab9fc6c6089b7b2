// Readers for research exports: JSON (the reference form), NDJSON, CSV and Parquet (files written
// by `carbon-ledger convert`, or a hive-partitioned folder of them). Each reader checks every event
// and hands it on as a flat row, one at a time, so a large file is never held twice in memory.

import { createReadStream, readdirSync, statSync } from 'node:fs';
import { open, readFile } from 'node:fs/promises';
import { basename, extname, join, relative, sep } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { splitCsvRecord } from '../../shared/csv.ts';
import { validateEvent } from '../../shared/events.ts';
import { csvText } from '../../shared/export/csv-cell.ts';
import { CSV_COLUMNS, EXPORT_FORMAT, EXPORT_VERSION } from '../../shared/export/research.ts';
import { JsonSyntaxError, scanExportFile } from '../validate/json-stream.ts';
import { checkFlatRow, type FlatColumn, type FlatEvent, flattenEvent } from './flat.ts';
import { mergeRosters, parseRoster, ROSTER_KEY, type RosterEntry, rosterFromHeader } from './roster.ts';

export type ExportFormat = 'json' | 'ndjson' | 'csv' | 'parquet';

/** A problem with one input file; `carbon-ledger` prints it as `FILE: problem`. */
export class ExportError extends Error {
  readonly file: string;
  readonly problem: string;
  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.file = file;
    this.problem = problem;
  }
}

export interface ReadOptions {
  /** Called now and then with the bytes read so far of this file and its size. */
  onProgress?: (bytesRead: number, bytesTotal: number) => void;
  /**
   * Only these columns are needed (Parquet reads no others; the rest of each event is null).
   * `id`, `type` and `at` are always read and checked.
   */
  columns?: readonly FlatColumn[];
  /** JSON exports larger than this are streamed instead of parsed whole (default 64 MB). */
  streamJsonAboveBytes?: number;
}

/** JSON exports above this size are streamed rather than parsed whole. */
const STREAM_JSON_BYTES = 64_000_000;

/** The format of a file, from its name, else from its first bytes. */
export async function detectFormat(path: string): Promise<ExportFormat> {
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) throw new ExportError(path, 'no such file');
  if (stats.isDirectory()) return 'parquet';
  const extension = extname(path).toLowerCase();
  if (extension === '.json') return 'json';
  if (extension === '.ndjson' || extension === '.jsonl') return 'ndjson';
  if (extension === '.csv') return 'csv';
  if (extension === '.parquet') return 'parquet';
  const handle = await open(path);
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const head = buffer.subarray(0, bytesRead).toString('utf8');
    if (head.startsWith('PAR1')) return 'parquet';
    if (head.startsWith('#') || head.startsWith('id,')) return 'csv';
    if (/^\s*\{/.test(head)) return /"events"\s*:/.test(head) ? 'json' : 'ndjson';
  } finally {
    await handle.close();
  }
  throw new ExportError(path, 'unknown format (expected .json, .ndjson, .csv or .parquet)');
}

/**
 * Reads one export and calls `onEvent` with every event, checked, as a flat row. Events without a
 * study stamp belong to one anonymous participant per file: their `participantId` becomes the
 * file name. Throws an `ExportError` naming the first problem.
 */
export async function readExport(
  path: string,
  onEvent: (event: FlatEvent) => void,
  options: ReadOptions = {},
): Promise<{ format: ExportFormat; events: number; roster: RosterEntry[] }> {
  const format = await detectFormat(path);
  let roster: RosterEntry[] = [];
  const onRoster = (entries: RosterEntry[]) => {
    roster = entries;
  };
  const anonymous = basename(path).replace(/\.(json|ndjson|jsonl|csv|parquet)$/i, '');
  let events = 0;
  const emit = (event: FlatEvent) => {
    if (event.participantId === null) event.participantId = anonymous;
    events++;
    onEvent(event);
  };
  try {
    if (format === 'json') await readJson(path, emit, options, onRoster);
    else if (format === 'ndjson') await readNdjson(path, emit, options, onRoster);
    else if (format === 'csv') await readCsv(path, emit, options);
    else await readParquet(path, emit, options, onRoster);
  } catch (error) {
    if (error instanceof ExportError) throw error;
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new ExportError(path, 'no such file');
    throw new ExportError(path, (error as Error).message);
  }
  return { format, events, roster };
}

type OnRoster = (entries: RosterEntry[]) => void;

/** Throws unless `file` (an export's top level, or an NDJSON header line) has a format and version this reads. */
export function checkHeader(file: Record<string, unknown>, path: string) {
  if (file.format !== EXPORT_FORMAT) {
    throw new ExportError(path, `not a Carbon Ledger export (format is ${JSON.stringify(file.format) ?? 'missing'})`);
  }
  const version = file.version;
  if (!Number.isInteger(version) || (version as number) < 1 || (version as number) > EXPORT_VERSION) {
    throw new ExportError(
      path,
      `export version ${JSON.stringify(version)} is not one this version reads (1–${EXPORT_VERSION})`,
    );
  }
}

function checkedEvent(raw: unknown, where: string, path: string): FlatEvent {
  const checked = validateEvent(raw);
  if (!checked.ok) throw new ExportError(path, `${where} ${checked.error}`);
  return flattenEvent(checked.value);
}

/**
 * A large JSON export, streamed: a million events make a file longer than the longest string V8
 * can hold. Members before `events` (format, version) are checked before the first event.
 */
async function readJsonStreaming(
  path: string,
  emit: (event: FlatEvent) => void,
  options: ReadOptions,
  onRoster: OnRoster,
) {
  const size = statSync(path).size;
  const header: Record<string, unknown> = {};
  let headerChecked = false;
  let sawEvents = false;
  const checkHeaderOnce = () => {
    if (headerChecked) return;
    checkHeader(header, path);
    headerChecked = true;
    onRoster(rosterFromHeader(header));
  };
  try {
    await scanExportFile(path, {
      member(key, value) {
        header[key] = value;
      },
      eventsList() {
        sawEvents = true;
        checkHeaderOnce();
      },
      eventsNotList() {
        throw new ExportError(path, 'events: must be a list');
      },
      event(index, text) {
        let raw: unknown;
        try {
          raw = JSON.parse(text);
        } catch (error) {
          throw new ExportError(path, `events[${index}]: not JSON (${(error as Error).message})`);
        }
        emit(checkedEvent(raw, `events[${index}]`, path));
      },
    });
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new ExportError(path, `not JSON (${error.message})`);
    throw error;
  }
  checkHeaderOnce();
  if (!sawEvents) throw new ExportError(path, 'events: must be a list');
  options.onProgress?.(size, size);
}

async function readJson(path: string, emit: (event: FlatEvent) => void, options: ReadOptions, onRoster: OnRoster) {
  const size = statSync(path).size;
  if (size > (options.streamJsonAboveBytes ?? STREAM_JSON_BYTES)) {
    return readJsonStreaming(path, emit, options, onRoster);
  }
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (error) {
    throw new ExportError(path, `not JSON (${(error as Error).message})`);
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new ExportError(path, 'not a Carbon Ledger export (expected a JSON object)');
  }
  const file = json as Record<string, unknown>;
  checkHeader(file, path);
  if (!Array.isArray(file.events)) throw new ExportError(path, 'events: must be a list');
  onRoster(rosterFromHeader(file));
  const events = file.events as unknown[];
  for (let index = 0; index < events.length; index++) {
    emit(checkedEvent(events[index], `events[${index}]`, path));
    events[index] = undefined; // let the parsed event go as soon as it is flat
  }
  options.onProgress?.(size, size);
}

/**
 * Lines of a text file, streamed; the callback gets the line and its 1-based number. A CR before
 * the LF is dropped, unless `keepCr` (CSV: a CR inside a quoted field is the text's own).
 */
async function eachLine(
  path: string,
  onLine: (line: string, number: number) => void,
  options: ReadOptions,
  keepCr = false,
) {
  const size = statSync(path).size;
  const decoder = new StringDecoder('utf8');
  let rest = '';
  let number = 0;
  let bytes = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1 << 20 })) {
    bytes += (chunk as Buffer).length;
    const text = rest + decoder.write(chunk as Buffer);
    let start = 0;
    for (let end = text.indexOf('\n'); end !== -1; end = text.indexOf('\n', start)) {
      onLine(text.slice(start, !keepCr && end > start && text.charCodeAt(end - 1) === 13 ? end - 1 : end), ++number);
      start = end + 1;
    }
    rest = text.slice(start);
    options.onProgress?.(bytes, size);
  }
  rest += decoder.end();
  if (rest.trim() !== '') onLine(keepCr ? rest : rest.replace(/\r$/, ''), ++number);
}

/**
 * NDJSON: one event per line. The first line may instead be a header object carrying `format` and
 * `version` (as the JSON export's top level, without `events`); blank lines are ignored.
 */
async function readNdjson(path: string, emit: (event: FlatEvent) => void, options: ReadOptions, onRoster: OnRoster) {
  await eachLine(
    path,
    (line, number) => {
      if (line.trim() === '') return;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (error) {
        throw new ExportError(path, `line ${number}: not JSON (${(error as Error).message})`);
      }
      if (number === 1 && typeof value === 'object' && value !== null && 'format' in value) {
        checkHeader(value as Record<string, unknown>, path);
        onRoster(rosterFromHeader(value as Record<string, unknown>));
        return;
      }
      emit(checkedEvent(value, `line ${number}:`, path));
    },
    options,
  );
}

async function readCsv(path: string, emit: (event: FlatEvent) => void, options: ReadOptions) {
  let header: string[] | null = null;
  let pending = '';
  let startLine = 0;
  await eachLine(
    path,
    (rawLine, number) => {
      // A byte-order mark, as spreadsheets write "CSV UTF-8": not part of the first line.
      const line = number === 1 ? rawLine.replace(/^\uFEFF/, '') : rawLine;
      if (number === 1 && line.startsWith('#')) {
        const match = /format=([^;]+);\s*version=(\d+)/.exec(line);
        if (!match) throw new ExportError(path, 'line 1: expected "# format=...; version=N"');
        checkHeader({ format: match[1]!.trim(), version: Number(match[2]) }, path);
        return;
      }
      // Lines keep their CR: a record's last CR ends it (CRLF), one inside a quoted field is text.
      const raw = pending ? `${pending}\n${line}` : line;
      const record = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
      if (!pending) startLine = number;
      const fields = splitCsvRecord(record);
      if (fields === null) {
        pending = raw;
        return;
      }
      pending = '';
      if (header === null) {
        header = fields.map((name) => name.replace(/^\uFEFF/, '').trim());
        const missing = ['id', 'type', 'at'].filter((column) => !header!.includes(column));
        if (missing.length) throw new ExportError(path, `line ${startLine}: header lacks ${missing.join(', ')}`);
        return;
      }
      if (record === '') return;
      if (fields.length !== header.length) {
        throw new ExportError(path, `line ${startLine}: ${fields.length} fields, the header has ${header.length}`);
      }
      const row: Record<string, string> = {};
      // Text cells a spreadsheet would run carry a leading quote (shared/export/csv-cell.ts).
      for (let i = 0; i < header.length; i++) row[header[i]!] = csvText(fields[i]!);
      try {
        emit(checkFlatRow(row));
      } catch (error) {
        throw new ExportError(path, `line ${startLine}: ${(error as Error).message}`);
      }
    },
    options,
    true,
  );
  if (pending) throw new ExportError(path, `line ${startLine}: a quoted field is never closed`);
  if (header === null) throw new ExportError(path, 'empty file (no header line)');
}

/** Parquet files of a folder, recursively, with the `key=value` parts of their path (hive layout). */
function parquetFiles(path: string): { file: string; partition: Record<string, string | null> }[] {
  if (!statSync(path).isDirectory()) return [{ file: path, partition: {} }];
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith('.parquet')) files.push(join(dir, entry.name));
    }
  };
  walk(path);
  if (files.length === 0) throw new ExportError(path, 'folder holds no .parquet files');
  return files.map((file) => {
    const partition: Record<string, string | null> = {};
    for (const part of relative(path, file).split(sep).slice(0, -1)) {
      const equals = part.indexOf('=');
      if (equals > 0) {
        let value: string;
        try {
          value = decodeURIComponent(part.slice(equals + 1));
        } catch {
          throw new ExportError(path, `folder ${part}: the value is not percent-encoded UTF-8`);
        }
        partition[part.slice(0, equals)] = value === HIVE_NULL ? null : value;
      }
    }
    return { file, partition };
  });
}

/** Hive's name for a null partition value (also understood by Spark, Trino and DuckDB). */
export const HIVE_NULL = '__HIVE_DEFAULT_PARTITION__';

async function readParquet(path: string, emit: (event: FlatEvent) => void, options: ReadOptions, onRoster: OnRoster) {
  const rosters: RosterEntry[][] = [];
  const { asyncBufferFromFile, parquetMetadataAsync, parquetRead } = await import('hyparquet');
  const files = parquetFiles(path);
  const total = files.reduce((sum, { file }) => sum + statSync(file).size, 0);
  let done = 0;
  for (const { file, partition } of files) {
    const buffer = await asyncBufferFromFile(file);
    let metadata: Awaited<ReturnType<typeof parquetMetadataAsync>>;
    try {
      metadata = await parquetMetadataAsync(buffer);
    } catch (error) {
      throw new ExportError(file, `not a Parquet file (${(error as Error).message})`);
    }
    rosters.push(rosterOfMetadata(metadata));
    const names = new Set(metadata.schema.slice(1).map((element) => element.name));
    const missing = ['id', 'type', 'at'].filter((column) => !names.has(column));
    if (missing.length) throw new ExportError(file, `Parquet file lacks the columns ${missing.join(', ')}`);
    const wanted = options.columns ? new Set<string>(['id', 'type', 'at', ...options.columns]) : null;
    const columns = CSV_COLUMNS.filter((column) => names.has(column) && (!wanted || wanted.has(column)));
    let rowStart = 0;
    for (const group of metadata.row_groups) {
      const rowEnd = rowStart + Number(group.num_rows);
      const data = new Map<string, { values: ArrayLike<unknown>; start: number }>();
      await parquetRead({
        file: buffer,
        metadata,
        columns,
        rowStart,
        rowEnd,
        onChunk: ({ columnName, columnData, rowStart: start }) => {
          data.set(columnName, { values: columnData, start });
        },
      });
      const hasPartition = Object.keys(partition).length > 0;
      const chunks = [...data].map(([name, { values, start }]) => ({ name, values, start }));
      for (let row = rowStart; row < rowEnd; row++) {
        const record: Record<string, unknown> = hasPartition ? { ...partition } : {};
        for (const { name, values, start } of chunks) record[name] = values[row - start];
        try {
          emit(checkFlatRow(record));
        } catch (error) {
          throw new ExportError(file, `row ${row + 1}: ${(error as Error).message}`);
        }
      }
      rowStart = rowEnd;
    }
    done += statSync(file).size;
    options.onProgress?.(done, total);
  }
  onRoster(mergeRosters(rosters));
}

/** The roster `convert` keeps in a Parquet file's key-value metadata (none in other files). */
function rosterOfMetadata(metadata: { key_value_metadata?: { key: string; value?: string }[] }): RosterEntry[] {
  const value = metadata.key_value_metadata?.find((kv) => kv.key === ROSTER_KEY)?.value;
  return value ? parseRoster(value) : [];
}

/** The roster kept in a Parquet file or folder (for DuckDB, which reads the rows itself). */
export async function parquetRoster(path: string): Promise<RosterEntry[]> {
  const { asyncBufferFromFile, parquetMetadataAsync } = await import('hyparquet');
  const rosters: RosterEntry[][] = [];
  for (const { file } of parquetFiles(path)) {
    try {
      rosters.push(rosterOfMetadata(await parquetMetadataAsync(await asyncBufferFromFile(file))));
    } catch (error) {
      throw new ExportError(file, `not a Parquet file (${(error as Error).message})`);
    }
  }
  return mergeRosters(rosters);
}
