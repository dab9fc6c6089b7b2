// `carbon-ledger convert EXPORT... --out FILE.csv|FILE.parquet` (or `--partition --out DIR`):
// research exports as one flat table for pandas, R, DuckDB, Spark and Trino users.

import { existsSync, mkdirSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { parseArgs } from 'node:util';
import type { FlatEvent } from '../../load/flat.ts';
import type { RosterEntry } from '../../load/roster.ts';
import type { EventSink } from '../../load/write.ts';
import { CliError } from '../errors.ts';
import { expandInputs } from '../inputs.ts';
import type { Command } from '../main.ts';
import { pendingOutput } from '../output.ts';
import { stderrProgress } from '../progress.ts';

export const convertCommand: Command = {
  summary: 'research exports as one CSV or Parquet table (or hive-partitioned Parquet)',
  usage: [
    'Usage: carbon-ledger convert EXPORT... --out events.csv|events.parquet [--to csv|parquet]',
    '       carbon-ledger convert EXPORT... --partition --out DIR',
    '',
    'One row per event, the columns of the research CSV (docs/export-format.md); events without a',
    'study get the file name as participantId; an event id seen twice is written once.',
    '  --partition   write DIR/studyId=<study>/month=<YYYY-MM>/part-0.parquet (hive layout, for',
    '                DuckDB, Spark and Trino); DIR must be new or empty',
  ].join('\n'),
  async run(args) {
    const { values, positionals: words } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        to: { type: 'string' },
        partition: { type: 'boolean', default: false },
      },
    });
    if (words.length === 0) throw new CliError('give at least one export file');
    const positionals = expandInputs(words, (line) => console.error(line));
    if (!values.out) throw new CliError('give --out FILE (.csv or .parquet) or --partition --out DIR');
    const out = values.out;
    const to = values.partition ? 'parquet' : (values.to ?? extname(out).slice(1).toLowerCase());
    if (to !== 'csv' && to !== 'parquet') throw new CliError(`--to must be csv or parquet, got "${to}"`);
    for (const path of positionals) if (!existsSync(path)) throw new CliError(`${path}: no such file`);
    // Written under a temporary name and renamed at the end: a bad input part-way leaves nothing.
    const pending = pendingOutput(out, { folder: values.partition, inputs: positionals });

    // Loaded here, not at the top: `carbon-ledger --help` loads every command module.
    const [{ ExportError, readExport }, { csvSink, parquetSink, partitionedParquetSink }, { mergeRosters }] =
      await Promise.all([import('../../load/read.ts'), import('../../load/write.ts'), import('../../load/roster.ts')]);
    let sink: EventSink;
    try {
      if (values.partition) mkdirSync(pending.path);
      sink = values.partition
        ? partitionedParquetSink(pending.path)
        : to === 'csv'
          ? csvSink(pending.path)
          : parquetSink(pending.path);
    } catch (error) {
      pending.discard();
      throw new CliError(
        `--out ${out}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    const progress = stderrProgress('carbon-ledger convert');
    const ids = new Set<string>();
    let written = 0;
    let duplicates = 0;
    const add = (event: FlatEvent) => {
      if (ids.has(event.id)) {
        duplicates++;
        return;
      }
      ids.add(event.id);
      sink.add(event);
      written++;
    };
    try {
      const rosters: RosterEntry[][] = [];
      for (const path of positionals) {
        const read = await readExport(path, add, {
          onProgress: (done, total) => progress.update(done, total, basename(path)),
        });
        rosters.push(read.roster);
      }
      // Who was enrolled, kept in Parquet metadata: participants without events still count.
      sink.roster?.(mergeRosters(rosters));
      sink.close();
      pending.commit();
    } catch (error) {
      pending.discard();
      if (error instanceof ExportError) throw new CliError(`${error.message} (nothing written to ${out})`);
      throw error;
    }
    progress.done(
      `${written.toLocaleString('en')} events${duplicates ? ` (${duplicates} repeated ids skipped)` : ''} → ${out}`,
    );
    return 0;
  },
};
