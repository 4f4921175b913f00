#!/usr/bin/env bash
# The CPU the workspace server spends to start and on its first two searches, as CPU seconds of the whole
# server process (user + system, every thread: JIT and GC included, from /proc), so the figures hold on a
# busy machine where wall-clock times do not. The first search is grouped with a facet filter, as bench web's.
#
#   scripts/first-search-cpu.sh HOME [on|off]     (off: EVIDENS_WARMUP=off, the server does not warm up)
#
# HOME: a home with an index, e.g. the one `evidens bench web --home HOME` made. Linux only (/proc).
set -euo pipefail
home=$1
mode=${2:-on}
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out=$(mktemp)
err=$(mktemp)
EVIDENS_WARMUP=$mode java -Xmx1g -cp "$root/pipeline/target/evidens.jar" no.evidens.pipeline.cli.EvidensCli serve \
  --home "$home" --port 0 --user benk >"$out" 2>"$err" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid 2>/dev/null; rm -f "$out" "$err"' EXIT
for _ in $(seq 1 1500); do grep -q " at http" "$out" 2>/dev/null && break; sleep 0.2; done
url=$(grep -o "http://[^ ]*" "$out" | head -1)
tck=$(getconf CLK_TCK)
cpu() { awk -v t="$tck" '{printf "%.2f", ($14 + $15) / t}' "/proc/$pid/stat"; }
c0=$(cpu)
curl -s -o /dev/null "${url}api/search?q=samarbeid&limit=10&group=document&filter=type%3Astyringsdokument"
c1=$(cpu)
curl -s -o /dev/null "${url}api/search?q=rutine&limit=10&group=document&filter=indicator%3Aansvar"
c2=$(cpu)
awk -v m="$mode" -v a="$c0" -v b="$c1" -v c="$c2" \
  'BEGIN { printf "warm-up %s: start %.2f s CPU, first search %.2f s CPU, second search %.2f s CPU\n", m, a, b - a, c - b }'
