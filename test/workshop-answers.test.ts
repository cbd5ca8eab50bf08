// Unit checks of the workshop's pieces that the end-to-end test relies on: stand-ins for characters
// the fonts lack, and what an answers file says about the build it asks for.
import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fallbackFor, withFallbacks } from '../src/layout/text/fallback.js';
import { prepareAnswers, scopeToAnswers } from '../src/pipeline/answers.js';
import { loadModels } from '../src/pipeline/models.js';
import { UsageError } from '../src/errors.js';

const dir = mkdtempSync(join(tmpdir(), 'bordduk-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('stand-ins for characters the fonts lack', () => {
  it('keep the meaning of arrows, comparisons and ticks, and name emoji in the language', () => {
    const missing = new Set(['→', '≥', '≤', '✓', '👍']);
    expect(withFallbacks('a → b ≥ 3 ≤ 4 ✓', missing, 'en')).toBe('a -> b >= 3 <= 4 [x]');
    expect(fallbackFor('👍', 'nb')).not.toBe(fallbackFor('👍', 'en'));
    expect(withFallbacks('ok 👍', missing, 'xx')).toBe(`ok ${fallbackFor('👍', 'en')}`);
    // A variation selector or skin tone after a replaced emoji goes with it; nothing else is dropped.
    expect(withFallbacks('👍\uFE0F👍\u{1F3FD}!', missing, 'en')).toBe(`${fallbackFor('👍', 'en').repeat(2)}!`);
    expect(withFallbacks('x\uFE0F', missing, 'en')).toBe('x\uFE0F');
    // An unknown character is never dropped: its code point stands in.
    expect(fallbackFor('\u{1F9A9}', 'nb')).toBe('(U+1F9A9)');
  });
});

describe('an answers file scopes the build', () => {
  const file = join(dir, 'a.yaml');
  writeFileSync(file, 'tool: ledelsesforankring\nanswers:\n  nn:\n    strategic: Mål\n  en:\n    strategic: Goal\n');
  it('to its tool and locales, sheets only', () => {
    const { options: o, set } = scopeToAnswers({ answers: file });
    // The file is read once; the build is handed what was read.
    expect(set?.tool).toBe('ledelsesforankring');
    expect(Object.keys(set?.locales ?? {}).sort()).toEqual(['en', 'nn']);
    expect(o.tools).toEqual(['ledelsesforankring']);
    expect(o.locales).toEqual(['en', 'nn']);
    expect(o.only).toBe('sheets');
    expect(scopeToAnswers({ answers: file, only: 'guide', locales: ['nn'] }).options).toMatchObject({
      only: 'guide',
      locales: ['nn'],
    });
  });
  it('and refuses a --tool that contradicts it', () => {
    expect(() => scopeToAnswers({ answers: file, tools: ['another'] })).toThrow(UsageError);
    expect(() => scopeToAnswers({ answers: file, tool: 'another' })).toThrow(/contradicts .*'ledelsesforankring'/);
    expect(scopeToAnswers({ answers: file, tools: ['ledelsesforankring'] }).options.tools).toEqual([
      'ledelsesforankring',
    ]);
  });
});

describe('the answers as read', () => {
  it('are not changed by the stand-ins a record prints', () => {
    const file = join(dir, 'arrow.yaml');
    writeFileSync(file, 'tool: ledelsesforankring\nanswers:\n  nb:\n    strategic: Mål → tiltak\n');
    const { options, set } = scopeToAnswers({ answers: file });
    const models = loadModels({ tool: 'ledelsesforankring', locales: options.locales });
    const { answerSet, warnings } = prepareAnswers(options, models, set);
    expect(set?.locales.nb?.strategic?.text).toBe('Mål → tiltak');
    expect(answerSet?.locales.nb?.strategic?.text).toBe(`Mål ${fallbackFor('→', 'nb')} tiltak`);
    expect(warnings.map((w) => w.message).join('\n')).toMatch(/cannot print/);
  });
});
