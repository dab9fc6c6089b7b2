// One walk over the page that sorts out the few kinds of elements extraction looks at, so the
// readers do not each scan the whole tree (on a big shop page every selector query is a full
// scan). Script, style and SVG bodies are not descended into.

export interface PageIndex {
  doc: Document;
  /** Each element's position in document order. */
  order: Map<Element, number>;
  /** Every element in document order (script and style bodies excluded). */
  elements: Element[];
  /** Elements by id, first occurrence (getElementById is a full scan in some DOM libraries). */
  ids: Map<string, Element>;
  headings: Element[];
  jsonLdScripts: Element[];
  /** meta property/name/itemprop → content, first occurrence wins. */
  metas: Map<string, string>;
  /** Elements with itemprop (microdata) or property (RDFa). */
  props: Element[];
  /** Elements that open a microdata/RDFa item (itemtype or typeof). */
  scopes: Element[];
  /** Elements whose class, id or test id speaks of a price. */
  priced: Element[];
  /** Elements whose class, id, test id or label speaks of a breadcrumb. */
  crumbs: Element[];
  /** Elements whose class, id or test id speaks of a brand. */
  branded: Element[];
  /** Table header/label cells and list items, where specification rows live. */
  specCells: Element[];
  /** Elements with a class, with their first class name, for finding repeated listing tiles. */
  classed: { el: Element; cls: string }[];
  /** Elements carrying a listing-item data attribute (data-asin, data-listingid, ...). */
  tiles: Element[];
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'SVG', 'svg', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'PATH']);
const MAX_ELEMENTS = 120_000;
const PRICE = /price|preis|prix|precio|prezzo/i;
const CRUMB = /crumb/i;
const BRAND = /brand|byline|marke/i;
const TILE_ATTRS = new Set([
  'data-listingid',
  'data-asin',
  'data-product-id',
  'data-productid',
  'data-sku',
  'data-item-id',
  'data-id',
]);

export function indexPage(doc: Document): PageIndex {
  const index: PageIndex = {
    doc,
    order: new Map(),
    elements: [],
    ids: new Map(),
    headings: [],
    jsonLdScripts: [],
    metas: new Map(),
    props: [],
    scopes: [],
    priced: [],
    crumbs: [],
    branded: [],
    specCells: [],
    classed: [],
    tiles: [],
  };
  const root = doc.documentElement;
  if (!root) return index;
  let position = 0;
  // Pre-order walk by first child and next sibling: cheap in every DOM implementation.
  let el: Element | null = root;
  while (el && position < MAX_ELEMENTS) {
    index.order.set(el, position++);
    index.elements.push(el);
    const tag: string = el.tagName;
    if (tag === 'H1') index.headings.push(el);
    else if (tag === 'TH' || tag === 'DT' || tag === 'LI' || tag === 'TD') index.specCells.push(el);
    else if (tag === 'SCRIPT') {
      if (/ld\+json/i.test(el.getAttribute('type') ?? '')) index.jsonLdScripts.push(el);
    } else if (tag === 'META') {
      const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
      const content = el.getAttribute('content');
      if (key && content && !index.metas.has(key.toLowerCase())) index.metas.set(key.toLowerCase(), content.trim());
    }
    readAttributes(el, index);
    const child: Element | null = SKIP.has(tag) ? null : el.firstElementChild;
    if (child) {
      el = child;
      continue;
    }
    while (el && el !== root && !el.nextElementSibling) el = el.parentElement;
    el = !el || el === root ? null : el.nextElementSibling;
  }
  return index;
}

function readAttributes(el: Element, index: PageIndex): void {
  if (!el.hasAttributes()) return;
  let priced = false;
  let crumb = false;
  let brand = false;
  const names = el.getAttributeNames();
  for (let i = 0; i < names.length && i < 30; i++) {
    const name = names[i]!;
    if (name === 'class') {
      // getAttributeNode avoids a class-list round trip in some DOM libraries (linkedom).
      const value = el.getAttributeNode(name)?.value ?? '';
      const cls = value.trim();
      if (cls) index.classed.push({ el, cls: cls.split(/\s+/, 1)[0] ?? '' });
      priced ||= PRICE.test(value);
      crumb ||= CRUMB.test(value);
      brand ||= BRAND.test(value);
    } else if (name === 'id') {
      const value = el.getAttribute(name) ?? '';
      if (!index.ids.has(value)) index.ids.set(value, el);
      priced ||= PRICE.test(value);
      crumb ||= CRUMB.test(value);
      brand ||= BRAND.test(value);
    } else if (name === 'data-testid' || name === 'data-test' || name === 'data-automation' || name === 'data-seo-id') {
      const value = el.getAttribute(name) ?? '';
      priced ||= PRICE.test(value);
      crumb ||= CRUMB.test(value);
      brand ||= BRAND.test(value);
    } else if (name === 'aria-label') {
      crumb ||= CRUMB.test(el.getAttribute(name) ?? '');
    } else if (name === 'itemprop' || (name === 'property' && el.tagName !== 'META')) {
      const value = el.getAttribute(name) ?? '';
      index.props.push(el);
      priced ||= /\bprice\b/i.test(value);
      brand ||= /\bbrand\b/i.test(value);
    } else if (name === 'itemtype' || name === 'typeof') {
      index.scopes.push(el);
      crumb ||= /Breadcrumb/i.test(el.getAttribute(name) ?? '');
    } else if (name === 'data-price') {
      priced = true;
    } else if (TILE_ATTRS.has(name)) {
      index.tiles.push(el);
    }
  }
  if (priced) index.priced.push(el);
  if (crumb) index.crumbs.push(el);
  if (brand) index.branded.push(el);
}

/** Elements of a bucket that match a selector (cheap: the bucket is small). */
export function pick(elements: readonly Element[], selector: string): Element[] {
  const out: Element[] = [];
  for (const el of elements) {
    try {
      if (el.matches(selector)) out.push(el);
    } catch {
      return out;
    }
  }
  return out;
}

/** Lower-case words of an element's class and id ("priceBlock__old" → price, block, old). */
export function classWords(el: Element): string[] {
  const raw = `${el.getAttribute('class') ?? ''} ${el.getAttribute('id') ?? ''}`;
  if (raw.length < 2) return [];
  return raw
    .split(/[^A-Za-z0-9]+|(?<=[a-z])(?=[A-Z])/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** The innermost ancestors check, by tag and class words, without selector matching. */
export function hasAncestor(el: Element, test: (ancestor: Element) => boolean, maxDepth = 30): boolean {
  let node: Element | null = el;
  for (let depth = 0; node && depth < maxDepth; depth++, node = node.parentElement) {
    if (test(node)) return true;
  }
  return false;
}
