// Assignment is reproducible from the recorded seed, and over many seeds the arms come out in
// the proportions the study asks for.

import { describe, expect, it } from 'vitest';
import {
  armDraw,
  armForDraw,
  assignParticipant,
  consentTextHash,
  createEnrollment,
  newSeed,
  validateEnrollment,
  verifyEnrollment,
} from '../../../shared/study/enrollment.ts';
import { Random } from '../../../shared/study/random.ts';
import { studyFile } from './study-file.ts';

const study = studyFile({
  id: 'labels-2027',
  title: 'Labels',
  arms: [
    { id: 'control', probability: 0.5, overlay: 'none' },
    { id: 'labels', probability: 0.3, overlay: 'no-alternatives' },
    { id: 'full', probability: 0.2, overlay: 'full' },
  ],
  start: '2027-01-04',
  end: '2027-03-31',
  exportEventTypes: ['product-viewed', 'choice-made'],
});

describe('assignParticipant', () => {
  it('gives the same participant and arm for the same seed', () => {
    const seed = '0123456789abcdef0123456789abcdef';
    const first = assignParticipant(study, seed);
    expect(assignParticipant(study, seed)).toEqual(first);
    expect(first.participantId).toMatch(/^p-[0-9a-f]{16}$/);
    // Pinned: a change of derivation must change ASSIGNMENT_METHOD, not silently move people.
    expect(first).toMatchSnapshot();
  });

  it('gives unrelated participants for other seeds and other studies', () => {
    const seed = '0123456789abcdef0123456789abcdef';
    expect(assignParticipant(study, 'f123456789abcdef0123456789abcdef').participantId).not.toBe(
      assignParticipant(study, seed).participantId,
    );
    expect(assignParticipant({ ...study, id: 'other' }, seed).participantId).not.toBe(
      assignParticipant(study, seed).participantId,
    );
  });

  it('assigns arms in the study’s proportions over many seeds', () => {
    const random = new Random('proportions');
    const counts: Record<string, number> = { control: 0, labels: 0, full: 0 };
    const n = 20_000;
    for (let i = 0; i < n; i++) counts[assignParticipant(study, random.hex(128)).arm]! += 1;
    // 4 standard errors of a proportion with n = 20,000 is under 0.015.
    expect(Math.abs(counts.control! / n - 0.5)).toBeLessThan(0.015);
    expect(Math.abs(counts.labels! / n - 0.3)).toBeLessThan(0.015);
    expect(Math.abs(counts.full! / n - 0.2)).toBeLessThan(0.015);
  });

  it('maps draws to arms by cumulative probability', () => {
    expect(armForDraw(study.arms, 0).id).toBe('control');
    expect(armForDraw(study.arms, 0.4999).id).toBe('control');
    expect(armForDraw(study.arms, 0.5).id).toBe('labels');
    expect(armForDraw(study.arms, 0.7999).id).toBe('labels');
    expect(armForDraw(study.arms, 0.8).id).toBe('full');
    expect(armForDraw(study.arms, 0.9999999999).id).toBe('full');
  });

  it('takes the arm from the study seed and the participant id alone', () => {
    const seed = '0123456789abcdef0123456789abcdef';
    const { participantId, arm, draw } = assignParticipant(study, seed);
    expect(draw).toBe(armDraw(study, participantId));
    expect(arm).toBe(armForDraw(study.arms, armDraw(study, participantId)).id);
    // Another study seed re-randomises: over many participants some arms change.
    const moved = Array.from({ length: 200 }, (_, i) => i.toString(16).padStart(32, 'a')).filter(
      (s) => assignParticipant(study, s).arm !== assignParticipant({ ...study, seed: 'second wave' }, s).arm,
    );
    expect(moved.length).toBeGreaterThan(20);
  });

  it('gives different participants for seeds that differ in their last digits only', () => {
    const ids = new Set(
      Array.from({ length: 64 }, (_, i) => assignParticipant(study, i.toString(16).padStart(32, '0')).participantId),
    );
    expect(ids.size).toBe(64);
  });

  it('still verifies enrollments made with the first derivation (v1)', () => {
    const seed = '0123456789abcdef0123456789abcdef';
    const v1 = assignParticipant(study, seed, 'xoshiro128ss-v1');
    const enrollment = {
      studyId: study.id,
      participantId: v1.participantId,
      arm: v1.arm,
      seed,
      method: 'xoshiro128ss-v1' as const,
      enrolledAt: '2027-01-05T10:00:00.000Z',
      consentAcceptedAt: '2027-01-05T10:00:00.000Z',
      consentTextHash: `sha256:${'0'.repeat(64)}`,
      leftAt: null,
    };
    expect(verifyEnrollment(study, enrollment)).toBe(true);
    expect(validateEnrollment(enrollment, study)).toEqual({ ok: true, value: enrollment });
    expect(validateEnrollment({ ...enrollment, arm: v1.arm === 'full' ? 'labels' : 'full' }, study)).toEqual({
      ok: false,
      error: 'arm: participant id and arm do not follow from the seed',
    });
    expect(validateEnrollment({ ...enrollment, leftAt: 'yesterday' }, study)).toMatchObject({
      ok: false,
      error: /^leftAt:/,
    });
  });

  it('refuses a seed that is not 128 bits of hex', () => {
    expect(() => assignParticipant(study, 'abc')).toThrow(/32 lower-case hex/);
  });
});

describe('createEnrollment', () => {
  it('records seed, times and the consent hash, and verifies against the study', async () => {
    const now = new Date('2027-01-05T10:00:00Z');
    const accepted = new Date('2027-01-05T09:59:30Z');
    const enrollment = await createEnrollment(study, { now, consentAcceptedAt: accepted });
    expect(enrollment.seed).toMatch(/^[0-9a-f]{32}$/);
    expect(enrollment).toMatchObject({
      studyId: 'labels-2027',
      enrolledAt: '2027-01-05T10:00:00.000Z',
      consentAcceptedAt: '2027-01-05T09:59:30.000Z',
      method: 'participant-hash-v2',
      leftAt: null,
    });
    const { participantId, arm } = assignParticipant(study, enrollment.seed);
    expect(enrollment).toMatchObject({ participantId, arm });
    // SHA-256 of "I agree." computed independently (sha256sum).
    expect(enrollment.consentTextHash).toBe(await consentTextHash('I agree.'));
    expect(enrollment.consentTextHash).toBe('sha256:826ff0dab649a97ffdd7779a332accafb35cc161012253a19383db19289d6e02');
    expect(verifyEnrollment(study, enrollment)).toBe(true);
    expect(verifyEnrollment(study, { ...enrollment, arm: enrollment.arm === 'full' ? 'control' : 'full' })).toBe(false);
  });

  it('draws a fresh seed each time', () => {
    expect(newSeed()).not.toBe(newSeed());
  });
});
