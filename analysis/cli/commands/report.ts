// `carbon-ledger report EXPORT... --out report.html`: one self-contained HTML report over any
// number of exports (JSON, NDJSON, CSV, Parquet files or hive-partitioned Parquet folders).

import { writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { CliError } from '../errors.ts';
import { expandInputs } from '../inputs.ts';
import type { Command } from '../main.ts';
import { pendingOutput } from '../output.ts';
import { stderrProgress } from '../progress.ts';

export const reportCommand: Command = {
  summary: 'an HTML report (summary, charts) from research exports',
  usage: [
    'Usage: carbon-ledger report EXPORT... --out report.html [--engine arquero|duckdb] [--title T] [--seed N]',
    '',
    'EXPORT: .json, .ndjson, .csv or .parquet files, or folders of hive-partitioned Parquet (convert --partition).',
    '  --engine arquero   read everything into memory (default)',
    '  --engine duckdb    aggregate in DuckDB (for inputs larger than memory; fastest on Parquet)',
    '  --memory-limit M   DuckDB memory limit, e.g. 4GB (default 1GB; beyond it DuckDB spills to disk)',
    '  --seed N           seed of the bootstrap intervals (default 1)',
    '  --tables DIR       also write every table of the report as CSV and JSON into DIR (new or empty)',
  ].join('\n'),
  async run(args) {
    const { values, positionals: words } = parseArgs({
      args,
      allowPositionals: true,
      options: {
        out: { type: 'string', short: 'o' },
        engine: { type: 'string', default: 'arquero' },
        title: { type: 'string' },
        seed: { type: 'string', default: '1' },
        'memory-limit': { type: 'string' },
        tables: { type: 'string' },
      },
    });
    if (words.length === 0) throw new CliError('give at least one export file');
    const positionals = expandInputs(words, (line) => console.error(line));
    if (!values.out) throw new CliError('give --out report.html');
    const { ENGINES } = await import('../../engines/index.ts');
    const load = Object.hasOwn(ENGINES, values.engine) ? ENGINES[values.engine] : undefined;
    if (!load) throw new CliError(`--engine must be one of ${Object.keys(ENGINES).join(', ')}`);
    // Number('') is 0 and Number('0x10') 16: a seed is written in decimal digits.
    const seed = /^-?\d{1,15}$/.test(values.seed) ? Number(values.seed) : Number.NaN;
    if (!Number.isInteger(seed)) throw new CliError(`--seed must be a whole number, got "${values.seed}"`);
    const memoryLimit = values['memory-limit'];
    // Checked here: DuckDB's own answer to "lots" is "Failed to set config".
    if (memoryLimit !== undefined && !/^\d+(\.\d+)?\s*([KMGT]i?B|B)$/i.test(memoryLimit))
      throw new CliError(`--memory-limit must be a size like 4GB or 500MB, got "${memoryLimit}"`);
    // Checked before the inputs are read; written under a temporary name, renamed when complete.
    const pending = pendingOutput(values.out, { inputs: positionals });
    const pendingTables = values.tables
      ? pendingOutput(values.tables, { folder: true, option: '--tables', inputs: positionals })
      : null;
    // Loaded here, not at the top: `carbon-ledger --help` loads every command module.
    const [{ ExportError }, { renderReport }, { reportData, writeReportTables }] = await Promise.all([
      import('../../load/read.ts'),
      import('../../report/html.ts'),
      import('../../report/write-tables.ts'),
    ]);
    const progress = stderrProgress('carbon-ledger report');
    const engine = await load();
    let result: Awaited<ReturnType<typeof engine.summarize>>;
    try {
      result = await engine.summarize(positionals, {
        ...(memoryLimit ? { memoryLimit } : {}),
        onProgress: (read, total, path) => progress.update(read, total, basename(path)),
      });
    } catch (error) {
      pending.discard();
      pendingTables?.discard();
      if (error instanceof ExportError) throw new CliError(error.message);
      throw error;
    }
    if (result.summary.events === 0) {
      pending.discard();
      pendingTables?.discard();
      throw new CliError(`${positionals.join(', ')}: no events to report`);
    }
    const data = reportData(result, seed);
    const html = renderReport(result, {
      engine: engine.name,
      generatedAt: new Date(),
      seed,
      data,
      ...(values.title ? { title: values.title } : {}),
    });
    try {
      writeFileSync(pending.path, html);
      if (pendingTables) writeReportTables(pendingTables.path, data, { seed, engine: engine.name });
    } catch (error) {
      pending.discard();
      pendingTables?.discard();
      throw new CliError(
        `${values.out}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    pending.commit();
    pendingTables?.commit();
    progress.done(
      `${result.summary.events.toLocaleString('en')} events, ${result.summary.participants.toLocaleString('en')} participants → ${values.out}`,
    );
    return 0;
  },
};
