#!/usr/bin/env bash
# Instructions per decision under callgrind (docs/performance.md, "Decisions"), for each kind of
# request bench_engine times. Usage: bench/count_instructions.sh PATH/TO/decide_instructions [N] [LAYOUTS]
# N (default 14400) is a multiple of every request set's size, so each request counts equally.
# LAYOUTS (default 1): count with that many heap layouts (decide_instructions' third argument)
# and print each count and their median.
set -euo pipefail
prog=$1
n=${2:-14400}
layouts=${3:-1}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for kind in id text folded json; do
  counts=()
  for ((k = 0; k < layouts; ++k)); do
    valgrind --tool=callgrind --callgrind-out-file="$out/$kind.out" --toggle-collect='*decide_counted*' \
      "$prog" "$kind" "$n" "$k" >/dev/null 2>"$out/$kind.log"
    total=$(sed -n 's/^==[0-9]*== Collected : //p' "$out/$kind.log")
    counts+=($((total / n)))
  done
  sorted=($(printf '%s\n' "${counts[@]}" | sort -n))
  echo "$kind median ${sorted[$((layouts / 2))]} (${counts[*]})"
done
