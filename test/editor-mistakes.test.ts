// Editors: the YAML mistakes people make, each named as what they did, at the line they did
// it, with the fix; and nothing lost silently (an unquoted " #", a text of only spaces). The cases edit
// a scratch copy around structural anchors (the top-level title line, the first block), not words.
import { describe, expect, it } from 'vitest';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli, scratchProject, type CliResult } from './helpers.js';
import { expectContentError, problemAt } from './bad-input-helpers.js';

const SHEET = 'nb/sheet1.yaml';

/** Replaces the sheet's top-level `title:` line with `line` and runs validate (no fitting: faster). */
async function withTitleLine(line: string): Promise<{ r: CliResult; file: string; at: number }> {
  const p = scratchProject();
  const lines = p.read(SHEET).split('\n');
  const at = lines.findIndex((l) => l.startsWith('title:'));
  lines[at] = line;
  p.write(SHEET, lines.join('\n'));
  const r = await cli(['--root', p.dir, 'validate', '--locale', 'nb', '--size', 'A1']);
  return { r, file: p.file(SHEET), at: at + 1 };
}

/** Inserts lines after the first block's `title:` line (4 spaces deep) and runs validate. */
async function inFirstBlock(extra: string[]): Promise<{ r: CliResult; file: string; at: number }> {
  const p = scratchProject();
  const lines = p.read(SHEET).split('\n');
  const at = lines.findIndex((l) => /^ {4}title: /.test(l));
  lines.splice(at + 1, 0, ...extra);
  p.write(SHEET, lines.join('\n'));
  const r = await cli(['--root', p.dir, 'validate', '--locale', 'nb', '--size', 'A1']);
  return { r, file: p.file(SHEET), at: at + 2 };
}

describe('editors: no silent loss', () => {
  it('an unquoted " #" in text is an error at the "#", with the fix, not a comment', async () => {
    const { r, file, at } = await withTitleLine('title: Kvifor er anskaffelsen strategisk? #1 i prioritet');
    expectContentError(r);
    expect(r.stderr).not.toMatch(/content is valid/);
    const msg = problemAt(r, file, at, 'title: Kvifor er anskaffelsen strategisk? '.length + 1);
    expect(msg).toMatch(/comment/);
    expect(msg).toContain('#1 i prioritet');
    expect(msg).toContain('"Kvifor er anskaffelsen strategisk? #1 i prioritet"');
  });

  it('a quoted "#" and a comment on a line of its own stay fine', async () => {
    const { r } = await withTitleLine('title: "Kvifor er det #1?" # a comment after a quoted text is fine');
    expect(r.code, r.stderr).toBe(0);
  });

  it('a text of only spaces is an error like an empty one', async () => {
    const { r, file, at } = await withTitleLine('title: "   "');
    expectContentError(r);
    expect(problemAt(r, file, at, 8)).toMatch(/only spaces/);
  });

  it('1.10 is suggested as "1.10", from the source, not "1.1"', async () => {
    const { r, file, at } = await withTitleLine('title: 1.10');
    expectContentError(r);
    const msg = problemAt(r, file, at, 8);
    expect(msg).toContain('"1.10"');
    expect(msg).not.toContain('"1.1"');
  });
});

describe("editors: YAML mistakes in the editor's words, at their line", () => {
  const starts: [string, RegExp][] = [
    ['*', /alias/],
    ['&', /anchor/],
    ['!', /tag/],
    ['%', /directive/],
    ['@', /reserves/],
  ];
  for (const [c, meaning] of starts) {
    it(`a text starting with '${c}'`, async () => {
      const { r, file, at } = await withTitleLine(`title: ${c}viktig${c} tekst`);
      expectContentError(r);
      const msg = problemAt(r, file, at, 8);
      expect(msg).toMatch(meaning);
      expect(msg).toContain(`"${c}viktig${c} tekst"`);
    });
  }

  it('a text that starts with a quote and goes on after it', async () => {
    const { r, file, at } = await withTitleLine('title: "Kvifor" er det slik');
    expectContentError(r);
    expect(problemAt(r, file, at, 16)).toMatch(/quote .*closes before the text ends/);
  });

  for (const c of ['[', '{']) {
    it(`a text starting with '${c}'`, async () => {
      const close = c === '[' ? ']' : '}';
      const { r, file, at } = await withTitleLine(`title: ${c}utkast${close} tekst`);
      expectContentError(r);
      expect(problemAt(r, file, at, 8)).toMatch(c === '[' ? /a list/ : /a mapping/);
    });
  }

  it("': ' inside unquoted text", async () => {
    const { r, file, at } = await withTitleLine('title: Merk: dette er viktig');
    expectContentError(r);
    const msg = problemAt(r, file, at, 12);
    expect(msg).toMatch(/colon/);
    expect(msg).not.toMatch(/implicit|compact/i);
  });

  it('a missing colon', async () => {
    const { r, file, at } = await inFirstBlock(['    prompt Skriv her']);
    expectContentError(r);
    const msg = problemAt(r, file, at, 5);
    expect(msg).toMatch(/no ':' after 'prompt'/);
    expect(msg).not.toMatch(/implicit/i);
  });

  it('a non-breaking space used as indentation', async () => {
    const { r, file, at } = await inFirstBlock(['\u00a0   prompt: Skriv her']);
    expectContentError(r);
    expect(problemAt(r, file, at, 1)).toMatch(/non-breaking space/);
  });

  it('a key indented one space too far, reported at its own line (the parser points a line early)', async () => {
    const { r, file, at } = await inFirstBlock(['     prompt: Skriv her']);
    expectContentError(r);
    const msg = problemAt(r, file, at, 1);
    expect(msg).toMatch(/'prompt' is indented 5 spaces/);
    expect(msg).not.toMatch(/implicit|compact/i);
  });

  it('a key indented one space too little', async () => {
    const { r, file, at } = await inFirstBlock(['   prompt: Skriv her']);
    expectContentError(r);
    expect(problemAt(r, file, at, 1)).toMatch(/'prompt' is indented 3 spaces/);
  });

  it('a list item indented further than the one above, which YAML would join to it', async () => {
    const { r, file, at } = await inFirstBlock(['    hints:', '      - Først', '       - Så']);
    expectContentError(r);
    expect(problemAt(r, file, at + 2, 1)).toMatch(/joins it to the text above/);
  });
});

describe('validate says which size failed and who asked for it', () => {
  it('a size from the release config is named with the config file', async () => {
    const p = scratchProject();
    // Far smaller than A4: the shipped words cannot fit there, while A0–A4 fit.
    writeFileSync(join(p.dir, 'bordduk.config.yaml'), 'tools: all\nlocales: all\nsizes: [A3, 150x100mm]\n');
    const r = await cli(['--root', p.dir, 'validate', '--locale', 'nb']);
    expect(r.code).toBe(1);
    const lines = r.stderr.split('\n').filter((l) => / at 150x100mm /.test(l));
    expect(lines.length, r.stderr).toBeGreaterThan(0);
    for (const l of lines) expect(l).toMatch(/; 150x100mm is one of the sizes in .*bordduk\.config\.yaml \(/);
    expect(r.stderr).not.toMatch(/ at A[0-4] /);
  });

  it('a size given with --size is said to be asked for', async () => {
    const p = scratchProject();
    const r = await cli(['--root', p.dir, 'validate', '--locale', 'nb', '--size', '150x100mm']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/; 150x100mm is one of the sizes asked for \(/);
  });
});
