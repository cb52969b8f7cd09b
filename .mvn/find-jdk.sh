# Sourced by ./mvnw and ./rampart: picks a JDK 25+ so a machine whose default java
# is older (Debian ships 17) still builds, and says so in one line when none is there.
rampart_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n 1 | cut -d. -f1
}
rampart_find_jdk() {
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/java" ]; then
    v=$(rampart_java_major "$JAVA_HOME/bin/java")
    [ "${v:-0}" -ge 25 ] 2>/dev/null && return 0
  elif command -v java >/dev/null 2>&1; then
    v=$(rampart_java_major java)
    [ "${v:-0}" -ge 25 ] 2>/dev/null && return 0
  fi
  # callers may run with globbing off (set -f)
  case $- in *f*) set +f; rampart_noglob=1 ;; esac
  for d in /usr/lib/jvm/* /opt/java/*; do
    if [ -x "$d/bin/java" ] && [ -x "$d/bin/javac" ]; then
      v=$(rampart_java_major "$d/bin/java")
      if [ "${v:-0}" -ge 25 ] 2>/dev/null; then JAVA_HOME="$d"; export JAVA_HOME; [ -n "${rampart_noglob:-}" ] && set -f; return 0; fi
    fi
  done
  [ -n "${rampart_noglob:-}" ] && set -f
  echo "rampart: JDK 25 or newer required (found ${v:-no java}); set JAVA_HOME to a JDK 25+" >&2
  return 1
}
