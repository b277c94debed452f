#!/bin/sh
# check-format.sh [SOURCE_DIR] — does the C/C++ tree follow .clang-format?
# Runs Debian's clang-format in dry-run mode over every .c, .h and .cc file
# tracked by git (or found, outside a git checkout), build folders and npm
# modules excepted, and fails on the first difference. It reformats nothing;
# to fix a file: clang-format -i FILE.
# Exit 0 formatted, 1 differences, 77 when clang-format is not installed.
set -eu
src=${1:-$(dirname "$0")/..}
cd "$src"
if ! command -v clang-format >/dev/null 2>&1; then
  echo "check-format.sh: clang-format is not installed (Debian package clang-format;" \
       "scripts/install-deps.sh installs it)"
  exit 77
fi
if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
  files=$(git ls-files '*.c' '*.h' '*.cc')
else
  files=$(find . \( -path './build*' -o -path '*/node_modules' \) -prune -o \
               \( -name '*.c' -o -name '*.h' -o -name '*.cc' \) -print)
fi
# shellcheck disable=SC2086 # one file per word: the tree's paths have no spaces
clang-format --dry-run -Werror $files
echo "check-format.sh: $(echo "$files" | wc -l) files formatted as .clang-format says"
