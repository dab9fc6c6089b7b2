// The enrollment screen's decisions: what it accepts as a study, and what it shows (the arm only
// when the study allows it).

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFileName, enrollmentView, readStudyInput } from '../../../extension/pages/study/enrollment-flow.ts';
import type { Enrollment } from '../../../shared/study/enrollment.ts';
import { parseStudy, type Study } from '../../../shared/study/study.ts';
import { REPO_ROOT } from '../../shared-fixtures.ts';

const text = readFileSync(join(REPO_ROOT, 'docs', 'examples', 'study.json'), 'utf8');
const checked = parseStudy(text);
if (!checked.ok) throw new Error(checked.errors.join('; '));
const study: Study = checked.value;
const enrollment: Enrollment = {
  studyId: study.id,
  participantId: 'p-0123456789abcdef',
  arm: 'labels',
  seed: '0123456789abcdef0123456789abcdef',
  method: 'xoshiro128ss-v1',
  enrolledAt: '2027-01-05T09:00:00.000Z',
  consentAcceptedAt: '2027-01-05T09:00:00.000Z',
  consentTextHash: 'sha256:0',
  leftAt: null,
};

describe('readStudyInput', () => {
  it('reads a pasted study file', () => {
    expect(readStudyInput(`  ${text}\n`)).toEqual({ ok: true, study });
  });
  it('lists every problem of a bad file', () => {
    const read = readStudyInput(JSON.stringify({ ...JSON.parse(text), arms: [], end: '2020-01-01' }));
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors).toEqual([
      'This is not a valid study file:',
      'arms: must be a list of at least one arm',
      'end: must be after start',
    ]);
  });
  it('finds a built-in study by its code, whatever the case', () => {
    expect(readStudyInput(' labels-2027 ', [study])).toEqual({ ok: true, study });
    expect(readStudyInput('OTHER-CODE', [study])).toEqual({
      ok: false,
      problem: 'unknown-code',
      code: 'OTHER-CODE',
      errors: [expect.stringMatching(/No study with the code OTHER-CODE/)],
    });
    expect(readStudyInput('no such code!', [study])).toMatchObject({ ok: false, problem: 'bad-code' });
    expect(readStudyInput('   ')).toMatchObject({ ok: false, problem: 'empty' });
  });
});

describe('enrollmentView', () => {
  const during = new Date('2027-02-01T12:00:00Z');
  it('shows the participant code but not the arm (blinding)', () => {
    const view = enrollmentView({ study, enrollment }, during);
    expect(view).toMatchObject({ state: 'enrolled', participantId: 'p-0123456789abcdef', arm: null, recording: true });
  });
  it('shows the arm when the study allows it', () => {
    const view = enrollmentView({ study: { ...study, showArmToParticipant: true }, enrollment }, during);
    expect(view).toMatchObject({ arm: 'labels' });
  });
  it('says when nothing is recorded: before the start, after the end, after leaving', () => {
    expect(enrollmentView({ study, enrollment }, new Date('2026-12-01T12:00:00Z'))).toMatchObject({
      recording: false,
      notice: 'The study has not started yet.',
    });
    expect(enrollmentView({ study, enrollment }, new Date('2027-05-01T12:00:00Z'))).toMatchObject({
      recording: false,
      notice: 'The study has ended.',
    });
    const left = { ...enrollment, leftAt: '2027-01-20T10:00:00.000Z' };
    expect(enrollmentView({ study, enrollment: left }, during)).toMatchObject({ state: 'left', recording: false });
    expect(enrollmentView(null)).toEqual({ state: 'none' });
  });
  it('names the bundle by study and participant only', () => {
    expect(bundleFileName({ study, enrollment })).toBe(
      'carbon-ledger-labels-and-alternatives-2027-p-0123456789abcdef.json',
    );
  });
});
