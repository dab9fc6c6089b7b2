// Writers for `carbon-ledger convert`: the research CSV (with its format comment line), one
// Parquet file, or hive-partitioned Parquet (studyId=…/month=…/part-0.parquet). All take flat
// events one at a time and write as they go, so a conversion needs little more memory than a row
// group (100,000 events).

import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { fileWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { CSV_COLUMNS, csvLine, EXPORT_FORMAT, EXPORT_VERSION } from '../../shared/export/research.ts';
import { type FlatColumn, type FlatEvent, NUMBER_COLUMNS } from './flat.ts';
import { HIVE_NULL } from './read.ts';
import { ROSTER_KEY, type RosterEntry } from './roster.ts';

export interface EventSink {
  add(event: FlatEvent): void;
  /** Who was enrolled (Parquet keeps it in its metadata; CSV has nowhere to). Call before close. */
  roster?(entries: readonly RosterEntry[]): void;
  close(): void;
}

/** The research CSV layout of docs/export-format.md, streamed. */
export function csvSink(path: string): EventSink {
  const fd = openSync(path, 'w');
  let buffer = `# format=${EXPORT_FORMAT}; version=${EXPORT_VERSION}\n${CSV_COLUMNS.join(',')}\n`;
  return {
    add(event) {
      buffer += `${csvLine(event)}\n`;
      if (buffer.length > 1 << 20) {
        writeSync(fd, buffer);
        buffer = '';
      }
    },
    close() {
      writeSync(fd, buffer);
      closeSync(fd);
    },
  };
}

const INTEGER_COLUMNS = new Set<FlatColumn>(['schemaVersion', 'alternativesShown']);
const ROW_GROUP = 100_000;

/** One Parquet file of the flat columns (without `omit`), written a row group at a time. */
export function parquetSink(path: string, options: { omit?: readonly FlatColumn[] } = {}): EventSink {
  const columns = CSV_COLUMNS.filter((column) => !options.omit?.includes(column));
  let buffers: Record<string, (string | number | null)[]> = {};
  const reset = () => {
    buffers = Object.fromEntries(columns.map((column) => [column, []]));
  };
  reset();
  let rows = 0;
  const columnData = () =>
    columns.map((name) => ({
      name,
      data: buffers[name]!,
      type: NUMBER_COLUMNS.has(name) ? (INTEGER_COLUMNS.has(name) ? 'INT32' : 'DOUBLE') : 'STRING',
      nullable: true,
    })) as Parameters<typeof schemaFromColumnData>[0]['columnData'];
  const kvMetadata = [{ key: 'carbon-ledger', value: `format=${EXPORT_FORMAT}; version=${EXPORT_VERSION}` }];
  const writer = new ParquetWriter({
    writer: fileWriter(path),
    schema: schemaFromColumnData({ columnData: columnData() }),
    kvMetadata,
    createdBy: 'carbon-ledger convert',
  });
  const flush = () => {
    if (rows === 0) return;
    writer.write({ columnData: columnData(), rowGroupSize: ROW_GROUP });
    reset();
    rows = 0;
  };
  return {
    add(event) {
      for (const column of columns) buffers[column]!.push(event[column]);
      if (++rows === ROW_GROUP) flush();
    },
    roster(entries) {
      // The metadata is written by finish(): the roster can come after the rows.
      if (entries.length) kvMetadata.push({ key: ROSTER_KEY, value: JSON.stringify(entries) });
    },
    close() {
      flush();
      writer.finish();
    },
  };
}

/** A partition value as a path segment: Hive escapes characters that are unsafe in paths. */
const partitionValue = (value: string | null): string =>
  value === null
    ? HIVE_NULL
    : // UTF-8 bytes, as decodeURIComponent reads them back ("é" is %C3%A9; its char code %E9 is not).
      encodeURIComponent(value).replace(/[!~*'()]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`);

/**
 * Hive-partitioned Parquet: `dir/studyId=<study>/month=<YYYY-MM>/part-0.parquet`, partition
 * columns only in the path (as Spark expects). Events outside a study go to
 * `studyId=__HIVE_DEFAULT_PARTITION__`.
 */
export function partitionedParquetSink(dir: string): EventSink {
  const sinks = new Map<string, EventSink>();
  return {
    add(event) {
      const month = event.at.slice(0, 7);
      const key = `${event.studyId ?? ''}\u0000${event.studyId === null ? 'n' : 's'}\u0000${month}`;
      let sink = sinks.get(key);
      if (!sink) {
        const folder = join(dir, `studyId=${partitionValue(event.studyId)}`, `month=${month}`);
        mkdirSync(folder, { recursive: true });
        sink = parquetSink(join(folder, 'part-0.parquet'), { omit: ['studyId'] });
        sinks.set(key, sink);
      }
      sink.add(event);
    },
    roster(entries) {
      // Every file keeps the roster, so any subset of the files still knows who was enrolled.
      for (const sink of sinks.values()) sink.roster?.(entries);
    },
    close() {
      for (const sink of sinks.values()) sink.close();
    },
  };
}
