#!/usr/bin/env bash
# Records what ingestion makes of the sample bundle and the generated format bundle, so that two versions
# of Evidens can be compared (receipts, texts, offsets, pages, tags, language):
#   scripts/ingest-contract.sh OUT_DIR [FORMATS_DIR]    then: scripts/contract-compare.py OUT_A OUT_B
# Each bundle is ingested twice: the second receipt is what a re-ingest of the unchanged bundle says.
# EVIDENS_CONTRACT_RECEIPTS_ONLY=1 writes the receipts alone (no analyze of every file).
# FORMATS_DIR holds the format bundle; it is written there when missing (keep it for the second run:
# its PDFs carry creation dates, so a new copy has other bytes).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$(mkdir -p "$1" && cd "$1" && pwd)"
formats="${2:-$out/formats-bundle}"
home="$(mktemp -d)"
export EVIDENS_HOME="$home" USER=revisor
ev() { "$root/evidens" "$@"; }
blank() { sed -E "s#$home#HOME#g; s#$formats#FORMATS#g" | sed -E 's/[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9:.]+Z?/T/g'; }

if [ ! -f "$formats/manifest.csv" ]; then
  java -cp "$root/evaluation/target/lib/evidens-corpus-0.1.0-SNAPSHOT.jar:$root/pipeline/target/evidens.jar" \
    no.evidens.corpus.FormatBundle "$formats" >/dev/null
fi
ev demo --no-serve >/dev/null 2>&1
# The sample bundle again, into a case of its own: its receipt as JSON.
ev ingest "$home/sample-bundle" --case sample-again --json 2>/dev/null | blank > "$out/receipt-sample.json" || true
ev ingest "$formats" --case formats --json 2>/dev/null | blank > "$out/receipt-formats.json" || true
# Both again, unchanged: every file already in its case (or failed before), and the receipts and the lines printed.
ev ingest "$home/sample-bundle" --case sample-again --json 2>/dev/null | blank > "$out/receipt-sample-again.json" || true
ev ingest "$formats" --case formats 2>/dev/null | blank > "$out/receipt-formats-again.txt" || true
ls "$home/receipts" | wc -l > "$out/receipt-files.txt"
if [ "${EVIDENS_CONTRACT_RECEIPTS_ONLY:-}" = 1 ]; then
  rm -rf "$home"
  echo "written to $out (receipts only)"
  exit 0
fi
# Every file of both bundles through analyze: text, pages, offsets, tags, language.
for pair in "sample:$home/sample-bundle" "formats:$formats"; do
  label="${pair%%:*}"; dir="${pair#*:}"
  (cd "$dir" && find . -type f ! -name manifest.csv | sort) | while read -r f; do
    name="$label-$(echo "${f#./}" | tr -c 'a-zA-Z0-9.\n' '_')"
    { ev analyze --json "$dir/${f#./}" 2>&1 || echo "exit $?"; } | blank > "$out/analyze-$name.json"
  done
done
rm -rf "$home"
echo "written to $out"
