// `carbon-ledger validate`: good exports pass with one summary line; every bad record is named by
// file, event and field, and the exit code is 2.

import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { scanExportFile } from '../../../analysis/validate/json-stream.ts';
import { researchCsv, researchExport } from '../../../shared/export/research.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';
import { ALL_TYPES, sampleEvent } from '../ledger/samples.ts';
import { runBin } from './run-bin.ts';

const dir = mkdtempSync(join(tmpdir(), 'carbon-ledger-validate-'));
const path = (name: string) => join(dir, name);
const lines = (text: string) => text.trim().split('\n');

// Child processes on a shared two-core machine: generous time limits.
describe('carbon-ledger validate', { timeout: 60_000 }, () => {
  // Large enough (about 6 MB) to span several 4 MB read chunks.
  const cohort = path('cohort.json');
  beforeAll(async () => {
    const made = await runBin(['simulate', '--participants', '100', '--days', '30', '--seed', 'v', '--out', cohort]);
    expect(made.code).toBe(0);
  }, 60_000);

  it('passes a simulated cohort and an extension export, JSON and CSV, with one summary line', async () => {
    const events = ALL_TYPES.map((t) => sampleEvent(t));
    writeFileSync(
      path('one.json'),
      JSON.stringify(researchExport(events, { exportedAt: '2026-11-23T12:00:00.000Z' }), null, 2),
    );
    writeFileSync(path('one.csv'), researchCsv(events));
    // An empty ledger's export, with quotes, backslashes and brackets in the study title.
    const empty = researchExport([], {
      exportedAt: '2026-11-23T12:00:00.000Z',
      study: { id: 's', title: 'a \\"b"} [' },
    });
    writeFileSync(path('empty.json'), JSON.stringify(empty));
    const { code, stdout, stderr } = await runBin([
      'validate',
      cohort,
      path('one.json'),
      path('one.csv'),
      path('empty.json'),
    ]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const expected = JSON.parse(readFileSync(cohort, 'utf8')).events.length + 12;
    expect(lines(stdout)).toEqual([
      expect.stringMatching(new RegExp(`^validate: 4 files, ${expected.toLocaleString('en')} events, no problems`)),
    ]);
  });

  it('streams a large file to the same events and header as JSON.parse reads', async () => {
    const whole = JSON.parse(readFileSync(cohort, 'utf8'));
    const members: Record<string, unknown> = {};
    let count = 0;
    let last = '';
    await scanExportFile(cohort, {
      member: (key, value) => {
        members[key] = value;
      },
      event: (index, text) => {
        expect(index).toBe(count);
        count++;
        last = text;
      },
    });
    expect(count).toBe(whole.events.length);
    expect(JSON.parse(last)).toEqual(whole.events.at(-1));
    const { events: _, ...header } = whole;
    expect(members).toEqual(header);
  });

  it('names each bad record by file, event and field, exit 2', async () => {
    const file = JSON.parse(readFileSync(cohort, 'utf8'));
    const events = file.events;
    const products = events.flatMap((e: { data: object }, i: number) => ('product' in e.data ? [i] : []));
    const choice = events.findIndex((e: { type: string }) => e.type === 'choice-made');
    events[choice].data.choice = 'maybe';
    events[products[1]].at = '2027-01-05 10:00';
    events[products[2]].data.product.kgCO2e = 1e6;
    delete events[products[3]].data.product.url;
    events[products[5]].id = events[products[4]].id;
    file.version = 3;
    const bad = path('bad.json');
    writeFileSync(bad, JSON.stringify(file));
    const { code, stdout, stderr } = await runBin(['validate', bad]);
    expect(code).toBe(2);
    expect(lines(stdout).sort()).toEqual(
      [
        `${bad}: events[${choice}].data.choice: must be one of greener, kept, dismissed`,
        `${bad}: events[${products[1]}].at: must be an ISO 8601 time with its UTC offset`,
        `${bad}: events[${products[2]}].data.product.kgCO2e: must lie between low and high`,
        `${bad}: events[${products[3]}].data.product.url: is missing`,
        `${bad}: events[${products[5]}].id: ${events[products[4]].id} appears twice`,
        `${bad}: version: must be 1`,
      ].sort(),
    );
    expect(stderr).toMatch(/^validate: 6 problems in 1 file/);
  });

  it('reports bad CSV rows by line and column', async () => {
    // One event an hour, so the rows come in ALL_TYPES order.
    const csv = researchCsv(ALL_TYPES.map((t, i) => sampleEvent(t, '2026-11-02', 8 + i))).split('\n');
    const viewLine = csv.findIndex((l) => l.includes(',product-viewed,'));
    const choiceLine = csv.findIndex((l) => l.includes(',choice-made,'));
    csv[viewLine] = csv[viewLine]!.replace(',product-viewed,', ',hack,');
    csv[choiceLine] = csv[choiceLine]!.replace(',greener,', ',perhaps,');
    writeFileSync(path('bad.csv'), csv.join('\n'));
    const { code, stdout } = await runBin(['validate', path('bad.csv')]);
    expect(code).toBe(2);
    expect(lines(stdout)).toEqual([
      `${path('bad.csv')}: line ${viewLine + 1}: type: must be one of product-viewed, alternatives-shown, alternative-opened, choice-made, action-logged, purchase-marked`,
      `${path('bad.csv')}: line ${choiceLine + 1}: choice: must be one of greener, kept, dismissed`,
      // The sample choice avoided 8 kg, which only a greener choice may.
      `${path('bad.csv')}: line ${choiceLine + 1}: avoidedKgCO2e: must be 0 unless the choice is greener`,
    ]);
  });

  it('says what is wrong with files that are no exports at all', async () => {
    writeFileSync(path('truncated.json'), '{"format":"carbon-ledger-research-export","events":[{"id":');
    writeFileSync(path('other.json'), '{"hello":"world"}');
    const missing = path('missing.json');
    const { code, stdout } = await runBin(['validate', path('truncated.json'), path('other.json'), missing]);
    expect(code).toBe(2);
    const out = lines(stdout);
    expect(out).toContain(`${path('truncated.json')}: file: not JSON (unexpected end of file at byte 58)`);
    expect(out).toContain(`${path('other.json')}: events: is missing`);
    expect(out).toContain(`${path('other.json')}: format: is missing`);
    expect(out).toContain(`${path('other.json')}: hello: is not a field of the format`);
    expect(out).toContain(`${missing}: cannot read (ENOENT)`);
  });

  it('sums up beyond --max-problems', async () => {
    const file = JSON.parse(readFileSync(cohort, 'utf8'));
    for (const e of file.events.slice(0, 50)) e.timeZone = '';
    writeFileSync(path('many.json'), JSON.stringify(file));
    const { code, stdout } = await runBin(['validate', path('many.json'), '--max-problems', '5']);
    expect(code).toBe(2);
    expect(lines(stdout)).toHaveLength(6);
    expect(lines(stdout)[5]).toBe(`${path('many.json')}: … and 45 more problems`);
  });

  it('checks study files too', async () => {
    const example = join(REPO_ROOT, 'docs', 'examples', 'study.json');
    expect((await runBin(['validate', example])).code).toBe(0);
    const study = JSON.parse(readFileSync(example, 'utf8'));
    study.arms[0].overlay = 'sometimes';
    writeFileSync(path('study.json'), JSON.stringify(study));
    const { code, stdout } = await runBin(['validate', path('study.json')]);
    expect(code).toBe(2);
    expect(lines(stdout)).toEqual([
      `${path('study.json')}: arms[0].overlay: must be one of full, none, no-alternatives`,
    ]);
  });

  it('checks the study header of an export: types, arm probabilities in [0, 1] adding up to 1', async () => {
    const file = JSON.parse(readFileSync(cohort, 'utf8'));
    file.study.arms[0].probability = 'not-a-number';
    file.study.includeFullUrls = 'yes';
    file.study.participants[3].arm = 'no-such-arm';
    writeFileSync(path('header.json'), JSON.stringify(file));
    const { code, stdout } = await runBin(['validate', path('header.json')]);
    expect(code).toBe(2);
    expect(lines(stdout)).toEqual([
      `${path('header.json')}: study.includeFullUrls: must be true or false`,
      `${path('header.json')}: study.arms[0].probability: must be a number from 0 to 1`,
      `${path('header.json')}: study.participants[3].arm: must be one of the arms`,
    ]);

    const sum = JSON.parse(readFileSync(cohort, 'utf8'));
    sum.study.arms[0].probability = 0.2;
    writeFileSync(path('sum.json'), JSON.stringify(sum));
    const summed = await runBin(['validate', path('sum.json')]);
    expect(summed.code).toBe(2);
    expect(lines(summed.stdout)[0]).toMatch(/study\.arms: probabilities must add up to 1 \(they add up to 0\.866/);
  });

  it('checks that a cohort’s header and its events agree: listed once, left after joining, stamped with their arm', async () => {
    const file = JSON.parse(readFileSync(cohort, 'utf8'));
    const [first, second] = file.study.participants;
    file.study.participants.push({ ...first });
    second.leftAt = '2020-01-01T00:00:00.000Z';
    writeFileSync(path('listed.json'), JSON.stringify(file));
    const listed = await runBin(['validate', path('listed.json')]);
    expect(listed.code).toBe(2);
    expect(lines(listed.stdout)).toEqual([
      `${path('listed.json')}: study.participants[1].leftAt: is before enrolledAt`,
      `${path('listed.json')}: study.participants[100].participantId: "${first.participantId}" is listed twice`,
    ]);

    const stamped = JSON.parse(readFileSync(cohort, 'utf8'));
    const index = stamped.events.findIndex((e: { study: { participantId: string } }) => e.study);
    const other = stamped.study.arms.find((a: { id: string }) => a.id !== stamped.events[index].study.arm).id;
    stamped.events[index].study.arm = other;
    const stranger = stamped.events.findIndex((e: { study: unknown }, i: number) => e.study && i > index);
    stamped.events[stranger].study.participantId = 'p-ffffffffffffffff';
    writeFileSync(path('stamped.json'), JSON.stringify(stamped));
    const result = await runBin(['validate', path('stamped.json')]);
    expect(result.code).toBe(2);
    expect(lines(result.stdout)).toEqual([
      expect.stringMatching(
        new RegExp(`events\\[${index}\\]\\.study\\.arm: "${other}", but study\\.participants puts`),
      ),
      `${path('stamped.json')}: events[${stranger}].study.participantId: "p-ffffffffffffffff" is not in study.participants`,
    ]);
  });

  it('checks a participant bundle’s study header', async () => {
    const events = [sampleEvent('product-viewed')];
    const study = {
      id: 'labels-2027',
      title: 'Labels',
      participantId: 'p-0123456789abcdef',
      arm: 'control',
      seed: '0123456789abcdef0123456789abcdef',
      method: 'participant-hash-v2',
      enrolledAt: '2027-01-05T10:00:00.000Z',
      consentAcceptedAt: 'yesterday',
      consentTextHash: `sha256:${'a'.repeat(64)}`,
      leftAt: null,
      start: '2027-01-04',
      end: '2027-03-31',
      exportEventTypes: ['product-viewed', 'page-scrolled'],
      includeFullUrls: false,
    };
    writeFileSync(
      path('bundle.json'),
      JSON.stringify(researchExport(events, { exportedAt: '2027-02-01T00:00:00.000Z', study })),
    );
    const { code, stdout } = await runBin(['validate', path('bundle.json')]);
    expect(code).toBe(2);
    expect(lines(stdout)).toEqual([
      `${path('bundle.json')}: study.consentAcceptedAt: must be an ISO 8601 time`,
      expect.stringMatching(/study\.exportEventTypes\[1\]: must be one of product-viewed/),
    ]);
  });

  it('needs at least one file', async () => {
    const { code, stderr } = await runBin(['validate']);
    expect(code).toBe(2);
    expect(lines(stderr)).toEqual([expect.stringMatching(/missing FILE/)]);
  });

  // The README's line, `validate cohort.json participant-*.json`, before any participant file has
  // arrived: the shell passes the pattern itself (no nullglob), which names no file.
  it('reads a shell pattern that matched nothing as no files, and expands one the shell left alone', async () => {
    const none = await runBin(['validate', cohort, path('participant-*.json')]);
    expect(none.code).toBe(0);
    expect(none.stdout).toMatch(/^validate: 1 file, [\d,]+ events, no problems/);
    expect(none.stderr).toContain('participant-*.json: no file matches this pattern; left out');
    const only = await runBin(['validate', path('participant-*.json')]);
    expect(only.code).toBe(2);
    expect(only.stderr.trim()).toBe(
      `carbon-ledger validate: ${path('participant-*.json')}: no file matches this pattern`,
    );
    // A pattern that does match (as cmd.exe passes it, unexpanded) is expanded.
    writeFileSync(
      path('participant-a.json'),
      JSON.stringify(researchExport([], { exportedAt: '2026-11-23T12:00:00.000Z' })),
    );
    const some = await runBin(['validate', cohort, path('participant-*.json')]);
    expect(some.code).toBe(0);
    expect(some.stdout).toMatch(/^validate: 2 files, /);
    // A missing file without a pattern is still a problem.
    const missing = await runBin(['validate', cohort, path('participant-b.json')]);
    expect(missing.code).toBe(2);
    expect(missing.stdout).toContain('participant-b.json: cannot read (ENOENT)');
  });
});
