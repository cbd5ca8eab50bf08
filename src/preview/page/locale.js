// The language switch. Each option is named in its own language ("norsk bokmål (nb)") and marked
// with its lang. The language changes when the choice is made (a click, Enter, or leaving the list),
// not at each arrow key: each change rebuilds the preview in another language (WCAG 3.2.2).

/** A language's name in itself, with its code; the code alone where the browser has no name for it. */
function languageName(code) {
  try {
    const name = new Intl.DisplayNames([code], { type: 'language' }).of(code);
    return name && name !== code ? `${name} (${code})` : code;
  } catch {
    return code;
  }
}

/** A choice made with the arrow keys and not yet committed. */
let pending = false;

/** The server's locales as options, the current one selected (unless a choice is in progress). */
export function showLocales(sel, s) {
  if (sel.dataset.locales !== s.locales.join()) {
    sel.dataset.locales = s.locales.join();
    sel.replaceChildren(
      ...s.locales.map((l) => {
        const o = new Option(languageName(l), l);
        o.lang = l;
        return o;
      }),
    );
  }
  if (!(document.activeElement === sel && pending)) sel.value = s.locale;
}

/** Wires the select: `status()` is the server's last status. */
export function chooseLocale(sel, status) {
  const commit = () => {
    pending = false;
    if (!status() || sel.value === status().locale) return;
    fetch('/locale', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ locale: sel.value }),
    });
  };
  let keyed = false;
  sel.addEventListener('keydown', (e) => {
    keyed = e.key !== 'Tab' && e.key !== 'Enter';
    if (e.key === 'Enter') commit();
  });
  sel.addEventListener('pointerdown', () => (keyed = false));
  sel.addEventListener('change', () => {
    if (keyed) pending = true;
    else commit();
  });
  sel.addEventListener('blur', () => pending && commit());
}
