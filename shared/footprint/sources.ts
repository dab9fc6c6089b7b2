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
  'usd-pegs': {
    title:
      'Official US dollar pegs: SAR 3.75 (since 1986), AED 3.6725 (1997), QAR 3.64 (2001), BHD 0.376 (2001), OMR 0.3845 (1986), JOD 0.709 (1995) per USD',
    publisher: 'IMF, Annual Report on Exchange Arrangements and Exchange Restrictions; the issuing central banks',
    year: 2024,
    url: 'https://www.imf.org/en/Publications/Annual-Report-on-Exchange-Arrangements-and-Exchange-Restrictions',
    licence: 'Facts (fixed official rates), stated by the issuers',
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
  'eu-label-refrigerators-2019-2016': {
    title:
      'Commission Delegated Regulation (EU) 2019/2016: energy labelling of refrigerating appliances (annual energy consumption in kWh/annum on the label)',
    publisher: 'European Commission',
    year: 2019,
    url: 'https://eur-lex.europa.eu/eli/reg_del/2019/2016/oj',
    licence: 'EU legal act (reuse authorised, Commission Decision 2011/833/EU)',
  },
  'eu-label-washing-2019-2014': {
    title:
      'Commission Delegated Regulation (EU) 2019/2014: energy labelling of household washing machines (kWh per 100 cycles, eco 40-60 programme)',
    publisher: 'European Commission',
    year: 2019,
    url: 'https://eur-lex.europa.eu/eli/reg_del/2019/2014/oj',
    licence: 'EU legal act (reuse authorised, Commission Decision 2011/833/EU)',
  },
  'eu-label-dishwashers-2019-2017': {
    title:
      'Commission Delegated Regulation (EU) 2019/2017: energy labelling of household dishwashers (kWh per 100 cycles, eco programme)',
    publisher: 'European Commission',
    year: 2019,
    url: 'https://eur-lex.europa.eu/eli/reg_del/2019/2017/oj',
    licence: 'EU legal act (reuse authorised, Commission Decision 2011/833/EU)',
  },
  'eu-label-dryers-392-2012': {
    title:
      'Commission Delegated Regulation (EU) No 392/2012: energy labelling of household tumble driers (weighted annual energy consumption, 160 drying cycles a year)',
    publisher: 'European Commission',
    year: 2012,
    url: 'https://eur-lex.europa.eu/eli/reg_del/2012/392/oj',
    licence: 'EU legal act (reuse authorised, Commission Decision 2011/833/EU)',
  },
  'eu-label-displays-2019-2013': {
    title:
      'Commission Delegated Regulation (EU) 2019/2013: energy labelling of electronic displays (on-mode power; 4 hours a day for the annual figure)',
    publisher: 'European Commission',
    year: 2019,
    url: 'https://eur-lex.europa.eu/eli/reg_del/2019/2013/oj',
    licence: 'EU legal act (reuse authorised, Commission Decision 2011/833/EU)',
  },
  'eu-label-lamps-2019-2015': {
    title:
      'Commission Delegated Regulation (EU) 2019/2015: energy labelling of light sources (kWh per 1000 hours of use)',
    publisher: 'European Commission',
    year: 2019,
    url: 'https://eur-lex.europa.eu/eli/reg_del/2019/2015/oj',
    licence: 'EU legal act (reuse authorised, Commission Decision 2011/833/EU)',
  },
  'eu-label-ovens-65-2014': {
    title:
      'Commission Delegated Regulation (EU) No 65/2014: energy labelling of domestic ovens (energy consumption per cycle, kWh)',
    publisher: 'European Commission',
    year: 2014,
    url: 'https://eur-lex.europa.eu/eli/reg_del/2014/65/oj',
    licence: 'EU legal act (reuse authorised, Commission Decision 2011/833/EU)',
  },
  'eu-ecodesign-vacuum-666-2013': {
    title:
      'Commission Regulation (EU) No 666/2013: ecodesign requirements for vacuum cleaners (annual energy consumption below 43 kWh/year from September 2017)',
    publisher: 'European Commission',
    year: 2013,
    url: 'https://eur-lex.europa.eu/eli/reg/2013/666/oj',
    licence: 'EU legal act (reuse authorised, Commission Decision 2011/833/EU)',
  },
  'eu-ecodesign-standby-801-2013': {
    title:
      'Commission Regulation (EU) No 801/2013: standby and off mode, networked standby; power management of domestic coffee machines (switch-off after 5 to 60 minutes)',
    publisher: 'European Commission',
    year: 2013,
    url: 'https://eur-lex.europa.eu/eli/reg/2013/801/oj',
    licence: 'EU legal act (reuse authorised, Commission Decision 2011/833/EU)',
  },
  'eu-ecodesign-coffee-lot25': {
    title:
      'Preparatory Studies for Ecodesign Requirements of EuPs, Lot 25: Non-tertiary coffee machines (BIO Intelligence Service for DG ENER); with Topten/SFOE label results: household coffee machines fell from 180 kWh a year (2006) to below 50 kWh for efficient models (2018)',
    publisher: 'European Commission DG ENER; Topten (eceee Summer Study 2021, paper 9-023-21)',
    year: 2021,
    url: 'https://energy-efficient-products.ec.europa.eu/ecodesign-and-energy-label_en',
    licence: 'figures cited with attribution',
  },
  'eu-ecodesign-kettles': {
    title:
      'Electric Kettles: An Assessment of Energy-Saving Potentials for Policy Making in the European Union (Ecodesign preparatory study on kettles; EU kettles used 20 to 33 TWh in 2012)',
    publisher: 'Fraunhofer ISI and the Swedish Energy Agency, Sustainability 14:12963',
    year: 2022,
    url: 'https://doi.org/10.3390/su142012963',
    licence: 'CC BY 4.0',
  },
  'energy-star-computers': {
    title:
      'ENERGY STAR Program Requirements for Computers, Version 8 (typical energy consumption, TEC: a weighted mix of off, sleep and idle hours)',
    publisher: 'U.S. Environmental Protection Agency',
    year: 2020,
    url: 'https://www.energystar.gov/products/computers',
    licence: 'US Government work (public domain)',
  },
  'energy-star-displays': {
    title: 'ENERGY STAR Program Requirements for Displays, Version 8 (on-mode and sleep power)',
    publisher: 'U.S. Environmental Protection Agency',
    year: 2019,
    url: 'https://www.energystar.gov/products/monitors',
    licence: 'US Government work (public domain)',
  },
  'decc-powering-the-nation-2': {
    title:
      'Powering the Nation 2: electricity use in homes (Household Electricity Survey; space heating by plug-in heaters, kettles, standby)',
    publisher: 'UK Department of Energy and Climate Change, Defra and the Energy Saving Trust',
    year: 2014,
    url: 'https://www.gov.uk/government/publications/household-electricity-survey--2',
    licence: 'Open Government Licence v3.0',
  },
  'ademe-refurbished-2022': {
    title:
      'Évaluation de l’impact environnemental d’un ensemble de produits reconditionnés (a refurbished smartphone: climate change impact per year of use 87 % lower than a new one)',
    publisher: 'ADEME',
    year: 2022,
    url: 'https://librairie.ademe.fr/',
    licence: 'figures cited with attribution',
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
