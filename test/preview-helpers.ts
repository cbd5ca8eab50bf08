// Helpers for the preview's tests: raw HTTP with any Host header (fetch will not set one), bounded
// waits on the server's status, a server on a project copy of its own, and edits of a sheet's blocks.
import { expect } from 'vitest';
import { request } from 'node:http';
import { connect } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview, type PreviewServer, type PreviewStatus } from '../src/preview/preview.js';
import { joinedText, must, readPdf, scratchProject, type Project } from './helpers.js';

export interface Reply {
  status: number;
  type: string;
  body: Buffer;
}

/** One request to 127.0.0.1:port; `path` is sent exactly as given (no normalising of `..`). */
export function get(
  port: number,
  path: string,
  opts: { host?: string | null; method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.host !== null) headers.Host = opts.host ?? `127.0.0.1:${port}`;
    // agent: false, a fresh connection per request: Node 20's global agent keeps sockets alive, and reusing one
    // the server has just closed (its 5 s keep-alive timeout) fails with ECONNRESET on a busy machine.
    const req = request(
      { host: '127.0.0.1', port, path, method: opts.method ?? 'GET', headers, setHost: false, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            type: String(res.headers['content-type'] ?? ''),
            body: Buffer.concat(chunks),
          }),
        );
      },
    );
    req.on('error', reject);
    req.setTimeout(10_000, () => req.destroy(new Error(`no answer to ${path} in 10 s`)));
    req.end(opts.body);
  });
}

export async function statusJson(port: number): Promise<PreviewStatus> {
  const r = await get(port, '/status.json');
  return JSON.parse(r.body.toString('utf8')) as PreviewStatus;
}

/** Waits (at most `ms`) until the server has finished a build after `build` and is idle. */
export async function nextBuild(server: PreviewServer, build: number, ms = 30_000): Promise<PreviewStatus> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const s = server.status();
    if (s.build > build && !s.busy) return s;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`no build after ${build} within ${ms} ms (status: ${JSON.stringify(server.status()).slice(0, 300)})`);
}

/** The URL status.json gives the file of that kind (and sheet number). */
export const urlOf = (s: PreviewStatus, kind: string, sheet?: number) =>
  must(
    s.files.find((f) => f.kind === kind && f.sheet === sheet),
    `a ${kind}${sheet === undefined ? '' : ` ${sheet}`} in status.json`,
  ).url;

/** The words of the PDF the server serves at `url`, compacted as joinedText() does. */
export async function pdfWords(port: number, url: string): Promise<string> {
  const r = await get(port, url);
  expect(r.status).toBe(200);
  expect(r.type).toBe('application/pdf');
  const file = join(mkdtempSync(join(tmpdir(), 'bordduk-preview-')), 'x.pdf');
  writeFileSync(file, r.body);
  return joinedText(await readPdf(file));
}

/** True when nothing accepts a connection on host:port (refused, or no answer in 3 s). */
export const refused = (port: number, host: string) =>
  new Promise<boolean>((resolve) => {
    const s = connect({ host, port });
    s.on('connect', () => (s.destroy(), resolve(false)));
    s.on('error', () => resolve(true));
    s.setTimeout(3000, () => (s.destroy(), resolve(true)));
  });

/** A project copy of its own and a preview server on it, closed after `fn`: no test sees another's edits. */
export async function withServer(fn: (p: Project, server: PreviewServer) => Promise<void>): Promise<void> {
  const p = scratchProject();
  const server = await startPreview({ paths: p.paths, locale: 'nb' });
  try {
    await fn(p, server);
  } finally {
    await server.close();
  }
}
