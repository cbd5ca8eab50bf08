// The JSON Schemas that editors' tools load must match the TypeBox source the validator uses.
import { describe, expect, it } from 'vitest';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { schemaJson, SCHEMA_KINDS } from '../src/content/json-schema.js';
import { cli, ROOT, TOOL } from './helpers.js';
import { validatorModule } from '../src/content/validator-codegen.js';

describe('JSON Schema for editors', () => {
  it.each(SCHEMA_KINDS)('content/schema/%s.schema.json is current (run `npm run schema` if not)', (kind) => {
    const committed = readFileSync(join(ROOT, 'content', 'schema', `${kind}.schema.json`), 'utf8');
    expect(committed).toBe(`${schemaJson(kind)}\n`);
  });

  it('src/generated/validators.ts is current (run `npm run build` if not)', () => {
    const generated = readFileSync(join(ROOT, 'src', 'generated', 'validators.ts'), 'utf8');
    expect(generated).toBe(validatorModule());
  });

  it('every content file names its schema on its first line', () => {
    const kindOf = (name: string) => (name.startsWith('sheet') ? 'sheet' : name.replace('.yaml', ''));
    for (const locale of readdirSync(join(ROOT, 'content', TOOL), { withFileTypes: true }).filter((d) =>
      d.isDirectory(),
    )) {
      // YAML files only: translations.lock is bordduk's own record, not a file anyone edits.
      for (const f of readdirSync(join(ROOT, 'content', TOOL, locale.name)).filter((n) => n.endsWith('.yaml'))) {
        const first = readFileSync(join(ROOT, 'content', TOOL, locale.name, f), 'utf8').split('\n')[0];
        expect(first, `${locale.name}/${f}`).toBe(
          `# yaml-language-server: $schema=../../schema/${kindOf(f)}.schema.json`,
        );
      }
    }
    expect(readFileSync(join(ROOT, 'content', TOOL, 'tool.yaml'), 'utf8').split('\n')[0]).toBe(
      '# yaml-language-server: $schema=../schema/tool.schema.json',
    );
  });

  it('`bordduk schema sheet` prints the sheet schema; an unknown kind is a usage error', async () => {
    const ok = await cli(['schema', 'sheet']);
    expect(ok.code).toBe(0);
    expect(JSON.parse(ok.stdout).properties.blocks).toBeDefined();
    const all = await cli(['schema']);
    expect(Object.keys(JSON.parse(all.stdout).$defs)).toEqual(SCHEMA_KINDS);
    const bad = await cli(['schema', 'sheets']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown schema 'sheets'/);
  });
});
