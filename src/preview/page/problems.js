// The problems of the last build: a panel in front of the last good preview, each problem with its
// file:line and hint, and the same words said through a live region (a screen reader user hears
// what went wrong, not just how many things). Focus moves to the panel when errors appear while the
// reader is in the preview, and back to the preview when they are fixed.
const $ = (id) => document.getElementById(id);
/** The errors last announced, so that a rebuild with the same errors is not announced again. */
let announced = '';

export function renderProblems(s, viewer) {
  const box = $('problems');
  const errors = s.problems.filter((p) => p.severity === 'error');
  announce(s, errors);
  if (s.problems.length === 0) {
    // Focus that was on the problems goes back to the preview they covered.
    if (box.contains(document.activeElement)) viewer.focus();
    box.hidden = true;
    box.replaceChildren();
    return;
  }
  const wasHidden = box.hidden;
  box.hidden = false;
  box.classList.toggle('warnings-only', errors.length === 0);
  const h = document.createElement('h2');
  h.id = 'problems-title';
  h.tabIndex = -1;
  h.textContent = errors.length
    ? `${errors.length} problem${errors.length === 1 ? '' : 's'}: build ${s.build} failed`
    : `${s.problems.length} warning${s.problems.length === 1 ? '' : 's'}`;
  const list = document.createElement('ol');
  for (const p of s.problems) {
    const li = document.createElement('li');
    li.className = p.severity;
    const where = document.createElement('div');
    where.className = 'where';
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = p.severity;
    where.append(kind, p.file ? `${p.file}:${p.line}:${p.col}` : '');
    const msg = document.createElement('div');
    msg.textContent = p.message;
    li.append(where, msg);
    if (p.hint) {
      const hint = document.createElement('div');
      hint.className = 'hint';
      hint.textContent = p.hint;
      li.append(hint);
    }
    list.append(li);
  }
  const hadFocus = box.contains(document.activeElement);
  box.replaceChildren(h, list);
  if (errors.length) {
    const note = document.createElement('p');
    note.className = 'note';
    note.textContent = s.files.length
      ? 'Behind this: the last good preview. Save the file again to rebuild.'
      : 'Nothing has built yet. Save the file again to rebuild.';
    box.append(note);
  }
  // Errors that just appeared take the focus from the preview they cover (not from a control in use).
  const idle = document.activeElement === document.body || document.activeElement === viewer;
  if (errors.length && ((wasHidden && idle) || hadFocus)) h.focus();
}

/**
 * Errors, with their details, through a live region that is on the page from the start (a region
 * added or unhidden together with its words is not reliably read); fixed errors are said too.
 */
function announce(s, errors) {
  const said = errors
    .map((p) => `${p.file ? `${p.file} line ${p.line}: ` : ''}${p.message}${p.hint ? ` (${p.hint})` : ''}`)
    .join('. ');
  if (said === announced || s.busy) return;
  const before = announced;
  announced = said;
  $('announce').textContent = errors.length
    ? `${errors.length} problem${errors.length === 1 ? '' : 's'}: ${said}`
    : before
      ? `Problems fixed: build ${s.build} is shown.`
      : '';
}
