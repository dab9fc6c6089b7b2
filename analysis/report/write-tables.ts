// `report --tables DIR`: each table of the report as CSV (the research CSV's cell rules) and all of
// them in one JSON file, numbers unrounded, null where the data cannot give a figure.

import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { csvCell } from '../../shared/export/csv-cell.ts';
import { DEFAULT_RESAMPLES } from '../transforms/intervals.ts';
import { ARM_DIFFERENCE_RESAMPLES, type ReportData } from './tables.ts';

export { reportData } from './tables.ts';

/** Writes DIR/<table>.csv for every table and DIR/report.json with all of them and the method. */
export function writeReportTables(dir: string, data: ReportData, meta: { seed: number; engine: string }): void {
  mkdirSync(dir, { recursive: true });
  const cell = (value: string | number | boolean | null) => csvCell(typeof value === 'boolean' ? String(value) : value);
  for (const table of data.tables) {
    const lines = [table.columns.join(','), ...table.rows.map((row) => row.map(cell).join(','))];
    writeFileSync(join(dir, `${table.name}.csv`), `${lines.join('\n')}\n`);
  }
  const json = {
    method: {
      intervals: '95 % percentile bootstrap, resampling participants with replacement within each arm',
      seed: meta.seed,
      armDifferenceResamples: ARM_DIFFERENCE_RESAMPLES,
      resamples: data.intervals.resamples ?? DEFAULT_RESAMPLES,
      engine: meta.engine,
    },
    tables: Object.fromEntries(
      data.tables.map((table) => [
        table.name,
        table.rows.map((row) => Object.fromEntries(table.columns.map((column, i) => [column, row[i] ?? null]))),
      ]),
    ),
  };
  writeFileSync(join(dir, 'report.json'), `${JSON.stringify(json, null, 2)}\n`);
}
