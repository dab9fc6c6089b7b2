// Light goods whose footprint a weight-based witness used to misjudge by an order of magnitude:
// a mouse without a price (a category's typical weight, a fit made on devices with a processor),
// software on a 9 g USB stick (a per-kg factor × a weight that is not what the product is about),
// electronics lighter than any report the weight fit was made on, and a misread price below the
// product's materials.

import { describe, expect, it } from 'vitest';
import { DEVICES } from '../../../shared/footprint/data/devices.ts';
import { PUBLISHED } from '../../../shared/footprint/data/published.ts';
import { type FootprintEstimate, FootprintEstimator } from '../../../shared/footprint/estimate.ts';
import type { Product } from '../../../shared/product.ts';
import { product } from '../product.ts';

const estimator = new FootprintEstimator({ devices: DEVICES, published: PUBLISHED });
const accessories = ['Computer Accessories'];
/** The estimate of a product (no brand unless given); every one here has one. */
const estimateOf = (fields: Partial<Product> & { title: string }): FootprintEstimate =>
  estimator.estimate(product(fields))!;
const stepsOf = (estimate: FootprintEstimate): string => estimate.steps.join('\n');

describe('a kind the title names sets the typical weight', () => {
  it('a wireless mouse without price or weight is within 10× of what Logitech publishes (4.3 kg), inside its range', () => {
    const mouse = estimateOf({ title: 'Logitech M185 Wireless Mouse', category: accessories });
    expect(mouse.methods).toEqual(['per-kg-electric']);
    expect(Math.abs(Math.log(mouse.kgCO2e / 4.3))).toBeLessThan(Math.log(10));
    // Closer than that: within 2× (it was 67 kg, 15× high, at the category's 0.5 kg).
    expect(Math.abs(Math.log(mouse.kgCO2e / 4.3))).toBeLessThan(Math.log(2));
    expect(mouse.low).toBeLessThanOrEqual(4.3);
    expect(mouse.high).toBeGreaterThanOrEqual(4.3);
    expect(mouse.weightAssumed).toBe(true);
    expect(stepsOf(mouse)).toMatch(/typical weight 0\.10 kg/);
    expect(stepsOf(mouse)).toMatch(/No processor/);
    // The fit is over whole-life reports: the badge must not say "making only".
    expect(mouse.scope).toBe('making-and-using');
    expect(stepsOf(mouse)).not.toMatch(/Making only/);
  });

  it('a keyboard is assumed heavier than a mouse, and so estimated higher', () => {
    const of = (title: string) => estimateOf({ title, category: accessories });
    const keyboard = of('Logitech K120 Wired Keyboard');
    const mouse = of('Logitech M185 Wireless Mouse');
    expect(keyboard.kgCO2e).toBeGreaterThan(2 * mouse.kgCO2e);
    // A set weighs what its keyboard does; a German compound names its kind by its last part.
    expect(of('Logitech MK270 Wireless Keyboard and Mouse Combo').kgCO2e).toBeCloseTo(keyboard.kgCO2e, 6);
    expect(of('Logitech K120 Funktastatur').kgCO2e).toBeCloseTo(keyboard.kgCO2e, 6);
    expect(of('罗技 M185 无线鼠标').kgCO2e).toBeCloseTo(mouse.kgCO2e, 6);
  });

  it('earbuds, a memory module and an action camera are assumed lighter than over-ear headphones, a graphics card and a DSLR', () => {
    const of = (title: string, category: string[]) => estimateOf({ title, category }).kgCO2e;
    const phones = ['Electronics', 'Headphones'];
    const parts = (kind: string) => ['Electronics', 'Computer Components', kind];
    const cameras = ['Electronics', 'Cameras'];
    expect(of('Wireless earbuds', phones)).toBeLessThan(of('Over-ear headphones', phones) / 2);
    expect(of('Crucial RAM 16GB', parts('RAM'))).toBeLessThan(of('Graphics card 8GB', parts('Graphics Cards')) / 4);
    expect(of('Action camera 4K', cameras)).toBeLessThan(of('Mirrorless camera body', cameras) / 2);
  });

  it('an assumed weight widens the range of the weight witness', () => {
    const of = (weightKg: number | null) =>
      estimateOf({ title: 'Logitech M185 Wireless Mouse', category: accessories, weightKg });
    const assumed = of(null);
    const weighed = of(0.1);
    expect(assumed.kgCO2e).toBeCloseTo(weighed.kgCO2e, 6);
    expect(assumed.high / assumed.low).toBeGreaterThan(1.05 * (weighed.high / weighed.low));
  });
});

describe('electronics without a processor', () => {
  it('a game controller is not a console, and lies below what a computing device of its weight reports', () => {
    const controller = estimateOf({
      title: 'Xbox Wireless Controller',
      brand: 'Microsoft',
      category: ['Electronics', 'Video Games', 'Consoles'],
      weightKg: 0.28,
    });
    const streamer = estimateOf({
      title: 'Streaming media player',
      category: ['Electronics', 'TV & Video', 'Streaming Media Players'],
      weightKg: 0.28,
    });
    expect(controller.methods).toEqual(['per-kg-electric']);
    expect(controller.kgCO2e).toBeLessThan(streamer.kgCO2e / 2);
    // Above its materials alone (DESNZ IT equipment, 24.9 kg per kg × 0.28 kg ≈ 7 kg).
    expect(controller.kgCO2e).toBeGreaterThan(7);
  });

  it('a price that says less than half the materials is set aside, flagged', () => {
    const controller = estimateOf({
      title: 'Google Stadia Controller',
      brand: 'Google',
      category: ['Electronics', 'Video Games', 'Consoles'],
      weightKg: 0.268,
      price: { amount: 5, currency: 'USD' },
    });
    expect(controller.flags).toContain('witnesses-disagree');
    expect(stepsOf(controller)).toMatch(/Set aside: spend-based.*less than half its materials alone/);
    expect(controller.kgCO2e).toBeGreaterThan(5);
  });
});

describe('the weight fit outside the weights it was made on', () => {
  it('a device lighter than every report keeps the curve, says so, and its range widens', () => {
    const of = (weightKg: number) =>
      estimateOf({
        title: 'Wireless earbuds',
        category: ['Electronics', 'Headphones'],
        weightKg,
      });
    const inside = of(0.05);
    const light = of(0.01);
    expect(light.methods).toEqual(['per-kg-electric']);
    expect(stepsOf(light)).toMatch(/outside the weights the fit was made on/);
    expect(stepsOf(inside)).not.toMatch(/outside the weights/);
    expect(light.high / light.low).toBeGreaterThan(1.1 * (inside.high / inside.low));
  });
});

describe('software and media: what it holds, not its mass', () => {
  it('a 9 g software suite on a USB stick is not below 0.2 kg, and says why', () => {
    const suite = estimateOf({
      title: 'Office Software Suite on USB Drive (boxed)',
      brand: 'Contoso',
      category: ['Software', 'Boxed Software'],
      weightKg: 0.009,
    });
    expect(suite.kgCO2e).toBeGreaterThanOrEqual(0.2);
    expect(suite.methods).toEqual(['per-kg-typical-weight']);
    expect(stepsOf(suite)).toMatch(/not the 0\.0090 kg given/);
  });

  it('a heavier box keeps its own weight', () => {
    const box = estimateOf({
      title: 'Office Software Suite on 2 DVDs (boxed)',
      brand: 'Contoso',
      category: ['Software', 'Boxed Software'],
      weightKg: 0.18,
    });
    expect(box.methods).toEqual(['per-kg']);
    expect(stepsOf(box)).toMatch(/0\.18 kg from the page/);
  });
});
