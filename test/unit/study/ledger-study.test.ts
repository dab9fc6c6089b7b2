// Study mode in the ledger: joining stamps every event the background logs, within the study's
// dates only; leaving stops it; the overlay mode follows the arm; the bundle comes from the ledger.

import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMessage } from '../../../extension/entrypoints/background/handlers.ts';
import { openLedger } from '../../../extension/ledger/db.ts';
import {
  currentEnrollment,
  enroll,
  forgetStudy,
  leaveStudy,
  overlayMode,
  participantBundle,
  studyStamp,
} from '../../../extension/ledger/study.ts';
import { assignParticipant } from '../../../shared/study/enrollment.ts';
import { studyFile } from './study-file.ts';

const study = studyFile();
const product = {
  title: 'Stainless steel electric kettle 1.7 l',
  url: 'https://www.amazon.com/dp/B000000002',
  price: { amount: 39.99, currency: 'USD' },
  brand: null,
  category: ['Home & Kitchen', 'Kitchen Small Appliances', 'Electric Kettles'],
  gtin: null,
};
const fromAmazon = { url: product.url, tab: { url: product.url } };
const OWN_ORIGIN = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
// Events are ordered by their millisecond time: keep views a few milliseconds apart.
const view = async () => {
  await new Promise((resolve) => setTimeout(resolve, 3));
  return handleMessage({ type: 'product-viewed', product }, fromAmazon, OWN_ORIGIN);
};
// A seed that lands in the "labels" arm, found once: assignment is deterministic.
const labelsSeed = (() => {
  for (let i = 0; ; i++) {
    const seed = i.toString(16).padStart(32, '0');
    if (assignParticipant(study, seed).arm === 'labels') return seed;
  }
})();

beforeEach(async () => {
  await openLedger().delete();
  // The background words what a badge counts; fake-browser has no message catalogue.
  vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
});

describe('study mode in the ledger', () => {
  it('stamps every event the background logs while enrolled, and none after leaving', async () => {
    const db = openLedger();
    await view();
    const { enrollment } = await enroll(db, study, { consentAcceptedAt: new Date(), seed: labelsSeed });
    expect(enrollment.arm).toBe('labels');
    await view();
    await leaveStudy(db);
    await view();
    const events = await db.events.orderBy('at').toArray();
    expect(events.map((e) => e.study ?? null)).toEqual([
      null,
      { studyId: 'always-on', arm: 'labels', participantId: enrollment.participantId },
      null,
    ]);
  });

  it('stamps nothing outside the study’s dates', async () => {
    const db = openLedger();
    await enroll(db, { ...study, start: '2020-01-01', end: '2020-12-31' }, { consentAcceptedAt: new Date() });
    expect(await studyStamp(db)).toBeNull();
    expect(await studyStamp(db, new Date('2020-06-01T12:00:00Z'))).not.toBeNull();
    await view();
    expect((await db.events.toArray())[0]?.study).toBeNull();
  });

  it('shows the arm’s overlay while enrolled and the full overlay otherwise', async () => {
    const db = openLedger();
    expect(await overlayMode(db)).toBe('full');
    await enroll(db, study, { consentAcceptedAt: new Date(), seed: labelsSeed });
    expect(await overlayMode(db)).toBe('no-alternatives');
    await leaveStudy(db);
    expect(await overlayMode(db)).toBe('full');
  });

  it('gives the same participant and arm after leaving and rejoining, also after joining another study', async () => {
    const db = openLedger();
    const first = await enroll(db, study, { consentAcceptedAt: new Date() });
    await leaveStudy(db);
    await forgetStudy(db);
    await enroll(db, { ...study, id: 'another-study' }, { consentAcceptedAt: new Date() });
    const again = await enroll(db, study, { consentAcceptedAt: new Date() });
    expect(again.enrollment.participantId).toBe(first.enrollment.participantId);
    expect(again.enrollment.arm).toBe(first.enrollment.arm);
    // Many rejoins, one arm: nothing left to re-roll.
    const arms = new Set<string>();
    for (let i = 0; i < 10; i++) {
      await leaveStudy(db);
      arms.add((await enroll(db, study, { consentAcceptedAt: new Date() })).enrollment.arm);
    }
    expect([...arms]).toEqual([first.enrollment.arm]);
  });

  it('refuses a study that does not pass validation', async () => {
    const db = openLedger();
    await expect(enroll(db, { ...study, arms: [] }, { consentAcceptedAt: new Date() })).rejects.toThrow(/arms/);
    expect(await currentEnrollment(db)).toBeNull();
  });

  it('keeps the enrollment after leaving, for the bundle, with the events of the period', async () => {
    const db = openLedger();
    await enroll(db, study, { consentAcceptedAt: new Date(Date.now() - 1000), now: new Date(Date.now() - 1000) });
    await view();
    const left = await leaveStudy(db);
    await view();
    expect(left?.enrollment.leftAt).not.toBeNull();
    const bundle = await participantBundle(db);
    expect(bundle?.events).toHaveLength(1);
    expect(bundle?.events[0]?.data).toMatchObject({ product: { url: 'https://www.amazon.com/#product=B000000002' } });
    expect(bundle?.study).toMatchObject({ id: 'always-on', participantId: left?.enrollment.participantId });
  });
});
