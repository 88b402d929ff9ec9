/**
 * A static HTTP server on 127.0.0.1 for the end-to-end tests (Node's http module, no dependency).
 * It serves the files of one folder and any HTML a test registers with `route(path, html)`.
 * Browsers in these tests may reach nothing but this server.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  /** e.g. `http://127.0.0.1:38421` */
  readonly origin: string;
  readonly port: number;
  /** The absolute URL of `path` on this server. */
  url(path?: string): string;
  /** Serves `html` at `path` (e.g. `/smoke.html`) until replaced; returns its absolute URL. */
  route(path: string, html: string, contentType?: string): string;
  close(): Promise<void>;
}

export interface ServeOptions {
  /** Folder whose files are served (optional: a server may serve registered routes only). */
  root?: string;
  /** Port to listen on; 0 (the default) picks a free one. */
  port?: number;
  host?: string;
}

/** Starts the server; resolves once it listens. */
export async function startServer(options: ServeOptions = {}): Promise<StaticServer> {
  const { root, port = 0, host = '127.0.0.1' } = options;
  const rootDir = root === undefined ? undefined : resolve(root);
  const routes = new Map<string, { body: string; type: string }>();

  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      const registered = routes.get(pathname);
      if (registered) {
        res.writeHead(200, { 'content-type': registered.type, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : registered.body);
        return;
      }
      const file = rootDir === undefined ? undefined : await findFile(rootDir, pathname);
      if (!file) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
        res.end(`Not found: ${pathname}`);
        return;
      }
      const body = await readFile(file);
      const type = CONTENT_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream';
      res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const actualPort = (server.address() as AddressInfo).port;
  const origin = `http://${host}:${actualPort}`;

  return {
    origin,
    port: actualPort,
    url: (path = '/') => new URL(path, origin).href,
    route(path, html, contentType = 'text/html; charset=utf-8') {
      const normalized = path.startsWith('/') ? path : `/${path}`;
      routes.set(normalized, { body: html, type: contentType });
      return new URL(normalized, origin).href;
    },
    close: () =>
      new Promise<void>((resolveClose) => {
        server.close(() => resolveClose());
        server.closeAllConnections();
      }),
  };
}

/** Maps a URL path to a file under `rootDir` (index.html for folders); never escapes `rootDir`. */
async function findFile(rootDir: string, pathname: string): Promise<string | undefined> {
  const candidate = normalize(join(rootDir, pathname));
  if (candidate !== rootDir && !candidate.startsWith(rootDir + sep)) return undefined;
  try {
    const info = await stat(candidate);
    if (info.isFile()) return candidate;
    if (info.isDirectory()) {
      const index = join(candidate, 'index.html');
      if ((await stat(index)).isFile()) return index;
    }
  } catch {
    // missing: 404
  }
  return undefined;
}
