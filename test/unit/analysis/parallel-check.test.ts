// The DuckDB engine's fast paths for large files: NDJSON checked on worker threads, one byte range
// each, and JSON exports staged as NDJSON lines of raw events. Each must accept what the readers
// accept and refuse what they refuse with the same one-line message (the first problem in the
// file, its line or event index counted across ranges).

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { arqueroEngine } from '../../../analysis/engines/arquero.ts';
import { duckdbEngine } from '../../../analysis/engines/duckdb.ts';
import { checkNdjson } from '../../../analysis/load/check-parallel.ts';
import { ExportError, readExport } from '../../../analysis/load/read.ts';
import { checkStagedEvents, stageJsonExport } from '../../../analysis/load/stage-json.ts';
import { writeSyntheticExport } from '../../../bench/analysis.ts';
import type { LedgerEvent } from '../../../shared/events.ts';
import { EXPORT_FORMAT, researchExport } from '../../../shared/export/research.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { cohortEvents } from './cohort.ts';

vi.setConfig({ testTimeout: 120_000 });

let dir: string;
// Made at load: the cases below are built from them when the tests are collected.
const events: LedgerEvent[] = cohortEvents({ participants: 4, weeks: 3 });
let count = 0;
const write = (name: string, text: string | Buffer) => {
  const path = join(dir, `${count++}-${name}`);
  writeFileSync(path, text);
  return path;
};
const HEADER = JSON.stringify({ format: EXPORT_FORMAT, version: 1, study: { id: 's', title: 'S' } });

/** What the reader says of a file: its events and roster, or its problem. */
const byReader = async (path: string, options = {}) => {
  try {
    const { events: n, roster } = await readExport(path, () => {}, options);
    return { events: n, roster };
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    return { problem: error.problem };
  }
};
const byParallel = async (path: string, threads: number) => {
  try {
    return await checkNdjson(path, { threads });
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    return { problem: error.problem };
  }
};
const byStaging = async (path: string) => {
  const staged = `${path}.staged.ndjson`;
  try {
    const { roster } = await stageJsonExport(path, staged, { threads: 3 });
    return { events: await checkStagedEvents(path, staged, { threads: 3 }), roster };
  } catch (error) {
    if (!(error instanceof ExportError)) throw error;
    return { problem: error.problem };
  }
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-parallel-'));
});

describe('NDJSON checked on worker threads', () => {
  const lines = () => events.map((event) => JSON.stringify(event));
  const withLine = (at: number, line: string) => {
    const all = lines();
    all[at] = line;
    return all;
  };
  const bad = (at: number, change: (event: Record<string, unknown>) => void) => {
    const event = structuredClone(events[at]) as unknown as Record<string, unknown>;
    change(event);
    return withLine(at, JSON.stringify(event));
  };
  const cases: [string, string | Buffer][] = [
    ['with a header, CRLF and blank lines', `${HEADER}\r\n${lines().join('\r\n')}\n\n  \n`],
    ['without a header, no final line feed', lines().join('\n')],
    ['a bad line late in the file', `${HEADER}\n${withLine(events.length - 3, '{"id":').join('\n')}\n`],
    ['two bad lines, in different ranges', `${withLine(5, 'nope').join('\n')}\n`.replace(lines().at(-2)!, '[]')],
    ['an event of the wrong shape', `${HEADER}\n${bad(events.length - 10, (e) => (e.at = 'yesterday')).join('\n')}\n`],
    [
      'a bad URL',
      bad(events.length >> 1, (e) => ((e.data as { product?: { url: string } }).product!.url = 'https://')).join('\n'),
    ],
    ['a bad header', `{"format":"${EXPORT_FORMAT}","version":7}\n${withLine(3, '{').join('\n')}\n`],
    ['a header line later on', `${lines().join('\n')}\n${HEADER}\n`],
    ['a byte-order mark', `\uFEFF${HEADER}\n${lines().join('\n')}\n`],
    [
      'bytes that are not UTF-8',
      Buffer.concat([Buffer.from(`${lines().join('\n')}\n{"id":"`), Buffer.from([0xff, 0xfe]), Buffer.from('"}\n')]),
    ],
  ];

  it.each(cases)('agrees with the NDJSON reader: %s', async (name, text) => {
    const path = write(`${name.replaceAll(' ', '-')}.ndjson`, text);
    const expected = await byReader(path);
    for (const threads of [1, 3]) expect(await byParallel(path, threads), `${threads} threads`).toEqual(expected);
  });

  it('finds the same first problem as the reader in a file of many bad lines', async () => {
    const all = lines().map((line, i) => (i % 7 === 6 ? line.replace('"type":"', '"type":"x') : line));
    const path = write('many.ndjson', `${all.join('\n')}\n`);
    const expected = await byReader(path);
    expect(expected).toEqual({ problem: expect.stringMatching(/^line 7: type: must be one of/) });
    expect(await byParallel(path, 4)).toEqual(expected);
  });
});

describe('JSON exports staged as NDJSON lines', () => {
  const exportText = (list: unknown[], space?: number) =>
    JSON.stringify({ ...researchExport(events, { exportedAt: '2026-03-01T00:00:00Z' }), events: list }, null, space);
  const withEvent = (at: number, value: unknown) => events.map((event, i) => (i === at ? value : event));
  const cases: [string, string][] = [
    ['a valid export', exportText(events)],
    ['a pretty-printed export', exportText(events, 2)],
    ['a bad event late in the list', exportText(withEvent(events.length - 2, { ...events[0], type: 'bought' }))],
    ['a bad event, then broken JSON', `${exportText(withEvent(4, { ...events[4], id: 'x' })).slice(0, -2)},`],
    ['broken JSON and no bad event', `${exportText(events).slice(0, -2)}, ]}`],
    ['a bad event pretty-printed', exportText(withEvent(9, { ...events[9], at: 'soon' }), 2)],
    ['an element that is not an object', exportText(withEvent(3, 42))],
    ['a first event with a format field', exportText(withEvent(0, { ...events[0], format: EXPORT_FORMAT }))],
    ['events that are not a list', JSON.stringify({ format: EXPORT_FORMAT, version: 1, events: {} })],
    ['a version this does not read', JSON.stringify({ format: EXPORT_FORMAT, version: 9, events: [events[0]] })],
    ['no events', JSON.stringify({ format: EXPORT_FORMAT, version: 1 })],
  ];

  it.each(cases)('agrees with the JSON reader: %s', async (name, text) => {
    const path = write(`${name.replaceAll(' ', '-')}.json`, text);
    expect(await byStaging(path)).toEqual(await byReader(path, { streamJsonAboveBytes: 0 }));
  });

  it('gives the DuckDB engine the same summary as the Arquero engine', async () => {
    const path = write('cohort.json', exportText(events));
    const [staged, arquero] = await Promise.all([
      duckdbEngine.summarize([path], { stageJsonAboveBytes: 0 }),
      arqueroEngine.summarize([path]),
    ]);
    expect(staged.inputs).toEqual(arquero.inputs);
    expect(JSON.stringify(staged.summary, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(9)) : v))).toBe(
      JSON.stringify(arquero.summary, (_k, v) => (typeof v === 'number' ? Number(v.toPrecision(9)) : v)),
    );
  });
});

describe('carbon-ledger report --engine duckdb on large malformed files', () => {
  const run = async (args: string[]) => {
    try {
      await promisify(execFile)(process.execPath, [join(REPO_ROOT, 'bin', 'carbon-ledger.js'), ...args], {
        cwd: REPO_ROOT,
      });
      return { code: 0, stderr: '' };
    } catch (error) {
      return error as { code: number; stderr: string };
    }
  };

  // 70,000 events (about 35 MB) are above the size from which worker threads check the file.
  it('names the line and field of a bad event near the end, exit 2, and writes no report', async () => {
    const path = join(dir, 'large.ndjson');
    writeSyntheticExport(path, 70_000);
    const { readFileSync } = await import('node:fs');
    const lines = readFileSync(path, 'utf8').split('\n');
    lines[69_990] = lines[69_990]!.replace('"schemaVersion":1', '"schemaVersion":"1"');
    writeFileSync(path, lines.join('\n'));
    const out = join(dir, 'large.html');
    const { code, stderr } = await run(['report', path, '--engine', 'duckdb', '--out', out]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(
      `carbon-ledger report: ${path}: line 69991: schemaVersion: must be a number from 1 to 1`,
    );
    expect(existsSync(out)).toBe(false);

    // The same events as a JSON export (staged as NDJSON): named by their index in `events`.
    const json = join(dir, 'large.json');
    writeFileSync(json, `${lines[0]!.slice(0, -1)},"events":[\n${lines.slice(1).filter(Boolean).join(',\n')}\n]}\n`);
    const staged = await run(['report', json, '--engine', 'duckdb', '--out', out]);
    expect(staged.code).toBe(2);
    expect(staged.stderr.trim()).toBe(
      `carbon-ledger report: ${json}: events[69989] schemaVersion: must be a number from 1 to 1`,
    );
    expect(existsSync(out)).toBe(false);
  });
});
