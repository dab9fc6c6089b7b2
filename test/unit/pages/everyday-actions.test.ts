// Everyday actions logged by hand count once a day each: logging the same action again that day,
// or twice at once (a double click), adds nothing; the next day it counts again.

import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { openLedger } from '../../../extension/ledger/db.ts';
import { logEverydayAction } from '../../../extension/pages/actions.ts';
import { ACTION_ENTRIES } from '../../../extension/pages/catalogue.ts';

const db = () => openLedger();
const logged = async () => (await db().events.where('type').equals('action-logged').toArray()).length;
const [bag, extras] = ACTION_ENTRIES;

beforeEach(async () => {
  await db().delete();
});

describe('an everyday action logged by hand', () => {
  it('counts once a day: a second log the same day is refused and says so', async () => {
    const morning = new Date(2026, 11, 3, 9, 0);
    const evening = new Date(2026, 11, 3, 21, 30);
    expect((await logEverydayAction(db(), bag!, null, morning)).logged).toBe(true);
    const again = await logEverydayAction(db(), bag!, null, evening);
    expect(again).toEqual({ logged: false, reason: 'already-today' });
    expect(await logged()).toBe(1);
  });

  it('counts a double click once', async () => {
    const now = new Date(2026, 11, 3, 12, 0);
    const results = await Promise.all([1, 2, 3].map(() => logEverydayAction(db(), bag!, null, now)));
    expect(results.filter((r) => r.logged)).toHaveLength(1);
    expect(await logged()).toBe(1);
  });

  it('counts another action the same day, and the same action the next day', async () => {
    expect((await logEverydayAction(db(), bag!, null, new Date(2026, 11, 3, 10))).logged).toBe(true);
    expect((await logEverydayAction(db(), extras!, null, new Date(2026, 11, 3, 11))).logged).toBe(true);
    expect((await logEverydayAction(db(), bag!, null, new Date(2026, 11, 4, 0, 5))).logged).toBe(true);
    expect(await logged()).toBe(3);
  });
});
