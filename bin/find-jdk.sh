# Sourced by ./weir and .ci/run: sets WEIR_JAVA_HOME to a JDK 21 or newer, or explains why there is none.
# Looks at JAVA_HOME, then `java` on the PATH, then the usual install places; takes the newest that qualifies.

weir_java_major() { # prints the feature version of the java binary $1, or nothing
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9][0-9]*\).*/\1/p' | head -n 1
}

weir_find_jdk() {
  local candidates=() home best="" best_major=0 major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  if command -v java >/dev/null 2>&1; then
    home=$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")
    candidates+=("$home")
  fi
  for home in /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -d "$home" ] && candidates+=("$home")
  done
  for home in "${candidates[@]}"; do
    [ -x "$home/bin/java" ] && [ -x "$home/bin/javac" ] || continue
    major=$(weir_java_major "$home/bin/java")
    [ -n "$major" ] || continue
    # JAVA_HOME wins when it qualifies; otherwise the newest found.
    if [ "$major" -ge 21 ] && { [ "$home" = "${JAVA_HOME:-}" ] || [ "$major" -gt "$best_major" ]; }; then
      best="$home"; best_major="$major"
      [ "$home" = "${JAVA_HOME:-}" ] && break
    fi
  done
  if [ -z "$best" ]; then
    echo "weir: no JDK 21 or newer found (looked at JAVA_HOME, java on the PATH and /usr/lib/jvm)." >&2
    echo "weir: install one (e.g. 'apt-get install openjdk-21-jdk' or Temurin 21+) or set JAVA_HOME to it." >&2
    return 1
  fi
  WEIR_JAVA_HOME="$best"
  WEIR_JAVA_MAJOR="$best_major"
}
