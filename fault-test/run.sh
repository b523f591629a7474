#!/usr/bin/env bash
# Runs the fault-injection suite of issue 11 (see fault-test/README.md): builds the services and this module, then
# starts Kafka (a broker of its own on 19092), the four packaged services and the nginx edge on :8000, and injects
# each fault in turn. It stops and starts the machine's shared PostgreSQL and Redis: run it only under the machine
# lock, with nothing else on :8000 and 8081-8084:
#
#   flock /tmp/laundry-suite.lock fault-test/run.sh [--no-build] [--short] [--faults a,b] [...]   (--help for all)
#
# The output is also written to fault-test/target/runs/<UTC time>.log. Exits 1 when any fault failed.
set -euo pipefail

MODULE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$MODULE_DIR/.." && pwd)"
source "$REPO_ROOT/dev/common.sh"

BUILD=true
if [[ "${1:-}" == "--no-build" ]]; then
  BUILD=false
  shift
fi

if [[ "$BUILD" == true || ! -s "$MODULE_DIR/target/classpath.txt" ]]; then
  echo "building the services and fault-test (./mvnw -B -ntp -q package -DskipTests -pl <those> -am) ..." >&2
  (cd "$REPO_ROOT" && ./mvnw -B -ntp -q package -DskipTests -am \
    -pl token-service,notification-service,tracking-service,partner-service,fault-test) >&2
fi

create_databases notifications tracking partners >&2
mkdir -p "$MODULE_DIR/target/runs"
LOG="$MODULE_DIR/target/runs/$(date -u +%Y%m%dT%H%M%SZ).log"
echo "log: $LOG"
set +e
java --sun-misc-unsafe-memory-access=allow -Xmx512m "-Dfaulttest.repo=$REPO_ROOT" \
  -cp "$MODULE_DIR/target/classes:$(cat "$MODULE_DIR/target/classpath.txt")" \
  com.laundryconnect.realtime.faulttest.FaultTest "$@" 2>&1 | tee "$LOG"
status=${PIPESTATUS[0]}
exit "$status"
