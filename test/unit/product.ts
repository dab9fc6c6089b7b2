// A product as a shop page gives it, for tests of the estimator: only the title is required.

import type { Product } from '../../shared/product.ts';

export const product = (fields: Partial<Product> & { title: string }): Product => ({
  price: null,
  brand: null,
  category: [],
  gtin: null,
  url: 'https://shop.example/p',
  ...fields,
});
