// A build's context: what the stages keep while they work (the Typst "World" and its memo), made
// once per build (and once per worker thread of a build) and handed down, never held in module
// globals. It keeps parsed YAML files, parsed fonts with their shaping and width memos, the
// hyphenators, the sheets' fits and the output intent's profile. Nothing in it can change a PDF's
// bytes: every value is what a fresh computation gives (fonts hand each request its own copy of the
// shaped glyphs), and two builds never share one. The preview holds one context for as long as it
// runs; every memo in it is bounded (the numbers stand next to each memo), so many edits do not grow
// its memory without limit.
import type { ThemeT } from '../content/template-model.js';
import type { ToolModel } from '../content/load.js';
import { ParsedFiles } from '../content/parsed-files.js';
import type { YamlFile } from '../content/yaml-file.js';
import { FontSet } from '../layout/text/fonts.js';
import { hyphenator, loadPatterns, type Hyphenator } from '../layout/text/hyphenate.js';
import type { PatternBreaks } from '../layout/text/pattern-table.js';
import { ModelMemo } from '../layout/memo.js';
import type { Typesetter } from '../layout/text/typeset.js';
import type { OutputIntent } from '../render/pdfx.js';
import type { Paths } from '../paths.js';
import { BoundedMap } from '../bounded.js';

/** Font sets kept (a folder and a theme's font list each): a build has one; the preview's fonts folder may change. */
export const FONT_SETS = 4;
/**
 * Hyphenators kept, one per locale and exception list. A build has one per locale (the shipped tool:
 * three); each edit of a hyphenation.yaml in the preview makes a new list, and past 16 the oldest goes.
 */
export const HYPHENATORS = 16;
/** Pattern sets, one per locale that has them (the `hyphen` package has about 70). */
const PATTERN_SETS = 16;
/** Output-intent profiles (a built-in one per paper, or a shop's file). */
const INTENTS = 4;

export class BuildContext {
  /** YAML files parsed by this build (or, in the preview, since it started), by path. */
  readonly parsed = new ParsedFiles<YamlFile>();
  /** The sheets' fits per model and paper: the guide's miniatures reuse the sheets' A1 fits. */
  readonly fits = new ModelMemo<unknown>();
  /** Output-intent profiles read and checked, by file and condition (render/intent.ts). */
  readonly intents = new BoundedMap<string, OutputIntent>(INTENTS);
  private fontSets = new BoundedMap<string, FontSet>(FONT_SETS);
  private patterns = new BoundedMap<string, PatternBreaks | null>(PATTERN_SETS);
  private hyphenators = new BoundedMap<string, Hyphenator>(HYPHENATORS);

  /** The fonts a theme names, parsed once in this context. */
  fonts(dir: string, theme: Pick<ThemeT, 'fonts'>): FontSet {
    const key = `${dir}\0${JSON.stringify(theme.fonts)}`;
    let fs = this.fontSets.get(key);
    if (!fs) this.fontSets.set(key, (fs = new FontSet(dir, theme.fonts)));
    return fs;
  }

  /** Drops the parsed fonts of a folder, so that the preview reads changed font files again. */
  forgetFonts(dir: string): void {
    for (const key of [...this.fontSets.keys()]) if (key.startsWith(`${dir}\0`)) this.fontSets.delete(key);
  }

  /** A locale's hyphenator with the content's exception list, made once in this context. */
  hyphenator(locale: string, exceptions: readonly string[]): Hyphenator {
    const key = `${locale}\0${exceptions.join(',')}`;
    let h = this.hyphenators.get(key);
    if (!h) {
      let pat = this.patterns.get(locale);
      if (pat === undefined) this.patterns.set(locale, (pat = loadPatterns(locale)));
      this.hyphenators.set(key, (h = hyphenator(locale, exceptions, pat)));
    }
    return h;
  }

  /** What a model's text is set with in this context. */
  typesetter(model: ToolModel, paths: Paths): Typesetter {
    return {
      fonts: this.fonts(paths.fonts, model.theme),
      hyph: this.hyphenator(model.locale, model.hyphenation),
      fits: this.fits,
    };
  }

  /** How many entries the context's memos hold, the largest of each kind: what the bounds keep in check. */
  entries(): { parsedFiles: number; fontSets: number; fontMemo: number; hyphenators: number } {
    let fontMemo = 0;
    for (const fs of this.fontSets.values()) fontMemo = Math.max(fontMemo, fs.memoEntries());
    return {
      parsedFiles: this.parsed.size,
      fontSets: this.fontSets.size,
      fontMemo,
      hyphenators: this.hyphenators.size,
    };
  }
}
