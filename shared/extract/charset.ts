// Turns a saved page's bytes into text the way a browser would: a byte-order mark, else the
// charset the page declares in its first bytes, else UTF-8. Old shops still send windows-1252.

export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decode(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decode(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decode(bytes.subarray(2), 'utf-16be');
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) head += String.fromCharCode(bytes[i]!);
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1];
  return decode(bytes, declared ?? 'utf-8');
}

function decode(bytes: Uint8Array, label: string): string {
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    // An unknown label is not worth failing over: read it as UTF-8.
    return new TextDecoder('utf-8').decode(bytes);
  }
}

/**
 * Markup a DOM library reads whole: a page may leave out its <html> tag (it is optional, and a
 * browser infers it), but linkedom then makes <head> the document and drops the body.
 */
export const withDocumentElement = (html: string): string =>
  /<html[\s>]/i.test(html.slice(0, 5000)) ? html : `<html>${html.replace(/^\s*<!doctype[^>]*>/i, '')}</html>`;
