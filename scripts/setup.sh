#!/usr/bin/env bash
# Installs everything smith needs to build and test on a fresh Debian machine, as root:
# distribution packages (compiler toolchain, RocksDB, GoogleTest, Google Benchmark, ...) and the
# Python virtual environment in .venv. Safe to run repeatedly; it only installs what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

readonly APT_PACKAGES=(
  build-essential cmake ninja-build ccache clang-format pkg-config
  librocksdb-dev libgtest-dev libgmock-dev libbenchmark-dev libabsl-dev tzdata
  python3 python3-venv python3-dev libre2-dev nlohmann-json3-dev libedit-dev
)

missing=()
for pkg in "${APT_PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$pkg")
  fi
done
if ((${#missing[@]})); then
  echo "setup: installing distribution packages: ${missing[*]}"
  SUDO=""
  if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi
  $SUDO apt-get update -q
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

if [[ ! -x .venv/bin/python ]]; then
  echo "setup: creating the Python virtual environment in .venv"
  python3 -m venv .venv
fi
.venv/bin/python -m pip install -q --upgrade pip

# The Python package: build and test tools, then smith itself built from this checkout into
# .venv. The CMake build directory build/python/<wheel tag> persists, so a repeat install only
# recompiles what changed (and ccache serves files already compiled elsewhere).
.venv/bin/python -m pip install -q scikit-build-core nanobind pytest pytest-asyncio numpy pandas
echo "setup: building and installing the smith Python package into .venv"
# Built with build/release's compiler flags (RelWithDebInfo, warnings as errors; the installed
# files are stripped) so that the release build that follows is served from ccache instead of
# compiling the C++ core a second time. A plain `pip install .` builds Release (-O3).
# The same compiler command as CMake picks for build/release (ccache tells `c++` and `g++` apart).
CXX=${CXX:-c++} CMAKE_BUILD_PARALLEL_LEVEL=${CMAKE_BUILD_PARALLEL_LEVEL:-$(nproc)} \
  .venv/bin/python -m pip install -q --no-build-isolation \
  --config-settings=cmake.build-type=RelWithDebInfo \
  --config-settings=cmake.define.SMITH_WERROR=ON --config-settings=install.strip=true .

# The nodestream connector, beside smith (its dependency nodestream comes from PyPI; smith is
# already installed above and satisfies its own requirement).
echo "setup: installing the nodestream connector (nodestream-plugin-smith) into .venv"
.venv/bin/python -m pip install -q ./connector
