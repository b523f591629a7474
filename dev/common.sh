# Sourced by the dev/ scripts: the repository root, the JDK, and how to run the local-dev programs.

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME=/usr/lib/jvm/temurin-25-jdk-amd64
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
