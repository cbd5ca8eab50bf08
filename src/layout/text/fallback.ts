// Characters a participant can type but the fonts cannot draw (arrows, maths, ticks, emoji): printed
// as text that keeps the meaning ("->", ">=", "[x]", "(thumbs up)"), never dropped. Emoji are named
// in the sheet's language where a name is known, and by their code point otherwise.

/** Plain stand-ins any text face has. */
const PLAIN: Record<string, string> = {
  '→': '->',
  '⇒': '=>',
  '←': '<-',
  '⇐': '<=',
  '↔': '<->',
  '⇔': '<=>',
  '↑': '^',
  '↓': 'v',
  '≥': '>=',
  '≤': '<=',
  '≠': '!=',
  '≈': '~',
  '∞': 'inf.',
  '№': 'No.',
  '✓': '[x]',
  '✔': '[x]',
  '☑': '[x]',
  '✅': '[x]',
  '✗': '[ ]',
  '✘': '[ ]',
  '☐': '[ ]',
  '❌': '(x)',
  '★': '*',
  '☆': '*',
  '•': '-',
};

/** Emoji named in words; the first entry of each is the English name, others by locale. */
const NAMED: Record<string, Record<string, string>> = {
  '👍': { en: 'thumbs up', nb: 'tommel opp', nn: 'tommel opp' },
  '👎': { en: 'thumbs down', nb: 'tommel ned', nn: 'tommel ned' },
  '🙂': { en: 'smile', nb: 'smil', nn: 'smil' },
  '😊': { en: 'smile', nb: 'smil', nn: 'smil' },
  '😀': { en: 'smile', nb: 'smil', nn: 'smil' },
  '🙁': { en: 'sad face', nb: 'trist fjes', nn: 'trist fjes' },
  '☹': { en: 'sad face', nb: 'trist fjes', nn: 'trist fjes' },
  '❤': { en: 'heart', nb: 'hjerte', nn: 'hjarte' },
  '⚠': { en: 'warning', nb: 'advarsel', nn: 'åtvaring' },
  '❗': { en: 'important', nb: 'viktig', nn: 'viktig' },
  '❓': { en: 'question', nb: 'spørsmål', nn: 'spørsmål' },
  '🎉': { en: 'celebration', nb: 'feiring', nn: 'feiring' },
};

/** What prints instead of `ch` in `locale`: a plain stand-in, a name in brackets, or the code point. */
export function fallbackFor(ch: string, locale: string): string {
  const plain = PLAIN[ch];
  if (plain) return plain;
  const base = ch.replace(/\uFE0F/g, '');
  const named = NAMED[base];
  if (named) return `(${named[locale] ?? named.en})`;
  return `(U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`;
}

/**
 * `text` with every character in `missing` replaced by its fallback.
 */
export function withFallbacks(text: string, missing: ReadonlySet<string>, locale: string): string {
  if (!missing.size) return text;
  let out = '';
  let replaced = false;
  for (const ch of text) {
    // A variation selector, joiner or skin tone after a replaced emoji only shaped it: it goes with it.
    if (replaced && (ch === '\uFE0F' || ch === '\u200D' || (ch >= '\u{1F3FB}' && ch <= '\u{1F3FF}'))) continue;
    replaced = missing.has(ch);
    out += replaced ? fallbackFor(ch, locale) : ch;
  }
  return out;
}
