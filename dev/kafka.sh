#!/usr/bin/env bash
# A single-node Apache Kafka broker (KRaft: broker and controller in one JVM) for local development, run from the
# Maven Central jars that dev/kafka/pom.xml resolves: no Docker, no Kafka download. Its state, log and pid file live
# in .local/kafka/ (gitignored); delete that folder for an empty broker.
#
#   dev/kafka.sh start   start in the background and wait until 127.0.0.1:9092 accepts connections
#   dev/kafka.sh run     run in the foreground, logging to stdout (dev/up does this)
#   dev/kafka.sh stop    stop the broker that start launched
#
# REALTIME_KAFKA_PORT, REALTIME_KAFKA_CONTROLLER_PORT and REALTIME_KAFKA_STATE_DIR run a second broker beside the
# usual one (fault-test/run.sh kills its own broker, never the shared one on 9092).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

BROKER_PORT="${REALTIME_KAFKA_PORT:-9092}"
CONTROLLER_PORT="${REALTIME_KAFKA_CONTROLLER_PORT:-9093}"
START_TIMEOUT_SECONDS=60
STOP_TIMEOUT_SECONDS=30
STATE_DIR="${REALTIME_KAFKA_STATE_DIR:-$REPO_ROOT/.local/kafka}"
DATA_DIR="$STATE_DIR/data"
SERVER_PROPERTIES="$STATE_DIR/server.properties"
LOG4J_PROPERTIES="$STATE_DIR/log4j2.properties"
CLASSPATH_FILE="$STATE_DIR/classpath.txt"
BROKER_POM="$REPO_ROOT/dev/kafka/pom.xml"
PID_FILE="$STATE_DIR/kafka.pid"
LOG_FILE="$STATE_DIR/kafka.log"

usage() {
  echo "usage: dev/kafka.sh start|run|stop" >&2
  exit 2
}

broker_answers() {
  (exec 3<>"/dev/tcp/127.0.0.1/$BROKER_PORT") 2>/dev/null
}

broker_classpath() {
  if [[ ! -s "$CLASSPATH_FILE" || "$BROKER_POM" -nt "$CLASSPATH_FILE" ]]; then
    echo "resolving the Kafka broker jars with Maven ..." >&2
    (cd "$REPO_ROOT" && ./mvnw -q -B -ntp -f "$BROKER_POM" dependency:build-classpath \
      -Dmdep.outputFile="$CLASSPATH_FILE") >&2
  fi
  cat "$CLASSPATH_FILE"
}

write_config() {
  cat >"$SERVER_PROPERTIES" <<EOF
# Written by dev/kafka.sh on every start; edit the script, not this file.
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$BROKER_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$BROKER_PORT
controller.listener.names=CONTROLLER
inter.broker.listener.name=PLAINTEXT
listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT
log.dirs=$DATA_DIR
auto.create.topics.enable=false
num.partitions=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
EOF
  # Kafka logs a full configuration dump and much more at INFO; keep warnings and the start/stop milestones.
  cat >"$LOG4J_PROPERTIES" <<'EOF'
status = warn
shutdownHook = disable
appender.stdout.type = Console
appender.stdout.name = STDOUT
appender.stdout.layout.type = PatternLayout
appender.stdout.layout.pattern = %d{HH:mm:ss.SSS} %-5p %m (%c{1})%n
rootLogger.level = WARN
rootLogger.appenderRef.stdout.ref = STDOUT
logger.milestones.name = kafka.server.KafkaRaftServer
logger.milestones.level = INFO
EOF
}

format_storage_once() {
  if [[ -f "$DATA_DIR/meta.properties" ]]; then
    return
  fi
  local cluster_id
  cluster_id="$(java "${JVM_OPTIONS[@]}" kafka.tools.StorageTool random-uuid)"
  java "${JVM_OPTIONS[@]}" kafka.tools.StorageTool format --standalone --cluster-id "$cluster_id" \
    --config "$SERVER_PROPERTIES" >&2
}

# Leaves the JVM options, broker classpath included, in JVM_OPTIONS.
prepare() {
  mkdir -p "$STATE_DIR"
  write_config
  # Kafka 4.1 still uses sun.misc.Unsafe; the flag keeps JDK 25 from warning about it on every start.
  JVM_OPTIONS=(-Xms256m -Xmx512m -Djava.awt.headless=true --sun-misc-unsafe-memory-access=allow
    "-Dlog4j2.configurationFile=$LOG4J_PROPERTIES" -cp "$(broker_classpath)")
  format_storage_once
}

started_broker_pid() {
  local pid
  pid="$(cat "$PID_FILE" 2>/dev/null)" || return 1
  ps -p "$pid" -o args= 2>/dev/null | grep -q 'kafka\.Kafka' || return 1
  echo "$pid"
}

start() {
  if broker_answers; then
    echo "Kafka is already answering on 127.0.0.1:$BROKER_PORT."
    return
  fi
  prepare
  nohup java "${JVM_OPTIONS[@]}" kafka.Kafka "$SERVER_PROPERTIES" >>"$LOG_FILE" 2>&1 &
  local pid=$!
  echo "$pid" >"$PID_FILE"
  local waited=0
  until broker_answers; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "Kafka exited while starting; the end of $LOG_FILE:" >&2
      tail -n 20 "$LOG_FILE" >&2
      rm -f "$PID_FILE"
      exit 1
    fi
    if ((waited >= START_TIMEOUT_SECONDS)); then
      echo "Kafka did not accept connections on 127.0.0.1:$BROKER_PORT within ${START_TIMEOUT_SECONDS}s;" \
        "stopping it. See $LOG_FILE." >&2
      stop >/dev/null
      exit 1
    fi
    sleep 1
    waited=$((waited + 1))
  done
  echo "Kafka is answering on 127.0.0.1:$BROKER_PORT (pid $pid, log $LOG_FILE)."
}

run() {
  if broker_answers; then
    echo "Kafka is already answering on 127.0.0.1:$BROKER_PORT; stop it first with dev/kafka.sh stop." >&2
    exit 1
  fi
  prepare
  exec java "${JVM_OPTIONS[@]}" kafka.Kafka "$SERVER_PROPERTIES"
}

stop() {
  local pid
  if ! pid="$(started_broker_pid)"; then
    rm -f "$PID_FILE"
    if broker_answers; then
      echo "Something not started by dev/kafka.sh start answers on 127.0.0.1:$BROKER_PORT; leaving it alone." >&2
      exit 1
    fi
    echo "Kafka is not running."
    return
  fi
  kill -TERM "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null; do
    if ((waited >= STOP_TIMEOUT_SECONDS)); then
      echo "Kafka did not stop within ${STOP_TIMEOUT_SECONDS}s; killing it." >&2
      kill -KILL "$pid" 2>/dev/null || true
      break
    fi
    sleep 1
    waited=$((waited + 1))
  done
  rm -f "$PID_FILE"
  echo "Kafka stopped."
}

case "${1:-}" in
  start) start ;;
  run) run ;;
  stop) stop ;;
  *) usage ;;
esac
