// `bordduk preview`: a local server that shows the sheets and the guide of one locale, rebuilt on
// every save. One more caller of the library: it holds a warm builder (./warm.ts) between saves,
// watches the folders, and tells open pages about each new build by server-sent events.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { UsageError, formatProblem, type Problem } from '../errors.js';
import { defaultPaths } from '../paths.js';
import { WarmBuilder, type WarmOptions } from './warm.js';
import { EventHub, loadAssets, localHost, readJson, send, text } from './http.js';
import { serial, watchFolders } from './watch.js';

/** How long the guide waits for an open page to fetch the new sheet before laying out anyway. */
const SHEET_FETCH_WAIT_MS = 400;

export interface PreviewOptions extends Partial<WarmOptions> {
  /** TCP port on 127.0.0.1; 0 (the default) takes a free one. */
  port?: number;
  /** One line per rebuild, for the terminal. */
  log?: (line: string) => void;
}

export interface PreviewStatus {
  build: number;
  ms: number;
  /** CPU time of the same span: near `ms` on an idle machine, far under it on a busy one. */
  cpuMs: number;
  busy: boolean;
  ok: boolean;
  locale: string;
  locales: string[];
  size: string;
  problems: {
    file: string | null;
    line: number | null;
    col: number | null;
    severity: 'error' | 'warning';
    message: string;
    hint: string | null;
  }[];
  files: {
    kind: 'sheet' | 'guide';
    sheet?: number;
    locale: string;
    size: string;
    url: string;
    textSize?: number;
    floor?: number;
  }[];
}

export interface PreviewServer {
  url: string;
  port: number;
  status(): PreviewStatus;
  /** Rebuilds now (the watcher does this by itself after each save); resolves when the build is done. */
  rebuild(): Promise<void>;
  close(): Promise<void>;
}

const plain = (p: Problem): PreviewStatus['problems'][number] => ({
  file: p.pos?.file ?? null,
  line: p.pos?.line ?? null,
  col: p.pos?.col ?? null,
  severity: p.severity === 'warning' ? 'warning' : 'error',
  message: p.message,
  hint: p.hint ?? null,
});

export async function startPreview(opts: PreviewOptions = {}): Promise<PreviewServer> {
  const port = opts.port ?? 0;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port ${port} is not a port (give 1–65535, or leave it out for a free one)`);
  const paths = opts.paths ?? defaultPaths();
  const log = opts.log ?? (() => {});
  const builder = new WarmBuilder({ ...opts, paths });
  const assets = loadAssets();
  const hub = new EventHub();
  let status: PreviewStatus = {
    build: 0,
    ms: 0,
    cpuMs: 0,
    busy: true,
    ok: true,
    locale: builder.locale,
    locales: [],
    size: builder.size,
    problems: [],
    files: [],
  };
  let loadProblems: Problem[] = [];
  /** Set while a rebuild waits for a page to fetch its new sheet (see below). */
  let pdfServed: (() => void) | undefined;

  const publish = (busy: boolean) => {
    const problems = [...loadProblems, ...builder.warnings()];
    status = {
      build: builder.build,
      ms: status.ms,
      cpuMs: status.cpuMs,
      busy,
      ok: !problems.some((p) => p.severity !== 'warning'),
      locale: builder.locale,
      locales: builder.locales,
      size: builder.size,
      problems: problems.map(plain),
      files: builder.files().map((f) => ({
        kind: f.kind,
        ...(f.sheet !== undefined ? { sheet: f.sheet } : {}),
        locale: f.locale,
        size: f.size,
        url: `/pdf/${encodeURIComponent(f.name)}?v=${f.version}`,
        ...(f.textSize !== undefined ? { textSize: f.textSize, floor: f.floor } : {}),
      })),
    };
    hub.send(JSON.stringify(status));
  };

  const task = async () => {
    const out = await builder.rebuild(async (first) => {
      status.ms = Math.round(first.ms * 10) / 10;
      status.cpuMs = Math.round(first.cpuMs * 10) / 10;
      loadProblems = first.problems;
      publish(true);
      // Laying out the guide blocks this thread for a while: let an open page fetch its new sheet first.
      if (hub.size > 0)
        await new Promise<void>((resolve) => {
          const timer = setTimeout(done, SHEET_FETCH_WAIT_MS);
          function done() {
            clearTimeout(timer);
            pdfServed = undefined;
            resolve();
          }
          pdfServed = done;
        });
    });
    if (!out.changed) {
      if (status.busy) publish(false);
      return;
    }
    status.ms = Math.round(out.ms * 10) / 10;
    status.cpuMs = Math.round(out.cpuMs * 10) / 10;
    loadProblems = out.problems;
    publish(false);
    const errors = out.problems.filter((p) => p.severity !== 'warning');
    log(
      errors.length
        ? `build ${status.build}: ${errors.length} problem${errors.length === 1 ? '' : 's'}\n${errors.map(formatProblem).join('\n')}`
        : `build ${status.build}: ${status.ms} ms (CPU ${status.cpuMs} ms)`,
    );
  };
  const rebuild = serial(task, (e) =>
    log(`bordduk: internal error in the preview: ${e.message} (this is a bug; the last good preview stays)`),
  );

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    if (!localHost(req.headers.host))
      return text(res, 403, 'this preview answers only to localhost, 127.0.0.1 or [::1]');
    const url = new URL(req.url ?? '/', 'http://localhost');
    const head = req.method === 'HEAD';
    if (req.method === 'POST' && url.pathname === '/locale') return setLocale(req, res);
    if (req.method !== 'GET' && !head) return text(res, 405, 'only GET and HEAD');
    const asset = assets.get(url.pathname);
    if (asset) return send(res, 200, asset.type, asset.body, head);
    if (url.pathname === '/status.json')
      return send(res, 200, 'application/json; charset=utf-8', `${JSON.stringify(status, null, 2)}\n`, head);
    if (url.pathname === '/events') return hub.open(res, JSON.stringify(status));
    if (url.pathname.startsWith('/pdf/')) {
      // A name is looked up among the PDFs in memory; it never reaches the file system.
      const name = decodeURIComponent(url.pathname.slice(5));
      const file = builder.file(name);
      if (file) {
        send(res, 200, 'application/pdf', Buffer.from(file.bytes), head);
        return pdfServed?.();
      }
    }
    return text(res, 404, 'not found');
  };

  // The page switches locale with a JSON POST: a cross-site form cannot send that content type
  // without a CORS preflight, which this server never grants.
  const setLocale = async (req: IncomingMessage, res: ServerResponse) => {
    if (!/^application\/json\b/.test(req.headers['content-type'] ?? ''))
      return text(res, 415, 'send JSON: {"locale": "nn"}');
    let locale: unknown;
    try {
      locale = ((await readJson(req)) as { locale?: unknown })?.locale;
    } catch (e) {
      return text(res, 400, (e as Error).message);
    }
    if (typeof locale !== 'string' || !builder.locales.includes(locale))
      return text(res, 400, `unknown locale; this tool has: ${builder.locales.join(', ')}`);
    builder.setLocale(locale);
    publish(true);
    text(res, 202, `switching to ${locale}`);
    void rebuild();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch((e) => {
      if (!res.headersSent) text(res, 500, 'internal error');
      log(`bordduk: internal error in the preview: ${(e as Error).message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      reject(
        e.code === 'EADDRINUSE'
          ? new UsageError(`port ${port} is in use (choose another with --port, or leave it out for a free one)`)
          : e,
      );
    });
    // Loopback only: nobody else on the network can reach the preview.
    server.listen(port, '127.0.0.1', () => resolve());
  });
  const actual = (server.address() as { port: number }).port;
  try {
    // The first build runs before anything is watched: an unknown tool or locale ends the command here.
    await task();
  } catch (e) {
    server.close();
    throw e;
  }
  const watcher = watchFolders(
    [paths.content, paths.templates, paths.fonts],
    () => void rebuild(),
    (e) => log(`bordduk: watching stopped working: ${e.message}`),
  );

  return {
    url: `http://127.0.0.1:${actual}/`,
    port: actual,
    status: () => status,
    rebuild,
    close: async () => {
      watcher.close();
      hub.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
