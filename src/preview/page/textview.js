// The text view: the previewed PDF's words as HTML built from its own structure tree (the tags the
// renderer writes), so that a screen reader finds headings, tables and lists, and a zoomed-in reader
// gets text that reflows. pdf.js gives each page's structure tree (roles, and the marked-content ids
// that hold the words) and the text of each marked-content id.

/** PDF structure roles → HTML elements. Headings go one level down: the page's own h1 names the app. */
const TAGS = {
  Document: 'div',
  Part: 'div',
  Art: 'article',
  Sect: 'section',
  Div: 'div',
  P: 'p',
  H1: 'h2',
  H2: 'h3',
  H3: 'h4',
  H4: 'h5',
  H5: 'h6',
  H6: 'h6',
  L: 'ul',
  LI: 'li',
  Lbl: 'span',
  LBody: 'span',
  TOC: 'ul',
  TOCI: 'li',
  Table: 'table',
  THead: 'thead',
  TBody: 'tbody',
  TFoot: 'tfoot',
  TR: 'tr',
  TH: 'th',
  TD: 'td',
  Caption: 'p',
  Figure: 'figure',
};

const INLINE = new Set(['Link', 'Span', 'Reference', 'Quote', 'Note', 'Code', 'BibEntry']);

/**
 * Text per marked-content id on one page. A word space is not always a space glyph in our PDFs (a
 * line end, or the gap before a link, is only a change of position), so a space goes in front of
 * text that starts on a new line or after a gap. Our renderer puts a hyphen added at a line break in
 * a Span (without an id) whose ActualText is the soft hyphen; pdf.js does not report ActualText, so
 * such a lone "-" is dropped and the word joined again.
 */
async function textById(page) {
  const content = await page.getTextContent({ includeMarkedContent: true });
  const byId = new Map();
  const stack = [];
  let soft = false;
  let last = null;
  for (const it of content.items) {
    if (it.type === 'beginMarkedContent' || it.type === 'beginMarkedContentProps') {
      stack.push({ tag: it.tag, id: it.id ?? null });
      continue;
    }
    if (it.type === 'endMarkedContent') {
      stack.pop();
      continue;
    }
    const id = [...stack].reverse().find((s) => s.id)?.id;
    if (!id || !it.str) continue;
    const top = stack[stack.length - 1];
    const [x, y] = [it.transform[4], it.transform[5]];
    const size = Math.hypot(it.transform[2], it.transform[3]) || it.height || 1;
    if (top && top.tag === 'Span' && !top.id && it.str === '-') {
      soft = true;
      last = { x: x + it.width, y, size };
      continue;
    }
    const newLine = last && Math.abs(y - last.y) > last.size * 0.5;
    const gap = last && !newLine && x - last.x > last.size * 0.15;
    const space = !soft && (newLine || gap) ? ' ' : '';
    byId.set(id, (byId.get(id) ?? '') + space + it.str);
    soft = false;
    last = { x: x + it.width, y, size };
  }
  return byId;
}

/** One structure node as HTML (returns null for nodes without words: an empty cell stays a cell). */
function build(node, text, inHead) {
  if (node.type === 'content') return document.createTextNode(text.get(node.id) ?? '');
  if (node.type === 'object' || node.type === 'annotation') return null;
  const role = node.role;
  if (role === 'Root') {
    const frag = document.createDocumentFragment();
    for (const c of node.children ?? []) {
      const el = build(c, text, false);
      if (el) frag.append(el);
    }
    return frag;
  }
  const tag = TAGS[role] ?? 'span';
  const el = document.createElement(tag);
  if (node.lang) el.lang = node.lang;
  if (role === 'Lbl') el.className = 'lbl';
  if (role === 'TH') el.scope = inHead ? 'col' : 'row';
  if (role === 'Figure' && node.alt) {
    // The figure's Alt, in the document's language, after a word of the page's own (English).
    const p = document.createElement('p');
    p.className = 'alt';
    const what = document.createElement('span');
    what.lang = 'en';
    what.textContent = 'Figure: ';
    p.append(what, node.alt);
    el.append(p);
    return el;
  }
  for (const c of node.children ?? []) {
    const k = build(c, text, inHead || role === 'THead');
    if (k) el.append(k);
  }
  // Words of one element may come from several lines: one space between them, none at the ends.
  for (const t of el.childNodes) if (t.nodeType === Node.TEXT_NODE) t.textContent = t.textContent.replace(/\s+/g, ' ');
  // Inside a line (a link, a span) the spaces around the words are the words' own.
  if (!INLINE.has(role)) {
    const first = el.firstChild;
    const last = el.lastChild;
    if (first?.nodeType === Node.TEXT_NODE) first.textContent = first.textContent.trimStart();
    if (last?.nodeType === Node.TEXT_NODE) last.textContent = last.textContent.trimEnd();
  }
  if (role === 'Lbl') el.append(' ');
  return el;
}

/**
 * Makes `into`'s children those of `from`, keeping every node that is the same: a save that changes
 * one word replaces only the text around it, so a reader (or a screen reader's cursor) in the text
 * view stays where it was instead of being thrown back to the top at every rebuild.
 */
function update(into, from) {
  const want = [...from.childNodes];
  const have = [...into.childNodes];
  want.forEach((w, i) => {
    const h = have[i];
    if (!h) into.append(w);
    else if (h.isEqualNode(w)) return;
    else if (h.nodeType === Node.ELEMENT_NODE && h.nodeName === w.nodeName && sameAttributes(h, w)) update(h, w);
    else if (h.nodeType === Node.TEXT_NODE && w.nodeType === Node.TEXT_NODE) h.textContent = w.textContent;
    else h.replaceWith(w);
  });
  for (const extra of have.slice(want.length)) extra.remove();
}

function sameAttributes(a, b) {
  if (a.attributes.length !== b.attributes.length) return false;
  for (const { name, value } of a.attributes) if (b.getAttribute(name) !== value) return false;
  return true;
}

/** Fills `box` with the text of every page of `pdf`, from its structure tree; `lang` from the PDF. */
export async function renderTextView(pdf, pages, box, label) {
  const meta = await pdf.getMetadata().catch(() => null);
  const lang = meta?.info?.Language;
  const frag = document.createDocumentFragment();
  for (const page of pages) {
    const [tree, text] = await Promise.all([page.getStructTree(), textById(page)]);
    if (!tree) continue;
    const el = build(tree, text, false);
    if (el) frag.append(el);
  }
  update(box, frag);
  if (lang) box.lang = lang;
  else box.removeAttribute('lang');
  box.setAttribute('aria-label', label);
  return lang;
}
