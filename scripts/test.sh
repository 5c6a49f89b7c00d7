#!/usr/bin/env bash
# Runs every test: contracts, CLI end to end against a real node, and the node's own suites.
#
#   scripts/test.sh                     # against anvil, started by the tests on free ports,
#                                       # then contracts + CLI again against the drr node
#   DRR_TEST_NODE=drr scripts/test.sh   # everything against the drr node only
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

mvn -B verify -Ddrr.test.node="${DRR_TEST_NODE:-anvil}" "$@"

# Then the contracts and CLI suites once more against the project's own node (issue 4: the
# same suite, selected by the same setting) — unless the caller chose a node or narrowed the
# run with arguments. The node runs from cli/target (packaged by the run above), so this only
# runs the two modules' tests (the node's own tests ran above and are filtered out here).
if [ -z "${DRR_TEST_NODE:-}" ] && [ $# -eq 0 ]; then
  echo "== contracts and CLI suites against the drr node"
  mvn -B -pl build-tools,contracts,node,cli test -Ddrr.test.node=drr \
    -Dtest='org/drr/contracts/**/*Test,org/drr/cli/**/*Test' -Dsurefire.failIfNoSpecifiedTests=false
fi

# The node's JVM cache (docs/node.md, "Starting warm"): a short training run, and the launcher
# must start the node from what it made. The short run's cache would start a node barely warmer
# than none, so it is deleted after, and a usable cache from before is put back.
if [ -z "${DRR_TEST_NODE:-}" ] && [ $# -eq 0 ]; then
  echo "== the node's JVM cache: when the launcher may use it; trained, and ./drr node starts from it"
  scripts/lib/node-cache.test.sh
  if [ "$DRR_JAVA_MAJOR" -ge 25 ]; then
    . scripts/lib/node-cache.sh
    cache=$(drr_node_cache "$root")
    kept=$(mktemp -d)
    if [ "$(drr_node_cache_state "$root")" = current ]; then mv "$cache" "$cache.jdk" "$kept/"; fi
    trained=0
    scripts/train-node.sh 300 || trained=$?
    rm -f "$cache" "$cache.jdk"
    mv "$kept"/drr-node.aot* "$(dirname "$cache")/" 2>/dev/null || true
    rmdir "$kept"
    [ "$trained" = 0 ] || exit "$trained"
  else
    echo "skipped: the JVM's AOT cache needs JDK 25; this run uses $DRR_JAVA_MAJOR"
  fi
fi
