#!/usr/bin/env bash
# Fan-out work per replica with 1 and with 4 replicas of notification-service (issue 10). Needs Kafka, PostgreSQL and
# Redis answering, the jars built (./mvnw package -DskipTests), and nothing of the suite running (dev/up stopped):
# it starts token-service on :8081 and the replicas on :8091-8094 itself, and stops them (by PID) at the end.
# Each replica's realtime_fanout_received_total says how many fan-out payloads it received; its CPU is read from
# /proc. One load tool per replica, each with its own users.
#
# Usage: load-test/replicas.sh
set -u
cd "$(dirname "${BASH_SOURCE[0]}")/.."
export JAVA_HOME="${REALTIME_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
JAR=notification-service/target/quarkus-app/quarkus-run.jar
PIDS=()
start_replica() {
  env QUARKUS_PROFILE=local QUARKUS_HTTP_PORT=$1 KAFKA_BOOTSTRAP_SERVERS=127.0.0.1:9092 \
    java -XX:MaxRAM=1g -XX:+UseSerialGC -jar $JAR > target/replica-$1.log 2>&1 &
  PIDS+=($!)
}
await_ready() { for i in $(seq 180); do curl -fs -o /dev/null http://127.0.0.1:$1/q/health/ready && return; sleep 1; done; echo "replica $1 not ready"; }
received() { curl -s http://127.0.0.1:$1/q/metrics | awk '/^realtime_fanout_received_total/ {print $2}'; }
cpu_ticks() { awk '{print $14+$15}' /proc/$1/stat; }
stop_all() { kill -TERM "${PIDS[@]}" 2>/dev/null; wait "${PIDS[@]}" 2>/dev/null; PIDS=(); }

run_case() {  # run_case N_REPLICAS SESSIONS_TOTAL RATE_TOTAL
  local n=$1 sessions=$2 rate=$3 port ports=() before=() cpu_before=() tools=()
  for ((r = 0; r < n; r++)); do port=$((8091 + r)); ports+=($port); start_replica $port; done
  for port in "${ports[@]}"; do await_ready $port; done
  sleep 20   # consumer group settles
  for ((r = 0; r < n; r++)); do before+=($(received ${ports[r]})); cpu_before+=($(cpu_ticks ${PIDS[r]})); done
  for ((r = 0; r < n; r++)); do
    load-test/run.sh --no-build notifications --target ws://127.0.0.1:${ports[r]} --service-port ${ports[r]} \
      --sessions $((sessions / n)) --rate $((rate / n)) --duration 60 --drain 120 --no-memory > target/replicas-$n-${ports[r]}.log 2>&1 &
    tools+=($!)
  done
  wait "${tools[@]}"
  echo "== $n replica(s), $sessions sessions, $rate/s for 60 s"
  for ((r = 0; r < n; r++)); do
    local after=$(received ${ports[r]}) cpu=$(( $(cpu_ticks ${PIDS[r]}) - ${cpu_before[r]} ))
    echo "replica ${ports[r]}: fan-out payloads received $(echo "$after - ${before[r]}" | bc), CPU $(echo "scale=2; $cpu / 100" | bc) s"
    grep '^RESULT' target/replicas-$n-${ports[r]}.log | cut -c1-400
  done
  stop_all
}
echo "start $(date -u +%FT%TZ) load $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p target
# token-service publishes the WS-token keys the replicas fetch; sessions here use access tokens, but the verifier asks.
env QUARKUS_PROFILE=local QUARKUS_HTTP_PORT=8081 java -XX:MaxRAM=512m -XX:+UseSerialGC -jar token-service/target/quarkus-app/quarkus-run.jar > target/replica-token.log 2>&1 &
TOKEN=$!
await_ready 8081
run_case 1 1000 1000
run_case 4 1000 1000
kill -TERM $TOKEN; wait $TOKEN
echo "end $(date -u +%T)"
