// Assignment of a participant to a study arm: a pure function of the study and a 128-bit seed
// drawn once at enrollment and recorded with it, so anyone holding the study file and the
// enrollment record can recompute the participant id and the arm.

import { hash128, Random, seedWords } from './random.ts';
import type { Study, StudyArm } from './study.ts';

/** Names the derivation below; a different derivation gets a new name. */
export const ASSIGNMENT_METHOD = 'xoshiro128ss-v1';

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
  method: typeof ASSIGNMENT_METHOD;
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
 * Participant id and arm for a seed. The study id is mixed in, so one seed gives unrelated
 * participants in different studies. Same study and seed, same result.
 */
export function assignParticipant(study: Pick<Study, 'id' | 'arms'>, seed: string): Assignment {
  const s = seedWords(seed);
  const h = hash128(`carbon-ledger-study:${study.id}`);
  const random = new Random([s[0] ^ h[0], s[1] ^ h[1], s[2] ^ h[2], s[3] ^ h[3]]);
  const participantId = `p-${random.hex(64)}`;
  const draw = random.next();
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
export function verifyEnrollment(study: Pick<Study, 'id' | 'arms'>, enrollment: Enrollment): boolean {
  const { participantId, arm } = assignParticipant(study, enrollment.seed);
  return study.id === enrollment.studyId && participantId === enrollment.participantId && arm === enrollment.arm;
}
