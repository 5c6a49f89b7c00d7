# Sourced by ./drr and the scripts that train or measure the node: the node's JVM cache
# (scripts/train-node.sh, docs/node.md "Starting warm").

drr_node_cache() {
  echo "$1/cli/target/drr-node.aot"
}

# Whether the cache can start the node: "current", or "none", "other JDK" or "stale". The JVM
# refuses, with errors, a cache made by another JDK or from other jars (a Maven build since
# rewrote them), so the launcher must not hand it one.
drr_node_cache_state() {
  local root=$1 cache
  cache=$(drr_node_cache "$root")
  if [ ! -f "$cache" ]; then
    echo none
  elif [ "$(cat "$cache.jdk" 2>/dev/null)" != "$JAVA_HOME" ]; then
    echo "other JDK"
  elif [ -n "$(find "$root/cli/target/drr-cli.jar" "$root/cli/target/lib" -newer "$cache" \
      -name '*.jar' -print -quit)" ]; then
    echo stale
  else
    echo current
  fi
}
