// Study files: the example passes both our checks and the published schema, and each mistake a
// researcher can make is named by its field path.

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { parseStudy, validateStudy, withinStudy } from '../../../shared/study/study.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';

const exampleText = readFileSync(join(REPO_ROOT, 'docs', 'examples', 'study.json'), 'utf8');
const example = () => JSON.parse(exampleText);
const schema = JSON.parse(readFileSync(join(REPO_ROOT, 'docs', 'study.schema.json'), 'utf8'));
const schemaValidate = new Ajv2020({ allErrors: true }).compile(schema);

const errorsOf = (json: unknown): string[] => {
  const checked = validateStudy(json);
  return checked.ok ? [] : checked.errors;
};

describe('validateStudy', () => {
  it('accepts the example study, with defaults filled in', () => {
    const checked = parseStudy(exampleText);
    expect(checked.ok ? [] : checked.errors).toEqual([]);
    expect(checked.ok && checked.value.arms.map((a) => a.overlay)).toEqual(['none', 'no-alternatives', 'full']);
    const { includeFullUrls: _, showArmToParticipant: __, ...minimal } = example();
    const filled = validateStudy(minimal);
    expect(filled.ok && filled.value.includeFullUrls).toBe(false);
    expect(filled.ok && filled.value.showArmToParticipant).toBe(false);
  });

  it('the example passes the published JSON Schema', () => {
    expect(schemaValidate(example())).toBe(true);
  });

  it.each([
    ['a bad id', { id: 'My Study!' }, /^id: must be lower-case/],
    ['an empty consent', { consent: '   ' }, /^consent: must be a non-empty text/],
    ['no arms', { arms: [] }, /^arms: must be a list of at least one arm/],
    [
      'an unknown overlay',
      { arms: [{ id: 'a', probability: 1, overlay: 'half' }] },
      /^arms\[0\]\.overlay: must be one of full, none, no-alternatives$/,
    ],
    [
      'probabilities that do not add up to 1',
      {
        arms: [
          { id: 'a', probability: 0.5, overlay: 'none' },
          { id: 'b', probability: 0.4, overlay: 'full' },
        ],
      },
      /^arms: probabilities must add up to 1 \(they add up to 0\.9\)$/,
    ],
    [
      'a repeated arm id',
      {
        arms: [
          { id: 'a', probability: 0.5, overlay: 'none' },
          { id: 'a', probability: 0.5, overlay: 'full' },
        ],
      },
      /^arms\[1\]\.id: "a" is used by an earlier arm$/,
    ],
    ['a date that is not ISO', { start: '04/01/2027' }, /^start: must be an ISO 8601 date/],
    ['an impossible date', { start: '2027-02-30' }, /^start: must be an ISO 8601 date/],
    ['an end before the start', { start: '2027-03-01', end: '2027-02-01' }, /^end: must be after start$/],
    [
      'an unknown event type',
      { exportEventTypes: ['product-viewed', 'page-html'] },
      /^exportEventTypes\[1\]: must be one of/,
    ],
    ['includeFullUrls as text', { includeFullUrls: 'yes' }, /^includeFullUrls: must be true or false$/],
    ['a misspelt field', { consnet: 'x' }, /^consnet: is not a study field/],
    ['a bad code', { code: 'a b' }, /^code: must be 4 to 32 letters/],
  ])('names %s by its field', (_, change, message) => {
    const bad = { ...example(), ...change };
    const errors = errorsOf(bad);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(message);
  });

  it('reports every problem at once', () => {
    const errors = errorsOf({ ...example(), id: 'X', title: '', arms: [{ id: 'a', probability: 2, overlay: 'x' }] });
    expect(errors).toEqual([
      expect.stringMatching(/^id:/),
      expect.stringMatching(/^title:/),
      expect.stringMatching(/^arms\[0\]\.probability:/),
      expect.stringMatching(/^arms\[0\]\.overlay:/),
    ]);
  });

  it('accepts thirds that add up to 1 only within rounding', () => {
    const third = 1 / 3;
    const arms = ['a', 'b', 'c'].map((id) => ({ id, probability: third, overlay: 'full' }));
    expect(errorsOf({ ...example(), arms })).toEqual([]);
    const rounded = ['a', 'b', 'c'].map((id) => ({ id, probability: 0.333, overlay: 'full' }));
    expect(errorsOf({ ...example(), arms: rounded })).toEqual([expect.stringMatching(/^arms: probabilities/)]);
  });

  it('refuses what is not a study at all', () => {
    expect(parseStudy('{"id":').ok).toBe(false);
    expect(errorsOf([])).toEqual(['study: must be a JSON object']);
    expect(errorsOf({})).toContain('format: must be "carbon-ledger-study"');
  });

  it('the schema refuses what our checks refuse, where JSON Schema can say it', () => {
    for (const change of [{ id: 'My Study!' }, { arms: [] }, { start: '04/01/2027' }, { consnet: 'x' }]) {
      expect(schemaValidate({ ...example(), ...change })).toBe(false);
    }
  });
});

describe('withinStudy', () => {
  const study = { start: '2027-01-04', end: '2027-03-31' };
  it('compares calendar days with the participant’s own day, both ends inclusive', () => {
    expect(withinStudy(study, '2027-01-04T00:00:00.000+14:00')).toBe(true);
    expect(withinStudy(study, '2027-01-03T23:59:59.000-10:00')).toBe(false);
    expect(withinStudy(study, '2027-03-31T23:59:00.000+01:00')).toBe(true);
    expect(withinStudy(study, '2027-04-01T00:00:00.000+01:00')).toBe(false);
  });
  it('compares instants as instants', () => {
    const timed = { start: '2027-01-04T09:00:00+01:00', end: '2027-01-05T09:00:00Z' };
    expect(withinStudy(timed, '2027-01-04T08:30:00.000+00:00')).toBe(true);
    expect(withinStudy(timed, '2027-01-04T08:30:00.000+01:00')).toBe(false);
    expect(withinStudy(timed, '2027-01-05T10:30:00.000+02:00')).toBe(true);
  });
});
