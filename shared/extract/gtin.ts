// GTIN validation: a GTIN-8/12/13/14 is only trusted when its check digit is right.

/** Returns the digits of a valid GTIN, or null when the value is not one. */
export function validGtin(value: unknown): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const digits = String(value).replace(/[\s-]/g, '');
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(digits)) return null;
  let sum = 0;
  // Weights alternate 3,1,3,... counted from the digit just left of the check digit.
  for (let i = digits.length - 2, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += Number(digits[i]) * weight;
  }
  const check = (10 - (sum % 10)) % 10;
  return check === Number(digits[digits.length - 1]) ? digits : null;
}

export type GtinKind = 'gtin8' | 'upc' | 'gtin13' | 'gtin14' | 'isbn10' | 'isbn13' | 'issn' | 'ismn';

// A label shops print before the number ("EAN13:", "ISBN-10", "UPC#", "gtin14 :").
const LABEL = /^\s*[([]?\s*(ean|gtin|upc|isbn|issn|ismn)(?:[-\s]?(8|10|12|13|14))?\s*[:#\-–]?\s*/i;

/**
 * The identifier in a printed value ("ISBN: 978-1-62544-175-1" → "9781625441751"), or null when
 * the value is not a checksum-valid GTIN, ISBN, ISSN or ISMN. Letters inside the number (a model
 * code such as "TFG-05451-HOP-0225") mean it is not one.
 */
export function gtinFromText(value: string | null | undefined): { id: string; kind: GtinKind } | null {
  if (!value || value.length > 80) return null;
  const label = LABEL.exec(value);
  // "EAN131334567890125" may be "EAN13" + number or "EAN" + a number starting with 13: try both.
  const rests = label
    ? [
        value.slice(label[0].length),
        label[2] ? value.slice(label.index + label[0].length - label[0].slice(label[0].search(/\d/)).length) : null,
      ]
    : [value];
  for (const rest of rests) {
    if (rest === null) continue;
    const tidy = rest.replace(/^[\s([]+|[\s)\].,;:\-–]+$/g, '');
    if (!/^[\d][\d\s-]*[\dXx]$/.test(tidy)) continue;
    const id = tidy.replace(/[\s-]/g, '').toUpperCase();
    const kind = gtinKind(id);
    if (kind) return { id, kind };
  }
  return null;
}

/** Which identifier a digit string is, by length, prefix and check digit; null when none fits. */
export function gtinKind(id: string): GtinKind | null {
  if (/^\d{9}[\dX]$/.test(id)) return mod11Valid(id, 10) ? 'isbn10' : null;
  if (/^\d{7}[\dX]$/.test(id) && mod11Valid(id, 8)) return 'issn';
  if (!/^\d+$/.test(id) || !validGtin(id)) return null;
  if (id.length === 8) return 'gtin8';
  if (id.length === 12) return 'upc';
  if (id.length === 14) return 'gtin14';
  if (id.startsWith('9790')) return 'ismn';
  return /^97[89]/.test(id) ? 'isbn13' : 'gtin13';
}

/** ISBN-10 and ISSN check: weights n..2 over the body, check digit (X = 10) makes the sum ≡ 0 mod 11. */
function mod11Valid(id: string, length: number): boolean {
  let sum = 0;
  for (let i = 0; i < length - 1; i++) sum += Number(id[i]) * (length - i);
  const last = id[length - 1] === 'X' ? 10 : Number(id[length - 1]);
  return (sum + last) % 11 === 0;
}
