// `bordduk preview`'s server without a browser: what status.json says of its first build, that it
// serves what `bordduk build` writes, and what it serves and refuses (addresses, paths, Host headers).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { startPreview, type PreviewServer } from '../src/preview/preview.js';
import { localHost } from '../src/preview/http.js';
import { build } from '../src/pipeline/build.js';
import { LOCALES, compact, joinedText, readPdf, scratchProject, type Project } from './helpers.js';
import { get, pdfWords, refused, statusJson, urlOf } from './preview-helpers.js';
import { at } from '../src/at.js';

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
