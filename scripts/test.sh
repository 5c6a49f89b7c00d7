#!/usr/bin/env bash
# Runs every test: contracts, CLI end to end against a real node, and the node's own suites.
#
#   scripts/test.sh                     # against anvil, started by the tests on free ports
#   DRR_TEST_NODE=http://host:8545 scripts/test.sh   # against a running node
#
# Extra arguments go to Maven (e.g. -pl cli -am, -Dtest=AssetRulesTest).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
. scripts/lib/java-home.sh
drr_select_jdk

. scripts/lib/npm-tools.sh
if ! drr_npm_tools_current "$root"; then
  echo "installing pinned npm tooling (solc, anvil, cast) from package-lock.json"
  drr_install_npm_tools "$root"
fi

exec mvn -B verify -Ddrr.test.node="${DRR_TEST_NODE:-anvil}" "$@"
