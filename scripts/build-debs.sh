#!/usr/bin/env bash
# Builds jianzheng's Debian packages (debian/) with `dpkg-buildpackage -us -uc -b` and lists
# what each holds:
#
#   bash scripts/build-debs.sh [OUT_DIR]          # default OUT_DIR: build-deb/
#
# The source tree (the files git tracks, plus new ones it does not ignore) is copied into a
# temporary directory and built there, so the worktree stays clean; the .deb files land in
# OUT_DIR. DEB_BUILD_OPTIONS passes through (default "nocheck parallel=<cores>"). lintian
# runs on the result and fails the script on an error (warnings are shown).
# scripts/check-debs.sh OUT_DIR then checks the packages' files and runs them.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=$(mkdir -p "${1:-build-deb}" && cd "${1:-build-deb}" && pwd)

bash scripts/setup.sh

version=$(dpkg-parsechangelog -S Version)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
src="$work/jianzheng-$version"
mkdir "$src"
if git -C "$root" rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  git -C "$root" ls-files -z --cached --others --exclude-standard |
    tar -C "$root" --null -T - --ignore-failed-read -cf - 2>/dev/null | tar -C "$src" -xf -
else
  tar -C "$root" --exclude='./build*' -cf - . | tar -C "$src" -xf -
fi

export DEB_BUILD_OPTIONS="${DEB_BUILD_OPTIONS:-nocheck parallel=$(nproc)}"
# With ccache on PATH (/usr/lib/ccache, as CI does), keep its cache where it is: debhelper
# points HOME into the package build, and the temporary source folder changes every run, so
# paths below it are hashed relative (the objects carry no absolute path: Debian's
# -ffile-prefix-map).
if command -v ccache >/dev/null; then
  export CCACHE_DIR="${CCACHE_DIR:-$(ccache -k cache_dir)}" CCACHE_BASEDIR="$work" CCACHE_NOHASHDIR=1
fi
echo "== dpkg-buildpackage -us -uc -b (DEB_BUILD_OPTIONS=$DEB_BUILD_OPTIONS)"
(cd "$src" && dpkg-buildpackage -us -uc -b) > "$work/build.log" 2>&1 || {
  tail -n 60 "$work/build.log" >&2
  echo "build-debs: dpkg-buildpackage failed (last 60 lines above)" >&2
  exit 1
}

rm -f "$out"/*.deb "$out"/*.ddeb "$out"/*.changes "$out"/*.buildinfo
mv "$work"/*.deb "$work"/*.changes "$work"/*.buildinfo "$out"/
mv "$work"/*.ddeb "$out"/ 2>/dev/null || true
cp "$work/build.log" "$out/build.log"

for deb in "$out"/*.deb; do
  echo "== $(basename "$deb")"
  dpkg-deb -f "$deb" Package Version Architecture Depends | sed 's/^/   /'
  dpkg-deb -c "$deb" | awk '{ $1=$2=$3=$4=$5=""; sub(/^ +/, ""); print "   " $0 }'
done

if command -v lintian >/dev/null; then
  echo "== lintian"
  lintian --fail-on error --tag-display-limit 0 "$out"/*.changes
fi
echo "build-debs: $(ls "$out"/*.deb | wc -l) packages in $out"
