// Every publication a factor comes from. Factor rows refer to these by id; a test checks that
// every id used resolves here.

export interface Source {
  title: string;
  publisher: string;
  year: number;
  url: string;
  licence: string;
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
} as const satisfies Record<string, Source>;

export type SourceId = keyof typeof SOURCES;
