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

if [ ! -d node_modules/solc ] || [ ! -d node_modules/@foundry-rs/anvil ] \
    || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "installing pinned npm tooling (solc, anvil) from package-lock.json"
  npm ci --no-audit --no-fund
fi

exec mvn -B verify -Ddrr.test.node="${DRR_TEST_NODE:-anvil}" "$@"
