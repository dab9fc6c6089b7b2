// The CLI never shows a stack trace: every failure is one line naming the problem, exit 2, and
// an output file appears only when the command succeeded (written under a temporary name first).

import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { oneLine } from '../../../analysis/cli/main.ts';
import { researchExport } from '../../../shared/export/research.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { ALL_TYPES, sampleEvent } from '../ledger/samples.ts';
import { runBin } from './run-bin.ts';

const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-errors-'));
const path = (name: string) => join(dir, name);
const good = path('good.json');
writeFileSync(
  good,
  JSON.stringify(
    researchExport(
      ALL_TYPES.map((t) => sampleEvent(t)),
      { exportedAt: '2026-11-23T12:00:00.000Z' },
    ),
  ),
);
// Valid up to the last event, then cut off: found only after the first input was converted.
const bad = path('bad.json');
writeFileSync(bad, readFileSync(good, 'utf8').replace(/"at":"[^"]+"(?![\s\S]*"at":)/, '"at":"yesterday"'));

/** Exit 2 and exactly one line on stderr, with no trace of a stack. */
function expectOneLine(result: { code: number; stderr: string }, pattern: RegExp) {
  expect(result.code).toBe(2);
  const lines = result.stderr.trim().split('\n');
  expect(lines).toEqual([expect.stringMatching(pattern)]);
  expect(result.stderr).not.toMatch(/\n\s+at |node:internal|\.ts:\d+/);
}
/** Files left in `folder` by a failed run: none, not even a temporary one. */
const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.includes('.partial'));

describe('carbon-ledger errors', { timeout: 60_000 }, () => {
  it('convert --out into a missing folder: one line naming the folder', async () => {
    const out = join(dir, 'no-such-folder', 'events.csv');
    expectOneLine(await runBin(['convert', good, '--out', out]), /no-such-folder.*does not exist/);
  });

  it('validate --max-problems without a value: one line naming the option', async () => {
    expectOneLine(await runBin(['validate', good, '--max-problems']), /--max-problems.*missing/);
  });

  it.each([
    [['constructor'], /unknown command "constructor"/],
    [['__proto__'], /unknown command "__proto__"/],
    [['report', 'x.json', '--out', 'r.html', '--engine', 'constructor'], /--engine must be one of arquero, duckdb/],
    [['report', 'x.json', '--out', 'r.html', '--seed', ''], /--seed must be a whole number, got ""/],
    [['report', 'x.json', '--out', 'r.html', '--seed', '0x10'], /--seed must be a whole number/],
    [
      ['report', 'x.json', '--out', 'r.html', '--engine', 'duckdb', '--memory-limit', 'lots'],
      /--memory-limit must be a size/,
    ],
    [
      ['simulate', '--participants', '-1', '--out', 'x.json'],
      /--participants: a value starting with "-" is given as --participants=VALUE/,
    ],
    [
      ['simulate', '--participants', '2', '--days', '2', '--start', '2027-02-30', '--out', 'x.json'],
      /--start must be a day like 2027-01-04, got "2027-02-30"/,
    ],
    [['extract', 'page.html', '--url', 'not a url'], /--url must be the page's web address/],
    [['extract', 'page.html', '--url', 'javascript:alert(1)'], /--url must be the page's web address/],
  ])('%j: one line naming the option, exit 2', async (args, pattern) => {
    const result = await runBin(args);
    expectOneLine(result, pattern);
    expect(result.stdout).toBe('');
  });

  it('an unknown option: one line', async () => {
    expectOneLine(await runBin(['report', good, '--out', path('r.html'), '--colour']), /Unknown option '--colour'/);
  });

  it.each(['csv', 'parquet'])('convert to %s leaves no file behind when a later input fails', async (to) => {
    const out = path(`partial.${to}`);
    const result = await runBin(['convert', good, bad, '--out', out]);
    expectOneLine(result, /bad\.json: events\[5\] at:.*nothing written/);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('convert keeps an existing output as it was when an input fails', async () => {
    const out = path('kept.csv');
    writeFileSync(out, 'earlier result\n');
    expect((await runBin(['convert', bad, '--out', out])).code).toBe(2);
    expect(readFileSync(out, 'utf8')).toBe('earlier result\n');
  });

  it('convert --partition leaves no folder behind when a later input fails', async () => {
    const out = path('partitioned');
    expect((await runBin(['convert', good, bad, '--partition', '--out', out])).code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
    expect((await runBin(['convert', good, '--partition', '--out', out])).code).toBe(0);
    expect(readdirSync(out)).toEqual(['studyId=__HIVE_DEFAULT_PARTITION__']);
  });

  it.each([
    ['report', (input: string) => ['report', input, '--out', input]],
    ['convert', (input: string) => ['convert', input, '--out', input, '--to', 'csv']],
    ['report through another path', (input: string) => ['report', input, '--out', join(dir, '.', 'victim.json')]],
  ])('%s over its own input is refused and the input stays as it was', async (_, args) => {
    const input = path('victim.json');
    writeFileSync(input, readFileSync(good));
    expectOneLine(await runBin(args(input)), /victim\.json: is an input .*write the output to another file/);
    expect(readFileSync(input, 'utf8')).toBe(readFileSync(good, 'utf8'));
    expect(leftovers(dir)).toEqual([]);
  });

  it('convert writes the file when every input is good', async () => {
    const out = path('all-good.csv');
    expect((await runBin(['convert', good, '--out', out])).code).toBe(0);
    expect(readFileSync(out, 'utf8').trim().split('\n')).toHaveLength(2 + ALL_TYPES.length);
    expect(leftovers(dir)).toEqual([]);
  });

  it('report of a small cohort prints its one summary line, no chart-library warnings', async () => {
    const cohort = path('small-cohort.json');
    expect((await runBin(['simulate', '--participants', '5', '--days', '5', '--out', cohort])).code).toBe(0);
    const result = await runBin(['report', cohort, '--out', path('small.html')]);
    expect(result.code).toBe(0);
    expect(result.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^carbon-ledger report: \d+ events/)]);
  });

  it('report writes nothing when an input fails', async () => {
    const out = path('report.html');
    expectOneLine(await runBin(['report', good, bad, '--out', out]), /bad\.json/);
    expect(existsSync(out)).toBe(false);
    expect(leftovers(dir)).toEqual([]);
  });

  it('simulate into a missing folder: one line, and a complete file otherwise', async () => {
    const missing = join(dir, 'nowhere', 'cohort.json');
    expectOneLine(
      await runBin(['simulate', '--participants', '2', '--days', '2', '--out', missing]),
      /nowhere.*does not exist/,
    );
    const out = path('cohort.json');
    expect((await runBin(['simulate', '--participants', '2', '--days', '2', '--out', out])).code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).format).toBe('carbon-ledger-research-export');
    expect(leftovers(dir)).toEqual([]);
  });
});

describe('a command stopped part-way (Ctrl-C, kill)', { timeout: 60_000 }, () => {
  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s: the temporary file is removed and nothing is left behind', async (signal, exitCode) => {
    const folder = mkdtempSync(join(tmpdir(), 'carbon-ledger-signal-'));
    const out = join(folder, 'cohort.json');
    // Large enough to take several seconds: stopped once the temporary file has begun.
    const child = spawn(
      process.execPath,
      [
        join(REPO_ROOT, 'bin', 'carbon-ledger.js'),
        'simulate',
        '--participants',
        '100000',
        '--days',
        '365',
        '--out',
        out,
      ],
      { cwd: REPO_ROOT, stdio: 'ignore' },
    );
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await vi.waitFor(() => expect(leftovers(folder)).toHaveLength(1), { timeout: 30_000, interval: 50 });
    child.kill(signal);
    expect(await exited).toBe(exitCode);
    expect(readdirSync(folder)).toEqual([]);
  });
});

describe('an unexpected error in a command', () => {
  afterEach(() => {
    vi.doUnmock('../../../analysis/cli/commands/extract.ts');
    vi.restoreAllMocks();
  });

  it('is one line with exit 2, not a stack trace', async () => {
    vi.resetModules();
    vi.doMock('../../../analysis/cli/commands/extract.ts', () => ({
      extractCommand: {
        summary: '',
        usage: '',
        run: async () => {
          throw new TypeError("Cannot read properties of undefined (reading 'x')\n    at somewhere.ts:1:1");
        },
      },
    }));
    const errors: string[] = [];
    vi.spyOn(console, 'error').mockImplementation((line: string) => errors.push(line));
    const { main } = await import('../../../analysis/cli/main.ts');
    expect(await main(['extract', 'page.html'])).toBe(2);
    expect(errors).toEqual([
      "carbon-ledger extract: unexpected error: Cannot read properties of undefined (reading 'x') (please report it)",
    ]);
  });

  it('names a file-system error by path and code', () => {
    const error = Object.assign(new Error('EACCES: permission denied, open /x'), { code: 'EACCES', path: '/x' });
    expect(oneLine(error)).toBe('/x: EACCES (EACCES: permission denied, open /x)');
  });
});
