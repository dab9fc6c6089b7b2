// The catalogue of everyday low-carbon actions the ledger offers: each with a stable id, grams of
// CO2e avoided per occurrence, how that figure is made up and its sources. Figures are computed
// from the sourced factor tables, so they change only when the tables do.

import { REFURBISHED_MAKING_SHARE } from './condition.ts';
import { PARCEL_KG_CO2E } from './data/delivery.ts';
import { POORE_NEMECEK_KG_PER_KG } from './data/food.ts';
import { GRID_G_PER_KWH } from './data/grid.ts';
import { TYPICAL_ITEMS } from './data/items.ts';
import { FREIGHT_KG_PER_TONNE_KM, MATERIAL_KG_PER_KG } from './data/materials.ts';
import { NAMED_KG_PER_KG } from './data/named.ts';
import type { SourceId } from './sources.ts';

export type ActionKind = 'shopping' | 'delivery' | 'reuse' | 'food' | 'home-energy' | 'transport' | 'digital';

export interface LowCarbonAction {
  /** Stable: the ledger stores it. Never rename; add a new id instead. */
  id: string;
  kind: ActionKind;
  label: { en: string; de: string; zh: string };
  /** CO2e avoided each time the action is taken. */
  gramsCO2e: number;
  /** How the figure is made up, with the assumptions named. */
  basis: string;
  sources: SourceId[];
}

const parcel = (mode: string, kg: string): number => PARCEL_KG_CO2E[mode]![kg]!;
const poore = (food: string): number => POORE_NEMECEK_KG_PER_KG[food]!.kgPerKg;
const material = (name: string): number => MATERIAL_KG_PER_KG[name]!.kgPerKg;
const item = (slug: string) => TYPICAL_ITEMS[slug]!;
/** World average grid, g per kWh (Ember). */
const WORLD_G_PER_KWH = GRID_G_PER_KWH.WORLD!.gPerKwh;
/** Car, kg CO2e per km: ADEME's 30 km round trip to a shop by car minus the same purchase on foot. */
const CAR_KG_PER_KM = (parcel('magasin', '1') - parcel('magasin-walk', '1')) / 30;
/** Second-hand clothing: share of a new garment's footprint avoided (DESNZ re-use vs primary production). */
export const CLOTHING_REUSE_AVOIDED_SHARE = 1 - MATERIAL_KG_PER_KG.Clothing!.reusedKgPerKg! / material('Clothing');
/** Second-hand wooden furniture: share avoided (DESNZ re-use vs primary production of wood). */
export const WOOD_REUSE_AVOIDED_SHARE = 1 - MATERIAL_KG_PER_KG.Wood!.reusedKgPerKg! / material('Wood');
/**
 * Refurbished electronics: share of the making avoided, the same figure the estimator uses for a
 * refurbished offer (condition.ts: refurbishing adds 13 % of a new one's making, ADEME 2022).
 */
export const REFURBISHED_AVOIDED_SHARE = 1 - REFURBISHED_MAKING_SHARE;
// Portion sizes and everyday quantities below are our assumptions, named in each basis.
const MEAL_KG = 0.15;

const a = (
  id: string,
  kind: ActionKind,
  en: string,
  de: string,
  zh: string,
  kgCO2e: number,
  basis: string,
  sources: SourceId[],
): LowCarbonAction => ({
  id,
  kind,
  label: { en, de, zh },
  gramsCO2e: Math.round(kgCO2e * 1000 * 10) / 10,
  basis,
  sources,
});

const kwh = (kwhSaved: number, what: string): [number, string] => [
  (kwhSaved * WORLD_G_PER_KWH) / 1000,
  `${what}: ${kwhSaved} kWh (our assumption) × ${WORLD_G_PER_KWH} g/kWh world average grid (Ember)`,
];

export const ACTIONS: readonly LowCarbonAction[] = [
  // Shopping and packaging
  a(
    'decline-single-use',
    'shopping',
    'Decline single-use extras (cutlery, bags) with an order',
    'Einwegartikel bei der Bestellung ablehnen',
    '下单时拒绝一次性用品',
    0.0527,
    'Alibaba 88 Carbon Account figure per order',
    ['alibaba-88-carbon-account'],
  ),
  a(
    'recycled-carton',
    'shopping',
    'Choose a recycled shipping carton',
    'Recycelten Versandkarton wählen',
    '选择回收纸箱包装',
    0.037,
    'Alibaba 88 Carbon Account / Tmall figure per parcel',
    ['alibaba-88-carbon-account'],
  ),
  a(
    'own-shopping-bag',
    'shopping',
    'Bring your own bag instead of a new plastic bag',
    'Eigene Tasche statt neuer Plastiktüte',
    '自带购物袋',
    0.02 * material('average plastic film'),
    '20 g plastic film bag (our assumption) × DESNZ plastic film factor',
    ['desnz-2025', 'carbon-ledger-assumption'],
  ),
  a(
    'reuse-shipping-box',
    'shopping',
    'Reuse a shipping box instead of a new one',
    'Versandkarton wiederverwenden',
    '重复使用快递纸箱',
    0.3 * material('board'),
    '300 g carton (our assumption) × DESNZ board factor',
    ['desnz-2025', 'carbon-ledger-assumption'],
  ),
  a(
    'own-cup',
    'shopping',
    'Bring your own cup for a takeaway drink',
    'Eigenen Becher für Coffee-to-go mitbringen',
    '自带杯子买饮品',
    0.012 * material('board'),
    '12 g paper cup (our assumption) × DESNZ board factor',
    ['desnz-2025', 'carbon-ledger-assumption'],
  ),
  a(
    'skip-impulse-tshirt',
    'shopping',
    'Skip an impulse buy: one T-shirt not bought',
    'Einen Spontankauf auslassen: ein T-Shirt',
    '不冲动购买一件T恤',
    item('tshirtencoton').kgMaking,
    'ADEME Impact CO2: making a cotton T-shirt',
    ['ademe-impactco2'],
  ),
  // Delivery
  a(
    'pickup-point-walk',
    'delivery',
    'Collect at a pickup point on foot instead of home delivery',
    'Zu Fuß an der Packstation abholen statt Hauslieferung',
    '步行到自提点取件',
    parcel('livraisondomicile', '1') - parcel('pointrelais-walk', '1'),
    'ADEME: 1 kg parcel, home delivery minus pickup point reached on foot',
    ['ademe-impactco2-delivery'],
  ),
  a(
    'pickup-point-not-store-drive',
    'delivery',
    'Use a nearby pickup point instead of driving to a shop',
    'Packstation in der Nähe statt Autofahrt zum Laden',
    '用附近自提点代替开车去商店',
    parcel('magasin', '1') - parcel('pointrelais', '1'),
    'ADEME: 1 kg purchase, 30 km car trip to a shop minus 7 km car trip to a pickup point',
    ['ademe-impactco2-delivery'],
  ),
  a(
    'walk-to-shop',
    'delivery',
    'Walk to the shop instead of driving',
    'Zu Fuß statt mit dem Auto einkaufen',
    '步行去商店购物',
    parcel('magasin', '1') - parcel('magasin-walk', '1'),
    'ADEME: 1 kg purchase in a shop, 30 km round trip by car vs on foot',
    ['ademe-impactco2-delivery'],
  ),
  a(
    'consolidate-delivery',
    'delivery',
    'Combine two orders into one delivery',
    'Zwei Bestellungen in einer Lieferung bündeln',
    '合并订单一次配送',
    2 * parcel('livraisondomicile', '1') - parcel('livraisondomicile', '2'),
    'ADEME: two 1 kg home deliveries minus one 2 kg delivery',
    ['ademe-impactco2-delivery'],
  ),
  a(
    'slow-shipping-not-air',
    'delivery',
    'Choose slow shipping by sea instead of air freight (1 kg from overseas)',
    'Langsamen Seeversand statt Luftfracht wählen (1 kg aus Übersee)',
    '选择海运慢递代替空运（1 kg 跨境包裹）',
    0.001 *
      10000 *
      (FREIGHT_KG_PER_TONNE_KM['air-long-haul']!.kgPerTonneKm -
        FREIGHT_KG_PER_TONNE_KM['container-ship']!.kgPerTonneKm),
    'DESNZ: 1 kg over 10,000 km (our assumption), long-haul air freight (with radiative forcing) minus container ship',
    ['desnz-2025', 'carbon-ledger-assumption'],
  ),
  a(
    'electric-van-delivery',
    'delivery',
    'Pick the electric-van delivery slot (1 kg, 20 km round)',
    'Lieferfenster mit E-Transporter wählen (1 kg, 20 km)',
    '选择电动车配送（1 kg，20 公里）',
    0.001 *
      20 *
      (FREIGHT_KG_PER_TONNE_KM['van-diesel']!.kgPerTonneKm - FREIGHT_KG_PER_TONNE_KM['van-electric']!.kgPerTonneKm),
    'DESNZ: 1 kg × 20 km (our assumption), average diesel van minus battery-electric van',
    ['desnz-2025', 'carbon-ledger-assumption'],
  ),
  a(
    'avoid-return',
    'delivery',
    'Check the size and avoid a return shipment',
    'Größe prüfen und Rücksendung vermeiden',
    '仔细核对尺码避免退货',
    parcel('livraisondomicile', '1'),
    'ADEME: one 1 kg parcel carried back (as a home delivery)',
    ['ademe-impactco2-delivery'],
  ),
  // Reuse and second-hand
  a(
    'second-hand-jeans',
    'reuse',
    'Buy jeans second-hand',
    'Jeans gebraucht kaufen',
    '购买二手牛仔裤',
    item('jeans').kgMaking * CLOTHING_REUSE_AVOIDED_SHARE,
    'ADEME making of jeans × share avoided by re-use (DESNZ clothing re-use vs primary)',
    ['ademe-impactco2', 'desnz-2025'],
  ),
  a(
    'second-hand-tshirt',
    'reuse',
    'Buy a T-shirt second-hand',
    'T-Shirt gebraucht kaufen',
    '购买二手T恤',
    item('tshirtencoton').kgMaking * CLOTHING_REUSE_AVOIDED_SHARE,
    'ADEME making of a cotton T-shirt × DESNZ re-use share',
    ['ademe-impactco2', 'desnz-2025'],
  ),
  a(
    'second-hand-coat',
    'reuse',
    'Buy a coat second-hand',
    'Mantel gebraucht kaufen',
    '购买二手大衣',
    item('manteau').kgMaking * CLOTHING_REUSE_AVOIDED_SHARE,
    'ADEME making of a coat × DESNZ re-use share',
    ['ademe-impactco2', 'desnz-2025'],
  ),
  a(
    'second-hand-sweater',
    'reuse',
    'Buy a wool sweater second-hand',
    'Wollpullover gebraucht kaufen',
    '购买二手羊毛衫',
    item('pullenlaine').kgMaking * CLOTHING_REUSE_AVOIDED_SHARE,
    'ADEME making of a wool sweater × DESNZ re-use share',
    ['ademe-impactco2', 'desnz-2025'],
  ),
  a(
    'second-hand-shoes',
    'reuse',
    'Buy shoes second-hand',
    'Schuhe gebraucht kaufen',
    '购买二手鞋',
    item('chaussuresdesport').kgMaking * CLOTHING_REUSE_AVOIDED_SHARE,
    'ADEME making of sports shoes × DESNZ clothing re-use share (our proxy for shoes)',
    ['ademe-impactco2', 'desnz-2025', 'carbon-ledger-assumption'],
  ),
  a(
    'refurbished-phone',
    'reuse',
    'Buy a refurbished smartphone',
    'Generalüberholtes Smartphone kaufen',
    '购买官翻手机',
    item('smartphone').kgMaking * REFURBISHED_AVOIDED_SHARE,
    'ADEME making of a smartphone × 87 % avoided (ADEME 2022: refurbishing adds 13 % of making)',
    ['ademe-impactco2', 'ademe-refurbished-2022'],
  ),
  a(
    'refurbished-laptop',
    'reuse',
    'Buy a refurbished laptop',
    'Generalüberholten Laptop kaufen',
    '购买翻新笔记本电脑',
    item('ordinateurportable').kgMaking * REFURBISHED_AVOIDED_SHARE,
    'ADEME making of a laptop × 87 % avoided (ADEME 2022: refurbishing adds 13 % of making)',
    ['ademe-impactco2', 'ademe-refurbished-2022'],
  ),
  a(
    'refurbished-tablet',
    'reuse',
    'Buy a refurbished tablet',
    'Generalüberholtes Tablet kaufen',
    '购买翻新平板',
    item('tabletteclassique').kgMaking * REFURBISHED_AVOIDED_SHARE,
    'ADEME making of a tablet × 87 % avoided (ADEME 2022: refurbishing adds 13 % of making)',
    ['ademe-impactco2', 'ademe-refurbished-2022'],
  ),
  a(
    'second-hand-chair',
    'reuse',
    'Buy a wooden chair second-hand',
    'Holzstuhl gebraucht kaufen',
    '购买二手木椅',
    item('chaiseenbois').kgMaking * WOOD_REUSE_AVOIDED_SHARE,
    'ADEME making of a wooden chair × DESNZ wood re-use share',
    ['ademe-impactco2', 'desnz-2025'],
  ),
  a(
    'second-hand-table',
    'reuse',
    'Buy a wooden table second-hand',
    'Holztisch gebraucht kaufen',
    '购买二手木桌',
    item('tableenbois').kgMaking * WOOD_REUSE_AVOIDED_SHARE,
    'ADEME making of a wooden table × DESNZ wood re-use share',
    ['ademe-impactco2', 'desnz-2025'],
  ),
  a(
    'sell-clothes-second-hand',
    'reuse',
    'Sell a garment you no longer wear (e.g. on Idle Fish)',
    'Nicht getragene Kleidung weiterverkaufen',
    '在闲鱼上卖掉闲置衣物',
    item('tshirtencoton').kgMaking * CLOTHING_REUSE_AVOIDED_SHARE,
    'a T-shirt someone buys from you instead of new: ADEME making × DESNZ re-use share',
    ['ademe-impactco2', 'desnz-2025', 'alibaba-88-carbon-account'],
  ),
  a(
    'sell-phone-second-hand',
    'reuse',
    'Sell or pass on your old smartphone',
    'Altes Smartphone verkaufen oder weitergeben',
    '转卖旧手机',
    item('smartphone').kgMaking * REFURBISHED_AVOIDED_SHARE,
    'a phone someone uses instead of a new one (our assumption): ADEME making × 87 % avoided (ADEME 2022)',
    ['ademe-impactco2', 'ademe-refurbished-2022', 'carbon-ledger-assumption'],
  ),
  a(
    'repair-phone',
    'reuse',
    'Repair your phone and keep it a year longer',
    'Handy reparieren und ein Jahr länger nutzen',
    '修手机多用一年',
    item('smartphone').kgMaking / item('smartphone').years,
    'ADEME making of a smartphone spread over its default use years: one year of it',
    ['ademe-impactco2'],
  ),
  a(
    'keep-laptop-longer',
    'reuse',
    'Keep your laptop a year longer',
    'Laptop ein Jahr länger nutzen',
    '笔记本电脑多用一年',
    item('ordinateurportable').kgMaking / item('ordinateurportable').years,
    'ADEME making of a laptop spread over its default use years: one year of it',
    ['ademe-impactco2'],
  ),
  // Food
  a(
    'chicken-not-beef',
    'food',
    'Chicken instead of beef for one meal',
    'Hähnchen statt Rind für eine Mahlzeit',
    '一餐用鸡肉代替牛肉',
    MEAL_KG * (poore('Beef (beef herd)') - poore('Poultry Meat')),
    '150 g portion (our assumption) × Poore & Nemecek beef minus poultry',
    ['poore-nemecek-2018', 'carbon-ledger-assumption'],
  ),
  a(
    'pulses-not-beef',
    'food',
    'Beans or lentils instead of beef for one meal',
    'Hülsenfrüchte statt Rind für eine Mahlzeit',
    '一餐用豆类代替牛肉',
    MEAL_KG * (poore('Beef (beef herd)') - poore('Other Pulses')),
    '150 g portion × Poore & Nemecek beef minus pulses',
    ['poore-nemecek-2018', 'carbon-ledger-assumption'],
  ),
  a(
    'tofu-not-pork',
    'food',
    'Tofu instead of pork for one meal',
    'Tofu statt Schwein für eine Mahlzeit',
    '一餐用豆腐代替猪肉',
    MEAL_KG * (poore('Pig Meat') - poore('Tofu')),
    '150 g portion × Poore & Nemecek pig meat minus tofu',
    ['poore-nemecek-2018', 'carbon-ledger-assumption'],
  ),
  a(
    'tofu-not-chicken',
    'food',
    'Tofu instead of chicken for one meal',
    'Tofu statt Hähnchen für eine Mahlzeit',
    '一餐用豆腐代替鸡肉',
    MEAL_KG * (poore('Poultry Meat') - poore('Tofu')),
    '150 g portion × Poore & Nemecek poultry minus tofu',
    ['poore-nemecek-2018', 'carbon-ledger-assumption'],
  ),
  a(
    'plant-milk-litre',
    'food',
    'A litre of soy drink instead of cow’s milk',
    'Ein Liter Sojadrink statt Kuhmilch',
    '一升豆奶代替牛奶',
    poore('Milk') - poore('Soy milk'),
    'Poore & Nemecek per kg: milk minus soy milk',
    ['poore-nemecek-2018'],
  ),
  a(
    'less-cheese',
    'food',
    'Skip 50 g of cheese',
    '50 g Käse weglassen',
    '少吃50克奶酪',
    0.05 * poore('Cheese'),
    '50 g × Poore & Nemecek cheese',
    ['poore-nemecek-2018'],
  ),
  a(
    'no-food-waste',
    'food',
    'Use up 500 g of food instead of throwing it away',
    '500 g Lebensmittel aufbrauchen statt wegwerfen',
    '吃完500克食物不浪费',
    0.5 * material('Food and drink'),
    '500 g × DESNZ average food and drink factor',
    ['desnz-2025'],
  ),
  a(
    'tap-water-not-bottled',
    'food',
    'Tap water instead of a 1.5 L bottle',
    'Leitungswasser statt 1,5-L-Flasche',
    '喝自来水代替一瓶1.5升瓶装水',
    1.5 * NAMED_KG_PER_KG.water!.kgPerKg,
    'Agribalyse bottled water × 1.5 kg (tap water is about a thousandth of it)',
    ['agribalyse-3.2'],
  ),
  a(
    'rice-to-potatoes',
    'food',
    'Potatoes instead of rice for one meal',
    'Kartoffeln statt Reis für eine Mahlzeit',
    '一餐用土豆代替米饭',
    0.1 * (poore('Rice') - poore('Potatoes')),
    '100 g dry rice vs 100 g potatoes (our assumption) × Poore & Nemecek',
    ['poore-nemecek-2018', 'carbon-ledger-assumption'],
  ),
  // Home energy
  a(
    'line-dry-laundry',
    'home-energy',
    'Line-dry a load instead of using the dryer',
    'Wäsche an der Leine statt im Trockner trocknen',
    '晾干衣服不用烘干机',
    ...kwh(2.5, 'one dryer cycle'),
    ['ember-2025', 'carbon-ledger-assumption'],
  ),
  a(
    'wash-30-degrees',
    'home-energy',
    'Wash at 30 °C instead of 60 °C',
    'Bei 30 °C statt 60 °C waschen',
    '用30度代替60度洗衣',
    ...kwh(0.6, 'heating less water'),
    ['ember-2025', 'carbon-ledger-assumption'],
  ),
  a(
    'full-dishwasher',
    'home-energy',
    'Run the dishwasher only when full',
    'Geschirrspüler nur voll laufen lassen',
    '洗碗机装满再洗',
    ...kwh(1, 'one half-empty cycle avoided'),
    ['ember-2025', 'carbon-ledger-assumption'],
  ),
  a(
    'standby-off-day',
    'home-energy',
    'Switch devices off at the plug for a day',
    'Geräte einen Tag lang ganz ausschalten',
    '关闭待机电源一天',
    ...kwh(0.2, 'standby of a household for a day'),
    ['ember-2025', 'carbon-ledger-assumption'],
  ),
  a(
    'shorter-shower',
    'home-energy',
    'Take a 2-minute shorter shower (electric water heating)',
    'Zwei Minuten kürzer duschen (elektrisches Warmwasser)',
    '淋浴少两分钟（电热水器）',
    ...kwh(0.6, '2 minutes of hot water'),
    ['ember-2025', 'carbon-ledger-assumption'],
  ),
  a(
    'kettle-only-needed',
    'home-energy',
    'Boil only the water you need',
    'Nur so viel Wasser kochen wie nötig',
    '只烧需要的水量',
    ...kwh(0.05, 'one kettle of extra water'),
    ['ember-2025', 'carbon-ledger-assumption'],
  ),
  a(
    'led-evening',
    'home-energy',
    'Light an evening with LED instead of a halogen bulb',
    'Einen Abend LED statt Halogen',
    '用LED灯代替卤素灯照明一晚',
    ...kwh(0.2, '5 h × 40 W difference'),
    ['ember-2025', 'carbon-ledger-assumption'],
  ),
  // Transport
  a(
    'cycle-5km',
    'transport',
    'Cycle 5 km instead of driving',
    '5 km Rad statt Auto',
    '骑车5公里代替开车',
    5 * CAR_KG_PER_KM,
    `5 km × ${Math.round(CAR_KG_PER_KM * 1000)} g/km car (ADEME trip figure)`,
    ['ademe-impactco2-delivery'],
  ),
  a(
    'walk-2km',
    'transport',
    'Walk 2 km instead of driving',
    '2 km zu Fuß statt Auto',
    '步行2公里代替开车',
    2 * CAR_KG_PER_KM,
    '2 km × ADEME car figure per km',
    ['ademe-impactco2-delivery'],
  ),
  a(
    'car-share-20km',
    'transport',
    'Share a 20 km car trip with one more person',
    '20 km Autofahrt teilen (Mitfahrer)',
    '拼车20公里',
    10 * CAR_KG_PER_KM,
    'half of 20 km × ADEME car figure per km',
    ['ademe-impactco2-delivery'],
  ),
  a(
    'work-from-home',
    'transport',
    'Work from home instead of a 20 km car commute',
    'Homeoffice statt 20 km Autopendeln',
    '居家办公免去20公里通勤',
    20 * CAR_KG_PER_KM,
    '20 km round trip (our assumption) × ADEME car figure per km',
    ['ademe-impactco2-delivery', 'carbon-ledger-assumption'],
  ),
  a(
    'combine-errands',
    'transport',
    'Combine errands and save a 10 km drive',
    'Besorgungen bündeln und 10 km Fahrt sparen',
    '合并出行少开10公里',
    10 * CAR_KG_PER_KM,
    '10 km × ADEME car figure per km',
    ['ademe-impactco2-delivery'],
  ),
  // Digital
  a(
    'keep-tv-longer',
    'digital',
    'Keep your TV a year longer',
    'Fernseher ein Jahr länger nutzen',
    '电视多用一年',
    item('television').kgMaking / item('television').years,
    'ADEME making of a TV spread over its default use years: one year',
    ['ademe-impactco2'],
  ),
];
