#!/usr/bin/env bash
# Times `smith import` of generated CSV (1M nodes, 2M relationships by default).
#
#   bench/import_bench/run.sh [SMITH_BINARY] [NODES] [RELATIONSHIPS]
#
# SMITH_BINARY defaults to build/release/tools/cli/smith. Data and database go to a temporary
# directory that is removed afterwards. Prints the command's summary (per-phase rates) and the
# machine load before and after, to record in docs/performance.md.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
smith="${1:-$root/build/release/tools/cli/smith}"
nodes="${2:-1000000}"
rels="${3:-2000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

echo "generating $nodes nodes and $rels relationships in $work"
python3 "$here/generate.py" "$work/data" --nodes "$nodes" --relationships "$rels"
du -sh "$work/data"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)  cores: $(nproc)"
start=$(date +%s.%N)
# CPU seconds matter on a shared machine: wall time there measures the other processes too.
/usr/bin/time -f "cpu: %U s user, %S s system, max RSS %M KiB" \
  "$smith" import "$work/db" --nodes "$work/data/persons.csv" \
  --relationships=KNOWS "$work/data/knows.csv"
end=$(date +%s.%N)
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$start" "$end" "$nodes" "$rels" <<'PY'
import sys
start, end, nodes, rels = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4])
t = end - start
print(f"wall time {t:.2f} s (process start to exit): {nodes / t:,.0f} nodes/s and "
      f"{rels / t:,.0f} relationships/s over the whole run")
PY
du -sh "$work/db"
