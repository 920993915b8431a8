#!/usr/bin/env bash
# Checks the Debian packages scripts/build-debs.sh made: each holds the files it must, and,
# unpacked into a throwaway root, they work — the command line decides, `python3 -m
# jianzheng` runs it, and a C and a C++ program build with nothing but the packages'
# pkg-config files and run.
#
#   bash scripts/check-debs.sh [DEB_DIR]          # default DEB_DIR: build-deb/
set -euo pipefail
cd "$(dirname "$0")/.."
src=$(pwd)
dir=$(cd "${1:-build-deb}" && pwd)
ma=$(dpkg-architecture -qDEB_HOST_MULTIARCH)
failures=0
fail() { echo "check-debs: FAILED: $*" >&2; failures=$((failures + 1)); }

deb_of() {
  local f
  f=$(ls "$dir/$1"_*.deb 2>/dev/null | head -n 1)
  [ -n "$f" ] || { fail "no package $1 in $dir"; return 1; }
  echo "$f"
}

# Package, then the paths (shell patterns, without the leading ./) it must hold.
expect() {
  local pkg=$1 deb listing path
  shift
  deb=$(deb_of "$pkg") || return 0
  listing=$(dpkg-deb -c "$deb" | awk '{ print $6 }' | sed 's|^\./||')
  for path in "$@"; do
    # shellcheck disable=SC2053
    if ! grep -qx -- "$(printf '%s' "$path" | sed 's/[.[\^$]/\\&/g; s/\*/.*/g')" <<<"$listing"; then
      fail "$pkg has no $path"
    fi
  done
}

expect jianzheng usr/bin/jianzheng usr/share/jianzheng/catalog/national-batch1.json \
  lib/systemd/system/jianzheng.service usr/share/jianzheng/service/nginx-jianzheng.conf \
  usr/share/doc/jianzheng/copyright
# The man page and completion, once tools/CMakeLists.txt installs them.
if grep -q 'CMAKE_INSTALL_MANDIR' "$src/tools/CMakeLists.txt"; then
  expect jianzheng usr/share/man/man1/jianzheng.1.gz usr/share/bash-completion/completions/jianzheng
fi
expect libjianzheng-c0 "usr/lib/$ma/libjianzheng_c.so.0" "usr/lib/$ma/libjianzheng_c.so.0.*"
expect libjianzheng-dev usr/include/jianzheng/jianzheng.h usr/include/jianzheng/jianzheng.hpp \
  usr/include/jianzheng/engine.hpp "usr/lib/$ma/libjianzheng.a" "usr/lib/$ma/libjianzheng_c.so" \
  "usr/lib/$ma/cmake/jianzheng/jianzhengConfig.cmake" "usr/lib/$ma/cmake/jianzheng/jianzhengTargets.cmake" \
  "usr/lib/$ma/pkgconfig/jianzheng.pc" "usr/lib/$ma/pkgconfig/jianzheng_c.pc"
expect python3-jianzheng usr/lib/python3/dist-packages/jianzheng/__init__.py \
  usr/lib/python3/dist-packages/jianzheng/__main__.py usr/lib/python3/dist-packages/jianzheng/py.typed \
  usr/lib/python3/dist-packages/jianzheng/_core.pyi "usr/lib/python3/dist-packages/jianzheng/_core.cpython-*.so" \
  usr/lib/python3/dist-packages/jianzheng/bin/jianzheng

# Unpacked into a throwaway root (not installed: dpkg-deb -x), they must work.
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
for deb in "$dir"/*.deb; do dpkg-deb -x "$deb" "$root"; done

echo "== the command line"
set +e
answer=$("$root/usr/bin/jianzheng" decide --json --date 2021-09-30 单身证明)
status=$?
set -e
# 附件1 第8项 婚姻状况证明: refused with its route under 二（二）2, exit 1 (a refusal).
if [ "$status" -ne 1 ] || ! grep -q '"outcome":"refuse_redirect"' <<<"${answer// /}"; then
  fail "jianzheng decide 单身证明: exit $status, $answer"
fi
"$root/usr/bin/jianzheng" --version

echo "== python3 -m jianzheng (Debian's /usr/bin/python3)"
export PYTHONPATH="$root/usr/lib/python3/dist-packages"
version=$(cd / && /usr/bin/python3 -m jianzheng --version) || fail "python3 -m jianzheng --version"
echo "$version"
(cd / && /usr/bin/python3 -c '
import jianzheng
d = jianzheng.Engine().decide({"text": "单身证明", "date": "2021-09-30"})
assert d.to_dict()["outcome"] == "refuse_redirect", d.to_dict()
print("import jianzheng:", jianzheng.__version__, "ok")') || fail "import jianzheng"
unset PYTHONPATH

echo "== C and C++ programs through the packages' pkg-config files"
export PKG_CONFIG_PATH="$root/usr/lib/$ma/pkgconfig"
cd "$root"
# shellcheck disable=SC2046
cc -std=c99 -Wall -Werror "$src/tests/consumer/consumer.c" $(pkg-config --cflags --libs jianzheng_c) -o consumer_c &&
  LD_LIBRARY_PATH="$root/usr/lib/$ma" ./consumer_c || fail "a C program with jianzheng_c.pc"
# shellcheck disable=SC2046
c++ -std=c++17 "$src/tests/consumer/consumer.cpp" $(pkg-config --cflags --libs jianzheng) -o consumer_cxx &&
  ./consumer_cxx || fail "a C++ program with jianzheng.pc"

if [ "$failures" -ne 0 ]; then
  echo "check-debs: $failures check(s) failed" >&2
  exit 1
fi
echo "check-debs: all packages hold their files and work"
