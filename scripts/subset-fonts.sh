#!/usr/bin/env bash
# Makes fonts/ from the Noto Sans and Noto Serif static TTFs (OFL; npm packages
# @expo-google-fonts/noto-sans and @expo-google-fonts/noto-serif 0.4.2), cut down to the Latin
# letters that bokmål, nynorsk, English and Northern Sámi need. Noto's full Latin-Greek-Cyrillic
# layout tables take fontkit about a second to decode; the subset takes milliseconds. Shaping with
# OpenType tables still dominated a build, so the kerning is then flattened into a legacy 'kern'
# table (same widths for every word of the content, ten times faster to set).
# Needs fonttools (Debian: apt-get install fonttools; PYTHON names an interpreter that has it).
# Usage: scripts/subset-fonts.sh node_modules/@expo-google-fonts/noto-sans/*/ (a folder of the original TTFs)
set -euo pipefail
src=${1:?usage: scripts/subset-fonts.sh DIR_WITH_ORIGINAL_TTFS}
dest=$(dirname "$0")/../fonts
# Basic Latin, Latin-1, Latin Extended-A and -B (Sámi á č đ ŋ š ŧ ž and more), general punctuation,
# euro sign, arrows and a few symbols.
unicodes="U+0020-007E,U+00A0-024F,U+02BC,U+02C6-02DD,U+0300-0308,U+030A-030C,U+0327,U+1E00-1EFF,U+2010-2027,U+2030-203A,U+2044,U+20AC,U+2122,U+2190-2193,U+2212,U+25CF,U+2713"
for f in "$src"/*.ttf; do
  pyftsubset "$f" --unicodes="$unicodes" \
    --layout-features='kern,liga,clig,calt,ccmp,locl,mark,mkmk' --layout-scripts='latn,DFLT' \
    --no-hinting --desubroutinize --name-IDs='*' --name-legacy --notdef-outline \
    --output-file="$dest/$(basename "$f")"
  # Then GSUB/GPOS become a plain 'kern' table with the same kerning: see flatten-kerning.py.
  "${PYTHON:-/usr/bin/python3}" "$(dirname "$0")/flatten-kerning.py" "$dest/$(basename "$f")"
done
