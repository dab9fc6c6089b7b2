// How an estimate explains itself: the steps a shopper can read (each figure, factor and reason)
// and the sources behind them, built on first read from what the estimator decided. Split from
// estimate.ts, which decides; this file only words the decision.

import { FOOTPRINT_TEXTS, gridName, type OtherLang, stepKg, stepNumber } from '../i18n/footprint-texts.ts';
import type { Lang } from '../i18n/format.ts';
import { type Candidate, ElectronicsWeightCandidate, fmt, nameIn, src } from './candidates.ts';
import type { Classification } from './classify.ts';
import { type ConditionShare, conditionStep } from './condition.ts';
import { EEIO_KG_PER_USD2022 } from './data/eeio.ts';
import type { DeliveryMode } from './delivery.ts';
import type { Explanation, UseSummary } from './result.ts';
import type { Source } from './sources.ts';
import { TIER_LABEL } from './tiers.ts';
import { gridFor, gridInWords, type UsePhase } from './use-phase.ts';

export { TIER_LABEL };

/**
 * Witness checks (our choice, docs/methods.md): two figures disagree when their making parts differ
 * by more than `z` combined standard deviations (their calibrated spreads); the figure then leans on
 * the more robust one and its range is `widen` times wider in log units.
 */
export const WITNESS = { z: 3, widen: 1.5 };

/** What an estimate's range rests on. */
export type RangeBasis = { makerError: number } | { n: number; assumed: boolean; widened: boolean };

/** A witness set aside for disagreeing with a more robust one. */
export interface SetAside {
  candidate: Candidate;
  against: Candidate;
  /** Combined standard deviations between their making parts. */
  z: number;
  /** Why it was set aside when not for its distance alone. */
  reason?: string;
}

/** What an estimate needs to explain itself; steps and sources are built on first read and kept. */
export class Details implements Explanation {
  private builtSteps: string[] | undefined;
  private readonly stepsByLang = new Map<OtherLang, string[]>();
  private builtSources: Source[] | undefined;

  private readonly classification: Classification;
  readonly sector: string;
  private readonly used: Candidate[];
  private readonly productKgCO2e: number;
  private readonly mode: DeliveryMode | null;
  private readonly delivery: number | null;
  private readonly weightKg: number | null;
  private readonly weightAssumed: boolean;
  private readonly setAside: SetAside[] | null;
  /** How many times its best method's calibrated spread the range is (before holding the witnesses). */
  readonly scale: number;

  get rangeType(): string | null {
    return this.used[0]?.deviceType || null;
  }
  private useSummary: UseSummary | null = null;
  private use: UsePhase | null = null;
  private condition: ConditionShare | null = null;
  private newMakingKg = 0;
  private countryKnown = false;

  constructor(
    classification: Classification,
    used: Candidate[],
    productKgCO2e: number,
    mode: DeliveryMode | null,
    delivery: number | null,
    weightKg: number | null,
    weightAssumed: boolean,
    setAside: SetAside[] | null,
    scale: number,
  ) {
    this.setAside = setAside;
    this.scale = scale;
    this.classification = classification;
    this.sector = classification.naics;
    this.used = used;
    this.productKgCO2e = productKgCO2e;
    this.mode = mode;
    this.delivery = delivery;
    this.weightKg = weightKg;
    this.weightAssumed = weightAssumed;
  }

  /** What the range rests on: the maker's stated uncertainty, or the best method's calibration. */
  range: RangeBasis = { n: 0, assumed: true, widened: false };

  /** What the range means, in German or Chinese (English: the estimate's `rangeMeaning`). */
  rangeMeaning(lang: OtherLang): string {
    const t = FOOTPRINT_TEXTS[lang];
    const { range } = this;
    if ('makerError' in range) return t.rangeMaker(String(Math.round(range.makerError * 100)));
    const meaning = range.assumed ? t.rangeAssumed : t.rangeCalibrated(stepNumber(range.n, lang, 0));
    return range.widened ? t.rangeWidened(meaning, stepNumber(WITNESS.widen, lang, 1)) : meaning;
  }

  /** What the making/using and condition steps need (set once, right after construction). */
  useAndCondition(
    summary: UseSummary | null,
    use: UsePhase | null,
    condition: ConditionShare,
    newMakingKg: number,
    countryKnown: boolean,
  ): void {
    this.countryKnown = countryKnown;
    this.useSummary = summary;
    this.use = use;
    this.condition = condition;
    this.newMakingKg = newMakingKg;
  }

  steps(lang: Lang = 'en'): string[] {
    if (lang !== 'en') {
      let steps = this.stepsByLang.get(lang);
      if (!steps) {
        steps = this.stepsIn(lang);
        this.stepsByLang.set(lang, steps);
      }
      return steps;
    }
    if (this.builtSteps) return this.builtSteps;
    const { classification, used, mode, delivery, weightKg } = this;
    const lines = [
      `Category: ${classification.category.label} (${classification.evidence}; recognised with ${Math.round(classification.confidence * 100)} % confidence; sector NAICS ${this.sector} ${EEIO_KG_PER_USD2022[this.sector]?.title ?? ''})`,
      ...used.flatMap((c) => c.steps()),
    ];
    if (this.setAside)
      for (const { candidate, against, z, reason } of this.setAside)
        lines.push(
          `Set aside: ${TIER_LABEL[candidate.tier]} gives ${fmt(candidate.makingKg)} kg before use, ${fmt(against.makingKg)} kg by ${TIER_LABEL[against.tier]}: ${reason ?? `${z.toFixed(1)} times their combined spread apart, far more than they allow`} (one of them misread?). Leaning on the more robust ${TIER_LABEL[against.tier]}; range widened ${WITNESS.widen}×`,
          ...candidate.steps().map((step) => `  (set aside) ${step}`),
        );
    if (used.length > 1)
      lines.push(
        `Combined ${used.map((c) => `${fmt(c.kgCO2e)} kg (${c.tier})`).join(', ')} weighted by their calibrated precision → ${fmt(this.productKgCO2e)} kg CO2e`,
      );
    lines.push(...this.useAndConditionSteps());
    if (mode && delivery !== null)
      lines.push(`Delivery (${mode}, ${fmt(weightKg ?? 1)} kg parcel): +${fmt(delivery)} kg CO2e (ADEME)`);
    this.builtSteps = lines;
    return lines;
  }

  private useAndConditionSteps(): string[] {
    const { useSummary, use, condition } = this;
    const lines: string[] = [];
    if (condition && condition.condition !== 'new') lines.push(conditionStep(condition, this.newMakingKg));
    if (useSummary) {
      if (use && useSummary.kwhPerYear !== null)
        lines.push(
          `Use as people use it: ${use.kwhPerYear >= 10 ? Math.round(use.kwhPerYear) : fmt(use.kwhPerYear)} kWh a year (${use.basis}) × ${use.years} years × ${Math.round(use.grid.kgPerKwh * 1000)} g/kWh (${gridInWords(use.grid)}, Ember ${use.grid.year})`,
        );
      const grid = gridInWords(gridFor(useSummary.grid));
      const how =
        useSummary.years !== null
          ? `${useSummary.years} years on ${grid}`
          : this.countryKnown
            ? `as the maker reported it, moved to ${grid}`
            : 'as the maker reported it';
      lines.push(`Making ${fmt(useSummary.makingKgCO2e)} kg · using, ${how}, ${fmt(useSummary.usingKgCO2e)} kg`);
    } else if (this.used.some((c) => c instanceof ElectronicsWeightCandidate))
      lines.push('Making and using together: the published footprints it is fitted on cover the whole life');
    else lines.push(`Making only: no electricity for using it is counted`);
    return lines;
  }

  /** The same steps in German or Chinese, with the same figures. */
  private stepsIn(lang: OtherLang): string[] {
    const t = FOOTPRINT_TEXTS[lang];
    const kg = (value: number) => stepKg(value, lang);
    const tier = (c: Candidate) => t.tier[c.tier];
    const { classification, used, mode, delivery, weightKg } = this;
    const lines = [
      t.category(
        nameIn(classification.category, lang),
        String(Math.round(classification.confidence * 100)),
        this.sector,
      ),
      ...used.flatMap((c) => c.steps(lang)),
    ];
    if (this.setAside)
      for (const { candidate, against, z } of this.setAside)
        lines.push(
          t.setAside(
            tier(candidate),
            kg(candidate.makingKg),
            tier(against),
            kg(against.makingKg),
            stepNumber(z, lang, 1),
            stepNumber(WITNESS.widen, lang, 1),
          ),
          ...candidate.steps(lang).map((step) => t.setAsideStep(step.trim())),
        );
    if (used.length > 1)
      lines.push(t.combined(used.map((c) => `${kg(c.kgCO2e)} kg (${tier(c)})`).join(', '), kg(this.productKgCO2e)));
    const { useSummary, use, condition } = this;
    if (condition && condition.condition !== 'new')
      lines.push(
        t.condition(
          condition.condition === 'refurbished',
          kg(this.newMakingKg),
          `${stepNumber(condition.share * 100, lang, condition.share < 0.1 ? 1 : 0)} %`,
          kg(this.newMakingKg * condition.share),
        ),
      );
    if (useSummary) {
      if (use && useSummary.kwhPerYear !== null)
        lines.push(
          t.useAsPeopleUse(
            use.kwhPerYear >= 10 ? String(Math.round(use.kwhPerYear)) : kg(use.kwhPerYear),
            String(use.years),
            String(Math.round(use.grid.kgPerKwh * 1000)),
            gridName(use.grid.key, lang),
            String(use.grid.year),
          ),
        );
      const grid = gridName(gridFor(useSummary.grid).key, lang);
      const how =
        useSummary.years !== null
          ? t.yearsOnGrid(String(useSummary.years), grid)
          : this.countryKnown
            ? t.asReportedMoved(grid)
            : t.asReported;
      lines.push(t.makingUsing(kg(useSummary.makingKgCO2e), how, kg(useSummary.usingKgCO2e)));
    } else if (this.used.some((c) => c instanceof ElectronicsWeightCandidate)) lines.push(t.wholeLife);
    else lines.push(t.makingOnly);
    if (mode && delivery !== null) lines.push(t.delivery(t.deliveryMode[mode], kg(weightKg ?? 1), kg(delivery)));
    return lines;
  }

  sources(): Source[] {
    this.builtSources ??= dedupe([
      ...this.used.flatMap((c) => c.sources()),
      ...(this.useSummary && this.use ? this.use.sources : []),
      ...(this.condition?.sources ?? []),
      ...(this.delivery !== null ? src('ademe-impactco2-delivery') : []),
      ...(this.weightAssumed ? src('carbon-ledger-assumption') : []),
    ]);
    return this.builtSources;
  }
}

function dedupe(sources: Source[]): Source[] {
  const seen = new Set<string>();
  return sources.filter((s) => {
    const key = `${s.title}|${s.url}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
