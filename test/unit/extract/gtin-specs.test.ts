import { describe, expect, it } from 'vitest';
import { validGtin } from '../../../shared/extract/gtin.ts';
import { conditionFrom, dimensionsCmFrom, energyClassFrom, weightKgFrom } from '../../../shared/extract/specs.ts';

describe('validGtin', () => {
  it.each([
    ['4006381333931', '4006381333931'],
    ['0 42100 00526 4', '042100005264'],
    ['12345670', '12345670'],
    ['10614141543219', '10614141543219'],
    ['4006381333932', null],
    ['042100005265', null],
    ['12345', null],
    ['TSF8UP-R407-26A44', null],
  ])('%s → %s', (value, expected) => {
    expect(validGtin(value)).toBe(expected);
  });
});

describe('specification values', () => {
  it('converts weights to kilograms', () => {
    expect(weightKgFrom('2.2 pounds')).toBeCloseTo(0.998, 3);
    expect(weightKgFrom('1,6 kg')).toBe(1.6);
    expect(weightKgFrom('230 Gramm')).toBe(0.23);
    expect(weightKgFrom('4.33 Kilogrammes')).toBe(4.33);
    expect(weightKgFrom('heavy')).toBeNull();
  });

  it('converts dimensions to centimetres', () => {
    expect(dimensionsCmFrom('36 x 15 x 17 inches; 8.1 Pounds')).toEqual([91.44, 38.1, 43.18]);
    expect(dimensionsCmFrom('235x100 cm')).toEqual([235, 100]);
  });

  it('reads energy classes and conditions in several languages', () => {
    expect(energyClassFrom('A ++')).toBe('A++');
    expect(energyClassFrom('Klasse B')).toBe('B');
    expect(conditionFrom('Neuf')).toBe('new');
    expect(conditionFrom('Gebraucht')).toBe('used');
    expect(conditionFrom('https://schema.org/RefurbishedCondition')).toBe('refurbished');
  });
});
