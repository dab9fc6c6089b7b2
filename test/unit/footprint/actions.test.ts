import { describe, expect, it } from 'vitest';
import { ACTIONS } from '../../../shared/footprint/actions.ts';
import { SOURCES } from '../../../shared/footprint/sources.ts';

describe('action catalogue', () => {
  it('has at least 40 actions with stable unique ids, three languages, grams and sources', () => {
    expect(ACTIONS.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ACTIONS.map((a) => a.id)).size).toBe(ACTIONS.length);
    for (const action of ACTIONS) {
      expect(action.id).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
      expect(action.label.en.length, action.id).toBeGreaterThan(5);
      expect(action.label.de.length, action.id).toBeGreaterThan(5);
      expect(action.label.zh, action.id).toMatch(/\p{Script=Han}/u);
      expect(action.gramsCO2e, action.id).toBeGreaterThan(1);
      expect(action.gramsCO2e, action.id).toBeLessThan(500_000);
      expect(action.sources.length, action.id).toBeGreaterThan(0);
      for (const id of action.sources) expect(Object.keys(SOURCES)).toContain(id);
      // A figure built on our own assumption says so in its sources.
      if (/assumption/.test(action.basis)) expect(action.sources, action.id).toContain('carbon-ledger-assumption');
    }
  });

  it('carries the seed figures and covers every kind of everyday action', () => {
    expect(ACTIONS.find((a) => a.id === 'decline-single-use')!.gramsCO2e).toBe(52.7);
    expect(ACTIONS.find((a) => a.id === 'recycled-carton')!.gramsCO2e).toBe(37);
    const kinds = new Set(ACTIONS.map((a) => a.kind));
    for (const kind of ['shopping', 'delivery', 'reuse', 'food', 'home-energy', 'transport'])
      expect(kinds).toContain(kind);
    expect(ACTIONS.find((a) => a.id === 'chicken-not-beef')!.gramsCO2e).toBeGreaterThan(
      ACTIONS.find((a) => a.id === 'tofu-not-chicken')!.gramsCO2e,
    );
  });
});
