// The preview page: follows the server's builds (server-sent events), draws the chosen PDF with
// pdf.js, keeps the page and the place on it across rebuilds, and shows problems in front of the
// last good preview, and the document as structured text (textview.js). Accessibility reasoning:
// docs/accessibility.md. Plain JavaScript served as is: nothing to build, nothing from the internet.
import * as pdfjs from '/pdfjs/pdf.mjs';
import { renderTextView } from '/textview.js';
import { renderProblems } from '/problems.js';
import { chooseLocale, showLocales } from '/locale.js';

pdfjs.GlobalWorkerOptions.workerSrc = '/pdfjs/pdf.worker.mjs';
/** One worker for every document: starting pdf.js's worker anew for each rebuild costs more than the rebuild. */
const worker = new pdfjs.PDFWorker();

const $ = (id) => document.getElementById(id);
const viewer = $('viewer');
const pagesEl = $('pages');
/** CSS pixels per PDF point at 100 %. */
const PX_PER_PT = 96 / 72;
const ZOOMS = [0.1, 0.15, 0.2, 0.25, 0.33, 0.5, 0.67, 0.75, 1, 1.25, 1.5, 2, 3, 4];
/** Canvases above this many pixels are drawn coarser and stretched, so deep zoom cannot exhaust memory. */
const MAX_CANVAS_PIXELS = 16e6;

const ui = {
  status: null,
  doc: location.hash.slice(1) || 'sheet1',
  /** 'fit' (the page's width fills the window) or a factor of actual size. */
  zoom: 'fit',
  shown: null, // { url, doc, scale }
  generation: 0,
  /** Where the reader was, per document: page index and the fraction down and across it. */
  anchors: {},
  /** 'pages' (the drawn sheet) or 'text' (the text view, shown instead). */
  view: 'pages',
};

document.body.dataset.zoom = ui.zoom;

const docId = (f) => (f.kind === 'sheet' ? `sheet${f.sheet}` : 'guide');
const currentFile = () => ui.status?.files.find((f) => docId(f) === ui.doc) ?? ui.status?.files[0];

// --- header -------------------------------------------------------------------------------
function renderHeader(s) {
  const docs = $('docs');
  const ids = s.files.map(docId);
  if (docs.dataset.ids !== ids.join()) {
    docs.dataset.ids = ids.join();
    docs.replaceChildren(
      ...s.files.map((f) => {
        const b = document.createElement('button');
        b.type = 'button';
        b.dataset.doc = docId(f);
        b.textContent = f.kind === 'sheet' ? `Sheet ${f.sheet}` : 'Guide';
        b.addEventListener('click', () => selectDoc(docId(f)));
        return b;
      }),
    );
  }
  for (const b of docs.children)
    b.setAttribute('aria-pressed', String(b.dataset.doc === (currentFile() && docId(currentFile()))));
  showLocales($('locale'), s);
  const errors = s.problems.filter((p) => p.severity === 'error').length;
  document.body.dataset.state = s.busy ? 'busy' : errors ? 'error' : 'ok';
  const f = currentFile();
  const size = f?.textSize !== undefined ? ` · question text ${f.textSize} pt (floor ${f.floor} pt)` : '';
  const what = s.busy ? 'building…' : errors ? `${errors} problem${errors === 1 ? '' : 's'}` : `${s.ms} ms`;
  $('state-text').textContent = `${s.locale} · ${s.size} · build ${s.build} · ${what}${size}`;
  document.title = `${errors ? '✗ ' : ''}bordduk preview · ${s.locale} ${s.size}`;
}

// --- pages --------------------------------------------------------------------------------
/**
 * What scrolls: the viewer, or on a narrow or low window (400 % zoom) the whole page, so that the
 * header scrolls away instead of leaving the sheet a strip (see preview.css).
 */
const scroller = () => (getComputedStyle(viewer).overflowY === 'visible' ? document.scrollingElement : viewer);
/** A page's top in the scroller's coordinates (pages are placed relative to the viewer). */
const topOf = (p, s) => p.offsetTop + (s === viewer ? 0 : viewer.offsetTop);

/** The page the reader is looking at, and where on it (kept across rebuilds and zooms). */
function anchor() {
  const pages = [...pagesEl.querySelectorAll('.page')];
  if (!pages.length || ui.view !== 'pages') return ui.anchors[ui.doc];
  const s = scroller();
  const top = s.scrollTop + Math.min(s.clientHeight / 3, 120);
  let i = pages.findIndex((p) => topOf(p, s) + p.offsetHeight > top);
  if (i < 0) i = pages.length - 1;
  const p = pages[i];
  return {
    page: i,
    y: (s.scrollTop - topOf(p, s)) / p.offsetHeight,
    x: s.scrollWidth > s.clientWidth ? (s.scrollLeft + s.clientWidth / 2) / s.scrollWidth : 0.5,
  };
}

function restore(a) {
  const pages = pagesEl.querySelectorAll('.page');
  const p = pages[Math.min(a?.page ?? 0, pages.length - 1)];
  if (!p || ui.view !== 'pages') return;
  const s = scroller();
  s.scrollTop = a ? topOf(p, s) + a.y * p.offsetHeight : 0;
  s.scrollLeft = a ? a.x * s.scrollWidth - s.clientWidth / 2 : 0;
}

function scaleFor(view1) {
  if (ui.zoom !== 'fit') return ui.zoom * PX_PER_PT;
  const pad = parseFloat(getComputedStyle(pagesEl).paddingLeft) || 0;
  const room = (viewer.clientWidth || document.documentElement.clientWidth) - 2 * pad;
  return Math.max(0.05, room / view1.width);
}

/** Paints a page into its box; the text layer (for selecting and finding words) follows. */
async function drawPage(page, box, scale) {
  const viewport = page.getViewport({ scale });
  const ratio = Math.min(
    window.devicePixelRatio || 1,
    Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height)),
  );
  const canvas = document.createElement('canvas');
  canvas.width = Math.floor(viewport.width * ratio);
  canvas.height = Math.floor(viewport.height * ratio);
  await page.render({ canvas, viewport, transform: ratio === 1 ? null : [ratio, 0, 0, ratio, 0, 0] }).promise;
  box.replaceChildren(canvas);
  return async () => {
    const text = document.createElement('div');
    text.className = 'textLayer';
    await new pdfjs.TextLayer({ textContentSource: page.streamTextContent(), container: text, viewport }).render();
    box.append(text);
  };
}

/** Loads `file` and swaps it in once the page the reader looks at is drawn; the rest follow. */
async function show(file, keepPlace) {
  const gen = ++ui.generation;
  const t0 = performance.now();
  const eventAt = ui.statusAt;
  const place = keepPlace ? anchor() : ui.anchors[docId(file)];
  const pdf = await pdfjs.getDocument({ url: file.url, worker, isEvalSupported: false }).promise;
  const loaded = performance.now();
  if (gen !== ui.generation) return pdf.destroy();
  const pages = await Promise.all(Array.from({ length: pdf.numPages }, (_, i) => pdf.getPage(i + 1)));
  const scale = scaleFor(pages[0].getViewport({ scale: 1 }));
  const boxes = pages.map((page) => {
    const v = page.getViewport({ scale });
    const box = document.createElement('div');
    box.className = 'page';
    // The drawing and pdf.js's flat text layer are for the eye (and for selecting words); assistive
    // technology gets the same words with their headings, tables and lists from the text view.
    box.setAttribute('aria-hidden', 'true');
    box.dataset.page = String(page.pageNumber);
    box.style.width = `${v.width}px`;
    box.style.height = `${v.height}px`;
    box.style.setProperty('--scale-factor', String(scale));
    box.style.setProperty('--total-scale-factor', String(scale));
    box.style.setProperty('--scale-round-x', '1px');
    box.style.setProperty('--scale-round-y', '1px');
    return box;
  });
  const first = Math.min(place?.page ?? 0, pages.length - 1);
  const withText = await drawPage(pages[first], boxes[first], scale);
  if (gen !== ui.generation) return pdf.destroy();
  pagesEl.replaceChildren(...boxes);
  restore(place);
  ui.shown?.pdf.destroy();
  ui.shown = { url: file.url, doc: docId(file), scale, pdf };
  $('zoom-level').textContent = `${Math.round((scale / PX_PER_PT) * 100)} %`;
  const now = performance.now();
  // When the new page was on screen, and how long loading and painting took (npm run bench reads these).
  window.bordduk = {
    build: ui.status.build,
    url: file.url,
    shownAt: performance.timeOrigin + now,
    eventAt,
    loadMs: loaded - t0,
    paintMs: now - loaded,
  };
  await withText();
  const name = file.kind === 'sheet' ? `Sheet ${file.sheet}` : 'Guide';
  const lang = await renderTextView(pdf, pages, $('textview'), `${name} as text`);
  if (gen !== ui.generation) return;
  // The document's language (nb, nn …), not the page's English, for its words in the text layer too.
  pagesEl.lang = lang || ui.status.locale;
  document.body.dataset.shown = file.url;
  for (let i = 0; i < pages.length; i++) {
    if (i === first) continue;
    await (
      await drawPage(pages[i], boxes[i], scale)
    )();
    if (gen !== ui.generation) return;
  }
}

function update() {
  const f = currentFile();
  if (!f) {
    if (!ui.status.files.length && !pagesEl.querySelector('.empty')) {
      const p = document.createElement('p');
      p.className = 'empty';
      p.textContent = 'No preview yet.';
      pagesEl.replaceChildren(p);
    }
    return;
  }
  if (ui.shown?.url === f.url && ui.shown.doc === docId(f)) return;
  const keep = ui.shown?.doc === docId(f);
  show(f, keep).catch((e) => console.error('bordduk preview: cannot show', f.url, e));
}

function selectDoc(id) {
  if (ui.shown) ui.anchors[ui.shown.doc] = anchor();
  ui.doc = id;
  history.replaceState(null, '', `#${id}`);
  renderHeader(ui.status);
  ui.shown = ui.shown && { ...ui.shown, url: null };
  update();
}

function setZoom(z) {
  ui.zoom = z;
  document.body.dataset.zoom = String(z);
  const f = currentFile();
  if (f) show(f, true).catch((e) => console.error(e));
}

function step(dir) {
  const now = ui.zoom === 'fit' ? (ui.shown?.scale ?? PX_PER_PT) / PX_PER_PT : ui.zoom;
  const next = dir > 0 ? ZOOMS.find((z) => z > now * 1.01) : [...ZOOMS].reverse().find((z) => z < now / 1.01);
  if (next) setZoom(next);
}

$('zoom-in').addEventListener('click', () => step(1));
$('zoom-out').addEventListener('click', () => step(-1));
$('zoom-fit').addEventListener('click', () => setZoom('fit'));
// Single-key zoom (+, −, 0) only while the preview has the focus: typing elsewhere, or speech
// input, never zooms by accident (WCAG 2.1.4).
viewer.addEventListener('keydown', (e) => {
  if (e.ctrlKey || e.metaKey || e.altKey || !(e.target === viewer || e.target.closest?.('.pages'))) return;
  if (e.key === '+' || e.key === '=') step(1);
  else if (e.key === '-' || e.key === '−') step(-1);
  else if (e.key === '0') setZoom('fit');
  else return;
  e.preventDefault();
});

chooseLocale($('locale'), () => ui.status);

function setView(view) {
  ui.view = view;
  const text = view === 'text';
  $('view-text').setAttribute('aria-pressed', String(text));
  pagesEl.hidden = text;
  $('textview').classList.toggle('visually-hidden', !text);
  $('zoom-out').disabled = $('zoom-in').disabled = $('zoom-fit').disabled = text;
  if (!text) restore(ui.anchors[ui.doc]);
}
$('view-text').addEventListener('click', () => {
  if (ui.view === 'pages') ui.anchors[ui.doc] = anchor();
  setView(ui.view === 'text' ? 'pages' : 'text');
});

let resizeTimer;
window.addEventListener('resize', () => {
  clearTimeout(resizeTimer);
  if (ui.zoom === 'fit') resizeTimer = setTimeout(() => setZoom('fit'), 150);
});

const events = new EventSource('/events');
events.addEventListener('status', (e) => {
  ui.status = JSON.parse(e.data);
  ui.statusAt = performance.timeOrigin + performance.now();
  document.body.dataset.build = String(ui.status.build);
  renderHeader(ui.status);
  renderProblems(ui.status, viewer);
  update();
});
events.addEventListener('error', () => {
  document.body.dataset.state = 'offline';
  $('state-text').textContent = 'disconnected: is bordduk preview still running?';
});
