#!/usr/bin/env bash
# Builds the load-test module and runs one scenario against the local suite (start it first with dev/up).
#
# Usage: load-test/run.sh [--no-build] notifications|tracking|partners [options]   (--help for the options)
#
# Raises the open-files limit to the hard limit first: 10,000 WebSocket sessions need 10,000 descriptors in this
# process alone (and as many again in the service, and twice as many in the edge, each in its own process).
# The output is also written to load-test/target/runs/<scenario>-<UTC time>.log.
set -euo pipefail

MODULE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$MODULE_DIR/.." && pwd)"
export JAVA_HOME="${REALTIME_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
COMMAND_LINE="load-test/run.sh $*"

BUILD=true
if [[ "${1:-}" == "--no-build" ]]; then
  BUILD=false
  shift
fi

if [[ "$BUILD" == true || ! -s "$MODULE_DIR/target/classpath.txt" ]]; then
  echo "building load-test (./mvnw -B -ntp -q -pl load-test -am package -DskipTests) ..." >&2
  (cd "$REPO_ROOT" && ./mvnw -B -ntp -q -pl load-test -am package -DskipTests) >&2
fi

# As many descriptors as this shell may have; the sessions need one each.
hard_limit="$(ulimit -Hn)"
if [[ "$hard_limit" == unlimited ]]; then
  ulimit -n 1048576 2>/dev/null || true
else
  ulimit -n "$hard_limit" 2>/dev/null || true
fi
echo "ulimit -n: $(ulimit -n) (hard $(ulimit -Hn))"
for port in 8000 8082 8083 8084; do
  pid="$(ss -Hltnp "sport = :$port" 2>/dev/null | sed -n 's/.*pid=\([0-9]*\).*/\1/p' | head -1)"
  if [[ -n "$pid" ]]; then
    echo "open-files limit of the process on :$port (pid $pid): $(awk '/Max open files/ {print $4 " soft, " $5 " hard"}' "/proc/$pid/limits")"
  fi
done

CLASSPATH_ARGS=(-cp "$MODULE_DIR/target/classes:$(cat "$MODULE_DIR/target/classpath.txt")")
if [[ "${1:-}" == lag || "${1:-}" == skip-backlog || "${1:-}" == --help || "${1:-}" == -h ]]; then
  exec java --sun-misc-unsafe-memory-access=allow "${CLASSPATH_ARGS[@]}" com.laundryconnect.realtime.loadtest.LoadTest "$@"
fi

mkdir -p "$MODULE_DIR/target/runs"
name="${1:-run}"; [[ "$name" == -* ]] && name=run
LOG="$MODULE_DIR/target/runs/${name}-$(date -u +%Y%m%dT%H%M%SZ).log"
echo "log: $LOG"
set +e
java --sun-misc-unsafe-memory-access=allow -Xms256m -Xmx1g -XX:+ExitOnOutOfMemoryError \
  "-Dloadtest.command=$COMMAND_LINE" \
  "${CLASSPATH_ARGS[@]}" com.laundryconnect.realtime.loadtest.LoadTest "$@" 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
exit "$status"
