// The elements extraction looks at, sorted into a few kinds so the readers do not each scan the
// whole page. Every kind is worked out on first use, in one of two ways:
//
// - `walk` (the default; linkedom in Node, where each selector query is a full scan in JS): the
//   first use walks the page once and sorts out every kind at the same time.
// - `query` (a real browser, where the engine's selector matching is native and every element
//   touched from JS costs a binding call): each kind comes from one native `querySelectorAll`
//   whose matches are then checked by the same rules the walk applies. The kinds no selector can
//   express cheaply (elements whose class speaks of a price, brand or breadcrumb; every classed
//   element; document positions) still come from the walk, which then happens only on pages
//   that need it: a shop adapter that knows its page never does.
//
// Both ways give the same elements in the same order (test/unit/extract/page-index.test.ts).
// Script, style and SVG bodies are not descended into.

export type IndexStrategy = 'walk' | 'query';

export interface PageIndex {
  doc: Document;
  /** The element with this id, first in document order. */
  byId(id: string): Element | null;
  /** Each element's position in document order. */
  readonly order: Map<Element, number>;
  /** Every element in document order (script and style bodies excluded). */
  readonly elements: Element[];
  readonly headings: Element[];
  readonly jsonLdScripts: Element[];
  /** meta property/name/itemprop → content, first occurrence wins. */
  readonly metas: Map<string, string>;
  /** Elements with itemprop (microdata) or property (RDFa). */
  readonly props: Element[];
  /** Elements that open a microdata/RDFa item (itemtype or typeof). */
  readonly scopes: Element[];
  /** Elements whose class, id or test id speaks of a price. */
  readonly priced: Element[];
  /** Elements whose class, id, test id or label speaks of a breadcrumb. */
  readonly crumbs: Element[];
  /** Elements whose class, id or test id speaks of a brand. */
  readonly branded: Element[];
  /** Table header/label cells and list items, where specification rows live. */
  readonly specCells: Element[];
  /** Elements with a class, with their first class name, for finding repeated listing tiles. */
  readonly classed: { el: Element; cls: string }[];
  /** Elements carrying a listing-item data attribute (data-listingid, data-asin, ...). */
  readonly tiles: Element[];
  /** Whether the whole page has been walked (for tests: pages a shop adapter knows never are). */
  readonly walked: boolean;
}

/** Tags whose children are not read. */
const SKIP = new Set(['SCRIPT', 'STYLE', 'SVG', 'svg', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'PATH']);
const SKIP_SELECTOR = 'script, style, svg, noscript, template, iframe, path';
const SKIP_CHILDREN = SKIP_SELECTOR.replace(/\w+/g, '$& > *');
const MAX_ELEMENTS = 120_000;
const PRICE = /price|preis|prix|precio|prezzo/i;
const CRUMB = /crumb/i;
const BRAND = /brand|byline|marke/i;
const SPEC_TAGS = new Set(['TH', 'DT', 'LI', 'TD', 'B', 'STRONG']);
const TILE_ATTRS = [
  'data-listingid',
  'data-asin',
  'data-product-id',
  'data-productid',
  'data-sku',
  'data-item-id',
  'data-id',
];
const TILE_ATTR_SET = new Set(TILE_ATTRS);
const TILE_SELECTOR = TILE_ATTRS.map((name) => `[${name}]`).join(',');

export function indexPage(doc: Document, strategy: IndexStrategy = 'walk'): PageIndex {
  return new LazyIndex(doc, strategy);
}

/** What the walk sorts out: every kind at once. */
interface Walked {
  order: Map<Element, number>;
  elements: Element[];
  ids: Map<string, Element>;
  headings: Element[];
  jsonLdScripts: Element[];
  metas: Map<string, string>;
  props: Element[];
  scopes: Element[];
  priced: Element[];
  crumbs: Element[];
  branded: Element[];
  specCells: Element[];
  classed: { el: Element; cls: string }[];
  tiles: Element[];
}

class LazyIndex implements PageIndex {
  private full: Walked | null = null;
  private readonly queried: Partial<Walked> = {};
  readonly doc: Document;
  private readonly strategy: IndexStrategy;

  constructor(doc: Document, strategy: IndexStrategy) {
    this.doc = doc;
    this.strategy = strategy;
  }

  get walked(): boolean {
    return this.full !== null;
  }

  private walk(): Walked {
    this.full ??= walkPage(this.doc);
    return this.full;
  }

  /**
   * One kind: from the walk, or (query strategy) from native queries checked by the walk's rules.
   * A reading needs nearly every kind: those found by tag come from one query and those found by
   * attribute from another (one pass over the page each, rather than one per kind).
   */
  private kind<K extends keyof Walked>(key: K): Walked[K] {
    if (this.strategy === 'walk' || this.full) return this.walk()[key];
    const found = this.queried;
    if (!(key in found)) {
      if (key === 'tiles') found.tiles = this.matching(TILE_SELECTOR);
      else if (key === 'props' || key === 'scopes') {
        const props: Element[] = [];
        const scopes: Element[] = [];
        for (const el of this.matching('[itemprop], [property], [itemtype], [typeof]')) {
          if ((el.hasAttribute('itemprop') || el.hasAttribute('property')) && isProp(el)) props.push(el);
          if (el.hasAttribute('itemtype') || el.hasAttribute('typeof')) scopes.push(el);
        }
        Object.assign(found, { props, scopes });
      } else {
        const tagged: Pick<Walked, 'headings' | 'jsonLdScripts' | 'specCells'> = {
          headings: [],
          jsonLdScripts: [],
          specCells: [],
        };
        const metas = new Map<string, string>();
        for (const el of this.matching('h1, script[type], meta, th, dt, li, td, b, strong')) {
          const tag = el.tagName;
          if (tag === 'H1') tagged.headings.push(el);
          else if (SPEC_TAGS.has(tag)) tagged.specCells.push(el);
          else if (isJsonLd(el)) tagged.jsonLdScripts.push(el);
          else if (tag === 'META') readMeta(el, metas);
        }
        Object.assign(found, tagged, { metas });
      }
    }
    return found[key]!;
  }

  /** Elements inside one the walk does not descend into (the parts of SVG icons). */
  private unread: Set<Element> | null = null;

  /** Elements matching a selector that the walk would reach (not inside a script, SVG, template, ...). */
  private matching(selector: string): Element[] {
    const found = Array.from(this.doc.querySelectorAll(selector));
    // Found once, from their parents: a `closest` per element found costs more in a browser (a
    // binding call and an ancestor walk each), and pages have few such elements.
    if (!this.unread) {
      this.unread = new Set();
      for (const child of Array.from(this.doc.querySelectorAll(SKIP_CHILDREN))) {
        this.unread.add(child);
        for (const el of Array.from(child.getElementsByTagName('*'))) this.unread.add(el as Element);
      }
    }
    const unread = this.unread;
    return unread.size ? found.filter((el) => !unread.has(el)) : found;
  }

  byId(id: string): Element | null {
    if (this.strategy === 'walk' || this.full) return this.walk().ids.get(id) ?? null;
    const el = this.doc.getElementById(id);
    if (!el || isRead(el)) return el;
    // The first one is inside an unread element (an SVG icon): the walk would give the next.
    return this.matching(`[id="${id.replace(/["\\]/g, '\\$&')}"]`).find((other) => other.id === id) ?? null;
  }

  get order() {
    return this.walk().order;
  }
  get elements() {
    return this.walk().elements;
  }
  get priced() {
    return this.walk().priced;
  }
  get crumbs() {
    return this.walk().crumbs;
  }
  get branded() {
    return this.walk().branded;
  }
  get classed() {
    return this.walk().classed;
  }
  get headings() {
    return this.kind('headings');
  }
  get jsonLdScripts() {
    return this.kind('jsonLdScripts');
  }
  get metas() {
    return this.kind('metas');
  }
  get props() {
    return this.kind('props');
  }
  get scopes() {
    return this.kind('scopes');
  }
  get specCells() {
    return this.kind('specCells');
  }
  get tiles() {
    return this.kind('tiles');
  }
}

function isRead(el: Element): boolean {
  const parent = el.parentElement;
  return !parent || parent.closest(SKIP_SELECTOR) === null;
}

const isJsonLd = (el: Element): boolean => el.tagName === 'SCRIPT' && /ld\+json/i.test(el.getAttribute('type') ?? '');
const isProp = (el: Element): boolean => el.hasAttribute('itemprop') || el.tagName !== 'META';

function readMeta(el: Element, metas: Map<string, string>): void {
  const key = el.getAttribute('property') ?? el.getAttribute('name') ?? el.getAttribute('itemprop');
  const content = el.getAttribute('content');
  if (key && content && !metas.has(key.toLowerCase())) metas.set(key.toLowerCase(), content.trim());
}

function walkPage(doc: Document): Walked {
  const index: Walked = {
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
    else if (SPEC_TAGS.has(tag)) index.specCells.push(el);
    else if (tag === 'SCRIPT') {
      if (isJsonLd(el)) index.jsonLdScripts.push(el);
    } else if (tag === 'META') readMeta(el, index.metas);
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

function readAttributes(el: Element, index: Walked): void {
  if (!el.hasAttributes()) return;
  let priced = false;
  let crumb = false;
  let brand = false;
  let prop = false;
  let scope = false;
  let tile = false;
  for (const name of el.getAttributeNames()) {
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
      prop = true;
      priced ||= /\bprice\b/i.test(value);
      brand ||= /\bbrand\b/i.test(value);
    } else if (name === 'itemtype' || name === 'typeof') {
      scope = true;
      crumb ||= /Breadcrumb/i.test(el.getAttribute(name) ?? '');
    } else if (name === 'data-price') {
      priced = true;
    } else if (TILE_ATTR_SET.has(name)) {
      tile = true;
    }
  }
  if (prop) index.props.push(el);
  if (scope) index.scopes.push(el);
  if (tile) index.tiles.push(el);
  if (priced) index.priced.push(el);
  if (crumb) index.crumbs.push(el);
  if (brand) index.branded.push(el);
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
