// The preview's HTTP side, safe by default: it answers only requests addressed to this machine by
// name (a DNS-rebinding page's Host header names its own domain), serves a fixed set of routes from
// memory (no part of a URL is ever joined to a file path), and writes nothing.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { packageRoot } from '../paths.js';

/** Host names a browser on this machine uses for a server on the loopback interface. */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

/** True when the Host header names this machine (with any port); a missing Host is refused too. */
export function localHost(host: string | undefined): boolean {
  if (!host) return false;
  const m = /^(\[[^\]]*\]|[^:]*)(?::(\d{1,5}))?$/.exec(host.trim().toLowerCase());
  return !!m?.[1] && LOCAL_HOSTS.has(m[1]);
}

export interface Asset {
  type: string;
  body: Buffer;
}

/** The page and pdf.js, read once at start; these paths are the only ones served from disk. */
export function loadAssets(): Map<string, Asset> {
  const pdfjs = join(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'), '..', 'build');
  const web = join(packageRoot, 'src', 'preview', 'page');
  const js = 'text/javascript; charset=utf-8';
  const files: [string, string, string][] = [
    ['/', join(web, 'preview.html'), 'text/html; charset=utf-8'],
    ['/preview.css', join(web, 'preview.css'), 'text/css; charset=utf-8'],
    ['/preview.js', join(web, 'preview.js'), js],
    ['/problems.js', join(web, 'problems.js'), js],
    ['/locale.js', join(web, 'locale.js'), js],
    ['/textview.js', join(web, 'textview.js'), js],
    // The modern build: any browser of the last two years runs it (the legacy build is for older ones).
    ['/pdfjs/pdf.mjs', join(pdfjs, 'pdf.min.mjs'), js],
    ['/pdfjs/pdf.worker.mjs', join(pdfjs, 'pdf.worker.min.mjs'), js],
  ];
  return new Map(files.map(([route, file, type]) => [route, { type, body: readFileSync(file) }]));
}

/**
 * What the page may load: only its own scripts and styles, pdf.js's worker, and the PDFs (pdf.js
 * renders fonts from the PDF's bytes, hence data: and blob: fonts). No inline script, no eval.
 */
const CSP =
  "default-src 'none'; script-src 'self'; worker-src 'self'; style-src 'self'; img-src 'self' data: blob:; font-src 'self' data: blob:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function send(res: ServerResponse, status: number, type: string, body: Buffer | string, head = false): void {
  const bytes = typeof body === 'string' ? Buffer.from(body) : body;
  res.writeHead(status, {
    'Content-Type': type,
    'Content-Length': bytes.length,
    'Cache-Control': 'no-store',
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Content-Security-Policy': CSP,
  });
  res.end(head ? undefined : bytes);
}

export const text = (res: ServerResponse, status: number, body: string) =>
  send(res, status, 'text/plain; charset=utf-8', `${body}\n`);

/** Reads a small JSON body (a locale name); anything large or not JSON is refused. */
export function readJson(req: IncomingMessage, limit = 1024): Promise<unknown> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        reject(new Error('body too large'));
        req.destroy();
      } else chunks.push(c);
    });
    req.on('end', () => {
      try {
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
      } catch {
        reject(new Error('body is not JSON'));
      }
    });
    req.on('error', reject);
  });
}

/** Server-sent events: every open page gets each new status as it happens. */
export class EventHub {
  private clients = new Set<ServerResponse>();

  open(res: ServerResponse, first: string): void {
    res.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Content-Type-Options': 'nosniff',
      Connection: 'keep-alive',
    });
    // A browser reconnects by itself after a second if the stream breaks.
    res.write(`retry: 1000\n`);
    res.write(`event: status\ndata: ${first}\n\n`);
    this.clients.add(res);
    res.on('close', () => this.clients.delete(res));
  }

  get size(): number {
    return this.clients.size;
  }

  send(json: string): void {
    for (const res of this.clients) res.write(`event: status\ndata: ${json}\n\n`);
  }

  close(): void {
    for (const res of this.clients) res.end();
    this.clients.clear();
  }
}
