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
  /** What the link leads to, for assistive technology (the annotation's Contents). */
  description?: string;
}

/** Structure for tagged PDF: the items inside belong to one element of the given role. */
export interface TagItem {
  type: 'tag';
  role: 'H1' | 'H2' | 'P' | 'L' | 'LI' | 'Lbl' | 'LBody' | 'Figure' | 'Artifact' | 'TOC' | 'TOCI' | 'Note' | 'Form';
  alt?: string;
  items: Item[];
}

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
