// What a build says when it is done: each file written, and with --report the layout it chose
// (text size, the smallest write-in, table rows and pitch) and its warnings; --json for scripts.
import { formatProblem } from '../errors.js';
import type { BuildResult } from '../pipeline/build.js';

export function report(
  result: BuildResult,
  json: boolean,
  layout: boolean,
  out: { stdout: (s: string) => void; stderr: (s: string) => void },
): void {
  for (const w of result.warnings) out.stderr(`${formatProblem(w)}\n`);
  if (json) {
    out.stdout(`${JSON.stringify({ files: result.files, warnings: result.warnings.map(formatProblem) }, null, 2)}\n`);
    if (!layout) return;
  }
  for (const f of result.files) {
    if (json && layout && f.layout) out.stderr(`${f.path}\n`);
    if (!json)
      out.stderr(`wrote ${f.path} (${f.pages} page${f.pages === 1 ? '' : 's'}, ${(f.bytes / 1024).toFixed(0)} KB)\n`);
    if (layout && f.layout) {
      const l = f.layout;
      const cell = l.smallestWriteIn
        ? `, smallest write-in ${l.smallestWriteIn.widthMm} × ${l.smallestWriteIn.heightMm} mm (${l.smallestWriteIn.block})`
        : '';
      out.stderr(
        `  layout ${l.layout}: question text ${l.textSize} pt (floor ${l.floor} pt), smallest text ${l.smallestText} pt${cell}\n`,
      );
      if (l.tables?.length)
        out.stderr(`  tables: ${l.tables.map((t) => `${t.block} ${t.rows} rows at ${t.pitchMm} mm`).join(', ')}\n`);
      for (const w of l.warnings) out.stderr(`  warning: ${w}\n`);
    }
  }
}
