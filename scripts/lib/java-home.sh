# Sourced by ./drr, scripts/*.sh and .ci/run: exports JAVA_HOME pointing at a JDK >= 21, and
# DRR_JAVA_MAJOR, its feature version (the node's AOT cache needs 25).
#
# Web3j 5 needs Java 21, while many machines (ours included) default to 17. Order of preference:
# an already-set JAVA_HOME that is new enough, then `java` on the PATH, then any JDK under
# /usr/lib/jvm or /opt, newest first.

drr_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}

drr_select_jdk() {
  local candidate major
  for candidate in \
      ${JAVA_HOME:+"$JAVA_HOME"} \
      "$(dirname "$(dirname "$(readlink -f "$(command -v java 2>/dev/null || echo /nonexistent)")")")" \
      $(ls -d /usr/lib/jvm/* /opt/*jdk* /opt/java/* 2>/dev/null | sort -rV); do
    [ -x "$candidate/bin/java" ] && [ -x "$candidate/bin/javac" ] || continue
    major=$(drr_java_major "$candidate/bin/java")
    if [ -n "$major" ] && [ "$major" -ge 21 ]; then
      export JAVA_HOME="$candidate"
      export DRR_JAVA_MAJOR="$major"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "drr: no JDK 21 or newer found (looked at JAVA_HOME, PATH, /usr/lib/jvm, /opt)." >&2
  echo "drr: install one, e.g. 'apt-get install temurin-21-jdk' or openjdk-21-jdk, or set JAVA_HOME." >&2
  return 1
}
