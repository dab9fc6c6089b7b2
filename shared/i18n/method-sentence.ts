// An estimate's method in one plain sentence, for the card: what the figure was worked out from,
// without the names of tables, codes or statistics. Those names, and what NAICS and calibration
// mean, are for the last level (the steps), where `methodNotes` explains them.

import type { Tier } from '../footprint/data/calibration.ts';
import type { Lang } from './format.ts';
import { methodName } from './names.ts';

interface MethodTexts {
  /** What each method works the figure out from, as a clause. */
  from: Record<Tier, string>;
  /** Added when several methods were combined. */
  combined: string;
  /** The sentence around the clauses. */
  sentence(clauses: string, combined: string): string;
  /** The methods by their names (the last level). */
  named(names: string): string;
  naics: string;
  calibration: string;
}

const TEXTS: Record<Lang, MethodTexts> = {
  en: {
    from: {
      'published-same': 'from the footprint its maker published for this very product',
      'device-near': 'from the footprint a maker published for a very similar product',
      'device-other-near': 'from the footprint a maker published for a very similar product',
      'device-blend':
        'from footprints makers published for similar products and how such footprints grow with size and weight',
      'device-regression':
        'from how the footprints makers published for products of its kind grow with size and weight',
      'device-other': 'from footprints makers published for similar products',
      'published-brand': 'from footprints its brand published for its other products',
      'published-brand-weighed':
        "from footprints its brand published for its other products, scaled to this one's weight",
      'per-kg': 'from its weight times what a kilogram of its main material emits',
      'per-kg-electric': 'from its weight, set against the published footprints of electronics that weigh as much',
      'per-kg-food': 'from its weight times what a kilogram of this food emits',
      'per-kg-typical-weight': 'from the usual weight of its kind times what a kilogram of its material emits',
      'typical-item': "from the French environment agency's (ADEME) figure for a typical item of its kind",
      spend: 'from its price times what each dollar spent on such goods emits along the supply chain',
      'spend-unknown': 'from its price times what an average dollar spent on goods emits, as its kind is not known',
    },
    combined: ', each counted by how close it has come to published footprints',
    sentence: (clauses, combined) => `Worked out ${clauses}${combined}`,
    named: (names) => `Methods by name: ${names}.`,
    naics:
      'NAICS is the North American industry classification: the price-based method uses the emissions per dollar of the industry whose goods these are.',
    calibration:
      'Calibrated: we tried each method on products whose makers published a footprint and kept back from tuning; how far its figures fell from the published ones sets the range and how much the method counts.',
  },
  de: {
    from: {
      'published-same': 'aus dem Fußabdruck, den sein Hersteller für genau dieses Produkt veröffentlicht hat',
      'device-near': 'aus dem Fußabdruck, den ein Hersteller für ein sehr ähnliches Produkt veröffentlicht hat',
      'device-other-near': 'aus dem Fußabdruck, den ein Hersteller für ein sehr ähnliches Produkt veröffentlicht hat',
      'device-blend':
        'aus den veröffentlichten Fußabdrücken ähnlicher Produkte und wie solche Fußabdrücke mit Größe und Gewicht wachsen',
      'device-regression':
        'aus der Art, wie veröffentlichte Fußabdrücke seiner Produktart mit Größe und Gewicht wachsen',
      'device-other': 'aus den veröffentlichten Fußabdrücken ähnlicher Produkte',
      'published-brand': 'aus den Fußabdrücken, die seine Marke für ihre anderen Produkte veröffentlicht hat',
      'published-brand-weighed':
        'aus den Fußabdrücken, die seine Marke für ihre anderen Produkte veröffentlicht hat, auf sein Gewicht umgerechnet',
      'per-kg': 'aus seinem Gewicht mal dem, was ein Kilogramm seines Hauptmaterials verursacht',
      'per-kg-electric': 'aus seinem Gewicht, verglichen mit veröffentlichten Fußabdrücken gleich schwerer Elektronik',
      'per-kg-food': 'aus seinem Gewicht mal dem, was ein Kilogramm dieses Lebensmittels verursacht',
      'per-kg-typical-weight':
        'aus dem üblichen Gewicht seiner Art mal dem, was ein Kilogramm seines Materials verursacht',
      'typical-item': 'aus dem Wert der französischen Umweltagentur ADEME für einen typischen Artikel seiner Art',
      spend: 'aus seinem Preis mal dem, was jeder für solche Waren ausgegebene Dollar in der Lieferkette verursacht',
      'spend-unknown':
        'aus seinem Preis mal dem, was ein durchschnittlich für Waren ausgegebener Dollar verursacht, da seine Art unbekannt ist',
    },
    combined: ', jedes so stark gewichtet, wie nah es veröffentlichten Fußabdrücken bisher kam',
    sentence: (clauses, combined) => `Geschätzt ${clauses}${combined}`,
    named: (names) => `Die Methoden beim Namen: ${names}.`,
    naics:
      'NAICS ist die nordamerikanische Branchenklassifikation: Die preisbasierte Methode nimmt die Emissionen pro Dollar der Branche, aus der solche Waren kommen.',
    calibration:
      'Kalibriert: Wir haben jede Methode an Produkten mit veröffentlichtem Fußabdruck erprobt, die beim Abstimmen zurückgehalten wurden; wie weit ihre Werte davon abwichen, bestimmt die Spanne und wie stark die Methode zählt.',
  },
  zh: {
    from: {
      'published-same': '厂商为该产品本身公布的碳足迹',
      'device-near': '厂商为一款非常相近的产品公布的碳足迹',
      'device-other-near': '厂商为一款非常相近的产品公布的碳足迹',
      'device-blend': '相近产品公布的碳足迹，以及这类碳足迹随尺寸和重量增长的规律',
      'device-regression': '同类产品公布的碳足迹随尺寸和重量增长的规律',
      'device-other': '相近产品公布的碳足迹',
      'published-brand': '同一品牌为其其他产品公布的碳足迹',
      'published-brand-weighed': '同一品牌为其其他产品公布的碳足迹，并按本产品的重量换算',
      'per-kg': '其重量乘以其主要材料每kg的排放',
      'per-kg-electric': '其重量，对照同等重量电子产品公布的碳足迹',
      'per-kg-food': '其重量乘以该食品每kg的排放',
      'per-kg-typical-weight': '同类产品的常见重量乘以其材料每kg的排放',
      'typical-item': '法国环境与能源管理署（ADEME）给出的同类典型物品的排放',
      spend: '其价格乘以购买此类商品每花一美元在供应链中产生的排放',
      'spend-unknown': '其价格乘以购买商品平均每花一美元产生的排放（类别未知）',
    },
    combined: '，每种方法按其与已公布碳足迹的接近程度加权',
    sentence: (clauses, combined) => `根据${clauses}估算${combined}`,
    named: (names) => `方法名称：${names}。`,
    naics: 'NAICS 是北美行业分类体系：基于价格的方法采用生产此类商品的行业每美元的排放。',
    calibration:
      '已校准：我们在调参时留出的、厂商公布了碳足迹的产品上检验每种方法；其结果与公布值的偏差决定了范围以及该方法所占的权重。',
  },
};

const LOCALE: Record<Lang, string> = { en: 'en', de: 'de', zh: 'zh-CN' };

/**
 * What the figure was worked out from, as one sentence without its final stop: "Worked out from its
 * price times … and from what a typical item of its kind emits, each counted by …".
 */
export function methodSentence(tiers: readonly Tier[], lang: Lang): string {
  const texts = TEXTS[lang];
  const clauses = [...new Set(tiers.map((tier) => texts.from[tier]))];
  // German closes a clause that ends in a relative clause with a comma, even before "und".
  const list =
    lang === 'de' && clauses.length > 1 && clauses.slice(0, -1).some((clause) => clause.includes(', '))
      ? `${clauses.slice(0, -1).join(', ')}, und ${clauses.at(-1)}`
      : new Intl.ListFormat(LOCALE[lang], { type: 'conjunction' }).format(clauses);
  return texts.sentence(list, clauses.length > 1 ? texts.combined : '');
}

/**
 * For the last level: the methods by their names, and what NAICS and calibration mean, each when
 * the estimate's steps or range speak of it.
 */
export function methodNotes(tiers: readonly Tier[], shown: readonly string[], lang: Lang): string[] {
  const texts = TEXTS[lang];
  const all = shown.join('\n');
  const notes = [texts.named(methodName(tiers, lang))];
  if (all.includes('NAICS')) notes.push(texts.naics);
  if (/calibrat|kalibri|校准/i.test(all)) notes.push(texts.calibration);
  return notes;
}
