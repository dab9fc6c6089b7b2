// Every publication a factor comes from. Factor rows refer to these by id; a test checks that
// every id used by a table or a category resolves here.

export interface Source {
  title: string;
  publisher: string;
  year: number;
  url: string;
  licence: string;
  /** True when the figure is our own assumption (a typical weight, a lifetime), not a publication. */
  assumption?: boolean;
}

export const SOURCES = {
  'epa-supply-chain-v1.3': {
    title: 'Supply Chain Greenhouse Gas Emission Factors v1.3 by NAICS-6 (kg CO2e per 2022 USD, purchaser price)',
    publisher: 'U.S. EPA Office of Research and Development',
    year: 2024,
    url: 'https://catalog.data.gov/dataset/supply-chain-greenhouse-gas-emission-factors-v1-3-by-naics-6',
    licence: 'US Government work (EPA Science Hub licence)',
  },
  'ecb-fx': {
    title: 'Euro foreign exchange reference rates, annual averages (USD rates derived)',
    publisher: 'European Central Bank',
    year: 2025,
    url: 'https://data.ecb.europa.eu/data/datasets/EXR',
    licence: 'ECB terms of use (not verified for redistribution)',
  },
  'fred-fx': {
    title: 'Foreign exchange rates, annual (H.10 / G.5A)',
    publisher: 'Board of Governors of the Federal Reserve System via FRED',
    year: 2025,
    url: 'https://fred.stlouisfed.org/categories/94',
    licence: 'Public Domain Dedication and License (as republished by datasets/exchange-rates)',
  },
  'bls-cpi-u': {
    title: 'Consumer Price Index for All Urban Consumers (CPI-U), US city average, all items',
    publisher: 'U.S. Bureau of Labor Statistics',
    year: 2026,
    url: 'https://www.bls.gov/cpi/',
    licence: 'US Government work (public domain)',
  },
  'boavizta-2023': {
    title: 'Boavizta product carbon footprint database (manufacturer PCF reports; boavizta-data-us.csv)',
    publisher: 'Boavizta',
    year: 2023,
    url: 'https://github.com/Boavizta/environmental-footprint-data',
    licence: 'ODbL 1.0 (database), DbCL (contents)',
  },
  'carbon-catalogue-2022': {
    title: 'The Carbon Catalogue: carbon footprints of 866 commercial products (Meinrenken et al., Sci Data 9:87)',
    publisher: 'Scientific Data (Springer Nature); company reports to CDP',
    year: 2022,
    url: 'https://doi.org/10.1038/s41597-022-01178-9',
    licence: 'CC BY 4.0 (article); data record as published',
  },
  'ademe-impactco2': {
    title:
      'Impact CO2: footprints of everyday items (ADEME, Modélisation et évaluation environnementale de produits de consommation et biens d’équipement; Base Empreinte)',
    publisher: 'ADEME',
    year: 2025,
    url: 'https://impactco2.fr',
    licence: 'MIT (incubateur-ademe/impactco2 repository)',
  },
  'ademe-impactco2-delivery': {
    title:
      'Impact CO2 delivery: Commerce en ligne, impacts environnementaux de la logistique, des transports et des déplacements',
    publisher: 'ADEME',
    year: 2023,
    url: 'https://impactco2.fr/outils/livraison',
    licence: 'MIT (incubateur-ademe/impactco2 repository)',
  },
  'agribalyse-3.2': {
    title: 'AGRIBALYSE synthèse (food as sold in France, climate change, kg CO2e per kg)',
    publisher: 'ADEME / INRAE',
    year: 2025,
    url: 'https://data.ademe.fr/datasets/agribalyse-31-synthese',
    licence: 'Licence Ouverte / Open Licence (Etalab)',
  },
  'poore-nemecek-2018': {
    title:
      'Reducing food’s environmental impacts through producers and consumers (Science 360:987), via Our World in Data',
    publisher: 'Poore & Nemecek; Our World in Data',
    year: 2018,
    url: 'https://science.sciencemag.org/content/360/6392/987',
    licence: 'cite Poore & Nemecek 2018 and OWID',
  },
  'desnz-2025': {
    title: 'UK Government GHG Conversion Factors for Company Reporting 2025 (material use, freight)',
    publisher: 'UK Department for Energy Security and Net Zero',
    year: 2025,
    url: 'https://www.gov.uk/government/collections/government-conversion-factors-for-company-reporting',
    licence: 'Open Government Licence v3.0',
  },
  'ember-2025': {
    title: 'Yearly electricity data: emissions intensity of generation by country',
    publisher: 'Ember',
    year: 2025,
    url: 'https://ember-climate.org/data/global-electricity/',
    licence: 'CC BY 4.0',
  },
  'alibaba-88-carbon-account': {
    title:
      'Alibaba belohnt Kunden für umweltfreundliche Kaufentscheidungen (88 Carbon Account: 52.7 g for declining single-use items, 37 g for a recycled carton)',
    publisher: 'Alibaba Group 88 Carbon Account / Tmall, as reported in the German trade press (12 Aug 2022)',
    year: 2022,
    url: 'https://www.alibabagroup.com/en-US/esg',
    licence: 'figures cited with attribution',
  },
  'carbon-ledger-assumption': {
    title: 'Carbon Ledger assumption (typical weight, lifetime or share; see docs/methods.md)',
    publisher: 'Carbon Ledger',
    year: 2026,
    url: 'docs/methods.md',
    licence: 'MIT',
    assumption: true,
  },
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;

export const sourceOf = (id: SourceId): Source => SOURCES[id];
