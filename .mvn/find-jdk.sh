# Sourced by ./mvnw, ./rampart and .ci/run: picks a JDK 25+ so a machine whose default java
# is older (Debian ships 17) still works, and says so in one line when none is there.
# On success JAVA_HOME points at the chosen JDK.
rampart_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}
rampart_find_jdk() {
  rampart_found=""
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(rampart_java_major "$JAVA_HOME/bin/java")
    [ "${v:-0}" -ge 25 ] 2>/dev/null && return 0
    rampart_found="$v at JAVA_HOME=$JAVA_HOME"
  elif command -v java >/dev/null 2>&1; then
    v=$(rampart_java_major java)
    if [ "${v:-0}" -ge 25 ] 2>/dev/null; then
      j=$(command -v java)
      j=$(readlink -f "$j" 2>/dev/null || echo "$j")
      JAVA_HOME=$(dirname "$(dirname "$j")"); export JAVA_HOME
      return 0
    fi
    rampart_found="$v"
  fi
  # callers may run with globbing off (set -f)
  case $- in *f*) set +f; rampart_noglob=1 ;; esac
  for d in /usr/lib/jvm/* /opt/java/* /usr/local/lib/jvm/*; do
    if [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ]; then
      v=$(rampart_java_major "$d/bin/java")
      if [ "${v:-0}" -ge 25 ] 2>/dev/null; then
        JAVA_HOME="$d"; export JAVA_HOME
        [ -n "${rampart_noglob:-}" ] && set -f
        return 0
      fi
    fi
  done
  [ -n "${rampart_noglob:-}" ] && set -f
  echo "rampart: JDK 25 or newer required (found ${rampart_found:-no java}); install one or set JAVA_HOME to it" >&2
  return 1
}
