#!/usr/bin/env bash
# Rebuilds the CMYK output profiles that --print-shop embeds as the PDF/X-4 OutputIntent
# (DestOutputProfile), one per --paper (docs/print.md, "Output conditions"):
#   templates/icc/FOGRA39.icc  coated   (ISO 12647-2:2004 paper type 1/2, FOGRA39L data)
#   templates/icc/FOGRA29.icc  uncoated (ISO 12647-2:2004 paper type 4, FOGRA29L data)
# Source: the characterization data shipped by Debian's icc-profiles-free (Zlib licence, Fogra as
# originator); the profiles are made by ArgyllCMS's colprof at medium quality (-qm, 33-point A2B
# grid, medium B2A), with the measurement data embedded (targ), about 240 KB each.
# Reproducible: the ICC header's creation date (bytes 24–35) is set to a fixed date, so a rebuild
# with the same ArgyllCMS version gives the same bytes. A rebuild takes a few minutes.
#   apt-get install -y icc-profiles-free argyll && scripts/build-icc.sh
# After a rebuild, run scripts/separate.mjs: the theme's press CMYK values are made through these.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v colprof >/dev/null || { echo "build-icc: colprof is missing (apt-get install -y argyll)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# 2026-12-04 00:00:00 as an ICC dateTimeNumber (six big-endian uint16: year, month, day, h, m, s).
DATE='\x07\xea\x00\x0c\x00\x04\x00\x00\x00\x00\x00\x00'

build() { # name, paper words, extra colprof options
  local name=$1 paper=$2
  shift 2
  local src=/usr/share/color/icc/${name}L.ti3
  [ -f "$src" ] || { echo "build-icc: $src is missing (apt-get install -y icc-profiles-free)"; exit 1; }
  cp "$src" "$tmp/${name}L.ti3"
  # -kr: ramped black generation, -l300: total ink limit 300 %, -L95: black limit.
  (cd "$tmp" && colprof -qm -bm -kr -l300 -L95 "$@" \
    -D "$name (ISO 12647-2:2004, $paper), from ${name}L data" \
    -C "Zlib licence. Data: Fogra ${name}L via icc-profiles-free. Built with ArgyllCMS colprof." \
    -O "$name.icc" "${name}L" >/dev/null)
  printf "$DATE" | dd of="$tmp/$name.icc" bs=1 seek=24 conv=notrunc status=none
  cp "$tmp/$name.icc" "templates/icc/$name.icc"
  echo "build-icc: wrote templates/icc/$name.icc ($(wc -c <"templates/icc/$name.icc") bytes)"
}
build FOGRA39 coated &
build FOGRA29 uncoated -Zm &
wait
