// The methods' figures as the estimator combines them, each able to describe itself: the steps
// that led to it and the sources behind them. Describing is deferred (see Candidate).

import { CATEGORY_NAMES } from '../i18n/categories.ts';
import { FOOTPRINT_TEXTS, gridShort, type OtherLang, stepFactor, stepKg, stepNumber } from '../i18n/footprint-texts.ts';
import { type Lang, plural } from '../i18n/format.ts';
import type { Money } from '../product.ts';
import type { Tier } from './data/calibration.ts';
import type { DeviceRow } from './data/devices.ts';
import type { TYPICAL_ITEMS } from './data/items.ts';
import { FX_SOURCES } from './data/money.ts';
import type { PublishedRow } from './data/published.ts';
import type { DevicePrediction } from './device-model.ts';
import { SOURCES, type Source, type SourceId } from './sources.ts';
import type { Category, PerKgRef } from './taxonomy.ts';
import { type Grid, gridFor, gridOfUseLocation, type UsePhase } from './use-phase.ts';

// Steps and sources are built only when someone reads them (the overlay's details, --explain, a
// message to a page): most estimates on a listing are only ever shown as a number. Each kind of
// candidate keeps what it needs to describe itself, and describes itself on request.
export interface Candidate {
  tier: Tier;
  kgCO2e: number;
  useKgCO2e: number | null;
  /**
   * How much wider than its tier's calibrated interval this figure's interval is (1 for most): the
   * tier's spread is calibrated in these units, so a figure that knows it is less sure (brand
   * siblings that disagree) gets a wider range and less say in the combination.
   */
  scale: number;
  /** The part of the figure that is not use phase: what witnesses are compared on. */
  readonly makingKg: number;
  /** The device type whose own calibrated spread applies (device tiers), if any. */
  readonly deviceType?: string;
  /** The steps, in English unless another language is asked for. */
  steps(lang?: Lang): string[];
  sources(): Source[];
}

export const src = (...ids: SourceId[]): Source[] => ids.map((id) => SOURCES[id]);
/** A figure in kg as the English steps write it (the same rule as every language's, shared/i18n). */
export const fmt = (kg: number): string => stepKg(kg, 'en');

/** A category's name in German or Chinese (its label when the table has none). */
export const nameIn = (category: Category, lang: OtherLang): string =>
  CATEGORY_NAMES[category.id]?.[lang === 'de' ? 0 : 1] ?? category.label;

export interface PerKgFactor {
  kgPerKg: number;
  label: string;
  /** The table and row it comes from, for naming it in other languages. */
  ref?: PerKgRef;
  sources: Source[];
}

export interface PublishedEntry {
  row: PublishedRow;
  category: string;
  brand: string;
  /** Name tokens of the row, for shared product-line words. */
  tokens: string[];
}

const deviceSource = (row: DeviceRow): Source => ({
  title: `${row[0]} ${row[1]}: product carbon footprint report`,
  publisher: `${row[0]} (via Boavizta)`,
  year: row[6] ?? 2023,
  url: row[10],
  licence: SOURCES['boavizta-2023'].licence,
});

const publishedSource = (row: PublishedRow): Source => ({
  title: `${row[1]}: footprint reported to CDP (${row[6]})`,
  publisher: `${row[2]} (via The Carbon Catalogue)`,
  year: 2022,
  url: SOURCES['carbon-catalogue-2022'].url,
  licence: SOURCES['carbon-catalogue-2022'].licence,
});

export class DeviceCandidate implements Candidate {
  readonly scale = 1;
  readonly deviceType: string;
  readonly kgCO2e: number;
  readonly useKgCO2e: number;
  readonly makingKg: number;
  /** The maker's stated relative error of this very product's figure, when it gives one. */
  readonly makerErrorRatio: number | null;
  /** The reported use phase and its grid, when it was moved to the shop country's grid. */
  private readonly moved: { reportedUseKg: number; from: Grid; to: Grid } | null = null;

  readonly tier: Tier;
  private readonly prediction: DevicePrediction;
  private readonly category: Category;
  private readonly country: string | null;

  constructor(tier: Tier, prediction: DevicePrediction, category: Category, country: string | null) {
    this.tier = tier;
    this.prediction = prediction;
    this.category = category;
    this.country = country;
    this.deviceType = category.device ?? '';
    // The same product's own report is the figure; otherwise the near products' (or regression's).
    const same = tier === 'published-same' ? prediction.same : null;
    let kgCO2e = same ? same.kgCO2e : prediction.kgCO2e;
    const reportedShare = same ? same.rows[0]![7] : null;
    const useShare =
      reportedShare !== null && reportedShare >= 0 && reportedShare < 1 ? reportedShare : prediction.useShare;
    let useKg = kgCO2e * useShare;
    this.makingKg = kgCO2e - useKg;
    this.makerErrorRatio = same?.errorRatio ?? null;
    if (country) {
      // Re-run the reported use phase on the shop country's grid instead of the report's.
      const from = gridOfUseLocation(same ? same.rows[0]![9] : prediction.useLocation);
      const to = gridFor(country);
      const adjusted = useKg * (to.kgPerKwh / from.kgPerKwh);
      this.moved = { reportedUseKg: useKg, from, to };
      kgCO2e += adjusted - useKg;
      useKg = adjusted;
    }
    this.kgCO2e = kgCO2e;
    this.useKgCO2e = useKg;
  }

  steps(lang: Lang = 'en'): string[] {
    if (lang !== 'en') return this.stepsIn(lang);
    const { prediction, category, moved } = this;
    const same = this.tier === 'published-same' ? prediction.same : null;
    const generation = prediction.generation;
    const first = same
      ? `Published footprint of this very product: ${same.rows
          .slice(0, 3)
          .map((r) => `${r[0]} ${r[1]} ${fmt(r[3])} kg`)
          .join(
            '; ',
          )}${same.rows.length > 1 ? ` (median ${fmt(same.kgCO2e)} kg)` : ''}, whole life as the maker reports it${same.errorRatio ? `, ±${Math.round(same.errorRatio * 100)} % by the maker` : ''}; used as it is, not averaged with other methods`
      : prediction.method === 'regression'
        ? `No near product with a published footprint; regression over published ${category.label.toLowerCase()} footprints (screen size, year, brand) → ${fmt(prediction.kgCO2e)} kg CO2e`
        : `Nearest published footprints: ${prediction.neighbours
            .map((n) => `${n.row[0]} ${n.row[1]} ${fmt(n.row[3])} kg (similarity ${n.similarity.toFixed(2)})`)
            .join('; ')}${
            generation
              ? `, moved ${generation.yearsNewer > 0 ? 'forward' : 'back'} ${Math.abs(generation.yearsNewer).toFixed(1)} years (${generation.how}) along the ${category.label.toLowerCase()} trend of ${(generation.logPerYear * 100).toFixed(1)} % a year within a product line`
              : ''
          } → ${fmt(prediction.kgCO2e)} kg CO2e whole life as reported`;
    if (!moved) return [first];
    return [
      first,
      `Use phase ${Math.round(prediction.useShare * 100)} % of it (${fmt(moved.reportedUseKg)} kg on the ${moved.from.key} grid) moved to the ${moved.to.key} grid (${Math.round(moved.to.kgPerKwh * 1000)} g/kWh, Ember ${moved.to.year}): ${fmt(this.useKgCO2e)} kg`,
    ];
  }

  private stepsIn(lang: OtherLang): string[] {
    const t = FOOTPRINT_TEXTS[lang];
    const kg = (value: number) => stepKg(value, lang);
    const { prediction, category, moved } = this;
    const same = this.tier === 'published-same' ? prediction.same : null;
    const generation = prediction.generation;
    const first = same
      ? t.samePublished(
          same.rows
            .slice(0, 3)
            .map((r) => `${r[0]} ${r[1]} ${kg(r[3])} kg`)
            .join('; '),
          same.rows.length > 1 ? kg(same.kgCO2e) : null,
          same.errorRatio ? String(Math.round(same.errorRatio * 100)) : null,
        )
      : prediction.method === 'regression'
        ? t.regression(nameIn(category, lang), kg(prediction.kgCO2e))
        : t.neighbours(
            prediction.neighbours
              .map(
                (n) =>
                  `${n.row[0]} ${n.row[1]} ${kg(n.row[3])} kg (${t.similarity(stepNumber(n.similarity, lang, 2))})`,
              )
              .join('; ') +
              (generation
                ? t.generation(
                    generation.yearsNewer > 0,
                    stepNumber(Math.abs(generation.yearsNewer), lang, 1),
                    nameIn(category, lang),
                    stepNumber(generation.logPerYear * 100, lang, 1),
                  )
                : ''),
            kg(prediction.kgCO2e),
          );
    if (!moved) return [first];
    return [
      first,
      t.useMoved(
        String(Math.round(prediction.useShare * 100)),
        kg(moved.reportedUseKg),
        gridShort(moved.from.key, lang),
        gridShort(moved.to.key, lang),
        String(Math.round(moved.to.kgPerKwh * 1000)),
        String(moved.to.year),
        kg(this.useKgCO2e ?? 0),
      ),
    ];
  }

  sources(): Source[] {
    const { prediction } = this;
    return [
      ...src('boavizta-2023'),
      ...(this.tier === 'published-same' && prediction.same
        ? prediction.same.rows.slice(0, 3)
        : prediction.neighbours.slice(0, prediction.method === 'regression' ? 0 : 3).map((n) => n.row)
      ).map(deviceSource),
      ...(this.country ? src('ember-2025') : []),
    ];
  }
}

export class PublishedCandidate implements Candidate {
  readonly useKgCO2e = null;
  get makingKg(): number {
    return this.kgCO2e;
  }

  readonly tier: Tier;
  readonly kgCO2e: number;
  private readonly siblings: PublishedEntry[];
  private readonly brandName: string;
  /** The weight the siblings were scaled to and how, or null for their median. */
  private readonly scaling: { toKg: number; elasticity: number } | null;

  readonly scale: number;

  constructor(
    tier: Tier,
    kgCO2e: number,
    siblings: PublishedEntry[],
    brandName: string,
    scaling: { toKg: number; elasticity: number } | null,
    scale: number,
  ) {
    this.scale = scale;
    this.tier = tier;
    this.kgCO2e = kgCO2e;
    this.siblings = siblings;
    this.brandName = brandName;
    this.scaling = scaling;
  }

  steps(lang: Lang = 'en'): string[] {
    if (lang !== 'en') return this.stepsIn(lang);
    const { siblings, scaling } = this;
    if (this.tier === 'published-same')
      return [
        `Published footprint of this very product: ${siblings[0]!.row[1]} ${fmt(this.kgCO2e)} kg CO2e (${siblings[0]!.row[6]}, reported by ${this.brandName}); used as it is, not averaged with other methods`,
      ];
    const how =
      scaling !== null
        ? `scaled to ${fmt(scaling.toKg)} kg (footprint ∝ weight^${scaling.elasticity})`
        : 'their median';
    return [
      `Published footprints of ${siblings.length} ${this.brandName} ${plural(siblings.length, 'en', { one: 'product', other: 'products' })} in this category: ${siblings
        .slice(0, 3)
        .map((p) => `${p.row[1]} ${fmt(p.row[5])} kg`)
        .join('; ')} → ${how} = ${fmt(this.kgCO2e)} kg CO2e`,
    ];
  }

  private stepsIn(lang: OtherLang): string[] {
    const t = FOOTPRINT_TEXTS[lang];
    const kg = (value: number) => stepKg(value, lang);
    const { siblings, scaling } = this;
    if (this.tier === 'published-same') return [t.brandSame(siblings[0]!.row[1], kg(this.kgCO2e), this.brandName)];
    const how = scaling !== null ? t.brandScaled(kg(scaling.toKg), String(scaling.elasticity)) : t.brandMedian;
    return [
      t.brandSiblings(
        String(siblings.length),
        this.brandName,
        siblings
          .slice(0, 3)
          .map((p) => `${p.row[1]} ${kg(p.row[5])} kg`)
          .join('; '),
        how,
        kg(this.kgCO2e),
      ),
    ];
  }

  sources(): Source[] {
    return [...src('carbon-catalogue-2022'), ...this.siblings.slice(0, 3).map((p) => publishedSource(p.row))];
  }
}

export class ItemCandidate implements Candidate {
  readonly scale = 1;
  readonly tier: Tier = 'typical-item';
  readonly useKgCO2e: number | null;

  readonly kgCO2e: number;
  private readonly category: Category;
  private readonly item: (typeof TYPICAL_ITEMS)[string] & object;
  private readonly use: UsePhase | null;

  constructor(kgCO2e: number, category: Category, item: (typeof TYPICAL_ITEMS)[string] & object, use: UsePhase | null) {
    this.kgCO2e = kgCO2e;
    this.category = category;
    this.item = item;
    this.use = use;
    this.useKgCO2e = use?.kgCO2e ?? null;
  }

  get makingKg(): number {
    return this.kgCO2e - (this.useKgCO2e ?? 0);
  }

  steps(lang: Lang = 'en'): string[] {
    const { category, item, use, kgCO2e } = this;
    if (lang !== 'en') {
      const t = FOOTPRINT_TEXTS[lang];
      const kg = (value: number) => stepKg(value, lang);
      return [
        t.typicalItem(
          nameIn(category, lang),
          category.item ?? '',
          kg(item.kgMaking),
          use
            ? t.usePart(
                String(Math.round(use.kwhPerYear)),
                String(use.years),
                String(Math.round(use.grid.kgPerKwh * 1000)),
                `${gridShort(use.grid.key, lang)}, Ember ${use.grid.year}`,
                kg(use.kgCO2e),
              )
            : null,
          kg(kgCO2e),
        ),
      ];
    }
    return [
      `Typical ${category.label.toLowerCase()} (ADEME Impact CO2 "${category.item}"): making ${fmt(item.kgMaking)} kg CO2e` +
        (use
          ? ` + use ${Math.round(use.kwhPerYear)} kWh/year × ${use.years} years × ${Math.round(use.grid.kgPerKwh * 1000)} g/kWh (${use.grid.key}, Ember ${use.grid.year}) = ${fmt(use.kgCO2e)} kg`
          : '') +
        ` → ${fmt(kgCO2e)} kg CO2e`,
    ];
  }

  sources(): Source[] {
    return [
      { ...SOURCES['ademe-impactco2'], url: this.item.url },
      ...(this.use ? [...src('ember-2025'), ...src('carbon-ledger-assumption')] : []),
    ];
  }
}

export class PerKgCandidate implements Candidate {
  readonly scale = 1;
  readonly tier: Tier;
  readonly kgCO2e: number;
  readonly useKgCO2e: number | null;
  private readonly factor: PerKgFactor;
  private readonly kg: number;
  readonly makingKg: number;
  private readonly weightAssumed: boolean;
  private readonly pageWeight: number | null;
  private readonly quantityText: string | null;
  private readonly use: UsePhase | null;
  private readonly lighterThanItem: number | null;

  constructor(
    tier: Tier,
    kgCO2e: number,
    useKgCO2e: number | null,
    factor: PerKgFactor,
    kg: number,
    makingKg: number,
    weightAssumed: boolean,
    pageWeight: number | null,
    quantityText: string | null,
    use: UsePhase | null,
    /** The page's weight when it was below one typical item's and the typical weight stood instead. */
    lighterThanItem: number | null = null,
  ) {
    this.lighterThanItem = lighterThanItem;
    this.tier = tier;
    this.kgCO2e = kgCO2e;
    this.useKgCO2e = useKgCO2e;
    this.factor = factor;
    this.kg = kg;
    this.makingKg = makingKg;
    this.weightAssumed = weightAssumed;
    this.pageWeight = pageWeight;
    this.quantityText = quantityText;
    this.use = use;
  }

  steps(lang: Lang = 'en'): string[] {
    if (lang !== 'en') return this.stepsIn(lang);
    const { factor, kg, use } = this;
    const weightNote =
      this.lighterThanItem !== null
        ? `typical weight ${fmt(kg)} kg of one item (our assumption), not the ${fmt(this.lighterThanItem)} kg given: what it holds, not its mass, is the product`
        : this.weightAssumed
          ? `typical weight ${fmt(kg)} kg (our assumption)`
          : this.pageWeight !== null
            ? `${fmt(kg)} kg from the page`
            : `${fmt(kg)} kg read from "${this.quantityText}"`;
    const lines = [`${factor.label}: ${factor.kgPerKg} kg CO2e per kg × ${weightNote} = ${fmt(this.makingKg)} kg CO2e`];
    if (use)
      lines.push(
        `+ use ${Math.round(use.kwhPerYear)} kWh/year × ${use.years} years × ${Math.round(use.grid.kgPerKwh * 1000)} g/kWh (${use.grid.key}) = ${fmt(use.kgCO2e)} kg`,
      );
    return lines;
  }

  private stepsIn(lang: OtherLang): string[] {
    const t = FOOTPRINT_TEXTS[lang];
    const n = (value: number) => stepKg(value, lang);
    const { factor, kg, use } = this;
    const weightNote =
      this.lighterThanItem !== null
        ? t.weightTypicalItem(n(kg), n(this.lighterThanItem))
        : this.weightAssumed
          ? t.weightTypical(n(kg))
          : this.pageWeight !== null
            ? t.weightPage(n(kg))
            : t.weightRead(n(kg), this.quantityText ?? '');
    const name = factor.ref ? t.factorName(factor.ref.table, factor.ref.key) : `„${factor.label}“`;
    const lines = [t.perKg(name, stepFactor(factor.kgPerKg, lang), weightNote, n(this.makingKg))];
    if (use)
      lines.push(
        t
          .usePart(
            String(Math.round(use.kwhPerYear)),
            String(use.years),
            String(Math.round(use.grid.kgPerKwh * 1000)),
            gridShort(use.grid.key, lang),
            n(use.kgCO2e),
          )
          .trim(),
      );
    return lines;
  }

  sources(): Source[] {
    const { use } = this;
    return [
      ...this.factor.sources,
      ...(this.weightAssumed || use ? src('carbon-ledger-assumption') : []),
      ...(use ? src('ember-2025') : []),
    ];
  }
}

/**
 * Electronics with no device model: what published electronics of this weight report, whole life
 * (a material factor × weight would miss the chips and boards).
 */
export interface ElectronicsWeightNotes {
  /** The weight lies outside the fitted ones (the figure goes with the weight beyond them). */
  outside: boolean;
  /** No processor: the material factor × weight the fit was averaged with (geometric mean). */
  materialKg: number | null;
  materialLabel: string;
  /** The category's material factor, kg CO2e per kg. */
  materialPerKg: number;
  /** How many times the tier's spread the range is (an assumed or extrapolated weight widens it). */
  scale: number;
}

export class ElectronicsWeightCandidate implements Candidate {
  readonly scale: number;
  readonly tier: Tier = 'per-kg-electric';
  /** Whole life as the reports give it; their use share is not known here, so none is split off. */
  readonly useKgCO2e = null;
  readonly kgCO2e: number;
  private readonly weightKg: number;
  private readonly weightAssumed: boolean;
  private readonly pageWeight: number | null;
  private readonly quantityText: string | null;
  /** The estimator's fit, shared by every estimate (not copied). */
  private readonly fit: { a: number; e: number; n: number; minKg: number; maxKg: number };
  private readonly shift: number;
  private readonly notes: ElectronicsWeightNotes;

  constructor(
    kgCO2e: number,
    weightKg: number,
    weightAssumed: boolean,
    pageWeight: number | null,
    quantityText: string | null,
    fit: { a: number; e: number; n: number; minKg: number; maxKg: number },
    shift: number,
    notes: ElectronicsWeightNotes,
  ) {
    this.notes = notes;
    this.scale = notes.scale;
    this.kgCO2e = kgCO2e;
    this.weightKg = weightKg;
    this.weightAssumed = weightAssumed;
    this.pageWeight = pageWeight;
    this.quantityText = quantityText;
    this.fit = fit;
    this.shift = shift;
  }

  get makingKg(): number {
    return this.kgCO2e;
  }

  /** Its materials alone (a DESNZ factor × a weight read from the page or title), else null. */
  get materialFloorKg(): number | null {
    return this.weightAssumed ? null : this.notes.materialPerKg * this.weightKg;
  }

  steps(lang: Lang = 'en'): string[] {
    if (lang !== 'en') return this.stepsIn(lang);
    const { a, e, n } = this.fit;
    const { shift } = this;
    const weightNote = this.weightAssumed
      ? `typical weight ${fmt(this.weightKg)} kg (our assumption)`
      : this.pageWeight !== null
        ? `${fmt(this.weightKg)} kg from the page`
        : `${fmt(this.weightKg)} kg read from "${this.quantityText}"`;
    const { outside, materialKg, materialLabel, scale } = this.notes;
    const lines = [
      `Published electronics footprints against weight (${n} manufacturer reports, kg CO2e ≈ ${fmt(Math.exp(a))} × weight^${e.toFixed(2)}${shift ? `, × ${Math.exp(shift).toFixed(2)} as calibrated for electronics without a report of their type` : ''}) at ${weightNote} = ${fmt(this.kgCO2e)} kg CO2e whole life`,
    ];
    if (outside)
      lines.push(
        `  ${fmt(this.weightKg)} kg is outside the weights the fit was made on (${fmt(this.fit.minKg)}–${fmt(this.fit.maxKg)} kg): the fitted curve is extrapolated`,
      );
    if (materialKg !== null)
      lines.push(
        `  No processor: the geometric mean of what computing devices of this weight report and ${materialLabel} × weight (${fmt(materialKg)} kg, materials only)`,
      );
    if (scale > 1)
      lines.push(
        `  Range ${scale.toFixed(2)}× wider in log units: ${this.weightAssumed ? 'the weight is assumed' : 'the weight is outside the fitted ones'}`,
      );
    return lines;
  }

  private stepsIn(lang: OtherLang): string[] {
    const t = FOOTPRINT_TEXTS[lang];
    const kg = (value: number) => stepKg(value, lang);
    const { a, e, n } = this.fit;
    const { shift } = this;
    const weightNote = this.weightAssumed
      ? t.weightTypical(kg(this.weightKg))
      : this.pageWeight !== null
        ? t.weightPage(kg(this.weightKg))
        : t.weightRead(kg(this.weightKg), this.quantityText ?? '');
    const { outside, materialKg, materialLabel, scale } = this.notes;
    const lines = [
      t.byWeight(
        String(n),
        kg(Math.exp(a)),
        stepNumber(e, lang, 2),
        shift ? stepNumber(Math.exp(shift), lang, 2) : null,
        weightNote,
        kg(this.kgCO2e),
      ),
    ];
    if (outside) lines.push(t.byWeightOutside(kg(this.weightKg), kg(this.fit.minKg), kg(this.fit.maxKg)));
    if (materialKg !== null) lines.push(t.byWeightNoProcessor(materialLabel, kg(materialKg)));
    if (scale > 1) lines.push(t.byWeightWider(stepNumber(scale, lang, 2), this.weightAssumed));
    return lines;
  }

  sources(): Source[] {
    return [...src('boavizta-2023'), ...(this.weightAssumed ? src('carbon-ledger-assumption') : [])];
  }
}

export class SpendCandidate implements Candidate {
  readonly scale = 1;
  readonly tier: Tier;
  readonly kgCO2e: number;
  readonly useKgCO2e: number | null;
  private readonly price: Money;
  private readonly usd2022: number;
  private readonly naics: string;
  private readonly factor: { title: string; kgPerUsd2022: number };
  private readonly shelfKg: number;
  private readonly country: string | null;
  get makingKg(): number {
    return this.shelfKg;
  }

  /** The same price with another use phase (or none). */
  withUse(useKgCO2e: number | null): SpendCandidate {
    return new SpendCandidate(
      this.tier,
      this.shelfKg + (useKgCO2e ?? 0),
      useKgCO2e,
      this.price,
      this.usd2022,
      this.naics,
      this.factor,
      this.shelfKg,
      this.country,
    );
  }

  constructor(
    tier: Tier,
    kgCO2e: number,
    useKgCO2e: number | null,
    price: Money,
    usd2022: number,
    naics: string,
    factor: { title: string; kgPerUsd2022: number },
    shelfKg: number,
    country: string | null,
  ) {
    this.tier = tier;
    this.kgCO2e = kgCO2e;
    this.useKgCO2e = useKgCO2e;
    this.price = price;
    this.usd2022 = usd2022;
    this.naics = naics;
    this.factor = factor;
    this.shelfKg = shelfKg;
    this.country = country;
  }

  steps(lang: Lang = 'en'): string[] {
    const { price, usd2022, factor, useKgCO2e, country } = this;
    if (lang !== 'en') {
      const t = FOOTPRINT_TEXTS[lang];
      const kg = (value: number) => stepKg(value, lang);
      const usd = stepNumber(usd2022, lang, 2);
      return [
        t.price(stepNumber(price.amount, lang, 2), price.currency, usd),
        t.spend(
          this.naics,
          stepFactor(factor.kgPerUsd2022, lang),
          usd,
          kg(this.shelfKg),
          useKgCO2e ? t.spendUse(kg(useKgCO2e), country && gridShort(country, lang), kg(this.kgCO2e)) : null,
        ),
      ];
    }
    return [
      `Price ${price.amount} ${price.currency} ≈ ${usd2022.toFixed(2)} USD at 2022 prices (annual exchange rate, US CPI-U)`,
      `NAICS ${this.naics} ${factor.title}: ${factor.kgPerUsd2022} kg CO2e per USD × ${usd2022.toFixed(2)} = ${fmt(this.shelfKg)} kg CO2e (cradle to shelf, spend-based)` +
        (useKgCO2e
          ? ` + use phase ${fmt(useKgCO2e)} kg${country ? ` (${country} grid)` : ''} = ${fmt(this.kgCO2e)} kg`
          : ''),
    ];
  }

  sources(): Source[] {
    return src('epa-supply-chain-v1.3', ...FX_SOURCES, 'bls-cpi-u');
  }
}
