// Option values as people type them: any case (`--tile a4`, `--color CMYK`, `--locale NN`), and
// sizes with a decimal comma (`--size 140,5x90cm`) in a comma-separated list.
import { InvalidArgumentError } from 'commander';

/** A parser for one of `values`, whatever the case; the canonical spelling is what the program sees. */
export function anyCase(values: readonly string[]): (v: string) => string {
  return (v) => {
    const hit = values.find((c) => c.toLowerCase() === v.trim().toLowerCase());
    if (hit === undefined) throw new InvalidArgumentError(`'${v}' is not one of: ${values.join(', ')}`);
    return hit;
  };
}

/** A comma-separated list of lowercase codes (locales, tools' "all"). */
export const lowerList = (v: string) =>
  v
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter(Boolean);

/**
 * Sizes separated by commas, where a comma between two digits of one size is a decimal comma:
 * "A0,140,5x90cm" → A0 and 140.5x90cm; "140x90,5cm" → 140x90.5cm; "A1,1200x800mm" → two sizes.
 */
export function sizeList(v: string): string[] {
  const out: string[] = [];
  for (const raw of v.split(',')) {
    const part = raw.trim();
    const prev = out[out.length - 1];
    // The piece before is a number still waiting for its decimals: "140" or "140x90" (no unit yet).
    if (
      prev !== undefined &&
      /^\d/.test(part) &&
      /^\d+(?:\.\d+)?(?:\s*[x×]\s*\d+)?$/i.test(prev) &&
      !/\.\d+$/.test(prev) &&
      /^\d+(?:\.\d+)?\s*[x×]|^\d+\s*(mm|cm)?$/i.test(part)
    ) {
      out[out.length - 1] = `${prev}.${part}`;
    } else if (part) out.push(part);
  }
  return out;
}
