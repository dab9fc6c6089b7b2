// Figures as a report prints them: rounded to what the data supports. A figure with an interval
// keeps two significant figures of the interval's half-width; no figure keeps more than three
// significant figures of its own (the estimates behind every kg are uncertain by tens of per cent),
// so "60,328.4 kg" prints as "60,300 kg". Anything that is not a finite number prints as the
// reason it is missing, never as NaN.

import type { Interval } from '../transforms/bootstrap.ts';

export const NOT_ENOUGH_DATA = 'not enough data';

const magnitude = (x: number): number => Math.floor(Math.log10(Math.abs(x)));

/** The decimal place to round to (2 = hundreds, −1 = tenths). */
export function roundingPlace(value: number, interval?: Interval | null): number {
  let place = value === 0 ? Number.NEGATIVE_INFINITY : magnitude(value) - 2;
  if (interval) {
    const half = (interval.high - interval.low) / 2;
    if (half > 0) place = Math.max(place, magnitude(half) - 1);
  }
  return Number.isFinite(place) ? place : 0;
}

/**
 * `value` rounded at `place`, with thousands separators; `fixed` writes every decimal it keeps (a
 * figure and its interval line up), otherwise trailing zeros go (an exact 5 is not "5.00").
 */
export function atPlace(value: number, place: number, fixed = true): string {
  const decimals = Math.max(0, -place);
  const rounded = place > 0 ? Math.round(value / 10 ** place) * 10 ** place : Number(value.toFixed(decimals));
  // −0 prints as 0.
  return (rounded === 0 ? 0 : rounded).toLocaleString('en', {
    minimumFractionDigits: fixed ? decimals : 0,
    maximumFractionDigits: decimals,
  });
}

const finite = (value: number | null | undefined): value is number =>
  typeof value === 'number' && Number.isFinite(value);

/** A figure and, when there is one, its interval, all rounded alike: `60,300 (55,100 to 65,800)`. */
export function figure(
  value: number | null | undefined,
  interval?: Interval | null,
  { unit = '', missing = NOT_ENOUGH_DATA }: { unit?: string; missing?: string } = {},
): string {
  if (!finite(value)) return missing;
  const usable = interval && finite(interval.low) && finite(interval.high) ? interval : null;
  const place = roundingPlace(value, usable);
  const text = `${atPlace(value, place, usable !== null)}${unit}`;
  return usable ? `${text} (${atPlace(usable.low, place)} to ${atPlace(usable.high, place)}${unit})` : text;
}

/** A share (0–1) as per cent, with its interval. */
export const percentFigure = (share: number | null | undefined, interval?: Interval | null): string =>
  figure(finite(share) ? share * 100 : null, interval && { low: interval.low * 100, high: interval.high * 100 }, {
    unit: ' %',
  });

/** A whole number, exactly. */
export const count = (value: number): string => value.toLocaleString('en');
