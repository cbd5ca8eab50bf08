// `bordduk preview` without a browser: what status.json says, what the server serves and refuses,
// and how a save turns into a new build (only what changed), a mistake into problems.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { connect } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startPreview, type PreviewServer, type PreviewStatus } from '../src/preview/preview.js';
import { localHost } from '../src/preview/http.js';
import { build } from '../src/pipeline/build.js';
import { readYamlFile, type YamlFile } from '../src/content/yaml-file.js';
import { ParsedFiles } from '../src/content/parsed-files.js';
import { Problems } from '../src/errors.js';
import { parse } from 'yaml';
import {
  LOCALES,
  ROOT,
  cli,
  compact,
  joinedText,
  readPdf,
  scratchProject,
  shippedTool,
  type Project,
} from './helpers.js';
import { get, nextBuild, statusJson } from './preview-helpers.js';
import { at } from '../src/at.js';

/** The edited text, after checking that the edit found what it replaces (the content changes over time). */
const changed = (before: string, after: string) => {
  expect(after).not.toBe(before);
  return after;
};

const urlOf = (s: PreviewStatus, kind: string, sheet?: number) =>
  s.files.find((f) => f.kind === kind && f.sheet === sheet)!.url;

async function pdfWords(port: number, url: string): Promise<string> {
  const r = await get(port, url);
  expect(r.status).toBe(200);
  expect(r.type).toBe('application/pdf');
  const file = join(mkdtempSync(join(tmpdir(), 'bordduk-preview-')), 'x.pdf');
  writeFileSync(file, r.body);
  return joinedText(await readPdf(file));
}

/** A project copy of its own and a preview server on it, closed after `fn`: no test sees another's edits. */
async function withServer(fn: (p: Project, server: PreviewServer) => Promise<void>): Promise<void> {
  const p = scratchProject();
  const server = await startPreview({ paths: p.paths, locale: 'nb' });
  try {
    await fn(p, server);
  } finally {
    await server.close();
  }
}

/** Replaces the first line of block `id` in a sheet file that starts with `key:` (4 spaces in), by `fn`. */
const inBlock = (text: string, id: string, key: string, fn: (line: string) => string) =>
  changed(
    text,
    text.replace(
      new RegExp(`^(  ${id}:\\n(?: {4}.*\\n| {6,}.*\\n)*?)( {4}${key}: .*)$`, 'm'),
      (_, head, line) => head + fn(line),
    ),
  );

const refused = (port: number, host: string) =>
  new Promise<boolean>((resolve) => {
    const s = connect({ host, port });
    s.on('connect', () => (s.destroy(), resolve(false)));
    s.on('error', () => resolve(true));
    s.setTimeout(3000, () => (s.destroy(), resolve(true)));
  });

describe('bordduk preview: the server', () => {
  let p: Project;
  let server: PreviewServer;
  beforeAll(async () => {
    p = scratchProject();
    server = await startPreview({ paths: p.paths, locale: 'nb' });
  });
  afterAll(async () => server?.close());

  it('reports its first build in status.json: counter, time, problems and the three files', async () => {
    const s = await statusJson(server.port);
    expect(s).toMatchObject({
      build: 1,
      busy: false,
      ok: true,
      locale: 'nb',
      locales: LOCALES,
      size: 'A1',
      problems: [],
    });
    expect(s.ms).toBeGreaterThan(0);
    expect(s.files.map((f) => [f.kind, f.sheet, f.locale, f.size])).toEqual([
      ['sheet', 1, 'nb', 'A1'],
      ['sheet', 2, 'nb', 'A1'],
      ['guide', undefined, 'nb', 'A4'],
    ]);
    expect(at(s.files, 0).textSize).toBeGreaterThanOrEqual(at(s.files, 0).floor!);
    for (const f of s.files) expect((await get(server.port, f.url)).body.subarray(0, 5).toString()).toBe('%PDF-');
    const title = (parse(p.read('nb/sheet1.yaml')) as { title: string }).title;
    expect(await pdfWords(server.port, urlOf(s, 'sheet', 1))).toContain(compact(title));
  });

  it('shows what bordduk build writes: the same sheets, drawn by the same library', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bordduk-preview-build-'));
    const { files } = await build({ paths: p.paths, locales: ['nb'], only: 'sheets', out });
    const s = await statusJson(server.port);
    for (const n of [1, 2]) {
      const built = joinedText(await readPdf(files.find((f) => f.sheet === n)!.path));
      expect(await pdfWords(server.port, urlOf(s, 'sheet', n))).toBe(built);
    }
    expect(at(s.files, 0).textSize).toBe(at(files, 0).layout!.textSize);
  });

  it('listens on 127.0.0.1 alone', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(await refused(server.port, '::1')).toBe(true);
    const lan = Object.values(networkInterfaces())
      .flat()
      .find((i) => i && i.family === 'IPv4' && !i.internal);
    if (lan) expect(await refused(server.port, lan.address)).toBe(true);
  });

  it('serves its page, pdf.js and its PDFs, and nothing else: no URL reaches the file system', async () => {
    const page = await get(server.port, '/');
    expect(page.status).toBe(200);
    expect(page.body.toString()).toContain('/preview.js');
    expect((await get(server.port, '/pdfjs/pdf.mjs')).type).toMatch(/javascript/);
    expect((await get(server.port, '/pdfjs/pdf.worker.mjs')).status).toBe(200);
    for (const path of [
      '/package.json',
      '/../package.json',
      '/pdf/../package.json',
      '/pdf/..%2F..%2Fpackage.json',
      '/pdf/%2Fetc%2Fpasswd',
      '/web/preview.html',
      '/node_modules/pdfjs-dist/package.json',
      '/content/ledelsesforankring/nb/sheet1.yaml',
      '/pdf/ledelsesforankring-nn-sheet1-A1.pdf',
    ]) {
      expect([path, (await get(server.port, path)).status]).toEqual([path, 404]);
    }
    expect((await get(server.port, '/', { method: 'PUT' })).status).toBe(405);
    expect((await get(server.port, '/status.json', { method: 'DELETE' })).status).toBe(405);
  });

  it('refuses a Host header that names another machine (DNS rebinding)', async () => {
    for (const host of [
      'evil.example',
      `evil.example:${server.port}`,
      'localhost.evil.example',
      '127.0.0.1.nip.io',
      '10.0.0.1',
      '',
    ]) {
      expect([host, (await get(server.port, '/status.json', { host })).status]).toEqual([host, 403]);
    }
    // No Host at all: Node refuses an HTTP/1.1 request without one before we see it.
    expect([400, 403]).toContain((await get(server.port, '/status.json', { host: null })).status);
    for (const host of [`localhost:${server.port}`, '127.0.0.1', `[::1]:${server.port}`, 'LOCALHOST']) {
      expect([host, (await get(server.port, '/status.json', { host })).status]).toEqual([host, 200]);
    }
    expect(localHost(undefined)).toBe(false);
  });
});

// Each of these edits its own project copy, watched by its own server.
describe('bordduk preview: a save', () => {
  it('of guide.yaml lays out only the guide again', () =>
    withServer(async (p, server) => {
      const before = server.status();
      p.edit('nb/guide.yaml', (t) => changed(t, t.replace(/^(\s*title: )(.*)$/m, '$1$2 Endret')));
      const after = await nextBuild(server, before.build);
      expect(urlOf(after, 'sheet', 1)).toBe(urlOf(before, 'sheet', 1));
      expect(urlOf(after, 'sheet', 2)).toBe(urlOf(before, 'sheet', 2));
      expect(urlOf(after, 'guide')).not.toBe(urlOf(before, 'guide'));
    }));

  it('of sheet1.yaml shows the new words; the guide stays (its miniature leaves such small words out)', () =>
    withServer(async (p, server) => {
      const before = server.status();
      p.edit('nb/sheet1.yaml', (t) => inBlock(t, 'strategic', 'prompt', (l) => l.replace(/: "?/, '$&Kobberfargede ')));
      const after = await nextBuild(server, before.build);
      expect(after.ok).toBe(true);
      // Both sheets were laid out again (they share one text size); sheet 2 came out byte for byte as
      // before, and its URL names its bytes, so the page need not reload it.
      expect(urlOf(after, 'sheet', 1)).not.toBe(urlOf(before, 'sheet', 1));
      expect(urlOf(after, 'sheet', 2)).toBe(urlOf(before, 'sheet', 2));
      // The guide's miniatures leave out text that would print under 4 pt, and this edit moves
      // nothing on the sheet, so the guide comes out byte for byte as before and need not reload either.
      expect(urlOf(after, 'guide')).toBe(urlOf(before, 'guide'));
      expect(await pdfWords(server.port, urlOf(after, 'sheet', 1))).toContain('Kobberfargede');
    }));

  it('with a YAML mistake gives problems with file:line:col and keeps the last good files', () =>
    withServer(async (p, server) => {
      const good = server.status();
      p.edit('nb/sheet1.yaml', (t) => inBlock(t, 'strategic', 'prompt', (l) => l.replace('prompt:', 'promt:')));
      const bad = await nextBuild(server, good.build);
      expect(bad.ok).toBe(false);
      expect(bad.problems).toHaveLength(1);
      const line =
        p
          .read('nb/sheet1.yaml')
          .split('\n')
          .findIndex((l) => l.startsWith('    promt:')) + 1;
      expect(line).toBeGreaterThan(1);
      expect(bad.problems[0]).toMatchObject({
        line,
        col: 5,
        severity: 'error',
        message: "unknown key 'promt' in 'blocks.strategic'",
        hint: "did you mean 'prompt'?",
      });
      expect(at(bad.problems, 0).file).toMatch(/nb\/sheet1\.yaml$/);
      expect(bad.files).toEqual(good.files);
      expect((await get(server.port, at(bad.files, 0).url)).status).toBe(200);

      p.edit('nb/sheet1.yaml', (t) => t.replace('    promt: ', '    prompt: '));
      const fixed = await nextBuild(server, bad.build);
      expect(fixed).toMatchObject({ ok: true, problems: [] });
    }));

  it('that removes a file is reported, and the preview recovers when it is back', () =>
    withServer(async (p, server) => {
      const text = p.read('nb/sheet2.yaml');
      const good = server.status();
      rmSync(p.file('nb/sheet2.yaml'));
      const bad = await nextBuild(server, good.build);
      expect(bad.ok).toBe(false);
      expect(bad.problems[0]).toMatchObject({ line: 1, col: 1, message: 'cannot read the file: ENOENT' });
      expect(at(bad.problems, 0).file).toMatch(/nb\/sheet2\.yaml$/);
      expect(bad.files).toEqual(good.files);
      p.write('nb/sheet2.yaml', text);
      expect(await nextBuild(server, bad.build)).toMatchObject({ ok: true, problems: [] });
    }));

  it('of the locale happens on a JSON request only', () =>
    withServer(async (_p, server) => {
      const post = async (body: string, type: string) =>
        (await get(server.port, '/locale', { method: 'POST', body, headers: { 'Content-Type': type } })).status;
      expect(await post('locale=nn', 'application/x-www-form-urlencoded')).toBe(415);
      expect(await post('{"locale":"xx"}', 'application/json')).toBe(400);
      const other = LOCALES.find((l) => l !== 'nb')!;
      const before = server.status().build;
      expect(await post(JSON.stringify({ locale: other }), 'application/json')).toBe(202);
      const s = await nextBuild(server, before);
      expect(s.locale).toBe(other);
      expect(s.files.map((f) => f.locale)).toEqual([other, other, other]);
    }));
});

describe('bordduk preview: warm files', () => {
  it('parses a YAML file again only when its text changed, and repeats its problems each time', () => {
    const parsed = new ParsedFiles<YamlFile>();
    const p = scratchProject();
    const path = p.file('nb/meta.yaml');
    const read = () => {
      const problems = new Problems();
      return { file: readYamlFile(path, 'meta.yaml', problems, { parsed }), problems: problems.list };
    };
    const a = read();
    expect(read().file).toBe(a.file);
    p.edit('nb/meta.yaml', (t) => `${t}\n# a comment\n`);
    const b = read();
    expect(b.file).not.toBe(a.file);
    expect(b.file!.data).toEqual(a.file!.data);
    p.edit('nb/meta.yaml', (t) => `${t}\n\tbad: tab\n`);
    expect(read().problems).toHaveLength(1);
    expect(read().problems).toEqual(read().problems);
  });
});

describe('bordduk preview: fit warnings', () => {
  it('shows text under the floor as a warning, with the chosen size', async () => {
    const p = scratchProject();
    const server = await startPreview({ paths: p.paths, locale: 'nb', size: 'A3', allowSmall: true });
    try {
      const sentence =
        'Hvem har vi glemt som kan stanse, forsinke eller styrke anskaffelsen, og hvem bør vi snakke med før mandatet skal godkjennes?';
      let s = server.status();
      for (let n = 8; n <= 14 && s.problems.length === 0; n++) {
        p.edit('nb/sheet1.yaml', (t) =>
          inBlock(t, 'missing', 'prompt', () => `    prompt: "${Array(n).fill(sentence).join(' ')}"`),
        );
        s = await nextBuild(server, s.build);
        expect(s.ok).toBe(true);
      }
      expect(s.problems[0]).toMatchObject({ severity: 'warning' });
      expect(at(s.problems, 0).message).toMatch(/question text is [\d.]+ pt, under the 8\.0 pt floor/);
      expect(at(s.files, 0).textSize).toBeLessThan(at(s.files, 0).floor!);
    } finally {
      await server.close();
    }
  });
});

describe('bordduk preview: the command', () => {
  it('refuses a bad port or an unknown locale as usage errors (exit 2)', async () => {
    const port = await cli(['preview', '--port', 'eighty']);
    expect(port.code).toBe(2);
    expect(port.stderr).toContain('give a port number from 1 to 65535');
    const locale = await cli(['preview', '--locale', 'xx']);
    expect(locale.code).toBe(2);
    expect(locale.stderr).toBe(`bordduk: unknown locale 'xx'; this tool has: ${LOCALES.join(', ')} (or all)\n`);
  });

  it('says so when the port is taken (exit 2), and does not start', async () => {
    const p = scratchProject();
    const first = await startPreview({ paths: p.paths, size: 'A4' });
    try {
      const second = cli(['--root', p.dir, 'preview', '--port', String(first.port)]);
      const r = await Promise.race([
        second,
        new Promise<never>((_, reject) => setTimeout(() => reject(new Error('the second preview started')), 30_000)),
      ]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `bordduk: port ${first.port} is in use (choose another with --port, or leave it out for a free one)\n`,
      );
    } finally {
      await first.close();
    }
  });

  it('prints its address, serves, and stops cleanly on Ctrl-C', async () => {
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin', 'bordduk.js'), ...shippedTool(['preview', '--size', 'A4'])],
      {
        cwd: ROOT,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c) => (stdout += c));
    child.stderr.on('data', (c) => (stderr += c));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const until = Date.now() + 60_000;
    while (!/http:\/\/127\.0\.0\.1:\d+\//.test(stdout) && Date.now() < until && child.exitCode === null)
      await new Promise((r) => setTimeout(r, 50));
    const port = Number(/127\.0\.0\.1:(\d+)/.exec(stdout)?.[1]);
    expect(port, stderr).toBeGreaterThan(0);
    expect((await statusJson(port)).files).toHaveLength(3);
    child.kill('SIGINT');
    expect(await exited).toBe(0);
    expect(stderr).toContain('bordduk preview: stopped');
    expect(await refused(port, '127.0.0.1')).toBe(true);
  });
});
