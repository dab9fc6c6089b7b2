// Reads quantities a shop writes into a title: net weight and pack size ("23 oz", "6 x 330 ml",
// "1,5 kg", "500克"), screen size ("15.6-inch", "27 Zoll"), storage and model year.

export interface Quantity {
  /** Net mass of the whole offer in kg (liquids at 1 kg per litre, our assumption). */
  kg: number;
  /** Units in the pack (1 when no pack size is written). */
  count: number;
  /** The text it was read from. */
  text: string;
}

const UNIT_KG: Record<string, number> = {
  kg: 1,
  kilo: 1,
  kilogram: 1,
  kilograms: 1,
  g: 0.001,
  gr: 0.001,
  gram: 0.001,
  grams: 0.001,
  gramm: 0.001,
  mg: 0.000001,
  lb: 0.45359237,
  lbs: 0.45359237,
  pound: 0.45359237,
  pounds: 0.45359237,
  oz: 0.028349523,
  ounce: 0.028349523,
  ounces: 0.028349523,
  'fl oz': 0.0295735,
  'fl. oz': 0.0295735,
  l: 1,
  liter: 1,
  litre: 1,
  liters: 1,
  litres: 1,
  ltr: 1,
  ml: 0.001,
  cl: 0.01,
  dl: 0.1,
  千克: 1,
  公斤: 1,
  斤: 0.5,
  克: 0.001,
  升: 1,
  毫升: 0.001,
};

const UNIT_PATTERN = Object.keys(UNIT_KG)
  .sort((a, b) => b.length - a.length)
  .map((unit) => unit.replace('.', '\\.').replace(' ', '\\s?'))
  .join('|');
const NUMBER = String.raw`(\d+(?:[.,]\d+)?)`;
// "6 x 330 ml", "24x568ml", "6 × 0,5 l", "330 ml x 6", "pack of 6", "6er Pack", "6瓶装".
const PACK_BEFORE = new RegExp(String.raw`(\d{1,3})\s*[x×*]\s*${NUMBER}\s*(${UNIT_PATTERN})(?![\p{L}])`, 'iu');
const PACK_AFTER = new RegExp(String.raw`${NUMBER}\s*(${UNIT_PATTERN})\s*[x×*]\s*(\d{1,3})(?!\d)`, 'iu');
const SINGLE = new RegExp(String.raw`(?<![\p{L}\d.,])${NUMBER}\s*(${UNIT_PATTERN})(?![\p{L}])`, 'giu');
const PACK_COUNT =
  /(?<!\d)(\d{1,3})\s*(?:er[-\s]?pack|[-\s]?pack\b|[-\s]?count\b|[-\s]?ct\b|stück|pcs|瓶装|罐装|袋装|包装|盒装|支装|件装|只装)/iu;
const PACK_OF = /(?:pack of|set of|case of|packung mit)\s*(\d{1,3})/iu;

const ANY_DIGIT = /\d/;
const toNumber = (text: string): number => Number(text.replace(',', '.'));
const unitKg = (unit: string): number => UNIT_KG[unit.toLowerCase().replace(/\s+/g, ' ')] ?? Number.NaN;

/** The net quantity written in a title, or null when there is none. */
export function parseQuantity(text: string): Quantity | null {
  // Every quantity starts with a digit.
  if (!ANY_DIGIT.test(text)) return null;
  const before = PACK_BEFORE.exec(text);
  if (before) {
    const count = Number(before[1]);
    const each = toNumber(before[2]!) * unitKg(before[3]!);
    if (count > 0 && each > 0) return { kg: count * each, count, text: before[0] };
  }
  const after = PACK_AFTER.exec(text);
  if (after) {
    const count = Number(after[3]);
    const each = toNumber(after[1]!) * unitKg(after[2]!);
    if (count > 0 && each > 0) return { kg: count * each, count, text: after[0] };
  }
  SINGLE.lastIndex = 0;
  const single = SINGLE.exec(text);
  if (!single) return null;
  const each = toNumber(single[1]!) * unitKg(single[2]!);
  if (!(each > 0)) return null;
  const packed = PACK_COUNT.exec(text) ?? PACK_OF.exec(text);
  const count = packed ? Number(packed[1]) : 1;
  return { kg: each * count, count, text: packed ? `${packed[0]} × ${single[0]}` : single[0] };
}

/** Screen diagonal in inches ("15.6-inch", '27"', "27 Zoll", "27英寸", "13-inch"). */
export function parseScreenInches(text: string): number | null {
  // Not the tail of a longer number: '5.65"' is 5.65 inches, not 65.
  const match = /(?<![\d.,])(\d{1,2}(?:[.,]\d{1,2})?)\s*(?:-|\s)?\s*(?:inch(?:es)?|in\b|["”″]|''|zoll|英寸|寸)/iu.exec(
    text,
  );
  if (!match) return null;
  const inches = toNumber(match[1]!);
  return inches >= 3 && inches <= 100 ? inches : null;
}

/** A four-digit model year from 2005 to 2035, when the title names one. */
export function parseYear(text: string): number | null {
  const match = /(?<!\d)(20[0-3]\d)(?!\d)/.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  return year >= 2005 && year <= 2035 ? year : null;
}
