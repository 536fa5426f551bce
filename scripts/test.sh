#!/usr/bin/env bash
# The test command: installs what is needed, builds everything and runs every test suite:
#   1. formatting check (clang-format)
#   2. C++ unit tests, release build (ctest)
#   3. benchmark smoke runs on a small store, so the benchmarks never rot
#   4. the openCypher TCK against the recorded floor (scripts/tck)
#   5. C++ unit tests under AddressSanitizer + UndefinedBehaviorSanitizer (ctest)
#   6. Python tests: the smith package (tests/python), the command-line tool (tests/cli), the
#      nodestream connector with its end-to-end runs of the nodestream CLI (connector/tests)
# ctest includes the declarative Cypher tests (tests/cypher/**/*.test).
# The last line sums up every suite as "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh || exit 1

status=0
passed=0
failed=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# run_suite NAME COMMAND...: runs one suite, adds its test counts (ctest's summary line when
# present, else 1 for the suite itself) to the totals.
run_suite() {
  local name=$1
  shift
  echo
  echo "=== $name"
  "$@" 2>&1 | tee "$log"
  local rc=${PIPESTATUS[0]}
  local line
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of' "$log" | tail -1 || true)
  if [[ -n "$line" ]]; then
    local total fail
    total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
    fail=$(sed -E 's/.*, ([0-9]+) tests? failed.*/\1/' <<<"$line")
    passed=$((passed + total - fail))
    failed=$((failed + fail))
  elif ((rc == 0)); then
    passed=$((passed + 1))
  else
    failed=$((failed + 1))
  fi
  if ((rc != 0)); then
    echo "=== $name FAILED (exit $rc)"
    status=1
  fi
}

run_suite "format check" scripts/format.sh --check
if scripts/build.sh release; then
  run_suite "C++ unit tests (release)" ctest --test-dir build/release --output-on-failure -j 2
  run_suite "benchmark smoke run" env SMITH_BENCH_MAX_NODES=10000 \
    build/release/bench/graph_bench --benchmark_filter='/10000/'
  run_suite "Cypher benchmark smoke run" env SMITH_BENCH_MAX_NODES=10000 \
    build/release/bench/cypher_bench --benchmark_filter='/10000/'
  # The TCK measures conformance: it passes when at least the recorded floor of scenarios pass
  # (tests/tck/floor.txt; raise it as the engine improves). Counted as one suite here.
  run_suite "openCypher TCK (floor $(cat tests/tck/floor.txt))" \
    scripts/tck --floor "$(cat tests/tck/floor.txt)" --report build/release/tck-report.md
else
  echo "=== release build FAILED"
  status=1
  failed=$((failed + 1))
fi
if scripts/build.sh asan; then
  run_suite "C++ unit tests (ASan+UBSan)" env ASAN_OPTIONS=detect_leaks=1 \
    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build/asan --output-on-failure -j 2
else
  echo "=== ASan build FAILED"
  status=1
  failed=$((failed + 1))
fi

run_suite "Python tests (smith package)" .venv/bin/python -m pytest -q tests/python
# The command-line tool as the Python build installed it into .venv (what users run).
run_suite "Command-line tool tests" env SMITH_CLI="$PWD/.venv/bin/smith" \
  .venv/bin/python -m pytest -q tests/cli
run_suite "nodestream connector tests" .venv/bin/python -m pytest -q connector/tests

echo
echo "all suites: $passed passed, $failed failed"
exit $status
