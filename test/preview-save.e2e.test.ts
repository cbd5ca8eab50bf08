// `bordduk preview` without a browser: how a save turns into a new build (only what changed), a
// mistake or a missing file into problems, text under the floor into a warning; and YAML files
// parsed again only when their text changed.
import { describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import { startPreview } from '../src/preview/preview.js';
import { readYamlFile, type YamlFile } from '../src/content/yaml-file.js';
import { ParsedFiles } from '../src/content/parsed-files.js';
import { Problems } from '../src/errors.js';
import { LOCALES, scratchProject } from './helpers.js';
import { get, nextBuild, pdfWords, urlOf, withServer } from './preview-helpers.js';
import { changed, inBlock } from './yaml-edit.js';
import { at } from '../src/at.js';

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
