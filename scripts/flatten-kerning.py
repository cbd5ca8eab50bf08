#!/usr/bin/env python3
"""Replaces a font's GSUB/GPOS with a legacy 'kern' table holding the same Latin kerning.

Why: fontkit decodes and runs OpenType layout tables for every word it shapes, which was most of a
build's time; with only a 'kern' table it looks pairs up directly. For the Latin text we set
(precomposed letters, no ligatures needed), the printed result is the same apart from ligatures.

The kerning is flattened from the GPOS 'kern' feature (Latin script, default language) with
OpenType's rules: within a lookup the first subtable that covers the left glyph decides; values of
several lookups add up. Usage: flatten-kerning.py FONT.ttf (rewritten in place).
"""
import sys
from fontTools.ttLib import TTFont, newTable
from fontTools.ttLib.tables._k_e_r_n import KernTable_format_0

MAX_PAIRS = 10920  # a format-0 subtable's binary-search header overflows above this
# Kerning is kept between the glyphs of Basic Latin, Latin-1, Latin Extended-A (Norwegian, Sámi,
# most European letters) and general punctuation. Rarer letters still print, unkerned: fontkit
# decodes every pair when it loads the table, so each pair costs start-up time.
KERNED = [(0x20, 0x17F), (0x2010, 0x203A), (0x20AC, 0x20AC)]
# Smaller adjustments than this (units per em) are invisible in print.
MIN_VALUE = 4


def kern_lookups(gpos):
    feats = gpos.FeatureList.FeatureRecord
    indices = set()
    for sr in gpos.ScriptList.ScriptRecord:
        if sr.ScriptTag not in ('latn', 'DFLT'):
            continue
        langsys = sr.Script.DefaultLangSys
        if langsys is None:
            continue
        for fi in langsys.FeatureIndex:
            if feats[fi].FeatureTag == 'kern':
                indices.update(feats[fi].Feature.LookupListIndex)
    return [gpos.LookupList.Lookup[i] for i in sorted(indices)]


def subtables(lookup):
    for st in lookup.SubTable:
        if lookup.LookupType == 9:  # extension
            yield st.ExtSubTable
        else:
            yield st


def pair_value(st, left, right):
    """(applies, value) of one PairPos subtable for a glyph pair."""
    if left not in st.Coverage.glyphs:
        return False, 0
    if st.Format == 1:
        idx = st.Coverage.glyphs.index(left)
        for rec in st.PairSet[idx].PairValueRecord:
            if rec.SecondGlyph == right:
                v = rec.Value1
                return True, getattr(v, 'XAdvance', 0) or 0 if v else 0
        return False, 0
    c1 = st.ClassDef1.classDefs.get(left, 0)
    c2 = st.ClassDef2.classDefs.get(right, 0)
    v = st.Class1Record[c1].Class2Record[c2].Value1
    return True, (getattr(v, 'XAdvance', 0) or 0) if v else 0


def main(path):
    font = TTFont(path)
    gpos = font['GPOS'].table if 'GPOS' in font else None
    cmap = font.getBestCmap()
    glyphs = sorted({g for cp, g in cmap.items() if any(a <= cp <= b for a, b in KERNED)}, key=font.getGlyphID)
    pairs = {}
    if gpos:
        lookups = [lk for lk in kern_lookups(gpos) if lk.LookupType in (2, 9)]
        for left in glyphs:
            for right in glyphs:
                total = 0
                for lk in lookups:
                    for st in subtables(lk):
                        if getattr(st, 'LookupType', 2) != 2 and not hasattr(st, 'Coverage'):
                            continue
                        applies, value = pair_value(st, left, right)
                        if applies:
                            total += value
                            break
                if abs(total) >= MIN_VALUE:
                    pairs[(left, right)] = total
    kern = newTable('kern')
    kern.version = 0
    kern.kernTables = []
    items = sorted(pairs.items(), key=lambda kv: (font.getGlyphID(kv[0][0]), font.getGlyphID(kv[0][1])))
    for start in range(0, max(len(items), 1), MAX_PAIRS):
        sub = KernTable_format_0()
        sub.version = 0
        sub.coverage = 1  # horizontal
        sub.format = 0
        sub.kernTable = dict(items[start:start + MAX_PAIRS])
        kern.kernTables.append(sub)
    font['kern'] = kern
    for tag in ('GPOS', 'GSUB', 'GDEF'):
        if tag in font:
            del font[tag]
    font.save(path)
    print(f'{path}: {len(pairs)} kerning pairs in {len(kern.kernTables)} subtable(s)')


if __name__ == '__main__':
    for p in sys.argv[1:]:
        main(p)
