#!/usr/bin/env bash
# Instructions per decision under callgrind (docs/performance.md, "Decisions"), for each kind of
# request bench_engine times. Usage: bench/count_instructions.sh PATH/TO/decide_instructions [N]
# N (default 14400) is a multiple of every request set's size, so each request counts equally.
set -euo pipefail
prog=$1
n=${2:-14400}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for kind in id text folded json; do
  valgrind --tool=callgrind --callgrind-out-file="$out/$kind.out" --toggle-collect='*decide_counted*' \
    "$prog" "$kind" "$n" >/dev/null 2>"$out/$kind.log"
  total=$(sed -n 's/^==[0-9]*== Collected : //p' "$out/$kind.log")
  echo "$kind $((total / n))"
done
