// `carbon-ledger report` and `convert` as users run them: the real bin script in a child process.

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { cohortEvents, writeCohort } from './cohort.ts';

const run = async (args: string[]) => {
  try {
    const { stdout, stderr } = await promisify(execFile)(
      process.execPath,
      [join(REPO_ROOT, 'bin', 'carbon-ledger.js'), ...args],
      { cwd: REPO_ROOT },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
};

// Each case starts Node and loads Arquero, Plot and jsdom; the machine is shared.
vi.setConfig({ testTimeout: 120_000 });

let dir: string;
let paths: string[];
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-report-'));
  paths = writeCohort(dir, cohortEvents({ participants: 6, weeks: 5 }));
});

describe('carbon-ledger report', () => {
  it('writes a self-contained HTML report with a summary, charts and the inputs', async () => {
    const out = join(dir, 'report.html');
    const tables = join(dir, 'tables');
    const { code, stderr } = await run(['report', ...paths, '--out', out, '--tables', tables]);
    expect(code).toBe(0);
    // --tables: each table as CSV and all of them in one JSON file, no NaN.
    expect(readdirSync(tables).sort()).toEqual([
      'arm-differences.csv',
      'by-arm.csv',
      'rates-by-category.csv',
      'rates-by-shop.csv',
      'report.json',
      'retention.csv',
      'summary.csv',
      'weekly.csv',
    ]);
    const json = JSON.parse(readFileSync(join(tables, 'report.json'), 'utf8'));
    expect(json.method).toMatchObject({ seed: 1, armDifferenceResamples: 2000, resamples: 1000 });
    expect(json.tables.summary.find((row: { measure: string }) => row.measure === 'participants').value).toBe(6);
    expect(readFileSync(join(tables, 'weekly.csv'), 'utf8').split('\n')[0]).toBe(
      'arm,week,partial,participants,footprintKg,footprintLow,footprintHigh,avoidedKg',
    );
    expect(stderr).toMatch(/report: \d+ events, 6 participants → /);
    const html = readFileSync(out, 'utf8');
    expect(html).toMatch(/<table>/);
    expect(html.match(/<svg [^>]*viewBox/g)?.length).toBeGreaterThanOrEqual(7);
    expect(html).toContain('estimate, not a measurement');
    expect(html).toContain('p000.json');
    expect(html).toMatch(/Generated \d{4}-\d\d-\d\dT/);
    // Nothing that would reach the network or run: no scripts, links, external resources.
    expect(html).not.toMatch(/<script|<link|<img|<iframe|\bsrc=|@import|url\(http/i);
    expect(html.replaceAll('http://www.w3.org/', '')).not.toMatch(/https?:\/\//);
  });

  it('makes the same report with --engine duckdb', async () => {
    const a = join(dir, 'a.html');
    const d = join(dir, 'd.html');
    expect((await run(['report', ...paths, '--out', a])).code).toBe(0);
    expect((await run(['report', ...paths, '--out', d, '--engine', 'duckdb'])).code).toBe(0);
    const body = (path: string) =>
      readFileSync(path, 'utf8').replace(/Generated [^<]*<code>[^<]*<\/code> \(engine: \w+\)/, '');
    expect(body(d)).toBe(body(a));
  });

  it('refuses a malformed export in one line naming the file, exit 2', async () => {
    const bad = join(dir, 'broken.json');
    writeFileSync(bad, '{"format":"carbon-ledger-research-export","version":1,"events":[{"type":"nope"}]}');
    for (const engine of ['arquero', 'duckdb']) {
      const { code, stderr } = await run(['report', paths[0]!, bad, '--out', join(dir, 'x.html'), '--engine', engine]);
      expect(code).toBe(2);
      expect(stderr.trim().split('\n')).toEqual([
        `carbon-ledger report: ${bad}: events[0] type: must be one of product-viewed, alternatives-shown, alternative-opened, choice-made, action-logged, purchase-marked`,
      ]);
    }
  });

  it('refuses exports without events', async () => {
    const empty = join(dir, 'empty.ndjson');
    writeFileSync(empty, '{"format":"carbon-ledger-research-export","version":1}\n');
    const { code, stderr } = await run(['report', empty, '--out', join(dir, 'empty.html')]);
    expect(code).toBe(2);
    expect(stderr.trim()).toBe(`carbon-ledger report: ${empty}: no events to report`);
  });

  it('needs --out and at least one export', async () => {
    expect((await run(['report', paths[0]!])).stderr).toMatch(/--out/);
    expect((await run(['report', '--out', 'x.html'])).code).toBe(2);
  });
});

describe('carbon-ledger convert', () => {
  it('writes CSV that reads back as the research CSV', async () => {
    const out = join(dir, 'all.csv');
    expect((await run(['convert', ...paths, '--out', out])).code).toBe(0);
    const lines = readFileSync(out, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('# format=carbon-ledger-research-export; version=1');
    expect(lines[1]).toMatch(/^id,type,at,timeZone,/);
    const back = join(dir, 'back.csv');
    expect((await run(['convert', out, '--out', back])).code).toBe(0);
    expect(readFileSync(back, 'utf8')).toBe(readFileSync(out, 'utf8'));
  });

  it('writes hive-partitioned Parquet by study and month', async () => {
    const out = join(dir, 'lake');
    expect((await run(['convert', ...paths, '--partition', '--out', out])).code).toBe(0);
    expect(readdirSync(out)).toEqual(['studyId=pilot-2026']);
    expect(readdirSync(join(out, 'studyId=pilot-2026'))).toEqual(['month=2026-01', 'month=2026-02']);
    expect(existsSync(join(out, 'studyId=pilot-2026', 'month=2026-01', 'part-0.parquet'))).toBe(true);
    const again = await run(['convert', ...paths, '--partition', '--out', out]);
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/new or empty folder/);
  });

  it('reads its partitions back whatever the study id: accents, emoji, slashes, quotes', async () => {
    const studyIds = ['étude-été', 'study 😀', 'a/../b', "it's (new)!"];
    const inputs = studyIds.map((studyId, i) => {
      const file = JSON.parse(readFileSync(paths[0]!, 'utf8'));
      file.study = null;
      file.events = file.events.slice(0, 3).map((event: { id: string; study: unknown }, j: number) => ({
        ...event,
        id: `00000000-0000-4000-8000-${String(i * 10 + j).padStart(12, '0')}`,
        study: { studyId, arm: 'control', participantId: 'p-1' },
      }));
      const input = join(dir, `ids-${i}.json`);
      writeFileSync(input, JSON.stringify(file));
      return input;
    });
    const lake = join(dir, 'lake-ids');
    expect((await run(['convert', ...inputs, '--partition', '--out', lake])).code).toBe(0);
    expect(readdirSync(lake)).toHaveLength(studyIds.length);
    const csv = join(dir, 'lake-ids.csv');
    const back = await run(['convert', lake, '--out', csv]);
    expect(back.stderr).not.toMatch(/malformed|unexpected/);
    expect(back.code).toBe(0);
    const text = readFileSync(csv, 'utf8');
    for (const studyId of studyIds) expect(text).toContain(studyId.includes(',') ? `"${studyId}"` : studyId);
  });

  it('names a partition folder that is not percent-encoded UTF-8', async () => {
    const lake = join(dir, 'lake-bad');
    expect((await run(['convert', paths[0]!, '--partition', '--out', lake])).code).toBe(0);
    const [folder] = readdirSync(lake);
    renameSync(join(lake, folder!), join(lake, 'studyId=%E9tude'));
    const result = await run(['convert', lake, '--out', join(dir, 'bad.csv')]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim()).toMatch(/folder studyId=%E9tude: the value is not percent-encoded UTF-8/);
  });
});
