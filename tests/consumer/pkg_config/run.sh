#!/usr/bin/env bash
# Builds a consumer with nothing but pkg-config, against an installed tree that has been
# moved: the .pc files must find the prefix from where they are (${pcfiledir}), and
# `pkg-config --libs jianzheng` must link the static C++ library without --static.
#
#   run.sh c|cxx INSTALLED_PREFIX WORK_DIR
#
# CC and CXX name the compilers (ctest passes CMake's). Prints the consumer's line.
set -euo pipefail
kind=$1 prefix=$2 work=$3
here=$(cd "$(dirname "$0")/.." && pwd)

rm -rf "$work"
mkdir -p "$work"
cp -al "$prefix" "$work/moved" 2>/dev/null || cp -a "$prefix" "$work/moved"
pcdir=$(dirname "$(find "$work/moved" -name jianzheng.pc -print -quit)")
export PKG_CONFIG_PATH="$pcdir"
unset PKG_CONFIG_LIBDIR PKG_CONFIG_SYSROOT_DIR

module=jianzheng
[ "$kind" = c ] && module=jianzheng_c
actual=$(cd "$(pkg-config --variable=prefix "$module")" && pwd -P)
expected=$(cd "$work/moved" && pwd -P)
if [ "$actual" != "$expected" ]; then
  echo "pkg-config $module: prefix is $actual, not the moved tree $expected" >&2
  exit 1
fi

cd "$work"
if [ "$kind" = c ]; then
  # shellcheck disable=SC2046
  "${CC:-cc}" -std=c99 -Wall -Wextra -Werror "$here/consumer.c" $(pkg-config --cflags --libs jianzheng_c) -o consumer
  LD_LIBRARY_PATH="$(pkg-config --variable=libdir jianzheng_c)" ./consumer
else
  # shellcheck disable=SC2046
  "${CXX:-c++}" -std=c++17 "$here/consumer.cpp" $(pkg-config --cflags --libs jianzheng) -o consumer
  ./consumer
fi
