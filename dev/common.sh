# Sourced by the dev/ scripts: the repository root, the JDK, and how to run the local-dev programs.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${REALTIME_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"

LOCAL_DEV_CLASSES="$REPO_ROOT/local-dev/target/classes"
LOCAL_DEV_CLASSPATH_FILE="$REPO_ROOT/local-dev/target/classpath.txt"
LOCAL_DEV_PACKAGE=com.laundryconnect.realtime.localdev

# Builds local-dev (and shared-events, which it uses) if its classes or its classpath file are missing, then leaves
# the java command line that runs its programs in LOCAL_DEV_JAVA. Maven's output goes to stderr so that stdout stays
# clean for what the programs print (dev/mint's token).
prepare_local_dev() {
  if [[ ! -s "$LOCAL_DEV_CLASSPATH_FILE" || ! -d "$LOCAL_DEV_CLASSES/com/laundryconnect/realtime/localdev" ]]; then
    echo "building local-dev ..." >&2
    (cd "$REPO_ROOT" && ./mvnw -B -ntp -q -pl local-dev -am package -DskipTests) >&2
  fi
  # Netty still uses sun.misc.Unsafe; the flag keeps JDK 25 from warning about it on every start.
  LOCAL_DEV_JAVA=(java --sun-misc-unsafe-memory-access=allow
    -cp "$LOCAL_DEV_CLASSES:$(cat "$LOCAL_DEV_CLASSPATH_FILE")")
}

fail_setup() {
  printf '%s\n' "$*" >&2
  exit 1
}

require_postgres() {
  if ! command -v pg_isready >/dev/null || ! pg_isready -q -h 127.0.0.1; then
    fail_setup "PostgreSQL is not answering on 127.0.0.1:5432; install and start it:" \
      "apt-get install postgresql && pg_ctlcluster --skip-systemctl-redirect \$(ls /etc/postgresql) main start"
  fi
}

require_redis() {
  if ! command -v redis-cli >/dev/null || [[ "$(redis-cli -h 127.0.0.1 ping 2>/dev/null)" != PONG ]]; then
    fail_setup "Redis is not answering on 127.0.0.1:6379; install and start it:" \
      "apt-get install redis-server && redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379" \
      "--save \"\" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log"
  fi
}

# The edge is Debian's nginx, run by dev/up as an ordinary child process; /usr/sbin is not on every user's PATH.
require_nginx() {
  NGINX="$(command -v nginx || true)"
  if [[ -z "$NGINX" && -x /usr/sbin/nginx ]]; then
    NGINX=/usr/sbin/nginx
  fi
  if [[ -z "$NGINX" ]]; then
    fail_setup "nginx (the local edge) is not installed; install it, without starting Debian's own nginx service:" \
      "apt-get install --no-install-recommends nginx   (then, if systemd started it: systemctl disable --now nginx)"
  fi
}

# create_databases NAME... : creates each database that does not exist yet.
create_databases() {
  local database
  for database in "$@"; do
    if [[ "$(psql -X -w -h 127.0.0.1 -U postgres -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$database'")" != 1 ]]; then
      psql -X -w -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE \"$database\""
      echo "created database $database"
    fi
  done
}

