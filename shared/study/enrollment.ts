// Assignment of a participant to a study arm. The participant id follows from a 128-bit seed
// drawn once per study on this device (kept when the participant leaves, so rejoining gives the
// same id); the arm is a hash of the study's seed and the participant id. Anyone holding the
// study file can recompute an arm from a participant id alone, and leaving and rejoining cannot
// re-roll it.

import type { Checked } from '../events.ts';
import { hash128, Random, seedWords } from './random.ts';
import { isInstant, type Study, type StudyArm } from './study.ts';

/** Names the derivation below; a different derivation gets a new name. */
export const ASSIGNMENT_METHOD = 'participant-hash-v2';
/**
 * Every derivation this version can verify. v1 drew the arm from the enrollment seed (so a new
 * seed on rejoining meant a new arm); enrollments made with it stay valid.
 */
export const ASSIGNMENT_METHODS = ['xoshiro128ss-v1', ASSIGNMENT_METHOD] as const;
export type AssignmentMethod = (typeof ASSIGNMENT_METHODS)[number];

export interface Assignment {
  /** Pseudonymous: derived from the seed only, linked to nothing about the person. */
  participantId: string;
  arm: string;
  /** The uniform draw in [0, 1) that picked the arm against the arms' cumulative probabilities. */
  draw: number;
}

export interface Enrollment {
  studyId: string;
  participantId: string;
  arm: string;
  /** 32 hex digits from crypto.getRandomValues at enrollment. */
  seed: string;
  method: AssignmentMethod;
  enrolledAt: string;
  consentAcceptedAt: string;
  /** `sha256:` and the hex SHA-256 of the consent text the participant accepted. */
  consentTextHash: string;
  /** Set when the participant left; events after it carry no study stamp. */
  leftAt: string | null;
}

/** A fresh random seed for one enrollment (the only non-reproducible step). */
export function newSeed(): string {
  const words = crypto.getRandomValues(new Uint32Array(4));
  return Array.from(words, (w) => w.toString(16).padStart(8, '0')).join('');
}

/** The arm whose cumulative-probability interval contains the draw; arms in study-file order. */
export function armForDraw(arms: readonly StudyArm[], draw: number): StudyArm {
  let cumulative = 0;
  for (const arm of arms) {
    cumulative += arm.probability;
    if (draw < cumulative) return arm;
  }
  // Probabilities may add up to a hair under 1.
  return arms[arms.length - 1]!;
}

/**
 * The generator of a participant's id: the seed mixed with the study id. v1 XOR-ed the words, so
 * its first 64 output bits ignored part of the seed; v2 hashes seed and study id together.
 */
function participantRandom(study: Pick<Study, 'id'>, seed: string, method: AssignmentMethod): Random {
  const s = seedWords(seed);
  if (method === ASSIGNMENT_METHOD) return new Random(hash128(`carbon-ledger-participant:${study.id}:${seed}`));
  const h = hash128(`carbon-ledger-study:${study.id}`);
  return new Random([s[0] ^ h[0], s[1] ^ h[1], s[2] ^ h[2], s[3] ^ h[3]]);
}

/**
 * The uniform draw in [0, 1) that places a participant in an arm: 53 bits of the cyrb128 hash of
 * the study's seed (its id when it has none) and the participant id.
 */
export function armDraw(study: Pick<Study, 'id' | 'seed'>, participantId: string): number {
  const [a, b] = hash128(`carbon-ledger-arm:${study.seed ?? study.id}:${participantId}`);
  return ((a >>> 5) * 67108864 + (b >>> 6)) / 9007199254740992;
}

/**
 * Participant id and arm for a seed. The study id is mixed into the id, so one seed gives
 * unrelated participants in different studies; the arm follows from the id and the study's seed.
 */
export function assignParticipant(
  study: Pick<Study, 'id' | 'arms' | 'seed'>,
  seed: string,
  method: AssignmentMethod = ASSIGNMENT_METHOD,
): Assignment {
  const random = participantRandom(study, seed, method);
  const participantId = `p-${random.hex(64)}`;
  const draw = method === 'xoshiro128ss-v1' ? random.next() : armDraw(study, participantId);
  return { participantId, arm: armForDraw(study.arms, draw).id, draw };
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

export const consentTextHash = async (consent: string): Promise<string> => `sha256:${await sha256Hex(consent)}`;

/** The enrollment record for a participant who accepted the consent at `consentAcceptedAt`. */
export async function createEnrollment(
  study: Study,
  options: { seed?: string; now?: Date; consentAcceptedAt?: Date } = {},
): Promise<Enrollment> {
  const seed = options.seed ?? newSeed();
  const now = options.now ?? new Date();
  const { participantId, arm } = assignParticipant(study, seed);
  return {
    studyId: study.id,
    participantId,
    arm,
    seed,
    method: ASSIGNMENT_METHOD,
    enrolledAt: now.toISOString(),
    consentAcceptedAt: (options.consentAcceptedAt ?? now).toISOString(),
    consentTextHash: await consentTextHash(study.consent),
    leftAt: null,
  };
}

/** Recomputes an enrollment's assignment: true when participant id and arm follow from its seed. */
export function verifyEnrollment(study: Pick<Study, 'id' | 'arms' | 'seed'>, enrollment: Enrollment): boolean {
  if (!ASSIGNMENT_METHODS.includes(enrollment.method) || !/^[0-9a-f]{32}$/.test(enrollment.seed)) return false;
  const { participantId, arm } = assignParticipant(study, enrollment.seed, enrollment.method);
  return study.id === enrollment.studyId && participantId === enrollment.participantId && arm === enrollment.arm;
}

/**
 * Checks an enrollment record from outside (a restored backup) against its study: every field's
 * type, and that participant id and arm follow from the seed. The first problem as `field: what`.
 */
export function validateEnrollment(value: unknown, study: Study): Checked<Enrollment> {
  const problem = (field: string, what: string) => ({ ok: false as const, error: `${field}: ${what}` });
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return problem('enrollment', 'must be an object');
  const e = value as Record<string, unknown>;
  if (e.studyId !== study.id) return problem('studyId', `must be the study's id (${study.id})`);
  if (typeof e.participantId !== 'string' || !/^p-[0-9a-f]{16}$/.test(e.participantId))
    return problem('participantId', 'must be p- and 16 hex digits');
  if (!study.arms.some((arm) => arm.id === e.arm)) return problem('arm', "must be one of the study's arms");
  if (typeof e.seed !== 'string' || !/^[0-9a-f]{32}$/.test(e.seed)) return problem('seed', 'must be 32 hex digits');
  if (!ASSIGNMENT_METHODS.includes(e.method as AssignmentMethod))
    return problem('method', `must be one of ${ASSIGNMENT_METHODS.join(', ')}`);
  for (const field of ['enrolledAt', 'consentAcceptedAt'] as const) {
    if (!isInstant(e[field])) return problem(field, 'must be an ISO 8601 time');
  }
  if (typeof e.consentTextHash !== 'string' || !/^sha256:[0-9a-f]{64}$/.test(e.consentTextHash))
    return problem('consentTextHash', 'must be sha256: and 64 hex digits');
  if (e.leftAt !== null && !isInstant(e.leftAt)) return problem('leftAt', 'must be null or an ISO 8601 time');
  const enrollment: Enrollment = {
    studyId: study.id,
    participantId: e.participantId,
    arm: e.arm as string,
    seed: e.seed,
    method: e.method as AssignmentMethod,
    enrolledAt: e.enrolledAt as string,
    consentAcceptedAt: e.consentAcceptedAt as string,
    consentTextHash: e.consentTextHash,
    leftAt: e.leftAt as string | null,
  };
  if (!verifyEnrollment(study, enrollment)) return problem('arm', 'participant id and arm do not follow from the seed');
  return { ok: true, value: enrollment };
}
