// Frames: the plain data that layout produces and every exporter walks. Points, origin at the
// top-left of the page's MediaBox, y downwards. Nothing here knows pdfkit.
import type { ColourId, FontId } from '../content/template-model.js';

export interface TextItem {
  type: 'text';
  x: number;
  /** Baseline. */
  y: number;
  text: string;
  font: FontId;
  size: number;
  colour: ColourId;
  /** Advance width as measured by layout; the renderer need not measure again. */
  width: number;
  /** The content id this text came from (block id, chapter id …), for tests and tagging. */
  source?: string;
  /** A URL this run links to. */
  link?: string;
  /** The text ends in a hyphen added at a line break (not the author's): it reads as U+00AD. */
  hyphen?: boolean;
}

export interface RectItem {
  type: 'rect';
  x: number;
  y: number;
  w: number;
  h: number;
  fill?: ColourId;
  stroke?: ColourId;
  lineWidth?: number;
  radius?: number;
  dash?: [number, number];
}

export interface LineItem {
  type: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: ColourId;
  lineWidth: number;
  dash?: [number, number];
}

export interface PathItem {
  type: 'path';
  /** Closed polygon or circle. */
  shape: { kind: 'polygon'; points: [number, number][] } | { kind: 'circle'; cx: number; cy: number; r: number };
  fill?: ColourId;
  stroke?: ColourId;
  lineWidth?: number;
}

/** Another frame drawn translated, scaled and clipped: miniatures in the guide, tiles. */
export interface GroupItem {
  type: 'group';
  x: number;
  y: number;
  scale: number;
  clip?: { x: number; y: number; w: number; h: number };
  items: Item[];
}

/** A clickable area: an external URL or a page of the same document (0-based). */
export interface LinkItem {
  type: 'link';
  x: number;
  y: number;
  w: number;
  h: number;
  url?: string;
  page?: number;
  /** Where on that page it lands (a heading's top-left); the page's top when absent. */
  at?: { x: number; y: number };
  /** What the link leads to, for assistive technology (the annotation's Contents). */
  description?: string;
}

/** Structure for tagged PDF: the items inside belong to one element of the given role. */
export interface TagItem {
  type: 'tag';
  role: TagRole;
  alt?: string;
  items: Item[];
  /**
   * One element across pages: tags with the same id (a chapter's Sect, a list split by a page
   * break) are the same structure element. Only inside tags that have an id themselves, or at the top.
   */
  id?: string;
  /** The element's box on the page (Figures; ISO 32000-1 14.8.5.4.3). */
  bbox?: { x: number; y: number; w: number; h: number };
  /** Table header cells: which cells they head. */
  scope?: 'Column' | 'Row';
  /** Lists: how the labels count (ISO 32000-1 Table 347). */
  numbering?: 'Decimal' | 'Disc' | 'None';
  /** What the element's text says, where it is drawn otherwise (a kicker set in capitals). */
  actual?: string;
  /** Artifacts: a pagination artifact of this subtype (running footer), not a layout one. */
  pagination?: 'Header' | 'Footer';
}

export type TagRole =
  | 'Document'
  | 'Sect'
  | 'Div'
  | 'H1'
  | 'H2'
  | 'H3'
  | 'P'
  | 'Span'
  | 'Note'
  | 'L'
  | 'LI'
  | 'Lbl'
  | 'LBody'
  | 'Figure'
  | 'Caption'
  | 'Artifact'
  | 'TOC'
  | 'TOCI'
  | 'Reference'
  | 'Link'
  | 'Table'
  | 'THead'
  | 'TBody'
  | 'TR'
  | 'TH'
  | 'TD'
  | 'Form';

export type { FieldItem } from './field.js';
import type { FieldItem } from './field.js';

export type Item = TextItem | RectItem | LineItem | PathItem | GroupItem | LinkItem | TagItem | FieldItem;

/** A rectangle that layout promises to keep its text inside; tests check the promise. */
export interface Region {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Page {
  width: number;
  height: number;
  /** The finished size inside the page (equals the page without bleed). */
  trim: { x: number; y: number; w: number; h: number };
  bleed: { x: number; y: number; w: number; h: number };
  items: Item[];
  regions: Region[];
}

export interface OutlineEntry {
  title: string;
  page: number;
  /** Top-left of the heading's first line, where the bookmark lands. */
  x?: number;
  y?: number;
  children: OutlineEntry[];
}

export interface DocFrame {
  pages: Page[];
  outline: OutlineEntry[];
  meta: { title: string; author: string; subject: string; keywords: string[]; lang: string; date: Date };
}

/** Walks every item, descending into tags (not into groups, whose coordinates are their own). */
export function* walk(items: Item[]): Generator<Item> {
  for (const it of items) {
    yield it;
    if (it.type === 'tag') yield* walk(it.items);
  }
}
