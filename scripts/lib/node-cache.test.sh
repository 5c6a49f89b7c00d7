#!/usr/bin/env bash
# Checks drr_node_cache_state (node-cache.sh) on a made-up build tree: each of its four answers,
# and that a jar written after the cache, however deep in lib/, makes it stale. Run by
# scripts/test.sh; exits non-zero on the first wrong answer.
set -euo pipefail
. "$(dirname "$0")/node-cache.sh"
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
mkdir -p "$root/cli/target/lib"
touch -d '2026-01-01 00:00' "$root/cli/target/drr-cli.jar" "$root/cli/target/lib/dep.jar"
JAVA_HOME=/opt/jdk-25
cache=$(drr_node_cache "$root")

expect() {
  local got
  got=$(drr_node_cache_state "$root")
  [ "$got" = "$1" ] || { echo "node-cache: expected '$1' ($2), got '$got'" >&2; exit 1; }
}

expect none "no cache yet"
touch -d '2026-01-02 00:00' "$cache"
echo /opt/jdk-25 > "$cache.jdk"
expect current "made after the jars, by this JDK"
echo /opt/jdk-26 > "$cache.jdk"
expect "other JDK" "made by another JDK"
rm "$cache.jdk"
expect "other JDK" "no record of its JDK"
echo /opt/jdk-25 > "$cache.jdk"
touch -d '2026-01-03 00:00' "$root/cli/target/lib/dep.jar"
expect stale "a dependency jar rewritten after it"
touch -d '2026-01-01 00:00' "$root/cli/target/lib/dep.jar"
touch -d '2026-01-03 00:00' "$root/cli/target/drr-cli.jar"
expect stale "the CLI jar rewritten after it"
touch -d '2026-01-01 00:00' "$root/cli/target/drr-cli.jar"
touch -d '2026-01-03 00:00' "$root/cli/target/lib/.built"
expect current "a newer file that is not a jar"
echo "node-cache: 7 checks passed"
