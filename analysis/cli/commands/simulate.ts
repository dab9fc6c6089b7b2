// `carbon-ledger simulate`: a synthetic study cohort in the research export format, for demos,
// tests and benchmarks. See docs/research.md, "A synthetic cohort".

import { createWriteStream } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { type Study, validateStudy } from '../../../shared/study/study.ts';
import { writeCohort } from '../../simulate/write.ts';
import { CliError } from '../errors.ts';
import type { Command } from '../main.ts';
import { pendingOutput } from '../output.ts';

/** The study simulated when none is given: the three arms of docs/examples/study.json, in thirds. */
export const DEFAULT_STUDY: Study = {
  format: 'carbon-ledger-study',
  version: 1,
  id: 'simulated-labels-study',
  title: 'Simulated study: footprint labels and greener alternatives',
  consent: 'Synthetic participants; nobody consented to anything.',
  arms: [
    { id: 'control', probability: 1 / 3, overlay: 'none', description: 'Log only: no overlay.' },
    { id: 'labels', probability: 1 / 3, overlay: 'no-alternatives', description: 'Footprint labels only.' },
    { id: 'labels-alternatives', probability: 1 / 3, overlay: 'full', description: 'Labels and alternatives.' },
  ],
  start: '2027-01-04',
  end: '2027-12-31',
  exportEventTypes: [
    'product-viewed',
    'alternatives-shown',
    'alternative-opened',
    'choice-made',
    'action-logged',
    'purchase-marked',
  ],
  includeFullUrls: false,
  showArmToParticipant: false,
};

const USAGE = `Usage: carbon-ledger simulate --participants N --days D --seed S --out FILE [--start YYYY-MM-DD] [--study STUDY.json]

Writes a synthetic cohort as ONE research export (docs/export-format.md) whose events carry each
participant's study stamp; study.participants in the file lists every participant with arm and
enrollment. Deterministic: the same options give the same file, byte for byte.

  --participants N   number of participants (default 100)
  --days D           length of the study in days (default 90)
  --seed S           any text; the seed of every random choice (default 1)
  --out FILE         where to write; - for standard output
  --start DAY        first day (default: the study's start, or 2027-01-04)
  --study FILE       simulate this study file: its id, arms, exported event types, URL policy`;

const wholeNumber = (value: string | undefined, name: string, fallback: number, max: number): number => {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > max)
    throw new CliError(`--${name} must be a whole number from 1 to ${max}, got "${value}"`);
  return n;
};

export const simulateCommand: Command = {
  summary: 'write a synthetic study cohort as a research export',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseArgs({
      args,
      options: {
        participants: { type: 'string' },
        days: { type: 'string' },
        seed: { type: 'string', default: '1' },
        out: { type: 'string' },
        start: { type: 'string' },
        study: { type: 'string' },
      },
      allowPositionals: true,
    });
    if (positionals.length)
      throw new CliError(`unexpected argument "${positionals[0]}" (options are named: --out FILE)`);
    const participants = wholeNumber(values.participants, 'participants', 100, 1_000_000);
    const days = wholeNumber(values.days, 'days', 90, 3660);
    if (!values.out) throw new CliError('missing --out FILE (or --out - for standard output)');
    let study = DEFAULT_STUDY;
    if (values.study) {
      let text: string;
      try {
        text = await readFile(values.study, 'utf8');
      } catch (error) {
        throw new CliError(
          `cannot read ${values.study}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch (error) {
        throw new CliError(`${values.study}: not JSON (${(error as Error).message})`);
      }
      const checked = validateStudy(json);
      if (!checked.ok) throw new CliError(`${values.study}: ${checked.errors.join('; ')}`);
      study = checked.value;
    }
    const start = values.start ?? (/^\d{4}-\d\d-\d\d/.test(study.start) ? study.start.slice(0, 10) : '2027-01-04');
    // Date.parse takes "2027-02-30" as March 2: the day must come back as it was written.
    if (!/^\d{4}-\d\d-\d\d$/.test(start) || new Date(`${start}T00:00:00Z`).toISOString().slice(0, 10) !== start) {
      throw new CliError(`--start must be a day like 2027-01-04, got "${start}"`);
    }

    const toStdout = values.out === '-';
    // A file is written under a temporary name and renamed when complete.
    const pending = toStdout ? null : pendingOutput(values.out);
    const out = pending ? createWriteStream(pending.path, { highWaterMark: 1 << 20 }) : process.stdout;
    const cannotWrite = (error: unknown) => {
      pending?.discard();
      return new CliError(
        `cannot write ${values.out}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
      );
    };
    const opened = new Promise<void>((resolve, reject) => {
      if (!pending) resolve();
      else out.once('open', () => resolve()).once('error', reject);
    });
    try {
      await opened;
    } catch (error) {
      throw cannotWrite(error);
    }
    // Progress for runs that take more than a moment.
    const large = participants * days >= 50_000;
    const started = performance.now();
    let nextReport = 0.1;
    let summary: Awaited<ReturnType<typeof writeCohort>>;
    try {
      summary = await writeCohort({ participants, days, seed: values.seed, start, study }, out, (day, events) => {
        if (large && (day + 1) / days >= nextReport) {
          process.stderr.write(`simulate: day ${day + 1}/${days}, ${events.toLocaleString('en')} events\n`);
          nextReport += 0.1;
        }
      });
      if (pending) {
        await new Promise<void>((resolve, reject) =>
          out.end((error?: Error | null) => (error ? reject(error) : resolve())),
        );
        pending.commit();
      }
    } catch (error) {
      if (pending) out.destroy();
      if (error instanceof CliError) throw error;
      throw cannotWrite(error);
    }
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    if (!toStdout || large) {
      process.stderr.write(
        `simulate: wrote ${summary.events.toLocaleString('en')} events of ${participants} participants over ${days} days to ${toStdout ? 'standard output' : values.out} (${(summary.bytes / 1e6).toFixed(1)} MB, ${seconds} s)\n`,
      );
    }
    return 0;
  },
};
