#!/usr/bin/env bash
# Runs the Ethereum reference-test suites (every *ReferenceTest class in the node module) on a
# fixtures folder laid out like ../shared/conformance/ethereum-tests, then repeats the
# per-suite summary lines ("NAME: N passed, M failed, K skipped") together at the end.
#
#   scripts/reference-tests.sh [DIR]      # DIR defaults to ../shared/conformance/ethereum-tests
#
# Exits non-zero when any case fails.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
if [ $# -ge 1 ]; then
  # A DIR given on the command line is relative to where the script was called from.
  case "$1" in /*) dir=$1 ;; *) dir=$(pwd)/$1 ;; esac
else
  dir=$root/../shared/conformance/ethereum-tests
fi
cd "$root"
. scripts/lib/java-home.sh
drr_select_jdk || exit 1

if [ ! -d "$dir" ]; then
  echo "reference-tests: fixtures folder $dir does not exist" >&2
  exit 2
fi
dir=$(cd "$dir" && pwd)

log=$(mktemp)
trap 'rm -f "$log"' EXIT
mvn -B -pl node test -Dtest='*ReferenceTest' -Dsurefire.failIfNoSpecifiedTests=false \
  -Ddrr.fixtures="$dir" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}

echo
echo "== reference tests on $dir =="
grep -E '^[A-Za-z0-9]+: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped$' "$log" || echo "no suite ran"
exit "$status"
