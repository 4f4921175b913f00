#!/usr/bin/env bash
# Alternated old/new requests of the group quotations page: wall ms (curl) and server CPU ms (/proc utime+stime).
# usage: scripts/quotations-bench.sh OLDPORT NEWPORT ROUNDS (two `evidens serve --port N --home …` of the same home, copied;
# each request of each kind is sent to both in turn, the order switched each round; prints: side kind wall-ms cpu-ms)
old=$1; new=$2; rounds=${3:-7}
pid_of() { pgrep -f "serve --port $1" | head -1; }
cpu() { awk '{print ($14+$15)*10}' /proc/$1/stat; }
declare -A P; P[old]=$(pid_of $old); P[new]=$(pid_of $new); declare -A PORT; PORT[old]=$old; PORT[new]=$new
kinds=("first|" "filtered|?fylke=Vestland&funn=avvik" "more|?offset=50")
for r in $(seq 1 $rounds); do
  for k in "${kinds[@]}"; do
    name=${k%%|*}; q=${k#*|}
    order="old new"; [ $((r % 2)) = 0 ] && order="new old"
    for side in $order; do
      c0=$(cpu ${P[$side]})
      t=$(curl -s -o /dev/null -w "%{time_total}" "http://127.0.0.1:${PORT[$side]}/api/groups/landstilsyn-2026/quotations$q")
      c1=$(cpu ${P[$side]})
      echo "$side $name $(python3 -c "print(round($t*1000))") $((c1-c0))"
    done
  done
done
