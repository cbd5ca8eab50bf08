// Design-time separation of the theme's palette for each press paper (docs/print.md, "Press colours").
// For every palette colour it looks for the CMYK that prints closest to the RGB colour (CIEDE2000,
// sRGB seen under D50) through the paper's output profile, within the colour's ink rule, and writes
// the CMYK, the Lab it prints as and the ΔE00 into templates/theme.yaml (`press.separations`); the
// coated values also become `palette.*.cmyk`. Needs ArgyllCMS's xicclu:
//   apt-get install -y argyll && node scripts/separate.mjs
// The search is a grid (10 %, then 2 %, then 1 % steps), so a rerun gives the same numbers.
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { build } from 'esbuild';
import { parseDocument } from 'yaml';

const root = new URL('..', import.meta.url).pathname;
const bundled = await build({ entryPoints: [`${root}src/press/colour.ts`], bundle: true, write: false, format: 'esm' });
const { labOfSrgb, deltaE00 } = await import(
  `data:text/javascript;base64,${Buffer.from(bundled.outputFiles[0].text).toString('base64')}`
);

/** Output profiles per paper (scripts/build-icc.sh) and their total ink limits. */
const PAPERS = {
  coated: { profile: 'templates/icc/FOGRA39.icc', tac: 300 },
  uncoated: { profile: 'templates/icc/FOGRA29.icc', tac: 300 },
};
/**
 * The ink rule per colour: `k` black only (text greys, lines), `free` up to `inks` process inks,
 * `fixed` a value chosen by rule (text black is 100 K alone; white is no ink). A `free` colour never
 * uses all three of C, M and Y: their common grey is black's job (grey component replacement), which
 * keeps dark colours steady on press and lets white text reverse out of fewer inks.
 */
const RULES = {
  ink: { kind: 'fixed', cmyk: [0, 0, 0, 100] },
  accentInk: { kind: 'fixed', cmyk: [0, 0, 0, 0] },
  paper: { kind: 'fixed', cmyk: [0, 0, 0, 0] },
  muted: { kind: 'k' },
  example: { kind: 'k' },
  rule: { kind: 'k' },
  frame: { kind: 'k' },
  accent: { kind: 'free', inks: 2 }, // white text is reversed out of it: two plates to register, not three
  warn: { kind: 'free', inks: 3 },
  panel: { kind: 'free', inks: 2 },
  callout: { kind: 'free', inks: 2 },
};
const MIN_TINT = 5; // lighter dots break up on a plate

/** CMYK (percent) → Lab through the profile's forward table, for many colours in one xicclu run. */
function labs(profile, cmyks) {
  const input = cmyks.map((c) => c.join(' ')).join('\n') + '\n';
  const out = execFileSync('xicclu', ['-s', '100', '-ff', '-ir', '-pl', profile], {
    input,
    maxBuffer: 1 << 28,
  }).toString();
  return out
    .split('\n')
    .filter((l) => l.includes('[Lab]'))
    .map((l) => l.split('->').at(-1).trim().split(/\s+/).slice(0, 3).map(Number));
}

const ok = (c, rule, tac) =>
  c.every((v) => v === 0 || (v >= MIN_TINT && v <= 100)) &&
  c.reduce((a, b) => a + b, 0) <= tac &&
  (rule.kind !== 'k' || c.slice(0, 3).every((v) => v === 0)) &&
  (rule.kind !== 'free' || (c.filter((v) => v > 0).length <= rule.inks && Math.min(c[0], c[1], c[2]) === 0));

/** Candidates around a centre, step `step`, ±`span` per ink (black-only colours vary K alone). */
function grid(centre, step, span, rule, tac) {
  const axes = centre.map((v, i) => {
    if (rule.kind === 'k' && i < 3) return [0];
    const vals = [];
    for (let x = Math.max(0, v - span); x <= Math.min(100, v + span); x += step) vals.push(x);
    return vals;
  });
  const out = [];
  for (const c of axes[0])
    for (const m of axes[1])
      for (const y of axes[2]) for (const k of axes[3]) if (ok([c, m, y, k], rule, tac)) out.push([c, m, y, k]);
  return out;
}

function best(profile, target, cands) {
  const ls = labs(profile, cands);
  let pick;
  cands.forEach((c, i) => {
    // Ties go to less ink: a cleaner plate and a lower total.
    const score = deltaE00(target, ls[i]) + 0.0005 * c.reduce((a, b) => a + b, 0);
    if (!pick || score < pick.score) pick = { cmyk: c, lab: ls[i], score };
  });
  return pick;
}

const file = `${root}templates/theme.yaml`;
const doc = parseDocument(readFileSync(file, 'utf8'));
const palette = doc.get('palette').toJSON();
const round = (v, d) => Math.round(v * 10 ** d) / 10 ** d + 0; // + 0: no -0 in the YAML
for (const [paper, { profile, tac }] of Object.entries(PAPERS)) {
  for (const [id, rule] of Object.entries(RULES)) {
    const target = labOfSrgb(palette[id].rgb);
    let pick;
    if (rule.kind === 'fixed') {
      pick = { cmyk: rule.cmyk, lab: labs(`${root}${profile}`, [rule.cmyk])[0] };
    } else {
      pick = best(`${root}${profile}`, target, grid([50, 50, 50, 50], 10, 50, rule, tac));
      pick = best(`${root}${profile}`, target, grid(pick.cmyk, 2, 10, rule, tac));
      pick = best(`${root}${profile}`, target, grid(pick.cmyk, 1, 2, rule, tac));
    }
    const dE = round(deltaE00(target, pick.lab), 1);
    const entry = doc.createNode({ cmyk: pick.cmyk, lab: pick.lab.map((v) => round(v, 1)), dE00: dE }, { flow: true });
    doc.setIn(['press', 'separations', paper, id], entry);
    if (paper === 'coated') doc.setIn(['palette', id, 'cmyk'], doc.createNode(pick.cmyk, { flow: true }));
    console.log(`${paper.padEnd(8)} ${id.padEnd(9)} ${palette[id].rgb} → ${pick.cmyk.join('/').padEnd(14)} ΔE00 ${dE}`);
  }
}
writeFileSync(file, doc.toString({ lineWidth: 0 }).replace(/\[ (.*?) \]/g, '[$1]'));
