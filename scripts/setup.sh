#!/usr/bin/env bash
# Installs what jianzheng needs from Debian 12's packages, and nothing else. Idempotent and
# non-interactive: when everything is there it only checks (a fast no-op). Run as root, or
# as a user with sudo. Used by the README's two commands and by .ci/run.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libboost-json1.81-dev          # Boost.JSON (the 1.74 default packages have no JSON)
  libboost1.81-dev               # Boost.Beast + Asio (header-only) for `jianzheng serve`; never the 1.74 defaults
  libicu-dev                     # normalisation, Traditional→Simplified, pinyin, GB18030
  libssl-dev                     # SHA-256 of a catalog's canonical JSON (libcrypto)
  catch2                         # C++ tests (Debian ships the v2 series)
  libbenchmark-dev               # benchmarks
  libxlsxwriter-dev              # survey tables written as XLSX
  clang libclang-rt-14-dev       # sanitizer presets (asan, tsan) and libFuzzer targets (fuzz/)
  libzip-dev libexpat1-dev       # survey tables read from XLSX
  groff-base                     # the man page test renders jianzheng(1)
  python3 python3-dev python3-pybind11 pybind11-dev python3-pytest
  python3-jsonschema             # schema tests of data/ and fixtures
  python3-venv python3-setuptools python3-pip python3-wheel   # offline `pip install .`
  python3-pandas python3-matplotlib   # optional conveniences, used by examples and tests
  python3-mypy                   # stubtest of _core.pyi, mypy --strict of examples and docs
  default-jdk-headless libjna-java    # the C ABI from Java (examples/java)
  golang-go                      # the C ABI from Go (examples/go)
  debhelper dh-python lintian    # Debian packages (scripts/build-debs.sh)
  python3-distributed            # the province-on-Dask example (a two-worker LocalCluster)
  fonts-noto-cjk                 # Chinese text in the report's charts and the desk page (Noto Sans CJK SC)
  chromium chromium-driver python3-selenium   # the report and the desk page in headless Chromium
  poppler-utils python3-pil      # the desk page's printed PDFs and screenshots
)

missing=()
for p in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]} == 0)); then
  exit 0
fi

echo "jianzheng setup: installing ${missing[*]}" >&2
sudo_cmd=()
if [ "$(id -u)" -ne 0 ]; then
  command -v sudo >/dev/null || { echo "jianzheng setup: run as root or install sudo" >&2; exit 1; }
  sudo_cmd=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo_cmd[@]}" apt-get update -qq
"${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
