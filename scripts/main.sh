#!/usr/bin/env bash
# The main job: installs what is needed, builds smith and runs the example into an embedded
# database, then shows what landed.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
rm -rf build/example.smithdb
build/release/examples/cpp/example_ingest build/example.smithdb
