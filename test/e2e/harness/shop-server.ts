// A local HTTPS server that answers for real shop host names. Chromium resolves every host
// name to it (see chromium.ts), so a saved page is served at its real URL and nothing leaves
// the machine; anything not in the routes gets 404 and is recorded as blocked.

import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import { makeSelfSignedCertificate } from './certificate.ts';

export interface Route {
  /** File to serve, or literal HTML. */
  file?: string;
  html?: string;
  contentType?: string;
  /** HTML sent after a pause, so the page is still loading for a while with the first part parsed. */
  rest?: { html: string; afterMs: number };
}

/**
 * A header on every answer of the shop server (served or 404): a response the browser got without
 * it came from somewhere else, that is, a request left the machine.
 */
export const SERVED_BY_HEADER = 'x-carbon-ledger-test-server';

export interface ShopServer {
  port: number;
  /** Requests that came from the extension itself (sent with an extension origin or referrer). */
  fromExtension: string[];
  /** Registers `url` (https://host/path, query ignored) to be served. */
  serve(url: string, route: Route): void;
  /** Requests that matched no route, as https://host/path. */
  blocked: string[];
  close(): Promise<void>;
}

const routeKey = (host: string, path: string): string => `${host.toLowerCase()}${path.split('#')[0]?.split('?')[0]}`;

/**
 * Starts the server on 127.0.0.1 at a free port, or at `host`:`port` (Firefox, which has no
 * host-resolver rules, sends every name to one address and the default https port).
 */
export async function startShopServer(options: { host?: string; port?: number } = {}): Promise<ShopServer> {
  const routes = new Map<string, Route>();
  const blocked: string[] = [];
  const fromExtension: string[] = [];
  const server: Server = createServer(makeSelfSignedCertificate(), (request, response) => {
    const host = (request.headers.host ?? '').replace(/:\d+$/, '');
    const route = routes.get(routeKey(host, request.url ?? '/'));
    const sender = `${request.headers.origin ?? ''} ${request.headers.referer ?? ''}`;
    if (/(chrome|moz)-extension:/.test(sender)) fromExtension.push(`https://${host}${request.url}`);
    response.setHeader(SERVED_BY_HEADER, '1');
    if (!route) {
      blocked.push(`https://${host}${request.url}`);
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not served in tests');
      return;
    }
    const body = route.html ?? readFileSync(route.file ?? '');
    response.writeHead(200, {
      'content-type': route.contentType ?? 'text/html; charset=utf-8',
      'cache-control': 'no-store',
    });
    if (!route.rest) {
      response.end(body);
      return;
    }
    const { html, afterMs } = route.rest;
    response.write(body);
    setTimeout(() => response.end(html), afterMs);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve);
  });
  return {
    port: (server.address() as AddressInfo).port,
    blocked,
    fromExtension,
    serve(url, route) {
      const { host, pathname } = new URL(url);
      routes.set(routeKey(host, pathname), route);
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
