#!/usr/bin/env bash
# Asset-registration benchmark: the drr node (1-second block period) and anvil (--block-time 1)
# in the same run. Prints committed tx/s, p50/p99 submit-to-inclusion latency and, for the node,
# RocksDB bytes per registered asset. Not part of the test run.
#
#   scripts/bench-node.sh [N] [CLIENTS]
#     N: registrations per round of N (default 2000); CLIENTS: concurrent submitters, 1, 2 or 4
#     (default 1), each sending its share of the four senders' transactions
#
# The node runs as operators run it, with `./drr node` (DRR_JAVA_OPTS passes JVM options to it)
# from its trained JVM cache (scripts/train-node.sh, run first if there is none),
# with empty blocks on as anvil's interval mining has them; every round starts just after a block.
set -euo pipefail
cd "$(dirname "$0")/.."
N="${1:-2000}"
CLIENTS="${2:-1}"
. scripts/lib/java-home.sh
drr_select_jdk
./drr --version >/dev/null   # builds the packaged node on first use
. scripts/lib/node-test-classpath.sh
drr_node_test_classpath "$PWD"
CP="$NODE_TEST_CP"
# The node starts from its trained JVM cache, as operators are told to run it (train-node.sh);
# DRR_JAVA_OPTS=-XX:AOTMode=off measures it without.
. scripts/lib/node-cache.sh
if [[ "${DRR_JAVA_OPTS:-}" == *AOTMode=off* ]]; then
  cache="none (-XX:AOTMode=off)"
else
  [ "$(drr_node_cache_state "$PWD")" = current ] || scripts/train-node.sh
  cache="$(drr_node_cache "$PWD"), trained $(date -u -r "$(drr_node_cache "$PWD")" '+%F %H:%M UTC')"
fi
WORK="$(mktemp -d -t drr-bench-XXXXXX)"
keep_work=0 # a failed run keeps its logs and data for a post-mortem
trap '[ "$keep_work" = 1 ] || rm -rf "$WORK"' EXIT
echo "machine: $(lscpu | sed -n 's/^Model name: *//p'), $(nproc) cores; load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "node JVM: $("$JAVA_HOME/bin/java" -version 2>&1 | head -1); options: the launcher's${DRR_JAVA_OPTS:+, then $DRR_JAVA_OPTS}"
echo "node JVM cache: $cache"
for target in node anvil; do
  "$JAVA_HOME/bin/java" -Ddrr.root="$PWD" -cp "$CP" org.drr.node.compat.RegistrationBench \
    "$target" "$N" "$WORK" "$CLIENTS" 2>"$WORK/$target.err" | grep -E '^(node|anvil):' \
    || { echo "$target failed:"; tail -20 "$WORK/$target.err"; keep_work=1
         echo "logs and data kept in $WORK (the target's log: $WORK/$target/$target.log)"; exit 1; }
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
