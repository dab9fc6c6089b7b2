// The action catalogue and the list of factor tables the popup and dashboard show, in one place:
// both come from shared/footprint, so the pages show exactly what the estimator uses.

import { i18n } from '#i18n';
import { ACTIONS, type ActionKind } from '../../shared/footprint/actions.ts';
import { CALIBRATION } from '../../shared/footprint/data/calibration.ts';
import { PARCEL_KG_CO2E } from '../../shared/footprint/data/delivery.ts';
import { DEVICES } from '../../shared/footprint/data/devices.ts';
import { EEIO_KG_PER_USD2022 } from '../../shared/footprint/data/eeio.ts';
import { AGRIBALYSE_KG_PER_KG, POORE_NEMECEK_KG_PER_KG } from '../../shared/footprint/data/food.ts';
import { GRID_G_PER_KWH } from '../../shared/footprint/data/grid.ts';
import { TYPICAL_ITEMS } from '../../shared/footprint/data/items.ts';
import { FREIGHT_KG_PER_TONNE_KM, MATERIAL_KG_PER_KG } from '../../shared/footprint/data/materials.ts';
import { FX_SOURCES, FX_UNITS_PER_USD, US_CPI_U } from '../../shared/footprint/data/money.ts';
import { NAMED_KG_PER_KG } from '../../shared/footprint/data/named.ts';
import { PUBLISHED } from '../../shared/footprint/data/published.ts';
import { SOURCES, type Source, type SourceId } from '../../shared/footprint/sources.ts';
import { uiLang } from '../locale.ts';

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
  /** In the browser's language (English, German or Chinese). */
  title: string;
  /** Emissions one occurrence avoids, grams CO2e. */
  gramsCO2e: number;
  category: ActionKind;
  /** How the figure is made up. */
  basis: string;
  source: ActionSource;
}

/** The catalogue from shared/footprint/actions.ts, titled in the browser's language. */
export const ACTION_ENTRIES: readonly ActionEntry[] = ACTIONS.map((action) => {
  const { title, publisher, year, url } = SOURCES[action.sources[0] as SourceId];
  return {
    id: action.id,
    title: action.label[uiLang()],
    gramsCO2e: action.gramsCO2e,
    category: action.kind,
    basis: action.basis,
    source: { title, publisher, year, url },
  };
});

const actionsById = new Map(ACTION_ENTRIES.map((a) => [a.id, a]));
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

const src = (...ids: SourceId[]): Source[] => ids.map((id) => SOURCES[id]);
const count = (table: object): number => Object.keys(table).length;

/** Every factor table in shared/footprint/data, with its unit and sources, titled in the browser's language (read when shown). */
export const FACTOR_TABLES: readonly FactorTable[] = [
  {
    id: 'devices',
    get title() {
      return i18n.t('dashboard.tableDevices');
    },
    get unit() {
      return i18n.t('dashboard.tableDevicesUnit');
    },
    rows: DEVICES.length,
    sources: src('boavizta-2023'),
  },
  {
    id: 'published',
    get title() {
      return i18n.t('dashboard.tablePublished');
    },
    get unit() {
      return i18n.t('dashboard.tablePublishedUnit');
    },
    rows: PUBLISHED.length,
    sources: src('carbon-catalogue-2022'),
  },
  {
    id: 'typical-items',
    get title() {
      return i18n.t('dashboard.tableTypicalItems');
    },
    get unit() {
      return i18n.t('dashboard.tableTypicalItemsUnit');
    },
    rows: count(TYPICAL_ITEMS),
    sources: src('ademe-impactco2'),
  },
  {
    id: 'delivery',
    get title() {
      return i18n.t('dashboard.tableDelivery');
    },
    get unit() {
      return i18n.t('dashboard.tableDeliveryUnit');
    },
    rows: Object.values(PARCEL_KG_CO2E).reduce((n, byWeight) => n + count(byWeight), 0),
    sources: src('ademe-impactco2-delivery'),
  },
  {
    id: 'food-agribalyse',
    get title() {
      return i18n.t('dashboard.tableFoodAgribalyse');
    },
    get unit() {
      return i18n.t('dashboard.tableFoodUnit');
    },
    rows: count(AGRIBALYSE_KG_PER_KG),
    sources: src('agribalyse-3.2'),
  },
  {
    id: 'food-poore-nemecek',
    get title() {
      return i18n.t('dashboard.tableFoodPooreNemecek');
    },
    get unit() {
      return i18n.t('dashboard.tableFoodUnit');
    },
    rows: count(POORE_NEMECEK_KG_PER_KG),
    sources: src('poore-nemecek-2018'),
  },
  {
    id: 'named',
    get title() {
      return i18n.t('dashboard.tableNamed');
    },
    get unit() {
      return i18n.t('dashboard.tablePerKgUnit');
    },
    rows: count(NAMED_KG_PER_KG),
    sources: src('agribalyse-3.2', 'poore-nemecek-2018', 'carbon-ledger-assumption'),
  },
  {
    id: 'materials',
    get title() {
      return i18n.t('dashboard.tableMaterials');
    },
    get unit() {
      return i18n.t('dashboard.tablePerKgUnit');
    },
    rows: count(MATERIAL_KG_PER_KG),
    sources: src('desnz-2025'),
  },
  {
    id: 'freight',
    get title() {
      return i18n.t('dashboard.tableFreight');
    },
    get unit() {
      return i18n.t('dashboard.tableFreightUnit');
    },
    rows: count(FREIGHT_KG_PER_TONNE_KM),
    sources: src('desnz-2025'),
  },
  {
    id: 'grid',
    get title() {
      return i18n.t('dashboard.tableGrid');
    },
    get unit() {
      return i18n.t('dashboard.tableGridUnit');
    },
    rows: count(GRID_G_PER_KWH),
    sources: src('ember-2025'),
  },
  {
    id: 'eeio-kg-per-usd2022',
    get title() {
      return i18n.t('dashboard.tableEeio');
    },
    get unit() {
      return i18n.t('dashboard.tableEeioUnit');
    },
    rows: count(EEIO_KG_PER_USD2022),
    sources: src('epa-supply-chain-v1.3'),
  },
  {
    id: 'fx-units-per-usd',
    get title() {
      return i18n.t('dashboard.tableFx');
    },
    get unit() {
      return i18n.t('dashboard.tableFxUnit');
    },
    rows: Object.values(FX_UNITS_PER_USD).reduce((n, years) => n + count(years), 0),
    sources: src(...FX_SOURCES),
  },
  {
    id: 'us-cpi-u',
    get title() {
      return i18n.t('dashboard.tableCpi');
    },
    get unit() {
      return i18n.t('dashboard.tableCpiUnit');
    },
    rows: count(US_CPI_U),
    sources: src('bls-cpi-u'),
  },
  {
    id: 'calibration',
    get title() {
      return i18n.t('dashboard.tableCalibration');
    },
    get unit() {
      return i18n.t('dashboard.tableCalibrationUnit');
    },
    rows: count(CALIBRATION),
    sources: src('boavizta-2023', 'carbon-catalogue-2022'),
  },
];
