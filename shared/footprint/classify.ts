// A first classifier: maps a product to a spend category by keywords in its category trail
// and title (English, German, Chinese). Unknown products stay unknown, with low confidence.

import type { Product } from '../product.ts';

export interface SpendCategory {
  id: string;
  label: string;
  /** 2017 NAICS commodity whose EPA supply-chain factor applies. */
  naics: string;
  keywords: RegExp;
}

// Ordered: the first match wins, so narrower categories come before broader ones.
export const SPEND_CATEGORIES: readonly SpendCategory[] = [
  {
    id: 'laptops-computers',
    label: 'Computers',
    naics: '334111',
    keywords: /\b(laptop|notebook|desktop pc|computer|macbook|chromebook)\b|笔记本电脑|电脑/i,
  },
  {
    id: 'phones',
    label: 'Phones and wireless devices',
    naics: '334220',
    keywords: /\b(smartphone|phone|handy|doorbell|router)\b|手机/i,
  },
  {
    id: 'audio-video',
    label: 'Audio and video',
    naics: '334310',
    keywords: /\b(headphones?|speaker|tv|television|fernseher|kopfhörer|lautsprecher)\b|耳机|电视/i,
  },
  {
    id: 'peripherals',
    label: 'Computer peripherals',
    naics: '334118',
    keywords: /\b(monitor|printer|keyboard|mouse|drucker|tastatur)\b|显示器|打印机/i,
  },
  {
    id: 'major-appliances',
    label: 'Major appliances',
    naics: '335220',
    keywords:
      /\b(washing machine|dryer|fridge|refrigerator|dishwasher|waschmaschine|trockner|kühlschrank|geschirrspüler)\b|洗衣机|冰箱/i,
  },
  {
    id: 'small-appliances',
    label: 'Small appliances',
    naics: '335210',
    keywords:
      /\b(kettle|toaster|blender|vacuum|hair ?dryer|coffee maker|wasserkocher|staubsauger|mixer)\b|吸尘器|电水壶/i,
  },
  {
    id: 'lighting',
    label: 'Lighting',
    naics: '335121',
    keywords: /\b(lamp|light|lighting|sconce|lampe|leuchte)\b|台灯|灯/i,
  },
  { id: 'mattresses', label: 'Mattresses', naics: '337910', keywords: /\b(mattress|matratze)\b|床垫/i },
  {
    id: 'upholstered-furniture',
    label: 'Upholstered furniture',
    naics: '337121',
    keywords: /\b(sofa|couch|armchair|sessel)\b|沙发/i,
  },
  {
    id: 'furniture',
    label: 'Furniture',
    naics: '337122',
    keywords:
      /\b(table|chair|desk|shelf|shelving|cabinet|wardrobe|bed|furniture|tisch|stuhl|regal|möbel)\b|桌|椅|家具/i,
  },
  {
    id: 'footwear',
    label: 'Footwear',
    naics: '316210',
    keywords: /\b(shoes?|boots?|sneakers?|sandals?|schuhe?|stiefel)\b|鞋/i,
  },
  {
    id: 'apparel',
    label: 'Clothing',
    naics: '315280',
    keywords:
      /\b(shirt|t-shirt|jeans|trousers|dress|jacket|coat|sweater|hoodie|clothing|hose|jacke|kleid|bekleidung)\b|衣|裤|裙/i,
  },
  {
    id: 'bags-accessories',
    label: 'Bags and accessories',
    naics: '315990',
    keywords: /\b(bag|duffle|backpack|belt|scarf|tasche|rucksack)\b|包/i,
  },
  {
    id: 'linen',
    label: 'Home textiles',
    naics: '314120',
    keywords: /\b(curtain|towel|bedding|duvet|sheet|vorhang|handtuch|bettwäsche)\b|窗帘|毛巾/i,
  },
  {
    id: 'cookware',
    label: 'Cookware and cutlery',
    naics: '332215',
    keywords: /\b(pan|pans|pot|cookware|cutlery|knife|slicer|pfanne|topf|besteck)\b|锅|刀/i,
  },
  {
    id: 'toiletries',
    label: 'Beauty and toiletries',
    naics: '325620',
    keywords: /\b(shampoo|cosmetic|perfume|lotion|cream|makeup|kosmetik)\b|化妆品|洗发水/i,
  },
  {
    id: 'sanitary-paper',
    label: 'Tissue and paper towels',
    naics: '322291',
    keywords: /\b(toilet paper|tissues?|paper towels?|nappies|diapers|windeln)\b|纸巾/i,
  },
  {
    id: 'toys',
    label: 'Toys and games',
    naics: '339930',
    keywords: /\b(toy|toys|lego|puzzle|game|doll|spielzeug|spiel)\b|玩具/i,
  },
  {
    id: 'sporting-goods',
    label: 'Sports equipment',
    naics: '339920',
    keywords: /\b(bike|bicycle|yoga|fitness|tennis|football|golf|sport)\b|运动/i,
  },
  {
    id: 'office-supplies',
    label: 'Office supplies',
    naics: '339940',
    keywords: /\b(pens?|markers?|stationery|stift|filzstift)\b|笔/i,
  },
  {
    id: 'books',
    label: 'Books',
    naics: '511130',
    keywords: /\b(book|books|paperback|hardcover|kindle|buch|bücher)\b|书/i,
  },
  { id: 'snacks', label: 'Snacks', naics: '311919', keywords: /\b(chips|crisps|snack|nuts)\b|零食/i },
  { id: 'cereal', label: 'Breakfast cereal', naics: '311230', keywords: /\b(cereal|muesli|müsli|granola)\b|麦片/i },
  { id: 'beer', label: 'Beer', naics: '312120', keywords: /\b(beer|bier|ale|lager)\b|啤酒/i },
  {
    id: 'plastics',
    label: 'Plastic household goods',
    naics: '326199',
    keywords: /\b(plastic|storage box|tape|kunststoff)\b|塑料/i,
  },
];

export const UNKNOWN_CATEGORY: SpendCategory = {
  id: 'unknown',
  label: 'Unknown (all other manufactured goods)',
  naics: '339999',
  keywords: /$^/,
};

export interface Classification {
  category: SpendCategory;
  /** 0–1: how sure we are of the category. */
  confidence: number;
}

export function classifyProduct(product: Pick<Product, 'title' | 'category'>): Classification {
  const trail = product.category.join(' > ');
  // The category trail is the shop's own statement, so it outranks words in the title.
  for (const [text, confidence] of [
    [trail, 0.8],
    [product.title, 0.6],
  ] as const) {
    if (!text) continue;
    const match = SPEND_CATEGORIES.find((c) => c.keywords.test(text));
    if (match) return { category: match, confidence };
  }
  return { category: UNKNOWN_CATEGORY, confidence: 0.1 };
}
