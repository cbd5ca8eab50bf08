// The XMP packet stays valid XML whatever the words: a title with '&' or '<' must reach a reader's
// metadata as written (pdfkit pastes Info values into XMP unescaped; the pdfkit adapter, render/pdfkit/xmp.ts, escapes).
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, scratchProject } from './helpers.js';

async function xmpOf(path: string): Promise<{ title: unknown; creator: unknown; infoTitle: unknown }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(path)), verbosity: 0 }).promise;
  const meta = await doc.getMetadata();
  await doc.destroy();
  return {
    title: meta.metadata?.get('dc:title'),
    creator: meta.metadata?.get('dc:creator'),
    infoTitle: (meta.info as Record<string, unknown>).Title,
  };
}

describe('metadata with markup characters in the words', () => {
  it('writes a title and author holding & and < into XMP as text, and Info unchanged', async () => {
    const p = scratchProject();
    p.edit('nb/meta.yaml', (t) =>
      t.replace(/^title: .*$/m, 'title: "Leiing & <forankring>"').replace(/^author: .*$/m, 'author: "Kommune A & B"'),
    );
    const out = join(p.dir, 'out');
    const r = await cli(['--root', p.dir, 'build', '--tool', 'ledelsesforankring', '--locale', 'nb', '--out', out]);
    expect(r.stderr).not.toMatch(/error/i);
    expect(r.code).toBe(0);
    const guide = join(
      out,
      readdirSync(out).find((f) => f.includes('-guide-'))!,
    );
    const sheet = join(
      out,
      readdirSync(out).find((f) => f.includes('-sheet1-'))!,
    );
    for (const f of [guide, sheet]) {
      const x = await xmpOf(f);
      expect(String(x.title)).toContain('Leiing & <forankring>');
      expect(String(x.infoTitle)).toContain('Leiing & <forankring>');
      // The XMP packet itself holds the escaped form, never the raw characters.
      expect(readFileSync(f, 'latin1')).not.toContain('<rdf:li xml:lang="x-default">Leiing & <forankring>');
    }
    expect(JSON.stringify((await xmpOf(guide)).creator)).toContain('Kommune A & B');
  });
});
