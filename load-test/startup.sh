#!/usr/bin/env bash
# JVM start-to-ready of each service, without and with a startup cache, so that the JVM images' choice of cache rests
# on figures from this machine. For each service it builds four variants under <service>/target/startup/ and starts
# each one RUNS times, the variants taking turns so that a noisy moment hurts all of them alike:
#
#   fast-jar       Quarkus's default packaging, no cache: what dev/up runs.
#   appcds         Quarkus's AppCDS archive (quarkus.package.jar.aot.type=app-cds, made at build time).
#   aot-startup    aot-jar packaging and a JDK AOT cache (JEP 483/514/515) recorded by the RUN instruction of
#                  src/main/docker/Dockerfile.jvm, taken from that file: Quarkus's generate mode, which exits once the
#                  bean container is ready, so it needs no PostgreSQL, Redis or Kafka. What the JVM images ship.
#   aot-served     aot-jar and a JDK AOT cache recorded by a whole run against the real local services: start, ready,
#                  health checks, SIGTERM. What a training run with dependencies (e.g. in the native workflow) gives.
#
# Start-to-ready is the time from launching java to the first 200 from /q/health/ready (polled every 20 ms, so up to
# 20 ms late); "started in" is Quarkus's own figure, which leaves out the JVM's boot before Quarkus's main.
# The services run in the local profile against PostgreSQL, Redis and Kafka on this machine, on their dev/up ports.
#
# Usage: load-test/startup.sh [--runs N] [service ...]     (default: 5 runs of each of the four services)
# Stop dev/up first: the services need their ports, and they would join dev/up's consumer groups.
# The report also goes to load-test/target/runs/startup-<UTC time>.log.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/../dev/common.sh"
cd "$REPO_ROOT"

ALL_SERVICES=(token-service notification-service tracking-service partner-service)
VARIANTS=(fast-jar appcds aot-startup aot-served)
READY_TIMEOUT_SECONDS=120
POLL_SECONDS=0.02

usage() {
  echo "usage: load-test/startup.sh [--runs N] [service ...]   services: ${ALL_SERVICES[*]}" >&2
  exit 2
}

RUNS=5
SERVICES=()
while (($#)); do
  case "$1" in
    --runs)
      [[ "${2:-}" =~ ^[1-9][0-9]*$ ]] || usage
      RUNS=$2
      shift 2
      ;;
    token-service | notification-service | tracking-service | partner-service)
      SERVICES+=("$1")
      shift
      ;;
    *) usage ;;
  esac
done
((${#SERVICES[@]})) || SERVICES=("${ALL_SERVICES[@]}")

port_of() {
  sed -n "s/^$1[[:space:]]*=[[:space:]]*\([0-9][0-9]*\).*/\1/p" "$REPO_ROOT/dev/services.properties"
}

port_is_free() {
  ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

variant_dir() {
  echo "$REPO_ROOT/$1/target/startup/$2"
}

# The JVM flags that load the variant's cache, if it has one, into CACHE_FLAGS. Each pair makes the JVM fail rather
# than run on without a cache it cannot use, so that no figure is measured without the cache it names.
set_cache_flags() {
  case "$1" in
    appcds) CACHE_FLAGS=(-Xshare:on -XX:SharedArchiveFile=app-cds.jsa) ;;
    aot-startup | aot-served) CACHE_FLAGS=(-XX:AOTMode=on -XX:AOTCache=app.aot) ;;
    *) CACHE_FLAGS=() ;;
  esac
}

cache_file() {
  case "$1" in
    appcds) echo app-cds.jsa ;;
    aot-startup | aot-served) echo app.aot ;;
  esac
}

package() {
  local service=$1 output=$2
  shift 2
  ./mvnw -B -ntp -q -pl "$service" -am package -DskipTests \
    "-Dquarkus.package.output-directory=startup/$output" "$@"
}

# Starts the application in DIR with extra JVM flags; leaves its pid in APPLICATION_PID and its output in DIR/run.log.
launch() {
  local service=$1 dir=$2
  shift 2
  (cd "$dir" && exec env QUARKUS_PROFILE=local QUARKUS_HTTP_PORT="$(port_of "$service")" \
    java "$@" -jar quarkus-run.jar >run.log 2>&1) &
  APPLICATION_PID=$!
}

await_ready() {
  local service=$1 url deadline
  url="http://127.0.0.1:$(port_of "$service")/q/health/ready"
  deadline=$((SECONDS + READY_TIMEOUT_SECONDS))
  until curl -sf -o /dev/null "$url"; do
    if ! kill -0 "$APPLICATION_PID" 2>/dev/null || ((SECONDS > deadline)); then
      return 1
    fi
    sleep "$POLL_SECONDS"
  done
}

stop_application() {
  kill -TERM "$APPLICATION_PID" 2>/dev/null || true
  wait "$APPLICATION_PID" 2>/dev/null || true
}

# The RUN instruction of the service's Dockerfile.jvm that records the AOT cache, as one shell command, so that the
# aot-startup figures are those of the image's own recording run.
dockerfile_recording_command() {
  sed -n '/^RUN java -XX:AOTCacheOutput/,/[^\\]$/p' "$REPO_ROOT/$1/src/main/docker/Dockerfile.jvm" |
    sed 's/^RUN //; s/\\$//' | tr '\n' ' '
}

build_variants() {
  local service=$1 aot_jar recording
  recording="$(dockerfile_recording_command "$service")"
  [[ -n "$recording" ]] || fail_setup "[$service] Dockerfile.jvm has no RUN java -XX:AOTCacheOutput=... instruction"
  echo "[$service] building the variants ..."
  rm -rf "$REPO_ROOT/$service/target/startup"
  package "$service" fast-jar
  package "$service" appcds -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=app-cds \
    -Dquarkus.package.jar.aot.phase=build
  # As Dockerfile.jvm says to build; the cache this build records for this machine's JDK is replaced below.
  package "$service" aot-jar -Dquarkus.package.jar.aot.enabled=true -Dquarkus.package.jar.aot.type=aot \
    -Dquarkus.package.jar.aot.phase=build
  aot_jar="$(variant_dir "$service" aot-jar)"
  rm -f "$aot_jar/app.aot"
  cp -a "$aot_jar" "$(variant_dir "$service" aot-startup)"
  mv "$aot_jar" "$(variant_dir "$service" aot-served)"

  echo "[$service] aot-startup: $recording"
  (cd "$(variant_dir "$service" aot-startup)" && bash -c "$recording" >training.log 2>&1) ||
    fail_setup "[$service] the Dockerfile's recording run failed; see $(variant_dir "$service" aot-startup)/training.log"

  echo "[$service] aot-served: recording the cache over a run against the local services ..."
  launch "$service" "$(variant_dir "$service" aot-served)" -XX:AOTCacheOutput=app.aot
  await_ready "$service" || fail_setup "[$service] did not get ready; see $(variant_dir "$service" aot-served)/run.log"
  curl -sf -o /dev/null "http://127.0.0.1:$(port_of "$service")/q/health"
  curl -sf -o /dev/null "http://127.0.0.1:$(port_of "$service")/q/metrics"
  stop_application
  mv "$(variant_dir "$service" aot-served)/run.log" "$(variant_dir "$service" aot-served)/training.log"
  for variant in appcds aot-startup aot-served; do
    [[ -s "$(variant_dir "$service" "$variant")/$(cache_file "$variant")" ]] ||
      fail_setup "[$service] $variant produced no $(cache_file "$variant")"
  done
}

# One start; leaves the start-to-ready time in READY and Quarkus's "started in" in QUARKUS, both in ms.
measure_once() {
  local service=$1 variant=$2 dir started_at ready_at quarkus_seconds
  dir="$(variant_dir "$service" "$variant")"
  set_cache_flags "$variant"
  started_at=$(date +%s%N)
  launch "$service" "$dir" "${CACHE_FLAGS[@]}"
  await_ready "$service" || fail_setup "[$service] $variant did not get ready; see $dir/run.log"
  ready_at=$(date +%s%N)
  stop_application
  quarkus_seconds="$(sed -n 's/.* started in \([0-9.]*\)s\..*/\1/p' "$dir/run.log" | head -1)"
  READY=$(((ready_at - started_at) / 1000000))
  QUARKUS=$(awk -v s="${quarkus_seconds:-0}" 'BEGIN { printf "%d", s * 1000 }')
}

# median min max of the numbers on stdin
summarize() {
  sort -n | awk '{ v[NR] = $1 } END {
    m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
    printf "%d %d %d\n", m, v[1], v[NR] }'
}

APPLICATION_PID=""
trap '[[ -n "$APPLICATION_PID" ]] && kill -TERM "$APPLICATION_PID" 2>/dev/null; true' EXIT

require_postgres
require_redis
(exec 3<>/dev/tcp/127.0.0.1/9092) 2>/dev/null ||
  fail_setup "Kafka is not answering on 127.0.0.1:9092; start it with dev/kafka.sh start."
for service in "${SERVICES[@]}"; do
  port_is_free "$(port_of "$service")" ||
    fail_setup "port $(port_of "$service") of $service is taken (dev/up running?); stop it first."
done
create_databases notifications tracking partners
prepare_local_dev
"${LOCAL_DEV_JAVA[@]}" "$LOCAL_DEV_PACKAGE.CreateTopics" 127.0.0.1:9092 >/dev/null

mkdir -p load-test/target/runs
REPORT="load-test/target/runs/startup-$(date -u +%Y%m%dT%H%M%SZ).log"
exec > >(tee "$REPORT") 2>&1
echo "load-test/startup.sh --runs $RUNS ${SERVICES[*]}"
echo "$(date -u +%FT%TZ) on $(nproc) cores; $(java -version 2>&1 | sed -n 2p)"

declare -A READY_MS=() QUARKUS_MS=()
for service in "${SERVICES[@]}"; do
  build_variants "$service"
  for ((run = 1; run <= RUNS; run++)); do
    for variant in "${VARIANTS[@]}"; do
      measure_once "$service" "$variant"
      READY_MS[$service/$variant]+="$READY "
      QUARKUS_MS[$service/$variant]+="$QUARKUS "
      echo "[$service] run $run $variant: ready after $READY ms (Quarkus: started in $QUARKUS ms)"
    done
  done
done

echo
echo "Start-to-ready in ms over $RUNS starts each: median (min-max); Quarkus's \"started in\" median; cache size"
printf '| %-20s | %-11s | %-20s | %-10s | %-8s |\n' service variant "start-to-ready" "started in" cache
printf '| %-20s | %-11s | %-20s | %-10s | %-8s |\n' --- --- --- --- ---
for service in "${SERVICES[@]}"; do
  for variant in "${VARIANTS[@]}"; do
    read -r median low high < <(tr ' ' '\n' <<<"${READY_MS[$service/$variant]}" | grep . | summarize)
    read -r quarkus_median _ _ < <(tr ' ' '\n' <<<"${QUARKUS_MS[$service/$variant]}" | grep . | summarize)
    cache="-"
    if [[ -n "$(cache_file "$variant")" ]]; then
      cache="$(du -m "$(variant_dir "$service" "$variant")/$(cache_file "$variant")" | cut -f1) MB"
    fi
    printf '| %-20s | %-11s | %-20s | %-10s | %-8s |\n' "$service" "$variant" "$median ($low-$high)" \
      "$quarkus_median" "$cache"
  done
done
echo "report: $REPORT"
