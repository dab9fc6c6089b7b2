// The features the sector model reads from a product's text: words (with a crude plural cut),
// pairs of neighbouring words, and single and paired Chinese characters. Each feature is a 32-bit
// hash, written into a caller's buffer so that reading a title allocates nothing but its lower-case
// copy. (Character 4-grams of each word were tried and measured worse out of fold: 28.8 % against
// 28.2 % MAPE, 18.6 % against 15.2 % of titles more than 2× off, with a table twice the size.)
// The training script (scripts/train-sectors.ts) and the classifier use this same code.

const LETTER = 1;
const DIGIT = 2;
const HAN = 3;
const APOSTROPHE = 4;

/** Character class by UTF-16 code: letters, digits, Han characters, apostrophes; 0 separates words. */
const CHAR_CLASS = new Uint8Array(65536);
for (let code = 0; code < 65536; code++) {
  const ch = String.fromCharCode(code);
  if (/\p{Script=Han}/u.test(ch)) CHAR_CLASS[code] = HAN;
  else if (/\p{L}/u.test(ch)) CHAR_CLASS[code] = LETTER;
  else if (/\p{Nd}/u.test(ch)) CHAR_CLASS[code] = DIGIT;
  else if (ch === "'" || ch === '’') CHAR_CLASS[code] = APOSTROPHE;
}

const FNV_PRIME = 16777619;
const SEED_WORD = 0x811c9dc5;
const SEED_PAIR = 0x5bd1e995;
const SEED_HAN = 0x1b873593;

const S = 0x73;
const U = 0x75;
const I = 0x69;

/** Hash of two features: the pair of neighbouring words. */
const pair = (a: number, b: number): number => Math.imul(Math.imul(a ^ SEED_PAIR, FNV_PRIME) ^ b, FNV_PRIME) | 0;

/** Writes `hash` `repeat` times while there is room; returns the new end. */
function put(out: Int32Array, at: number, repeat: number, hash: number): number {
  let count = at;
  for (let r = 0; r < repeat && count < out.length; r++) out[count++] = hash;
  return count;
}

/** Most features one text gives (longer texts are cut there). */
export const MAX_FEATURES = 1024;

/**
 * Writes the feature hashes of `text` into `out` from index `at`, each `repeat` times (a shop's
 * category trail counts more than title words), and returns the new end index.
 */
export function textFeatures(text: string, out: Int32Array, at: number, repeat = 1): number {
  const lower = text.toLowerCase();
  const n = lower.length;
  let count = at;
  let previous = 0;
  let i = 0;
  while (i < n && count < out.length) {
    const kind = CHAR_CLASS[lower.charCodeAt(i)]!;
    if (kind === LETTER || kind === DIGIT) {
      const start = i;
      let digits = false;
      let apostrophe = -1;
      while (i < n) {
        const k = CHAR_CLASS[lower.charCodeAt(i)]!;
        if (k === DIGIT) digits = true;
        else if (k === APOSTROPHE) {
          if (apostrophe < 0) apostrophe = i;
        } else if (k !== LETTER) break;
        i++;
      }
      // "bob's" reads as "bob"; sizes and model numbers ("12oz", "x200") are left out.
      const end = apostrophe > start ? apostrophe : i;
      const length = end - start;
      if (digits || length < 2) continue;
      let stemEnd = end;
      if (length >= 4 && lower.charCodeAt(end - 1) === S) {
        const before = lower.charCodeAt(end - 2);
        if (before !== S && before !== U && before !== I) stemEnd = end - 1;
      }
      let word = SEED_WORD;
      for (let j = start; j < stemEnd; j++) word = Math.imul(word ^ lower.charCodeAt(j), FNV_PRIME);
      word |= 0;
      count = put(out, count, repeat, word);
      if (previous) count = put(out, count, repeat, pair(previous, word));
      previous = word;
    } else if (kind === HAN) {
      let last = -1;
      while (i < n && CHAR_CLASS[lower.charCodeAt(i)] === HAN) {
        const code = lower.charCodeAt(i);
        count = put(out, count, repeat, Math.imul(SEED_HAN ^ code, FNV_PRIME) | 0);
        if (last >= 0)
          count = put(out, count, repeat, Math.imul(Math.imul(SEED_HAN ^ last, FNV_PRIME) ^ code, FNV_PRIME) | 0);
        last = code;
        i++;
      }
      previous = 0;
    } else i++;
  }
  return count;
}

/** The feature that says which category the keyword rules gave (a model input like any word). */
export function ruleFeature(categoryId: string): number {
  let hash = 0x3c6ef372;
  for (let i = 0; i < categoryId.length; i++) hash = Math.imul(hash ^ categoryId.charCodeAt(i), FNV_PRIME);
  return hash | 0;
}
