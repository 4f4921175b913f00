#!/usr/bin/env bash
# The wall time of a small ingest, start to end, as a user runs it: `evidens ingest` of a bundle of three small files
# into a fresh home, in each checkout named, the checkouts alternated run by run (the same minutes, the same load), with
# `java -version` timed in each round beside them. Prints each run (wall ms, and the CPU ms of the command and the
# workers it waited for), then each checkout's medians, the wall's ratio to `java -version`'s median and both ratios to
# the first checkout's (under load, the CPU is the steadier figure). One warm-up ingest per checkout first (its class-data
# archives are written by its first runs, as the launcher does for every user; not counted).
#
#   scripts/ingest-start.sh [-n RUNS] CHECKOUT [CHECKOUT …]     # e.g. a worktree of the code before, then this one
set -euo pipefail
runs=7
if [ "${1:-}" = -n ]; then runs="$2"; shift 2; fi
[ $# -ge 1 ] || { echo "usage: $0 [-n RUNS] CHECKOUT [CHECKOUT …]" >&2; exit 2; }
work="$(mktemp -d /tmp/ingest-start.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/bundle/tiltak"
printf 'Tiltaksplanen for barnet skal evalueres hvert halvår, jf. barnevernsloven § 8-3.\n' > "$work/bundle/tiltak/plan.txt"
printf '<html><body><h1>Referat</h1><p>Ansvarsgruppen møttes i mars og avtalte nye tiltak.</p></body></html>\n' \
  > "$work/bundle/tiltak/referat.html"
printf 'Rutinen for bekymringsmeldinger ble ikke fulgt i to av sakene.\n' > "$work/bundle/rutine.txt"

ms() { date +%s%N | cut -c1-13; }
ingest() { # checkout, home: "WALL CPU" in milliseconds of one ingest (a failure ends the script)
  rm -rf "$2"
  /usr/bin/time -f '%e %U %S' -o "$work/time.txt" "$1/evidens" ingest --home "$2" --case start "$work/bundle" \
    > "$work/out.txt" 2>&1 || { cat "$work/out.txt" >&2; exit 1; }
  awk '{printf "%d %d\n", $1 * 1000, ($2 + $3) * 1000}' "$work/time.txt"
}
for c in "$@"; do ingest "$c" "$work/home" > /dev/null; done
declare -A walls cpus
java_times=""
for r in $(seq 1 "$runs"); do
  t0=$(ms); java -version 2>/dev/null; t1=$(ms)
  java_times="$java_times $((t1 - t0))"
  line="run $r (load $(cut -d' ' -f1 /proc/loadavg)): java -version $((t1 - t0)) ms"
  for i in $(seq 1 $#); do
    c="${!i}"
    read -r wall cpu < <(ingest "$c" "$work/home")
    walls[$i]="${walls[$i]:-} $wall"
    cpus[$i]="${cpus[$i]:-} $cpu"
    line="$line, $(basename "$c") $wall ms (CPU $cpu ms)"
  done
  echo "$line"
done
median() { tr ' ' '\n' | grep . | sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
java_median=$(echo "$java_times" | median)
first_wall=$(echo "${walls[1]}" | median)
first_cpu=$(echo "${cpus[1]}" | median)
echo "java -version: median $java_median ms"
for i in $(seq 1 $#); do
  c="${!i}"
  w=$(echo "${walls[$i]}" | median)
  u=$(echo "${cpus[$i]}" | median)
  awk -v c="$c" -v w="$w" -v u="$u" -v j="$java_median" -v fw="$first_wall" -v fu="$first_cpu" \
    'BEGIN {printf "%s: median wall %s ms (%.1f× java -version, %.3f× the first checkout), CPU %s ms (%.3f× the first)\n", c, w, w / j, w / fw, u, u / fu}'
done
