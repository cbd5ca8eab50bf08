#!/usr/bin/env bash
# Tries what the project invites editors, translators and tool makers to do, in a scratch clone of
# this checkout's last commit, and runs every test tier there: a second tool (a copy of the shipped
# one, beside it) and two more languages registered as docs/authoring.md says (sv, hyphenated by
# patterns, and se, which has none). The tests must not notice. Usage: scripts/check-extensible.sh
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
tool=ledelsesforankring
scratch=$(mktemp -d "${TMPDIR:-/tmp}/bordduk-extensible-XXXXXX")
trap 'rm -rf "$scratch"' EXIT
git clone -q "$src" "$scratch/repo"
cd "$scratch/repo"
ln -s "$src/node_modules" node_modules

# A second tool: the shipped one copied under another id.
cp -r "content/$tool" content/kopi
cp -r "templates/$tool" templates/kopi
sed -i 's/^id: .*/id: kopi/' content/kopi/tool.yaml
# Two languages, copied from the source language and registered.
for l in sv se; do cp -r "content/$tool/nb" "content/$tool/$l"; done
sed -i 's/^locales: \[\(.*\)\]$/locales: [\1, sv, se]/' "content/$tool/tool.yaml"

npx vitest run
echo "check-extensible: every tier passes with a second tool and the locales sv and se added"
