// Electricity that appliances use as people use them: kWh a year from duty cycles and standby as the
// EU energy labels, ecodesign studies and ENERGY STAR count them (not rated power × hours switched
// on), and the lifetime we count. Written by hand; every row names its sources, and rows that rest
// on our own reading of them are flagged `assumption`: the hours or cycles of use are ours, not the
// basis the label, study or ENERGY STAR method itself uses (docs/methods.md, "Use phase").

import type { SourceId } from '../sources.ts';

export interface UseRow {
  /** Electricity a year in typical household use, kWh (duty cycle and standby included). */
  kwhPerYear: number;
  /** Years of use we count. */
  years: number;
  /**
   * For kinds whose draw follows their rated power (heaters, lamps): full-load hours a year. When the
   * title names the power ("2000 W", "2 kW"), kWh a year = kW × these hours; otherwise kwhPerYear.
   */
  fullLoadHoursPerYear?: number;
  /** How the figure follows from the source, in words (shown in the estimate's steps). */
  basis: string;
  src: SourceId[];
  /** True when the duty cycle or lifetime is our reading of the sources rather than their figure. */
  assumption: boolean;
}

/** Use-phase rows by taxonomy category id. Kinds without a row are estimated as making only. */
export const USE_BY_CATEGORY: Record<string, UseRow> = {
  laptops: {
    kwhPerYear: 25,
    years: 5,
    basis: 'typical energy consumption of ENERGY STAR notebooks (off, sleep and idle hours weighted), 15–30 kWh',
    src: ['energy-star-computers', 'ademe-impactco2'],
    assumption: false,
  },
  tablets: {
    kwhPerYear: 8,
    years: 4,
    basis: 'slates and tablets in the ENERGY STAR typical-energy method: charging a few watt-hours a day',
    src: ['energy-star-computers', 'carbon-ledger-assumption'],
    assumption: true,
  },
  desktops: {
    kwhPerYear: 130,
    years: 6,
    basis: 'typical energy consumption of ENERGY STAR desktops (off, sleep, long and short idle weighted), 70–200 kWh',
    src: ['energy-star-computers', 'ademe-impactco2'],
    assumption: false,
  },
  monitors: {
    kwhPerYear: 50,
    years: 6,
    basis: 'about 25 W on for 35 hours a week plus 0.3 W asleep the rest of the time (ENERGY STAR display limits)',
    src: ['energy-star-displays', 'carbon-ledger-assumption'],
    assumption: true,
  },
  smartphones: {
    kwhPerYear: 4,
    years: 3,
    basis: 'one charge a day of a 15 Wh battery with charger losses',
    src: ['carbon-ledger-assumption'],
    assumption: true,
  },
  networking: {
    kwhPerYear: 70,
    years: 5,
    basis: 'a router or box on day and night at about 8 W, as ADEME counts a French internet box',
    src: ['ademe-impactco2', 'eu-ecodesign-standby-801-2013'],
    assumption: false,
  },
  televisions: {
    kwhPerYear: 100,
    years: 8,
    basis: 'on-mode power of a 50–55" set (70–100 W) × 4 hours a day, the EU label’s own basis, plus standby',
    src: ['eu-label-displays-2019-2013'],
    assumption: false,
  },
  'washing-machines': {
    kwhPerYear: 130,
    years: 12,
    basis: 'about 0.6 kWh per eco 40-60 cycle (label, kWh per 100 cycles) × 220 cycles a year, plus low-power modes',
    src: ['eu-label-washing-2019-2014', 'ademe-impactco2'],
    assumption: false,
  },
  dryers: {
    kwhPerYear: 250,
    years: 12,
    basis: 'weighted annual consumption at 160 cycles a year: heat-pump dryers 150–250 kWh, condenser dryers about 500 kWh',
    src: ['eu-label-dryers-392-2012', 'carbon-ledger-assumption'],
    assumption: true,
  },
  dishwashers: {
    kwhPerYear: 230,
    years: 12,
    basis: 'about 0.8 kWh per eco cycle (label, kWh per 100 cycles) × 280 cycles a year, plus low-power modes',
    src: ['eu-label-dishwashers-2019-2017', 'ademe-impactco2'],
    assumption: false,
  },
  refrigerators: {
    kwhPerYear: 200,
    years: 10,
    basis: 'annual consumption on the EU label of a typical new fridge-freezer (compressor cycling, day and night)',
    src: ['eu-label-refrigerators-2019-2016', 'ademe-impactco2'],
    assumption: false,
  },
  ovens: {
    kwhPerYear: 100,
    years: 12,
    basis: 'about 0.9 kWh per cycle (label) × two uses a week, plus standby',
    src: ['eu-label-ovens-65-2014', 'ademe-impactco2', 'carbon-ledger-assumption'],
    assumption: true,
  },
  'air-conditioners': {
    kwhPerYear: 200,
    years: 10,
    basis: 'a 2.5 kW cooling unit at a seasonal efficiency of 5 for about 400 hours a year (varies strongly with climate)',
    src: ['carbon-ledger-assumption'],
    assumption: true,
  },
  heaters: {
    kwhPerYear: 300,
    years: 10,
    fullLoadHoursPerYear: 150,
    basis:
      'a plug-in heater used as extra heat: about 150 full-power hours a year once the thermostat cycles (2 kW → 300 kWh); households with plug-in heaters used a few hundred kWh on them',
    src: ['decc-powering-the-nation-2', 'carbon-ledger-assumption'],
    assumption: true,
  },
  kettles: {
    kwhPerYear: 100,
    years: 5,
    basis:
      'about 0.1 kWh per boil (1 litre from tap temperature) × 2–3 boils a day; EU kettles used 20–33 TWh a year, 100–165 kWh each',
    src: ['eu-ecodesign-kettles', 'decc-powering-the-nation-2'],
    assumption: false,
  },
  'coffee-machines': {
    kwhPerYear: 90,
    years: 5,
    basis:
      'an espresso or bean-to-cup machine that switches itself off after use (required in the EU since 2015): between efficient models (< 50 kWh) and the 2006 average (180 kWh)',
    src: ['eu-ecodesign-coffee-lot25', 'eu-ecodesign-standby-801-2013', 'carbon-ledger-assumption'],
    assumption: true,
  },
  'capsule-machines': {
    kwhPerYear: 45,
    years: 5,
    basis: 'a capsule machine heating on demand, with automatic switch-off: 40–50 kWh a year',
    src: ['eu-ecodesign-coffee-lot25', 'eu-ecodesign-standby-801-2013'],
    assumption: false,
  },
  microwaves: {
    kwhPerYear: 50,
    years: 10,
    basis: 'a few minutes a day at about 1.2 kW plus a clock display on standby (ADEME: about 47 kWh)',
    src: ['ademe-impactco2', 'eu-ecodesign-standby-801-2013'],
    assumption: false,
  },
  'vacuum-cleaners': {
    kwhPerYear: 30,
    years: 8,
    basis: 'annual energy on the ecodesign basis (50 cleanings of an 87 m² home), capped at 43 kWh; cordless ones use less',
    src: ['eu-ecodesign-vacuum-666-2013'],
    assumption: false,
  },
  lighting: {
    kwhPerYear: 10,
    years: 10,
    fullLoadHoursPerYear: 1000,
    basis: 'the lamp’s power × 1,000 hours a year, the EU light-source label’s basis (10 W LED when no power is given)',
    src: ['eu-label-lamps-2019-2015'],
    assumption: false,
  },
  'light-bulbs': {
    kwhPerYear: 8,
    years: 10,
    fullLoadHoursPerYear: 1000,
    basis: 'the bulb’s power × 1,000 hours a year, the EU light-source label’s basis (8 W LED when no power is given)',
    src: ['eu-label-lamps-2019-2015'],
    assumption: false,
  },
};
