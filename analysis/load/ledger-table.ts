// Loads one or many export files into one events table (see events-table.ts).

import type { ColumnTable } from 'arquero';
import { LEDGER_SOURCE_COLUMNS, LedgerTableBuilder } from './events-table.ts';
import { type ExportFormat, readExport } from './read.ts';
import { mergeRosters, type RosterEntry } from './roster.ts';

export { LEDGER_SOURCE_COLUMNS, type LedgerColumns, LedgerTableBuilder, NO_ARM, weekOf } from './events-table.ts';

export interface LoadedInput {
  path: string;
  format: ExportFormat;
  events: number;
}

export interface LoadOptions {
  /** Progress over all inputs, in bytes. */
  onProgress?: (bytesRead: number, bytesTotal: number, path: string) => void;
}

/** Reads every export into one events table (see `LedgerColumns`). Throws `ExportError`. */
export async function loadLedger(
  paths: readonly string[],
  options: LoadOptions = {},
): Promise<{ events: ColumnTable; inputs: LoadedInput[]; duplicates: number; roster: RosterEntry[] }> {
  const builder = new LedgerTableBuilder();
  const inputs: LoadedInput[] = [];
  const rosters: RosterEntry[][] = [];
  for (const path of paths) {
    const { format, events, roster } = await readExport(path, builder.add, {
      columns: LEDGER_SOURCE_COLUMNS,
      onProgress: (read, total) => options.onProgress?.(read, total, path),
    });
    inputs.push({ path, format, events });
    rosters.push(roster);
  }
  return { events: builder.build(), inputs, duplicates: builder.duplicates, roster: mergeRosters(rosters) };
}
