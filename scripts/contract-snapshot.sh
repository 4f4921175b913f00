#!/usr/bin/env bash
# Records what users see of the sample case, so that two versions of Evidens can be compared:
#   scripts/contract-snapshot.sh OUT_DIR      (run once per version, then: diff -r OUT_A OUT_B)
# Ingests the sample bundle into a fresh home, then writes search --json, findings made through the
# CLI (finding show --json) and the exports (md, csv, json, and the DOCX's text) into OUT_DIR.
# Times and dates that differ run to run are blanked.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
home="$(mktemp -d)"
export EVIDENS_HOME="$home" USER=revisor
ev() { "$root/evidens" "$@"; }
blank() { sed -E "s#$home#HOME#g" | sed -E 's/"tookMs" ?: ?[0-9]+/"tookMs":0/g; s/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z?/T/g; s/[0-9]{1,2}\.[0-9]{1,2}\.20[0-9]{2}( kl\. [0-9:]+)?/D/g'; }

ev demo --no-serve >/dev/null 2>&1
for q in 'ansvarsgruppe taushetsplikt' '"individuell plan"' 'samarbeid -NAV' 'barnevern*' \
         'indikator:taushetsplikt' 'lov:barnevernloven' 'kommune:fjordvik tjeneste:nav' 'helsestasjon' \
         'fastlege OR allmennlege' '"taushetsplikt samarbeid"~10'; do
  f="$out/search-$(echo "$q" | tr -c 'a-zA-Z0-9' '_').json"
  { ev search "$q" --case fjordvik-2026 --json 2>&1 || echo "exit $?"; } | blank > "$f"
done
ev search 'ettervern' --sort document --offset 2 --limit 3 --json | blank > "$out/search-sorted.json"
ev search 'NAV' --type klientdokumentasjon --json | blank > "$out/search-type.json"

c=fjordvik-2026
ev finding create --case $c --kind avvik --title 'Kommunen sikrer ikke samarbeid om ettervern' \
   --requirement 'barnevernloven § 15-8' --json | blank > "$out/create-avvik-1.json"
ev finding create --case $c --kind merknad --title 'Rutinen for bekymringsmelding er ikke kjent' --json | blank > "$out/create-merknad-1.json"
ev finding attach avvik-1 --case $c --search 'ettervern NAV' --hit 1 --note 'Avtalen følges ikke' --json | blank > "$out/attach-1.json"
ev finding attach avvik-1 --case $c --search 'individuell plan koordinator' --hit 2 --json | blank > "$out/attach-2.json"
pid="$(ev search 'taushetsplikt' --case $c --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["hits"][0]["passageId"])')"
ev finding attach merknad-1 --case $c --passage "$pid" --query taushetsplikt --json | blank > "$out/attach-3.json"
ev finding move '#2' --case $c --position 1 > "$out/move.txt" 2>&1 || true
ev finding show avvik-1 --case $c --json | blank > "$out/show-avvik-1.json"
ev finding show merknad-1 --case $c --json | blank > "$out/show-merknad-1.json"
ev finding list --case $c > "$out/list.txt"
for fmt in md csv json; do ev export --case $c --format $fmt --out "$out/export.$fmt" >/dev/null; blank < "$out/export.$fmt" > "$out/export.$fmt.tmp"; mv "$out/export.$fmt.tmp" "$out/export.$fmt"; done
ev export --case $c --format md --anonymise --out "$out/export-anon.md" >/dev/null
blank < "$out/export-anon.md" > "$out/x" && mv "$out/x" "$out/export-anon.md"
ev export --case $c --format docx --out "$home/export.docx" >/dev/null
unzip -p "$home/export.docx" word/document.xml | sed -e 's/<[^>]*>/ /g' | tr -s ' ' | blank > "$out/export-docx.txt"
ev verify --case $c > "$out/verify.txt" 2>&1 || true
rm -rf "$home"
echo "written to $out"
