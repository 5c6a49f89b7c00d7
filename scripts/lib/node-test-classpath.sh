# Sourced by the scripts that run the node's test-side tools (the benchmark, the JVM cache's
# training run): compiles them and sets NODE_TEST_CP to their class path.

drr_node_test_classpath() {
  local root=$1
  (cd "$root" && mvn -B -q -pl contracts,node -am test-compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null) \
    || { echo "drr: compiling the node's test tools failed" >&2; return 1; }
  NODE_TEST_CP="$root/node/target/test-classes:$root/node/target/classes"
  NODE_TEST_CP="$NODE_TEST_CP:$root/contracts/target/classes:$(cat "$root/node/target/bench-classpath.txt")"
}
