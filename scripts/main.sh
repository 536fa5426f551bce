#!/usr/bin/env bash
# The main job: installs what is needed, builds smith (the C++ core, the Python package with the
# `smith` command-line tool, and the nodestream connector), then runs the bundled example
# nodestream project (examples/nodestream) into an embedded smith database and shows what
# landed with a query.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh release
examples/nodestream/run.sh
