#!/usr/bin/env bash
# Rebuilds templates/icc/FOGRA39-coarse.icc, the CMYK output profile that --print-shop embeds as the
# PDF/X-4 OutputIntent (DestOutputProfile). Source: the FOGRA39 characterization data shipped by
# Debian's icc-profiles-free (FOGRA39L.ti3, Zlib licence); the profile is made by ArgyllCMS's colprof.
# A coarse LUT (-ql, low-quality B2A, no embedded measurement data) keeps it at about 28 KB: an output
# intent names the printing condition, it is not used to separate images.
# A rebuild gives the same bytes except the creation date in the ICC header (bytes 24–35).
#   apt-get install -y icc-profiles-free argyll && scripts/build-icc.sh
set -euo pipefail
cd "$(dirname "$0")/.."
src=/usr/share/color/icc/FOGRA39L.ti3
[ -f "$src" ] || { echo "build-icc: $src is missing (apt-get install -y icc-profiles-free)"; exit 1; }
command -v colprof >/dev/null || { echo "build-icc: colprof is missing (apt-get install -y argyll)"; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp "$src" "$tmp/FOGRA39L.ti3"
# -kr: ramped black generation, -l300: total ink limit 300 % (ISO 12647-2 coated), -L95: black limit.
(cd "$tmp" && colprof -ql -bl -nc -kr -l300 -L95 \
  -D "bordduk FOGRA39 coarse (Coated FOGRA39, ISO 12647-2:2004)" \
  -C "Zlib licence. Data: Fogra FOGRA39L via icc-profiles-free (K.-U. Behrmann). Built with ArgyllCMS colprof." \
  -O fogra39.icc FOGRA39L >/dev/null)
cp "$tmp/fogra39.icc" templates/icc/FOGRA39-coarse.icc
echo "build-icc: wrote templates/icc/FOGRA39-coarse.icc ($(wc -c < templates/icc/FOGRA39-coarse.icc) bytes)"
