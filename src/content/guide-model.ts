// The process guide as its consumers read it: each piece of a chapter carries its `kind` (in the
// YAML the kind is the piece's key, `p:` or `figure:`), so nothing downstream tells pieces apart by
// which key is present, and each carries its position for the messages about it.
import type { SourcePos } from '../errors.js';
import type { GuideFile, GuideItem as GuideItemFile } from './model.js';
import type { JsonPath, YamlFile } from './yaml-file.js';
import { unreachable, type GuideItemKind } from './kinds.js';

interface ItemBase {
  /** The piece's path in the guide file. */
  path: JsonPath;
  pos: SourcePos;
}

/** A paragraph, a tip or a pitfall: one text with inline markup. */
export interface TextItem extends ItemBase {
  kind: 'p' | 'tip' | 'pitfall';
  text: string;
}

/** Bullets or numbered steps. */
export interface ListItem extends ItemBase {
  kind: 'list' | 'steps';
  entries: string[];
}

/** A miniature of a sheet. */
export interface FigureItem extends ItemBase {
  kind: 'figure';
  sheet: string;
  alt: string;
}

export type GuideItem = TextItem | ListItem | FigureItem;

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const kindsMatch: Same<GuideItem['kind'], GuideItemKind> = true;
void kindsMatch;

export interface GuideSection {
  id: string;
  title: string;
  body: GuideItem[];
}

export interface GuideChapter extends GuideSection {
  sections: GuideSection[];
}

export interface GuideModel {
  title: string;
  subtitle: string;
  chapters: GuideChapter[];
  /** The guide file as written, for what walks its text by path (strings, glyphs, translations, positions). */
  file: YamlFile & { data: GuideFile };
}

/** A piece as written is told by its one key (the schema allows no other): the one place that reads it so. */
function resolveItem(item: GuideItemFile, path: JsonPath, file: YamlFile): GuideItem {
  const at = { path, pos: file.pos(path) };
  if ('p' in item) return { kind: 'p', text: item.p, ...at };
  if ('tip' in item) return { kind: 'tip', text: item.tip, ...at };
  if ('pitfall' in item) return { kind: 'pitfall', text: item.pitfall, ...at };
  if ('list' in item) return { kind: 'list', entries: item.list, ...at };
  if ('steps' in item) return { kind: 'steps', entries: item.steps, ...at };
  if ('figure' in item) return { kind: 'figure', sheet: item.figure, alt: item.alt, ...at };
  return unreachable(item);
}

export function resolveGuide(file: YamlFile & { data: GuideFile }): GuideModel {
  const body = (items: GuideItemFile[], at: JsonPath) => items.map((item, i) => resolveItem(item, [...at, i], file));
  return {
    title: file.data.title,
    subtitle: file.data.subtitle,
    chapters: file.data.chapters.map((ch, ci) => ({
      id: ch.id,
      title: ch.title,
      body: body(ch.body, ['chapters', ci, 'body']),
      sections: (ch.sections ?? []).map((s, si) => ({
        id: s.id,
        title: s.title,
        body: body(s.body, ['chapters', ci, 'sections', si, 'body']),
      })),
    })),
    file,
  };
}
