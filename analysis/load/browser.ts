// Loading in a browser (notebooks): a Parquet file written by `carbon-ledger convert`, already in
// memory, into the events table, and the roster `convert` keeps in its metadata. The same row
// checks as the Node readers.

import type { ColumnTable } from 'arquero';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { LEDGER_SOURCE_COLUMNS, LedgerTableBuilder } from './events-table.ts';
import { checkFlatRow } from './flat.ts';
import { parseRoster, ROSTER_KEY, type RosterEntry } from './roster.ts';

export async function eventsFromParquet(buffer: ArrayBuffer): Promise<ColumnTable> {
  const rows = await parquetReadObjects({ file: buffer, columns: [...LEDGER_SOURCE_COLUMNS] });
  const builder = new LedgerTableBuilder();
  for (const [index, row] of rows.entries()) {
    try {
      builder.add(checkFlatRow(row));
    } catch (error) {
      throw new Error(`row ${index + 1}: ${(error as Error).message}`);
    }
  }
  return builder.build();
}

/** Who was enrolled, as `convert` keeps it (none for a file without it): for `summarizeEvents`. */
export function rosterFromParquet(buffer: ArrayBuffer): RosterEntry[] {
  const value = parquetMetadata(buffer).key_value_metadata?.find((kv) => kv.key === ROSTER_KEY)?.value;
  return value ? parseRoster(value) : [];
}
