#!/usr/bin/env bash
# The main job: set up, build, and answer a few real requests a community service desk gets,
# with the compiled-in national list and no files at all.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh >/dev/null
jz=build/bin/jianzheng
echo "== $($jz --version)"
run() { echo; echo "\$ jianzheng $*"; "$jz" "$@" || true; }
if "$jz" --help | grep -q '^  decide'; then
  run decide "开个单身证明"
  run decide --purpose "办理不动产登记" --fact within_duties=yes --fact verifiable=yes "亲属关系证明"
  run decide --fact transitional_need=yes --fact within_duties=yes --fact verifiable=yes "收入证明"
  run decide "居住证明"
fi
if "$jz" --help | grep -q '^  resolve'; then
  run resolve "我要开个无犯罪记录证明"
fi
if "$jz" --help | grep -q '^  schedule'; then
  run schedule --at 2021-03-15
fi
if "$jz" --help | grep -q '^  items'; then
  run items
fi
