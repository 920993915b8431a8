#!/usr/bin/env bash
# Fuzzes the library with the libFuzzer targets in fuzz/ (docs/building.md, "Fuzzing").
#
#   bash scripts/fuzz.sh [SECONDS] [TARGET...]
#
# SECONDS per target (default 600); TARGETs default to all of them. Builds the `asan` preset
# (clang, ASan + UBSan, coverage for libFuzzer) unless JIANZHENG_FUZZ_NO_BUILD=1. New inputs
# go to a scratch corpus: tests/fuzz/<target>/ keeps only the committed seeds. A finding
# fails the run; its input is kept under fuzz-findings/ with the command that reproduces it.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-600}
shift || true
targets=("$@")
if ((${#targets[@]} == 0)); then
  targets=(fuzz_c_api fuzz_catalog_layer fuzz_work_calendar fuzz_survey fuzz_names)
fi
build=build-asan

if [ "${JIANZHENG_FUZZ_NO_BUILD:-0}" != 1 ]; then
  cmake --preset asan >/dev/null
  cmake --build --preset asan --target "${targets[@]}" -j "$(nproc)"
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Targets run side by side, JIANZHENG_FUZZ_JOBS at a time (default: the number of cores), each
# for its own SECONDS; the summaries are printed in the targets' order when all are done.
jobs=${JIANZHENG_FUZZ_JOBS:-$(nproc)}
fuzz_one() {
  local t=$1
  mkdir -p "$work/$t"
  "$build/fuzz/$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -dict="tests/fuzz/$t.dict" -artifact_prefix="$work/$t-" -print_final_stats=1 \
    "$work/$t" "tests/fuzz/$t" >"$work/$t.log" 2>&1
  echo $? >"$work/$t.rc"
}
echo "== fuzzing ${targets[*]}: ${seconds}s each, $jobs at a time"
running=0
for t in "${targets[@]}"; do
  if ((running >= jobs)); then
    wait -n || true
    running=$((running - 1))
  fi
  fuzz_one "$t" &
  running=$((running + 1))
done
wait || true

status=0
for t in "${targets[@]}"; do
  log="$work/$t.log"
  if [ "$(cat "$work/$t.rc" 2>/dev/null || echo 1)" = 0 ]; then
    echo "$t: $(grep -E '^stat::number_of_executed_units' "$log" | tail -1 | sed 's/.*: //') runs, no finding"
  else
    status=1
    echo "!! $t found a problem:" >&2
    tail -n 60 "$log" >&2
    mkdir -p fuzz-findings
    for f in "$work/$t"-*; do
      [ -e "$f" ] || continue
      cp "$f" fuzz-findings/
      echo "   input kept: fuzz-findings/$(basename "$f") — reproduce: $build/fuzz/$t fuzz-findings/$(basename "$f")" >&2
    done
  fi
done
exit $status
