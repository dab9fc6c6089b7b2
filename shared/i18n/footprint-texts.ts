// What an estimate says, in German and Chinese: its method, what its range means, the steps behind
// it and its greener alternatives. English stays where the estimator composes it (explain.ts,
// candidates.ts, alternatives.ts: the CLI and the JSON output read it); these are the same
// statements in the other two languages, with the same figures. Proper names (models, table rows,
// publishers) stay as the sources write them and are quoted.

import type { Tier } from '../footprint/data/calibration.ts';
import { formatNumber, type Lang } from './format.ts';

/** The languages other than English, whose texts live here. */
export type OtherLang = Exclude<Lang, 'en'>;

/** A figure in kg as the steps write it (two significant digits below 10, one decimal below 100). */
export const stepKg = (kg: number, lang: Lang): string => {
  const locale = lang === 'zh' ? 'zh-CN' : lang;
  const abs = Math.abs(kg);
  if (abs >= 100) return formatNumber(kg, locale, 0);
  if (abs >= 10)
    return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(kg);
  return new Intl.NumberFormat(locale, { minimumSignificantDigits: 2, maximumSignificantDigits: 2 }).format(kg);
};

/** A factor as its table gives it, up to three decimals: "99,48". */
export const stepFactor = (value: number, lang: Lang): string =>
  new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : lang, { maximumFractionDigits: 3 }).format(value);

/** Any number with `digits` decimals, in the language's way. */
export const stepNumber = (value: number, lang: Lang, digits = 0): string =>
  new Intl.NumberFormat(lang === 'zh' ? 'zh-CN' : lang, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);

/** Everything an estimate says, for one language; figures come formatted, names as they are. */
export interface FootprintTexts {
  /** Each method in a few plain words. */
  tier: Record<Tier, string>;
  /** Methods joined in a sentence: "A + B". */
  methodJoin: string;
  rangeCalibrated(n: string): string;
  rangeAssumed: string;
  rangeMaker(percent: string): string;
  rangeWidened(range: string, widen: string): string;
  // Steps
  category(name: string, percent: string, naics: string): string;
  samePublished(rows: string, median: string | null, makerPercent: string | null): string;
  regression(category: string, kg: string): string;
  neighbours(rows: string, kg: string): string;
  similarity(value: string): string;
  generation(forward: boolean, years: string, category: string, percentPerYear: string): string;
  useMoved(
    percent: string,
    kg: string,
    from: string,
    to: string,
    gPerKwh: string,
    year: string,
    result: string,
  ): string;
  brandSame(model: string, kg: string, brand: string): string;
  brandSiblings(count: string, brand: string, rows: string, how: string, kg: string): string;
  brandScaled(kg: string, elasticity: string): string;
  brandMedian: string;
  typicalItem(category: string, item: string, making: string, use: string | null, kg: string): string;
  usePart(kwh: string, years: string, gPerKwh: string, grid: string, kg: string): string;
  perKg(factor: string, perKg: string, weight: string, kg: string): string;
  weightTypicalItem(kg: string, given: string): string;
  weightTypical(kg: string): string;
  weightPage(kg: string): string;
  weightRead(kg: string, text: string): string;
  byWeight(n: string, a: string, e: string, shift: string | null, weight: string, kg: string): string;
  byWeightOutside(kg: string, min: string, max: string): string;
  byWeightNoProcessor(material: string, kg: string): string;
  byWeightWider(scale: string, assumed: boolean): string;
  price(amount: string, currency: string, usd: string): string;
  spend(naics: string, perUsd: string, usd: string, kg: string, use: string | null): string;
  spendUse(kg: string, country: string | null, total: string): string;
  setAside(tier: string, kg: string, againstTier: string, againstKg: string, z: string, widen: string): string;
  setAsideStep(step: string): string;
  combined(parts: string, kg: string): string;
  condition(refurbished: boolean, newKg: string, percent: string, kg: string): string;
  useAsPeopleUse(kwh: string, years: string, gPerKwh: string, grid: string, year: string): string;
  makingUsing(making: string, how: string, using: string): string;
  yearsOnGrid(years: string, grid: string): string;
  asReportedMoved(grid: string): string;
  asReported: string;
  wholeLife: string;
  makingOnly: string;
  delivery(mode: string, kg: string, added: string): string;
  deliveryMode: Record<
    'home' | 'pickup-point' | 'pickup-point-walk' | 'store-car' | 'store-walk' | 'click-collect',
    string
  >;
  worldGrid: string;
  /** The world average grid, short (in brackets). */
  worldShort: string;
  /** A per-kg factor's table and row: `Agribalyse „…“ (Median)`. */
  factorName(table: 'agribalyse' | 'poore' | 'desnz' | 'food-named', key: string): string;
  gridOf(country: string): string;
  // Alternatives
  secondHand: string;
  secondHandClothingReason(percent: string): string;
  secondHandFurnitureReason(percent: string): string;
  refurbished: string;
  refurbishedReason(percent: string): string;
  efficient: string;
  efficientReason(percent: string, kg: string): string;
  onPageReason(other: string, own: string, perKg: boolean): string;
  material: Record<string, string>;
  materialReason(percent: string, to: string, from: string): string;
  food: Record<string, string>;
  foodReason(from: string, to: string, kg: string): string;
  /** The title of our own assumptions as a source (its link opens the extension's methods page). */
  assumptionSource: string;
  /** Why each purchase action saves what it saves (its catalogue basis, in words). */
  actionBasis: Record<string, string>;
}

/** "1 Jahr", "2 Jahre", "1,5 Jahre": German counts years in the plural except for exactly one. */
const jahre = (years: string): string => (years === '1' ? '1 Jahr' : `${years} Jahre`);

const de: FootprintTexts = {
  tier: {
    'published-same': 'vom Hersteller veröffentlichter Fußabdruck genau dieses Produkts',
    'device-near': 'veröffentlichter Fußabdruck eines ähnlichen Produkts',
    'device-blend': 'ähnliche Produkte und Regression über veröffentlichte Fußabdrücke',
    'device-regression': 'Regression über veröffentlichte Fußabdrücke der Kategorie',
    'device-other': 'ähnliche Produkte mit veröffentlichtem Fußabdruck',
    'device-other-near': 'veröffentlichter Fußabdruck eines ähnlichen Produkts',
    'published-brand': 'veröffentlichte Fußabdrücke derselben Marke',
    'published-brand-weighed': 'veröffentlichte Fußabdrücke derselben Marke, nach Gewicht skaliert',
    'per-kg': 'Faktor pro kg × Gewicht',
    'per-kg-electric': 'veröffentlichte Elektronik-Fußabdrücke nach Gewicht',
    'per-kg-food': 'Lebensmittelfaktor pro kg × Gewicht',
    'per-kg-typical-weight': 'Faktor pro kg × typisches Gewicht (angenommen)',
    'typical-item': 'typischer Artikel (ADEME)',
    spend: 'ausgabenbasiert (Lieferketten-Faktoren der US-Umweltbehörde EPA)',
    'spend-unknown': 'ausgabenbasiert, Kategorie unbekannt',
  },
  methodJoin: ' + ',
  rangeCalibrated: (n) =>
    `80-%-Intervall (kalibriert): Von ${n} Produkten mit veröffentlichtem Fußabdruck, die beim Kalibrieren zurückgehalten wurden, lagen 80 % in einer so breiten Spanne um unsere Schätzung`,
  rangeAssumed:
    '80-%-Intervall (angenommen): unsere angenommene Streuung für diese Methode (zu wenige veröffentlichte Fußabdrücke, um sie zu kalibrieren)',
  rangeMaker: (percent) =>
    `80-%-Intervall aus der vom Hersteller angegebenen Unsicherheit (±${percent} %, als eine Standardabweichung gelesen)`,
  rangeWidened: (range, widen) =>
    `${range}; ${widen}× verbreitert, weil die Methoden nicht übereinstimmen (siehe die Schritte)`,
  category: (name, percent, naics) =>
    `Kategorie: ${name} (mit ${percent} % Sicherheit erkannt; Wirtschaftszweig NAICS ${naics}, die US-Branchenklassifikation der ausgabenbasierten Faktoren)`,
  samePublished: (rows, median, maker) =>
    `Veröffentlichter Fußabdruck genau dieses Produkts: ${rows}${median ? ` (Median ${median} kg)` : ''}, gesamtes Produktleben wie vom Hersteller angegeben${maker ? `, ±${maker} % laut Hersteller` : ''}; unverändert übernommen, nicht mit anderen Methoden gemittelt`,
  regression: (category, kg) =>
    `Kein ähnliches Produkt mit veröffentlichtem Fußabdruck; Regression über veröffentlichte Fußabdrücke der Kategorie „${category}“ (Bildschirmgröße, Jahr, Marke) → ${kg} kg CO2e`,
  neighbours: (rows, kg) =>
    `Nächste veröffentlichte Fußabdrücke: ${rows} → ${kg} kg CO2e über das gesamte Produktleben, wie angegeben`,
  similarity: (value) => `Ähnlichkeit ${value}`,
  generation: (forward, years, category, perYear) =>
    `, um ${jahre(years)} ${forward ? 'vorwärts' : 'zurück'} verschoben entlang des Trends der Kategorie „${category}“ von ${perYear} % pro Jahr innerhalb einer Produktlinie`,
  useMoved: (percent, kg, from, to, g, year, result) =>
    `Nutzungsphase ${percent} % davon (${kg} kg mit dem Strommix ${from}) auf den Strommix ${to} umgerechnet (${g} g/kWh, Ember ${year}): ${result} kg`,
  brandSame: (model, kg, brand) =>
    `Veröffentlichter Fußabdruck genau dieses Produkts: „${model}“ ${kg} kg CO2e (angegeben von ${brand}); unverändert übernommen, nicht mit anderen Methoden gemittelt`,
  brandSiblings: (count, brand, rows, how, kg) =>
    `Veröffentlichte Fußabdrücke von ${count === '1' ? 'einem Produkt' : `${count} Produkten`} der Marke ${brand} in dieser Kategorie: ${rows} → ${how} = ${kg} kg CO2e`,
  brandScaled: (kg, e) => `auf ${kg} kg skaliert (Fußabdruck ∝ Gewicht^${e})`,
  brandMedian: 'ihr Median',
  typicalItem: (category, item, making, use, kg) =>
    `Typischer Artikel der Kategorie „${category}“ (ADEME Impact CO2 „${item}“): Herstellung ${making} kg CO2e${use ?? ''} → ${kg} kg CO2e`,
  usePart: (kwh, years, g, grid, kg) =>
    ` + Nutzung ${kwh} kWh/Jahr × ${jahre(years)} × ${g} g/kWh (${grid}) = ${kg} kg`,
  perKg: (factor, perKg, weight, kg) => `${factor}: ${perKg} kg CO2e pro kg × ${weight} = ${kg} kg CO2e`,
  weightTypicalItem: (kg, given) =>
    `typisches Gewicht eines Stücks ${kg} kg (unsere Annahme), nicht die angegebenen ${given} kg: Der Inhalt, nicht die Masse, ist das Produkt`,
  weightTypical: (kg) => `typisches Gewicht ${kg} kg (unsere Annahme)`,
  weightPage: (kg) => `${kg} kg laut Seite`,
  weightRead: (kg, text) => `${kg} kg, gelesen aus „${text}“`,
  byWeight: (n, a, e, shift, weight, kg) =>
    `Veröffentlichte Elektronik-Fußabdrücke nach Gewicht (${n} Herstellerangaben, kg CO2e ≈ ${a} × Gewicht^${e}${shift ? `, × ${shift} wie für Elektronik ohne eigene Angaben ihres Typs kalibriert` : ''}) bei ${weight} = ${kg} kg CO2e über das gesamte Produktleben`,
  byWeightOutside: (kg, min, max) =>
    `  ${kg} kg liegt außerhalb der Gewichte, auf denen die Kurve beruht (${min}–${max} kg): Sie wird extrapoliert`,
  byWeightNoProcessor: (material, kg) =>
    `  Ohne Prozessor: geometrisches Mittel aus den Angaben für Rechengeräte dieses Gewichts und „${material}“ × Gewicht (${kg} kg, nur Material)`,
  byWeightWider: (scale, assumed) =>
    `  Spanne ${scale}× breiter (logarithmisch): ${assumed ? 'Das Gewicht ist angenommen' : 'Das Gewicht liegt außerhalb der angepassten'}`,
  price: (amount, currency, usd) =>
    `Preis ${amount} ${currency} ≈ ${usd} USD zu Preisen von 2022 (Jahresmittel des Wechselkurses, US-Verbraucherpreisindex CPI-U)`,
  spend: (naics, perUsd, usd, kg, use) =>
    `Wirtschaftszweig NAICS ${naics}: ${perUsd} kg CO2e pro USD × ${usd} = ${kg} kg CO2e (von der Rohstoffgewinnung bis ins Regal, ausgabenbasiert)${use ?? ''}`,
  spendUse: (kg, country, total) => ` + Nutzungsphase ${kg} kg${country ? ` (Strommix ${country})` : ''} = ${total} kg`,
  setAside: (tier, kg, againstTier, againstKg, z, widen) =>
    `Beiseitegelegt: ${tier} ergibt ${kg} kg vor der Nutzung, ${againstTier} ${againstKg} kg: ${z}-mal ihre gemeinsame Streuung auseinander, weit mehr als zulässig (eine davon falsch gelesen?). Gestützt auf die robustere Methode (${againstTier}); Spanne ${widen}× verbreitert`,
  setAsideStep: (step) => `  (beiseitegelegt) ${step}`,
  combined: (parts, kg) => `Kombiniert ${parts}, gewichtet nach ihrer kalibrierten Genauigkeit → ${kg} kg CO2e`,
  condition: (refurbished, newKg, percent, kg) =>
    `${refurbished ? 'Generalüberholt' : 'Gebraucht'}: Seine Herstellung (${newKg} kg neu) wurde dem Erstbesitzer angerechnet; ${refurbished ? 'die Überholung' : 'die Wiederverwendung'} fügt etwa ${percent} davon hinzu = ${kg} kg`,
  useAsPeopleUse: (kwh, years, g, grid, year) =>
    `Nutzung wie üblich: ${kwh} kWh pro Jahr × ${jahre(years)} × ${g} g/kWh (${grid}, Ember ${year})`,
  makingUsing: (making, how, using) => `Herstellung ${making} kg · Nutzung, ${how}, ${using} kg`,
  yearsOnGrid: (years, grid) => `${jahre(years)} mit ${grid}`,
  asReportedMoved: (grid) => `wie vom Hersteller angegeben, umgerechnet auf ${grid}`,
  asReported: 'wie vom Hersteller angegeben',
  wholeLife:
    'Herstellung und Nutzung zusammen: Die veröffentlichten Fußabdrücke, auf denen die Kurve beruht, decken das gesamte Produktleben ab',
  makingOnly: 'Nur Herstellung: Strom für die Nutzung wird nicht gezählt',
  delivery: (mode, kg, added) => `Lieferung (${mode}, Paket ${kg} kg): +${added} kg CO2e (ADEME)`,
  deliveryMode: {
    home: 'nach Hause',
    'pickup-point': 'an eine Abholstation',
    'pickup-point-walk': 'an eine Abholstation, zu Fuß abgeholt',
    'store-car': 'im Laden, mit dem Auto',
    'store-walk': 'im Laden, zu Fuß',
    'click-collect': 'online bestellt, im Laden abgeholt',
  },
  worldGrid: 'dem weltweiten durchschnittlichen Strommix',
  worldShort: 'Weltdurchschnitt',
  factorName: (table, key) =>
    table === 'agribalyse'
      ? `Agribalyse „${key}“ (Median)`
      : table === 'poore'
        ? `Poore & Nemecek „${key}“`
        : table === 'desnz'
          ? `DESNZ-Material „${key}“`
          : `„${key}“ (aus den Lebensmittel- und Materialtabellen zusammengesetzt; Anteile nach unserer Annahme)`,
  gridOf: (country) => `dem Strommix von ${country}`,
  secondHand: 'Gebraucht statt neu kaufen',
  secondHandClothingReason: (percent) =>
    `Wiederverwendung vermeidet ${percent} der Herstellung eines neuen Stücks (DESNZ: Wiederverwendung gegenüber Neuproduktion)`,
  secondHandFurnitureReason: (percent) =>
    `Gebrauchte Möbel vermeiden ${percent} der Herstellung neuer (DESNZ: Holz wiederverwendet gegenüber Neuproduktion)`,
  refurbished: 'Generalüberholt statt neu kaufen',
  refurbishedReason: (percent) =>
    `Generalüberholung vermeidet etwa ${percent} der Herstellung eines neuen Geräts (ADEME 2022; die Nutzungsphase bleibt)`,
  efficient: 'Ein Modell wählen, das zwei Energieeffizienzklassen besser ist',
  efficientReason: (percent, kg) =>
    `Etwa ${percent} weniger Strom über die Lebensdauer (unsere Annahme), bei ${kg} kg CO2e aus der Nutzungsphase`,
  onPageReason: (other, own, perKg) =>
    `Gleiche Kategorie, geschätzt ${other} kg CO2e statt ${own} kg${perKg ? ' (pro kg verglichen)' : ''}`,
  material: {
    sweaters: 'Einen Pullover aus recycelter Baumwolle statt Wolle wählen',
    'dresses-skirts': 'Ein Kleid aus Viskose statt Polyester wählen',
    jackets: 'Eine Jacke aus Kunstleder statt einer Regenjacke wählen',
    'shirts-blouses': 'Ein Hemd aus Viskose statt Baumwolle wählen',
  },
  materialReason: (percent, to, from) =>
    `ADEME: Die Herstellung verursacht ${percent} weniger (${to} statt ${from} kg CO2e)`,
  food: {
    beef: 'Hähnchen statt Rindfleisch wählen',
    pork: 'Tofu statt Schweinefleisch wählen',
    poultry: 'Tofu statt Hähnchen wählen',
    milk: 'Sojadrink statt Kuhmilch wählen',
    cheese: 'Eine pflanzliche Alternative statt Käse wählen',
  },
  foodReason: (from, to, kg) => `Poore & Nemecek: ${from} statt ${to} kg CO2e pro kg, bei ${kg} kg`,
  assumptionSource: 'Annahme von Carbon Ledger (typisches Gewicht, Lebensdauer oder Anteil): siehe unsere Methoden',
  actionBasis: {
    'decline-single-use': 'Wert des Alibaba 88 Carbon Account pro Bestellung',
    'recycled-carton': 'Wert des Alibaba 88 Carbon Account (Tmall) pro Paket',
    'pickup-point-walk': 'ADEME: Paket von 1 kg, Hauslieferung abzüglich Abholung zu Fuß an einer Abholstation',
    'consolidate-delivery': 'ADEME: zwei Hauslieferungen zu 1 kg abzüglich einer Lieferung zu 2 kg',
    'slow-shipping-not-air':
      'DESNZ: 1 kg über 10.000 km (unsere Annahme), Langstrecken-Luftfracht (mit Strahlungsantrieb) abzüglich Containerschiff',
  },
};

const zh: FootprintTexts = {
  tier: {
    'published-same': '厂商公布的该产品碳足迹',
    'device-near': '相近产品公布的碳足迹',
    'device-blend': '相近产品与已公布碳足迹的回归',
    'device-regression': '对该类别已公布碳足迹的回归',
    'device-other': '有公布碳足迹的相近产品',
    'device-other-near': '相近产品公布的碳足迹',
    'published-brand': '同一品牌公布的碳足迹',
    'published-brand-weighed': '同一品牌公布的碳足迹，按重量换算',
    'per-kg': '每kg排放因子 × 重量',
    'per-kg-electric': '按重量推算的电子产品公布碳足迹',
    'per-kg-food': '食品每kg排放因子 × 重量',
    'per-kg-typical-weight': '每kg排放因子 × 典型重量（假设）',
    'typical-item': '典型物品（ADEME）',
    spend: '基于消费金额（美国环保署供应链排放因子）',
    'spend-unknown': '基于消费金额，类别未知',
  },
  methodJoin: ' + ',
  rangeCalibrated: (n) =>
    `80% 区间（已校准）：在校准时留出的 ${n} 个有公布碳足迹的产品中，80% 落在我们估算值周围同样宽的范围内`,
  rangeAssumed: '80% 区间（假设）：该方法的离散程度为我们的假设（公布的碳足迹太少，无法校准）',
  rangeMaker: (percent) => `80% 区间，来自厂商给出的不确定度（±${percent}%，视为一个标准差）`,
  rangeWidened: (range, widen) => `${range}；因各方法结果不一致而放宽 ${widen} 倍（见计算步骤）`,
  category: (name, percent, naics) =>
    `类别：${name}（识别把握 ${percent}%；行业 NAICS ${naics}，即消费金额排放因子所用的美国行业分类）`,
  samePublished: (rows, median, maker) =>
    `该产品本身公布的碳足迹：${rows}${median ? `（中位数 ${median} kg）` : ''}，按厂商报告的全生命周期${maker ? `，厂商给出 ±${maker}%` : ''}；直接采用，不与其他方法平均`,
  regression: (category, kg) =>
    `没有公布碳足迹的相近产品；对“${category}”类别已公布碳足迹做回归（屏幕尺寸、年份、品牌）→ ${kg} kg CO2e`,
  neighbours: (rows, kg) => `最相近的公布碳足迹：${rows} → 按报告的全生命周期 ${kg} kg CO2e`,
  similarity: (value) => `相似度 ${value}`,
  generation: (forward, years, category, perYear) =>
    `，沿“${category}”类别同一产品线每年 ${perYear}% 的趋势${forward ? '向后' : '向前'}推算 ${years} 年`,
  useMoved: (percent, kg, from, to, g, year, result) =>
    `使用阶段占其中 ${percent}%（按 ${from} 电网为 ${kg} kg），换算到 ${to} 电网（${g} g/kWh，Ember ${year}）：${result} kg`,
  brandSame: (model, kg, brand) =>
    `该产品本身公布的碳足迹：“${model}” ${kg} kg CO2e（由 ${brand} 报告）；直接采用，不与其他方法平均`,
  brandSiblings: (count, brand, rows, how, kg) =>
    `${brand} 品牌在该类别中 ${count} 个产品公布的碳足迹：${rows} → ${how} = ${kg} kg CO2e`,
  brandScaled: (kg, e) => `换算到 ${kg} kg（碳足迹 ∝ 重量^${e}）`,
  brandMedian: '取其中位数',
  typicalItem: (category, item, making, use, kg) =>
    `“${category}”类别的典型物品（ADEME Impact CO2 “${item}”）：生产 ${making} kg CO2e${use ?? ''} → ${kg} kg CO2e`,
  usePart: (kwh, years, g, grid, kg) => ` + 使用 每年 ${kwh} kWh × ${years} 年 × ${g} g/kWh（${grid}）= ${kg} kg`,
  perKg: (factor, perKg, weight, kg) => `${factor}：每kg ${perKg} kg CO2e × ${weight} = ${kg} kg CO2e`,
  weightTypicalItem: (kg, given) =>
    `单件典型重量 ${kg} kg（我们的假设），而非给出的 ${given} kg：产品是其内容，而非其质量`,
  weightTypical: (kg) => `典型重量 ${kg} kg（我们的假设）`,
  weightPage: (kg) => `页面给出的 ${kg} kg`,
  weightRead: (kg, text) => `从“${text}”读出的 ${kg} kg`,
  byWeight: (n, a, e, shift, weight, kg) =>
    `按重量推算的电子产品公布碳足迹（${n} 份厂商报告，kg CO2e ≈ ${a} × 重量^${e}${shift ? `，× ${shift}（按无同类报告的电子产品校准）` : ''}），重量为${weight} = 全生命周期 ${kg} kg CO2e`,
  byWeightOutside: (kg, min, max) => `  ${kg} kg超出拟合所用的重量范围（${min}–${max} kg）：拟合曲线为外推`,
  byWeightNoProcessor: (material, kg) =>
    `  无处理器：取同等重量计算设备的报告值与“${material}” × 重量（${kg} kg，仅材料）的几何平均`,
  byWeightWider: (scale, assumed) =>
    `  区间在对数尺度上放宽 ${scale} 倍：${assumed ? '重量为假设值' : '重量超出拟合范围'}`,
  price: (amount, currency, usd) =>
    `价格 ${amount} ${currency} ≈ 按 2022 年价格 ${usd} 美元（年平均汇率，美国消费者价格指数 CPI-U）`,
  spend: (naics, perUsd, usd, kg, use) =>
    `行业 NAICS ${naics}：每美元 ${perUsd} kg CO2e × ${usd} = ${kg} kg CO2e（从原料到货架，基于消费金额）${use ?? ''}`,
  spendUse: (kg, country, total) => ` + 使用阶段 ${kg} kg${country ? `（${country} 电网）` : ''} = ${total} kg`,
  setAside: (tier, kg, againstTier, againstKg, z, widen) =>
    `已搁置：${tier}得出使用前 ${kg} kg，而${againstTier}得出 ${againstKg} kg：两者相差其合并离散度的 ${z} 倍，远超允许范围（可能有一个读错了？）。以更稳健的方法（${againstTier}）为准；区间放宽 ${widen} 倍`,
  setAsideStep: (step) => `  （已搁置）${step}`,
  combined: (parts, kg) => `合并 ${parts}，按校准精度加权 → ${kg} kg CO2e`,
  condition: (refurbished, newKg, percent, kg) =>
    `${refurbished ? '翻新' : '二手'}：其生产排放（新品 ${newKg} kg）已计入第一位买家；${refurbished ? '翻新' : '再利用'}约增加其中的 ${percent} = ${kg} kg`,
  useAsPeopleUse: (kwh, years, g, grid, year) =>
    `按一般使用情况：每年 ${kwh} kWh × ${years} 年 × ${g} g/kWh（${grid}，Ember ${year}）`,
  makingUsing: (making, how, using) => `生产 ${making} kg · 使用（${how}）${using} kg`,
  yearsOnGrid: (years, grid) => `${years} 年，${grid}`,
  asReportedMoved: (grid) => `按厂商报告，换算到${grid}`,
  asReported: '按厂商报告',
  wholeLife: '生产与使用合计：拟合所依据的公布碳足迹涵盖全生命周期',
  makingOnly: '仅计生产：不计使用时的用电',
  delivery: (mode, kg, added) => `配送（${mode}，${kg} kg包裹）：+${added} kg CO2e（ADEME）`,
  deliveryMode: {
    home: '送货上门',
    'pickup-point': '送到自提点',
    'pickup-point-walk': '送到自提点，步行取件',
    'store-car': '开车去门店',
    'store-walk': '步行去门店',
    'click-collect': '网上下单，门店自提',
  },
  worldGrid: '全球平均电网',
  worldShort: '全球平均',
  factorName: (table, key) =>
    table === 'agribalyse'
      ? `Agribalyse“${key}”（中位数）`
      : table === 'poore'
        ? `Poore & Nemecek“${key}”`
        : table === 'desnz'
          ? `DESNZ 材料“${key}”`
          : `“${key}”（由食品和材料表组合而成；比例为我们的假设）`,
  gridOf: (country) => `${country}电网`,
  secondHand: '买二手的，不买新的',
  secondHandClothingReason: (percent) => `再利用可避免生产一件新品排放的 ${percent}（DESNZ：再利用与原生生产对比）`,
  secondHandFurnitureReason: (percent) =>
    `二手家具可避免生产新家具排放的 ${percent}（DESNZ：木材再利用与原生生产对比）`,
  refurbished: '买翻新的，不买新的',
  refurbishedReason: (percent) => `翻新可避免生产新设备排放的约 ${percent}（ADEME 2022；使用阶段不变）`,
  efficient: '选择能效高两个等级的型号',
  efficientReason: (percent, kg) => `整个寿命期用电约少 ${percent}（我们的假设），使用阶段为 ${kg} kg CO2e`,
  onPageReason: (other, own, perKg) =>
    `同一类别，估算 ${other} kg CO2e，而本品为 ${own} kg${perKg ? '（按每kg比较）' : ''}`,
  material: {
    sweaters: '选择再生棉毛衣，而不是羊毛的',
    'dresses-skirts': '选择粘胶纤维连衣裙，而不是涤纶的',
    jackets: '选择人造革夹克，而不是防水外套',
    'shirts-blouses': '选择粘胶纤维衬衫，而不是棉的',
  },
  materialReason: (percent, to, from) => `ADEME：其生产排放少 ${percent}（${to} 对比 ${from} kg CO2e）`,
  food: {
    beef: '选择鸡肉，而不是牛肉',
    pork: '选择豆腐，而不是猪肉',
    poultry: '选择豆腐，而不是鸡肉',
    milk: '选择豆奶，而不是牛奶',
    cheese: '选择植物基替代品，而不是奶酪',
  },
  foodReason: (from, to, kg) => `Poore & Nemecek：每kg ${from} 对比 ${to} kg CO2e，按 ${kg} kg计`,
  assumptionSource: 'Carbon Ledger 的假设（典型重量、使用年限或比例）：见我们的方法说明',
  actionBasis: {
    'decline-single-use': '阿里巴巴 88 碳账户每单数值',
    'recycled-carton': '阿里巴巴 88 碳账户（天猫）每个包裹的数值',
    'pickup-point-walk': 'ADEME：1 kg包裹，送货上门减去步行到自提点取件',
    'consolidate-delivery': 'ADEME：两次 1 kg送货上门减去一次 2 kg配送',
    'slow-shipping-not-air': 'DESNZ：1 kg运输 10,000 公里（我们的假设），远程空运（含辐射强迫）减去集装箱船',
  },
};

const regionNames = new Map<Lang, Intl.DisplayNames | null>();
/** A country's name from its ISO code ("DE" → "Deutschland"); the code when unknown. */
export function countryName(code: string, lang: Lang): string {
  if (!regionNames.has(lang)) {
    try {
      regionNames.set(lang, new Intl.DisplayNames([lang === 'zh' ? 'zh-CN' : lang], { type: 'region' }));
    } catch {
      regionNames.set(lang, null);
    }
  }
  try {
    return regionNames.get(lang)?.of(code) ?? code;
  } catch {
    return code;
  }
}

/** An electricity grid in words: "dem Strommix von Deutschland", "全球平均电网". */
export const gridName = (key: string, lang: OtherLang): string =>
  key === 'WORLD' ? FOOTPRINT_TEXTS[lang].worldGrid : FOOTPRINT_TEXTS[lang].gridOf(countryName(key, lang));

/** A grid key as a short name in brackets: a country's name, or the world average. */
export const gridShort = (key: string, lang: OtherLang): string =>
  key === 'WORLD' ? FOOTPRINT_TEXTS[lang].worldShort : countryName(key, lang);

export const FOOTPRINT_TEXTS: Readonly<Record<OtherLang, FootprintTexts>> = { de, zh };
