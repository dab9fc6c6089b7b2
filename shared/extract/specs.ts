// Reads the specification rows shops print ("Item Weight: 2.2 pounds", "Material | Oak",
// "Energieeffizienzklasse A+++") into weight, materials, dimensions, energy class, brand, GTIN
// and condition. Labels in English, German, French, Spanish and Italian.

import type { Condition } from '../product.ts';
import { collapseSpaces, SKIPPED_TAGS, visibleTextOf } from './dom.ts';
import type { ProductFields } from './fields.ts';
import { validGtin } from './gtin.ts';
import { parsePrice } from './price.ts';

export const LABELS = {
  weight:
    /^(?:(?:item|product|net|unit|article) )?weight|^(?:artikel|netto-?|produkt)?gewicht|^poids|^peso(?: del producto| articolo)?$|^peso$/i,
  material:
    /^(?:main |outer |upper |frame )?materials?(?: type| composition)?$|^(?:ober)?material|^matière|^materiale|^composition$|^fabric(?: type)?$/i,
  dimensions: /dimensions|abmessungen|^maße|^medidas|^dimensioni|^product size/i,
  energyClass:
    /energy (?:efficiency )?class|energieeffizienzklasse|eficiencia energ|classe (?:é|e)nerg|classe di efficienza|energy rating|energielabel/i,
  brand: /^(?:brand(?: name)?|marke|marca|marque|merk|marka|merek|thương hiệu|бренд|марка|品牌|브랜드|ブランド)$/i,
  maker: /^(?:manufacturer|hersteller|fabricante|fabricant|produttore|производитель)$/i,
  price: /^(?:our |sale |your )?(?:price|preis|prix|precio|preço|prezzo|цена)$/i,
  gtin: /^(?:ean(?:-?13)?|gtin(?:-?1[234])?|upc|isbn(?:-?13)?|barcode)$/i,
  condition: /^(?:item )?condition$|^(?:artikel)?zustand$|^état$|^estado$|^condizioni?$/i,
} as const;

type SpecKey = keyof typeof LABELS;
const KEYS = Object.keys(LABELS) as SpecKey[];

const tidyLabel = (label: string): string =>
  label
    .replace(/[\s:\u200e\u200f]+$/u, '')
    .replace(/^[\s\u200e\u200f]+/u, '')
    .trim();
/** Any of the labels, in one pattern: most cells are no label, and one test rules them out. */
const ANY_LABEL = new RegExp(KEYS.map((key) => `(?:${LABELS[key].source})`).join('|'), 'i');
const isLabel = (label: string): boolean => {
  const tidy = tidyLabel(label);
  return tidy.length > 0 && tidy.length <= 60 && ANY_LABEL.test(tidy);
};

/** The first characters of an element's text, without reading all of it. */
function leadingText(el: Element, maxChars: number): string {
  // Most cells hold only text: read in one call rather than one per node.
  if (!el.firstElementChild) {
    const text = el.textContent ?? '';
    if (text.length <= maxChars) return collapseSpaces(text);
  }
  let out = '';
  const walk = (node: Node, depth: number): void => {
    for (let child = node.firstChild; child && out.length < maxChars; child = child.nextSibling) {
      if (child.nodeType === 3) out += child.nodeValue ?? '';
      else if (child.nodeType === 1 && depth < 6 && !SKIPPED_TAGS.has((child as Element).tagName))
        walk(child, depth + 1);
    }
  };
  walk(el, 0);
  return collapseSpaces(out);
}

const MAX_ROWS = 2500;
const CELL_TAGS = new Set(['TH', 'DT', 'TD']);

/** Label → value pairs from tables, definition lists and "Label: value" list items. */
export function readSpecRows(cells: readonly Element[]): Map<SpecKey, string> {
  const found = new Map<SpecKey, string>();
  const consider = (label: string, value: string): void => {
    const cleanLabel = tidyLabel(label);
    const cleanValue = value.replace(/^[\s:‏‎]+/u, '').trim();
    if (!cleanLabel || !cleanValue || cleanLabel.length > 60 || cleanValue.length > 300) return;
    for (const key of KEYS) {
      if (!found.has(key) && LABELS[key].test(cleanLabel)) found.set(key, cleanValue);
    }
  };
  for (const cell of cells.slice(0, MAX_ROWS)) {
    if (found.size === KEYS.length) break;
    if (!CELL_TAGS.has(cell.tagName)) {
      // "Label : value" list items (Amazon's detail bullets, many small shops) and bold labels in
      // a paragraph ("<p><b>Price:</b> £60</p>"). The label is checked on the first words
      // before the whole line is read.
      const lead = leadingText(cell, 80);
      const colon = lead.indexOf(':');
      if (colon <= 0 || !isLabel(lead.slice(0, colon))) continue;
      const line = visibleTextOf(cell.tagName === 'LI' ? cell : (cell.closest('p, div, td, dd, li') ?? cell), 300);
      const at = line.indexOf(':');
      if (at > 0 && at < 60) consider(line.slice(0, at), line.slice(at + 1));
      continue;
    }
    // Table rows and definition lists: the label cell and the value cell beside it.
    const value = cell.nextElementSibling;
    if (!value) continue;
    const label = leadingText(cell, 80);
    // A cell in the middle of a row is a label only when it reads as one ("Brand:").
    if (cell.tagName === 'TD' && cell.previousElementSibling && !label.trim().endsWith(':')) continue;
    if (label.length <= 60 && isLabel(label)) consider(visibleTextOf(cell, 80), visibleTextOf(value, 300));
  }
  return found;
}

/** The product fields a page's specification rows give. */
export function productFromSpecs(cells: readonly Element[], country: string | null = null): ProductFields {
  const rows = readSpecRows(cells);
  const price = parsePrice(rows.get('price'), { country });
  const material = rows.get('material');
  const dimensions = rows.get('dimensions');
  return {
    weightKg: weightKgFrom(rows.get('weight') ?? (dimensions?.includes(';') ? dimensions.split(';')[1] : undefined)),
    materials: material ? splitMaterials(material) : undefined,
    dimensionsCm: dimensionsCmFrom(dimensions),
    energyClass: energyClassFrom(rows.get('energyClass')),
    // "Philips, Netherlands": a maker's country is not part of its name.
    brand: rows.get('brand') ?? rows.get('maker')?.split(',')[0] ?? null,
    price: price.amount && price.currency ? { amount: price.amount, currency: price.currency } : null,
    gtin: validGtin(rows.get('gtin')?.split(/[\s,;]+/)[0]),
    condition: conditionFrom(rows.get('condition')),
  };
}

const splitMaterials = (value: string): string[] =>
  value
    .split(/\s*(?:,|;|\/|\band\b|\bund\b|\+)\s*/i)
    .map((part) => part.replace(/^\d+\s*%\s*|\s*\d+\s*%$/g, '').trim())
    .filter((part) => part && part.length < 40)
    .slice(0, 6);

const KG_PER_UNIT: [RegExp, number][] = [
  [/^(?:kg|kgs|kilo(?:gram(?:me)?s?|gramm[eo]?s?)?)$/i, 1],
  [/^(?:g|gr|grams?|gramm[eo]?s?|grammes?|gramos)$/i, 0.001],
  [/^(?:lb|lbs|pounds?|libras?)$/i, 0.45359237],
  [/^(?:oz|ounces?|onzas?)$/i, 0.028349523],
  [/^(?:mg|milligrams?)$/i, 0.000001],
];

/** "2.2 pounds" → 0.998, "1,6 kg" → 1.6, "230 Gramm" → 0.23. */
export function weightKgFrom(value: string | null | undefined): number | null {
  if (!value) return null;
  const match = /(\d+(?:[.,]\d+)?)\s*([A-Za-zé]+)/.exec(value);
  if (!match?.[1] || !match[2]) return null;
  const amount = Number(match[1].replace(',', '.'));
  const unit = KG_PER_UNIT.find(([pattern]) => pattern.test(match[2] ?? ''));
  if (!unit || !Number.isFinite(amount) || amount <= 0) return null;
  return Math.round(amount * unit[1] * 1e6) / 1e6;
}

const CM_PER_UNIT: [RegExp, number][] = [
  [/^(?:cm|centim)/i, 1],
  [/^(?:mm|millim)/i, 0.1],
  [/^(?:m|meters?|metres?)$/i, 100],
  [/^(?:in|inch|inches|"|″|zoll)/i, 2.54],
];

/** "36 x 15 x 17 inches; 8.1 Pounds" → [91.44, 38.1, 43.18]; "235x100 cm" → [235, 100]. */
export function dimensionsCmFrom(value: string | null | undefined): number[] | null {
  if (!value) return null;
  const match =
    /(\d+(?:[.,]\d+)?(?:\s*[x×*]\s*\d+(?:[.,]\d+)?){1,2})\s*(cm|mm|m|in(?:ch(?:es)?)?|"|″|zoll|centim\w*|millim\w*)?/i.exec(
      value,
    );
  if (!match?.[1]) return null;
  const unit = CM_PER_UNIT.find(([pattern]) => pattern.test(match[2] ?? 'cm'));
  const factor = unit ? unit[1] : 1;
  const sizes = match[1]
    .split(/\s*[x×*]\s*/)
    .map((part) => Math.round(Number(part.replace(',', '.')) * factor * 100) / 100);
  return sizes.every((size) => Number.isFinite(size) && size > 0) ? sizes : null;
}

/** "A+++", "Energieeffizienzklasse: A ++" → "A++"; classes A+++ to G. */
export function energyClassFrom(value: string | null | undefined): string | null {
  if (!value) return null;
  const match = /(?:^|[^A-Za-z])([A-G])\s?(\+{1,3})?(?![A-Za-z])/.exec(value);
  return match?.[1] ? match[1] + (match[2] ?? '') : null;
}

const CONDITIONS: [RegExp, Condition][] = [
  [
    /refurb|reacondicionad|ricondizionat|reconditionn|generalüberholt|renewed|overhauled|wiederaufbereitet/i,
    'refurbished',
  ],
  [/used|pre-?owned|gebraucht|occasion|usado|usato|second[- ]hand|d'occasion/i, 'used'],
  [/\bnew|neu\b|neuf|neuve|nuevo|nuovo|brand new|newcondition/i, 'new'],
];

/** A condition word in any of our languages, or schema.org's NewCondition/UsedCondition/... */
export function conditionFrom(value: string | null | undefined): Condition | null {
  if (!value) return null;
  for (const [pattern, condition] of CONDITIONS) if (pattern.test(value)) return condition;
  return null;
}
