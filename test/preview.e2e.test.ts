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
import { keepParsedFiles, readYamlFile } from '../src/content/yaml-file.js';
import { Problems } from '../src/errors.js';
import { ROOT, cli, joinedText, readPdf, scratchProject, type Project } from './helpers.js';
import { get, nextBuild, statusJson } from './preview-helpers.js';

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
      locales: ['nb', 'nn', 'en'],
      size: 'A1',
      problems: [],
    });
    expect(s.ms).toBeGreaterThan(0);
    expect(s.files.map((f) => [f.kind, f.sheet, f.locale, f.size])).toEqual([
      ['sheet', 1, 'nb', 'A1'],
      ['sheet', 2, 'nb', 'A1'],
      ['guide', undefined, 'nb', 'A4'],
    ]);
    expect(s.files[0].textSize).toBeGreaterThanOrEqual(s.files[0].floor!);
    for (const f of s.files) expect((await get(server.port, f.url)).body.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await pdfWords(server.port, urlOf(s, 'sheet', 1))).toContain('Hvemberøresavanskaffelsen?');
  });

  it('shows what bordduk build writes: the same sheets, drawn by the same library', async () => {
    const out = mkdtempSync(join(tmpdir(), 'bordduk-preview-build-'));
    const { files } = await build({ paths: p.paths, locales: ['nb'], only: 'sheets', out });
    const s = await statusJson(server.port);
    for (const n of [1, 2]) {
      const built = joinedText(await readPdf(files.find((f) => f.sheet === n)!.path));
      expect(await pdfWords(server.port, urlOf(s, 'sheet', n))).toBe(built);
    }
    expect(s.files[0].textSize).toBe(files[0].layout!.textSize);
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

  it('after a save of guide.yaml lays out only the guide again', async () => {
    const before = server.status();
    p.edit('nb/guide.yaml', (t) => t.replace(/^(\s*title: )(.*)$/m, '$1$2 Endret'));
    const after = await nextBuild(server, before.build);
    expect(urlOf(after, 'sheet', 1)).toBe(urlOf(before, 'sheet', 1));
    expect(urlOf(after, 'sheet', 2)).toBe(urlOf(before, 'sheet', 2));
    expect(urlOf(after, 'guide')).not.toBe(urlOf(before, 'guide'));
  });

  it('after a save of sheet1.yaml shows the new words; the guide stays (its miniature leaves such small words out)', async () => {
    const before = server.status();
    p.edit('nb/sheet1.yaml', (t) =>
      changed(t, t.replace('    prompt: "Hvilke mål', '    prompt: "Hvilke kobberfargede mål')),
    );
    const after = await nextBuild(server, before.build);
    expect(after.ok).toBe(true);
    // Both sheets were laid out again (they share one text size); sheet 2 came out byte for byte as
    // before, and its URL names its bytes, so the page need not reload it.
    expect(urlOf(after, 'sheet', 1)).not.toBe(urlOf(before, 'sheet', 1));
    expect(urlOf(after, 'sheet', 2)).toBe(urlOf(before, 'sheet', 2));
    // The guide's miniatures leave out text that would print under 4 pt (issue 12), and this edit moves
    // nothing on the sheet, so the guide comes out byte for byte as before and need not reload either.
    expect(urlOf(after, 'guide')).toBe(urlOf(before, 'guide'));
    expect(await pdfWords(server.port, urlOf(after, 'sheet', 1))).toContain('kobberfargedemål');
  });

  it('turns a YAML mistake into problems with file:line:col and keeps the last good files', async () => {
    const good = server.status();
    p.edit('nb/sheet1.yaml', (t) => t.replace('    prompt: "Hvilke kobberfargede', '    promt: "Hvilke kobberfargede'));
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
    expect(bad.problems[0].file).toMatch(/nb\/sheet1\.yaml$/);
    expect(bad.files).toEqual(good.files);
    expect((await get(server.port, bad.files[0].url)).status).toBe(200);

    p.edit('nb/sheet1.yaml', (t) => t.replace('    promt: "', '    prompt: "'));
    const fixed = await nextBuild(server, bad.build);
    expect(fixed).toMatchObject({ ok: true, problems: [] });
  });

  it('reports a file removed mid-session, and recovers when it is back', async () => {
    const text = p.read('nb/sheet2.yaml');
    const good = server.status();
    rmSync(p.file('nb/sheet2.yaml'));
    const bad = await nextBuild(server, good.build);
    expect(bad.ok).toBe(false);
    expect(bad.problems[0]).toMatchObject({ line: 1, col: 1, message: 'cannot read the file: ENOENT' });
    expect(bad.problems[0].file).toMatch(/nb\/sheet2\.yaml$/);
    expect(bad.files).toEqual(good.files);
    p.write('nb/sheet2.yaml', text);
    expect(await nextBuild(server, bad.build)).toMatchObject({ ok: true, problems: [] });
  });

  it('switches locale on a JSON request only', async () => {
    expect(
      (
        await get(server.port, '/locale', {
          method: 'POST',
          body: 'locale=nn',
          headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        })
      ).status,
    ).toBe(415);
    expect(
      (
        await get(server.port, '/locale', {
          method: 'POST',
          body: '{"locale":"se"}',
          headers: { 'Content-Type': 'application/json' },
        })
      ).status,
    ).toBe(400);
    const before = server.status().build;
    expect(
      (
        await get(server.port, '/locale', {
          method: 'POST',
          body: '{"locale":"nn"}',
          headers: { 'Content-Type': 'application/json' },
        })
      ).status,
    ).toBe(202);
    const s = await nextBuild(server, before);
    expect(s.locale).toBe('nn');
    expect(s.files.map((f) => f.locale)).toEqual(['nn', 'nn', 'nn']);
  });
});

describe('bordduk preview: warm files', () => {
  it('parses a YAML file again only when its text changed, and repeats its problems each time', () => {
    keepParsedFiles();
    const p = scratchProject();
    const path = p.file('nb/meta.yaml');
    const read = () => {
      const problems = new Problems();
      return { file: readYamlFile(path, 'meta.yaml', problems), problems: problems.list };
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
          t.replace(/^( {4}prompt: ).*Hvem har vi glemt.*$/m, `$1"${Array(n).fill(sentence).join(' ')}"`),
        );
        s = await nextBuild(server, s.build);
        expect(s.ok).toBe(true);
      }
      expect(s.problems[0]).toMatchObject({ severity: 'warning' });
      expect(s.problems[0].message).toMatch(/question text is [\d.]+ pt, under the 8\.0 pt floor/);
      expect(s.files[0].textSize).toBeLessThan(s.files[0].floor!);
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
    const locale = await cli(['preview', '--locale', 'se']);
    expect(locale.code).toBe(2);
    expect(locale.stderr).toBe("bordduk: unknown locale 'se'; this tool has: nb, nn, en (or all)\n");
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
    const child = spawn(process.execPath, [join(ROOT, 'bin', 'bordduk.js'), 'preview', '--size', 'A4'], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
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
