// `carbon-ledger validate FILE...`: checks research exports (JSON or CSV) against the published
// schema and the extension's own import rules; one line per problem, exit 2 if there is any.

import { stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { checkExportFile } from '../../validate/check.ts';
import { CliError } from '../errors.ts';
import { expandInputs } from '../inputs.ts';
import type { Command } from '../main.ts';

const USAGE = `Usage: carbon-ledger validate FILE... [--max-problems N]

Checks research exports (JSON or CSV, docs/export-format.md) against docs/export-format.schema.json
and the rules the extension applies when it imports one. Prints one line per problem,
  FILE: events[12].data.choice: must be one of greener, kept, dismissed
and exits with 2 if there is any; otherwise prints one summary line and exits with 0.
A study file (docs/study.schema.json) is checked as one.

  --max-problems N   lines to print per file before summing up the rest (default 1000)`;

export const validateCommand: Command = {
  summary: 'check research exports against the format (one line per problem)',
  usage: USAGE,
  async run(args) {
    const { values, positionals: words } = parseArgs({
      args,
      options: { 'max-problems': { type: 'string', default: '1000' } },
      allowPositionals: true,
    });
    if (words.length === 0) throw new CliError('missing FILE (an export to check)');
    const positionals = expandInputs(words, (line) => console.error(line));
    const maxProblems = Number(values['max-problems']);
    if (!Number.isInteger(maxProblems) || maxProblems < 1) {
      throw new CliError(`--max-problems must be a whole number of at least 1, got "${values['max-problems']}"`);
    }
    let totalEvents = 0;
    let totalProblems = 0;
    const started = performance.now();
    for (const file of positionals) {
      try {
        if (!(await stat(file)).isFile()) throw Object.assign(new Error(), { code: 'not a file' });
      } catch (error) {
        console.log(`${file}: cannot read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
        totalProblems++;
        continue;
      }
      let printed = 0;
      const { events, problems } = await checkExportFile(file, ({ where, message }) => {
        if (printed++ < maxProblems) console.log(`${file}: ${where}: ${message}`);
      });
      if (problems > maxProblems) console.log(`${file}: … and ${problems - maxProblems} more problems`);
      totalEvents += events;
      totalProblems += problems;
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    const files = `${positionals.length} file${positionals.length === 1 ? '' : 's'}`;
    if (totalProblems > 0) {
      console.error(`validate: ${totalProblems} problem${totalProblems === 1 ? '' : 's'} in ${files} (${seconds} s)`);
      return 2;
    }
    console.log(`validate: ${files}, ${totalEvents.toLocaleString('en')} events, no problems (${seconds} s)`);
    return 0;
  },
};
