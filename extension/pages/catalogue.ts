// The action catalogue and the list of factor tables the popup and dashboard show, in one place.
//
// INTERIM: the real catalogue (shared/footprint/actions.ts) and the full list of factor tables are
// being built in another branch. Until they land, this module holds a short catalogue of actions
// with sourced figures and lists the factor tables that exist today. At merge, point ACTIONS and
// FACTOR_TABLES at the real modules; the components only depend on the types below.

import { EEIO_KG_PER_USD2022 } from '../../shared/footprint/data/eeio.ts';
import { FX_UNITS_PER_USD, US_CPI_U } from '../../shared/footprint/data/money.ts';
import { SOURCES, type Source } from '../../shared/footprint/sources.ts';

export interface ActionSource {
  title: string;
  publisher: string;
  year: number;
  url: string;
}

/** An everyday low-carbon action the shopper can log by hand. */
export interface ActionEntry {
  /** Stable id, stored in `action-logged` events (lower-case words and dashes). */
  id: string;
  title: string;
  /** Emissions one occurrence avoids, grams CO2e. */
  gramsCO2e: number;
  category: 'packaging' | 'delivery' | 'second-hand';
  source: ActionSource;
}

const CARBON_88: ActionSource = {
  title: 'Alibaba belohnt Kunden für umweltfreundliche Kaufentscheidungen (figures of Alibaba’s 88 Carbon Account)',
  publisher: 'SAZsport, citing Alizila (Alibaba Group)',
  year: 2022,
  url: 'https://sazsport.de/handel/alibaba-belohnt-kunden-umweltfreundliche-kaufentscheidungen-2789719.html',
};

const ADEME_DELIVERY: ActionSource = {
  title:
    'Impact CO2, delivery: emissions per 1 kg parcel by purchase mode (from ADEME, Commerce en ligne : impacts environnementaux de la logistique, des transports et des déplacements, 2023)',
  publisher: 'ADEME',
  year: 2023,
  url: 'https://impactco2.fr/outils/livraison',
};

const ADEME_PRODUCTS: ActionSource = {
  title:
    'Modélisation et évaluation environnementale de produits de consommation et biens d’équipement (via Impact CO2, manufacturing footprint per item)',
  publisher: 'ADEME',
  year: 2018,
  url: 'https://librairie.ademe.fr/dechets-economie-circulaire/127-modelisation-et-evaluation-environnementale-de-produits-de-consommation-et-biens-d-equipement.html',
};

/** INTERIM catalogue (see the top of this file). Figures are per occurrence. */
export const ACTIONS: readonly ActionEntry[] = [
  {
    id: 'decline-single-use-tableware',
    title: 'Decline single-use tableware with a takeaway order',
    gramsCO2e: 52.7,
    category: 'packaging',
    source: CARBON_88,
  },
  {
    id: 'recycled-shipping-carton',
    title: 'Ship in a recycled carton',
    gramsCO2e: 37,
    category: 'packaging',
    source: CARBON_88,
  },
  {
    // Impact CO2: the 7 km car round trip to a pickup point adds 0.9958 kg to a 1 kg parcel.
    id: 'walk-to-pickup-point',
    title: 'Walk or cycle to the pickup point instead of driving',
    gramsCO2e: 995.8,
    category: 'delivery',
    source: ADEME_DELIVERY,
  },
  {
    // Impact CO2: the 30 km car round trip to a shop adds 4.2676 kg to a 1 kg purchase.
    id: 'shop-without-car',
    title: 'Go to the shop on foot, by bike or public transport instead of by car',
    gramsCO2e: 4267.6,
    category: 'delivery',
    source: ADEME_DELIVERY,
  },
  {
    // A second-hand item avoids making a new one: ADEME's manufacturing footprint of the item.
    id: 'second-hand-t-shirt',
    title: 'Buy a cotton T-shirt second-hand instead of new',
    gramsCO2e: 5200,
    category: 'second-hand',
    source: ADEME_PRODUCTS,
  },
  {
    id: 'second-hand-jeans',
    title: 'Buy jeans second-hand instead of new',
    gramsCO2e: 23_200,
    category: 'second-hand',
    source: ADEME_PRODUCTS,
  },
];

const actionsById = new Map(ACTIONS.map((a) => [a.id, a]));
export const findAction = (id: string): ActionEntry | undefined => actionsById.get(id);
/** The action's title, or its id for an action no longer in the catalogue. */
export const actionTitle = (id: string): string => actionsById.get(id)?.title ?? id;

/** A table of factors the estimates use, with every source behind its rows. */
export interface FactorTable {
  id: string;
  title: string;
  unit: string;
  rows: number;
  sources: Source[];
}

/** INTERIM list of the factor tables in shared/footprint/data today (see the top of this file). */
export const FACTOR_TABLES: readonly FactorTable[] = [
  {
    id: 'eeio-kg-per-usd2022',
    title: 'Spend-based emission factors by industry (NAICS-6)',
    unit: 'kg CO2e per 2022 USD, purchaser price',
    rows: Object.keys(EEIO_KG_PER_USD2022).length,
    sources: [SOURCES['epa-supply-chain-v1.3']],
  },
  {
    id: 'fx-units-per-usd',
    title: 'Exchange rates, annual averages',
    unit: 'currency units per USD',
    rows: Object.values(FX_UNITS_PER_USD).reduce((n, years) => n + Object.keys(years).length, 0),
    sources: [SOURCES['ecb-fx'], SOURCES['fred-fx']],
  },
  {
    id: 'us-cpi-u',
    title: 'US consumer price index, to bring prices to 2022 dollars',
    unit: 'index, 1982–84 = 100, annual averages',
    rows: Object.keys(US_CPI_U).length,
    sources: [SOURCES['bls-cpi-u']],
  },
];
