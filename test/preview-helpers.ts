// Helpers for the preview's tests: raw HTTP with any Host header (fetch will not set one), and
// bounded waits on the server's status.
import { request } from 'node:http';
import type { PreviewServer, PreviewStatus } from '../src/preview/preview.js';

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
