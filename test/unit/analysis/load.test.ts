// The readers: every format gives the same events, NDJSON may start with a header line, and a
// bad file is refused with a message naming where the problem is.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { summarizeEvents } from '../../../analysis/engines/arquero.ts';
import type { FlatEvent } from '../../../analysis/load/flat.ts';
import { loadLedger, weekOf } from '../../../analysis/load/ledger-table.ts';
import { ExportError, readExport } from '../../../analysis/load/read.ts';
import type { LedgerEvent } from '../../../shared/events.ts';
import { researchCsv, researchExport } from '../../../shared/export/research.ts';
import { cohortEvents } from './cohort.ts';

let dir: string;
let events: LedgerEvent[];
const write = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};
const readAll = async (path: string) => {
  const rows: FlatEvent[] = [];
  await readExport(path, (row) => rows.push(row));
  return rows;
};
const problem = async (path: string) => {
  try {
    await readAll(path);
  } catch (error) {
    expect(error).toBeInstanceOf(ExportError);
    return (error as ExportError).problem;
  }
  throw new Error('expected the file to be refused');
};

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-load-'));
  events = cohortEvents({ participants: 4, weeks: 3 });
});

describe('readers', () => {
  it('read JSON, NDJSON (with and without a header line) and CSV to the same rows', async () => {
    const json = await readAll(write('a.json', JSON.stringify(researchExport(events, { exportedAt: '' }))));
    const header = JSON.stringify({ format: 'carbon-ledger-research-export', version: 1 });
    const sorted = researchExport(events, { exportedAt: '' }).events;
    const lines = sorted.map((e) => JSON.stringify(e)).join('\n');
    const ndjson = await readAll(write('a.ndjson', `${header}\n${lines}\n`));
    const bare = await readAll(write('b.ndjson', `${lines}\r\n\n`));
    const csv = await readAll(write('a.csv', researchCsv(events)));
    expect(json).toHaveLength(events.length);
    expect(ndjson).toEqual(json);
    expect(bare).toEqual(json);
    expect(csv).toEqual(json);
  });

  it('reads a CSV field with a quoted comma and line break', async () => {
    const [event] = events;
    const product = { ...(event as { data: { product: object } }).data.product, title: 'Sofa, "Oslo"\n3-seat' };
    const odd = { ...event, data: { ...event!.data, product } } as LedgerEvent;
    const [row] = await readAll(write('odd.csv', researchCsv([odd])));
    expect(row?.productTitle).toBe('Sofa, "Oslo"\n3-seat');
  });

  it('gives events without a study stamp to one participant named after the file', async () => {
    const anonymous = events.map((e) => ({ ...e, study: null }));
    const rows = await readAll(write('alice.json', JSON.stringify(researchExport(anonymous, { exportedAt: '' }))));
    expect(new Set(rows.map((r) => r.participantId))).toEqual(new Set(['alice']));
    const { events: table } = await loadLedger([join(dir, 'alice.json')]);
    expect(summarizeEvents(table).arms).toEqual(['none']);
  });

  it.each([
    ['bad.json', '{"format":"carbon-ledger-research-export","version":1,"events":[{"id":"x"}]}', /^events\[0\] type:/],
    ['v9.json', '{"format":"carbon-ledger-research-export","version":9,"events":[]}', /version 9/],
    ['other.json', '{"hello":1}', /not a Carbon Ledger export/],
    ['broken.json', '{"format":', /not JSON/],
    ['bad.ndjson', '{"format":"carbon-ledger-research-export","version":1}\nnot json\n', /^line 2: not JSON/],
    [
      'bad.csv',
      '# format=carbon-ledger-research-export; version=1\nid,type,at\nnope,product-viewed,2026-01-01\n',
      /^line 3: id:/,
    ],
    ['short.csv', 'id,type,at\n1,2\n', /^line 2: 2 fields, the header has 3/],
    ['wrong.csv', '# format=something-else; version=1\nid,type,at\n', /not a Carbon Ledger export/],
  ])('refuses %s, naming the problem', async (name, text, expected) => {
    expect(await problem(write(name, text))).toMatch(expected);
  });

  it('refuses a missing file and a file of unknown format', async () => {
    expect(await problem(join(dir, 'missing.json'))).toBe('no such file');
    expect(await problem(write('notes.txt', 'hello'))).toMatch(/unknown format/);
  });

  it('puts every day in the week starting on its Monday', () => {
    expect(weekOf('2026-01-05')).toBe('2026-01-05');
    expect(weekOf('2026-01-11')).toBe('2026-01-05');
    expect(weekOf('2026-01-12')).toBe('2026-01-12');
    expect(weekOf('2026-03-01')).toBe('2026-02-23');
  });
});

describe('large JSON exports', () => {
  const readStreamed = async (path: string) => {
    const rows: FlatEvent[] = [];
    await readExport(path, (row) => rows.push(row), { streamJsonAboveBytes: 0 });
    return rows;
  };

  it('are streamed and give the same events as a whole read', async () => {
    const path = write('streamed.json', JSON.stringify(researchExport(events, { exportedAt: '2027-01-01T00:00:00Z' })));
    expect(await readStreamed(path)).toEqual(await readAll(path));
  });

  it('are refused with the event and field named when one event is bad', async () => {
    const file = researchExport(events, { exportedAt: '2027-01-01T00:00:00Z' });
    (file.events[2] as { at: string }).at = 'tomorrow';
    const path = write('streamed-bad.json', JSON.stringify(file));
    await expect(readStreamed(path)).rejects.toMatchObject({ problem: expect.stringMatching(/^events\[2\] at:/) });
  });

  it('are refused when the header names another format', async () => {
    const path = write('streamed-other.json', JSON.stringify({ format: 'other', version: 1, events: [] }));
    await expect(readStreamed(path)).rejects.toBeInstanceOf(ExportError);
  });
});
