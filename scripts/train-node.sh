#!/usr/bin/env bash
# Trains the node's JVM cache: runs `./drr node` through a registry workload and keeps what the
# JVM learned (classes loaded and linked, method profiles) in cli/target/drr-node.aot, from which
# `./drr node` and `./drr dev` then start. A node started from it compiles its hot code in the
# first seconds of load instead of over the first minute (docs/benchmarks.md, "The node starts
# from a trained JVM cache"). Needs JDK 25; takes a minute and a half. Rebuilding drr deletes
# the cache, and a Maven build makes it stale: run this again after either.
#
#   scripts/train-node.sh [STEPS]   STEPS: random registry operations after the scenario
#                                   (default 8000)
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
steps="${1:-8000}"
. scripts/lib/java-home.sh
drr_select_jdk
if [ "$DRR_JAVA_MAJOR" -lt 25 ]; then
  echo "train-node: the JVM's AOT cache needs JDK 25; $JAVA_HOME is $DRR_JAVA_MAJOR. Nothing trained." >&2
  exit 3
fi
./drr --version >/dev/null   # builds the packaged node on first use
. scripts/lib/node-test-classpath.sh
drr_node_test_classpath "$root"
. scripts/lib/node-cache.sh
cache=$(drr_node_cache "$root")
# One line rewritten in place on a terminal; line by line into a log.
progress() {
  if [ -t 1 ]; then awk '{ printf "\r%s", $0; fflush() } END { print "" }'; else cat; fi
}
work="$(mktemp -d -t drr-train-XXXXXX)"
trap 'rm -rf "$work"' EXIT
rm -f "$cache" "$cache.jdk"
echo "training the node's JVM cache on the registry scenario and $steps random operations…"
start=$(date +%s)
DRR_JAVA_OPTS="${DRR_JAVA_OPTS:-} -XX:AOTCacheOutput=$work/drr-node.aot" \
  "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Ddrr.root="$root" -cp "$NODE_TEST_CP" \
  org.drr.node.compat.NodeTraining "$work/run" "$steps" | progress \
  || { echo "train-node: the training run failed; its node log follows" >&2
       tail -30 "$work/run/node.log" >&2; exit 1; }
[ -s "$work/drr-node.aot" ] \
  || { echo "train-node: the JVM wrote no cache; the node log follows" >&2
       grep -v 'Skipping' "$work/run/node.log" | tail -30 >&2; exit 1; }
mv "$work/drr-node.aot" "$cache"
# The launcher uses the cache only with the JDK that made it.
echo "$JAVA_HOME" > "$cache.jdk"
# The cache must map into `./drr node` exactly as the launcher starts it: -XX:AOTMode=on makes
# the JVM refuse to start rather than run without it.
DRR_JAVA_OPTS="-XX:AOTMode=on" ./drr node --help >/dev/null \
  || { rm -f "$cache" "$cache.jdk"; echo "train-node: ./drr node cannot start from the new cache" >&2; exit 1; }
echo "trained in $(( $(date +%s) - start )) s: $cache ($(du -h "$cache" | cut -f1))"
