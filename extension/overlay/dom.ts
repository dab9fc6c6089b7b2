// A small DOM builder for the overlay: elements with attributes, listeners and children, where a
// child string becomes a text node. Nothing is ever parsed as HTML, so text from a shop's page
// stays text. Lighter than a UI framework in a script that runs on every shop page.

export type Child = Node | string | null | undefined | false;
/** Attributes (a string, or true for an empty one; false and undefined are left out) and `on…` listeners. */
export type Props = Record<string, string | boolean | undefined | ((event: Event) => void)>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props | null,
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(props ?? {})) {
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else if (value !== undefined && value !== false) element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child || child === '') element.append(child);
  return element;
}
