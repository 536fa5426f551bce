#!/usr/bin/env bash
# Formats every first-party C++ file with the committed .clang-format.
#   scripts/format.sh          rewrite files in place
#   scripts/format.sh --check  report unformatted files and fail (used by the test command)
set -euo pipefail
cd "$(dirname "$0")/.."
mapfile -t files < <(git ls-files '*.h' '*.cc' | grep -E '^(src|include|tests|bench|examples|tools|python)/')
if [[ ${1:-} == --check ]]; then
  clang-format --dry-run --Werror "${files[@]}"
  echo "clang-format: ${#files[@]} files formatted"
else
  clang-format -i "${files[@]}"
fi
