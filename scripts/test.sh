#!/usr/bin/env bash
# The test command: installs what is needed, builds everything and runs every test suite.
# Suites: C++ unit tests (release build), the same under ASan+UBSan.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh

status=0
passed=0
failed=0
run_suite() {
  local name=$1; shift
  echo "=== $name"
  local log
  log=$(mktemp)
  if "$@" 2>&1 | tee "$log"; then :; else status=1; fi
  # ctest's summary line: "100% tests passed, 0 tests failed out of N"
  local line
  line=$(grep -E 'tests passed, [0-9]+ tests? failed out of' "$log" | tail -1 || true)
  if [[ -n "$line" ]]; then
    local total fail
    total=$(sed -E 's/.*out of ([0-9]+).*/\1/' <<<"$line")
    fail=$(sed -E 's/.*, ([0-9]+) tests? failed.*/\1/' <<<"$line")
    passed=$((passed + total - fail))
    failed=$((failed + fail))
  fi
  rm -f "$log"
}

scripts/build.sh release
run_suite "C++ unit tests (release)" ctest --test-dir build/release --output-on-failure -j 2

scripts/build.sh asan
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  run_suite "C++ unit tests (ASan+UBSan)" ctest --test-dir build/asan --output-on-failure -j 2

echo
echo "all suites: $passed passed, $failed failed"
exit $status
