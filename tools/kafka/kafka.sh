#!/usr/bin/env bash
# Single-node Apache Kafka 3.9 broker (KRaft, broker+controller in one JVM)
# from Maven Central jars, for local development and CI.
#
#   kafka.sh start | stop | status | reset | fetch
#
# See tools/kafka/README.md for the environment variables.
set -euo pipefail

SCRIPT_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(cd "$SCRIPT_DIR/../.." && pwd)"

KAFKA_PORT="${KAFKA_PORT:-9092}"
KAFKA_CONTROLLER_PORT="${KAFKA_CONTROLLER_PORT:-9093}"
KAFKA_DATA_DIR="${KAFKA_DATA_DIR:-$REPO_ROOT/.data/kafka}"
KAFKA_CACHE_DIR="${KAFKA_CACHE_DIR:-$REPO_ROOT/.data/kafka-dist}"
KAFKA_HEAP_OPTS="${KAFKA_HEAP_OPTS:--Xms256m -Xmx768m}"
KAFKA_START_TIMEOUT="${KAFKA_START_TIMEOUT:-180}"
KAFKA_HOST=127.0.0.1

# Absolute paths: the broker's command line and config name them, and `stop`
# or `status` may be run from another directory.
abspath() { case "$1" in /*) printf '%s\n' "$1" ;; *) printf '%s\n' "$PWD/$1" ;; esac; }
KAFKA_DATA_DIR="$(abspath "$KAFKA_DATA_DIR")"
KAFKA_CACHE_DIR="$(abspath "$KAFKA_CACHE_DIR")"

POM="$SCRIPT_DIR/pom.xml"
TEMPLATE="$SCRIPT_DIR/server.properties.template"
LOG4J_BROKER="$SCRIPT_DIR/log4j.properties"
LOG4J_TOOLS="$SCRIPT_DIR/tools-log4j.properties"

LIBS_DIR="$KAFKA_CACHE_DIR/libs"
LIBS_STAMP="$LIBS_DIR/.fetched"
CONFIG_FILE="$KAFKA_DATA_DIR/server.properties"
LOG_DIRS="$KAFKA_DATA_DIR/kraft-logs"
APP_LOG_DIR="$KAFKA_DATA_DIR/logs"
SERVER_LOG="$APP_LOG_DIR/server.log"
OUT_FILE="$KAFKA_DATA_DIR/kafka.out"
PID_FILE="$KAFKA_DATA_DIR/kafka.pid"
LOCK_FILE="$KAFKA_DATA_DIR/.kafka.sh.lock"

# The line KafkaRaftServer logs once the broker has caught up with the
# metadata log and been unfenced, i.e. is ready for clients.
STARTED_MARKER='Kafka Server started'

log() { printf 'kafka: %s\n' "$*"; }
err() { printf 'kafka: %s\n' "$*" >&2; }
die() { err "$*"; exit 1; }

java_bin() {
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then
    printf '%s\n' "$JAVA_HOME/bin/java"
  elif command -v java >/dev/null 2>&1; then
    command -v java
  else
    die "java not found (install a JDK 11+ or set JAVA_HOME)"
  fi
}

# ---------------------------------------------------------------- jars

pom_checksum() { sha256sum "$POM" | cut -d' ' -f1; }

libs_ok() {
  [[ -f "$LIBS_STAMP" ]] && [[ "$(cat "$LIBS_STAMP")" == "$(pom_checksum)" ]] &&
    compgen -G "$LIBS_DIR/kafka_2.13-*.jar" >/dev/null
}

fetch_libs() {
  if libs_ok; then
    return 0
  fi
  command -v mvn >/dev/null 2>&1 || die "mvn not found: needed once to fetch the Kafka jars into $LIBS_DIR"
  log "fetching Kafka jars into $LIBS_DIR (Maven Central)"
  mkdir -p "$KAFKA_CACHE_DIR"
  local tmp="$KAFKA_CACHE_DIR/libs.tmp.$$"
  rm -rf "$tmp"
  if ! mvn -q -B -Dstyle.color=never -f "$POM" \
      dependency:copy-dependencies -DoutputDirectory="$tmp" >"$KAFKA_CACHE_DIR/fetch.log" 2>&1; then
    rm -rf "$tmp"
    tail -n 40 "$KAFKA_CACHE_DIR/fetch.log" >&2 || true
    die "fetching the Kafka jars failed (full output: $KAFKA_CACHE_DIR/fetch.log)"
  fi
  pom_checksum >"$tmp/.fetched"
  rm -rf "$LIBS_DIR"
  mv "$tmp" "$LIBS_DIR"
  log "fetched $(find "$LIBS_DIR" -name '*.jar' | wc -l) jars"
}

# ---------------------------------------------------------------- process / port checks

# True if something accepts TCP connections on host:port.
port_open() {
  timeout 2 bash -c "exec 3<>/dev/tcp/$KAFKA_HOST/$1" 2>/dev/null
}

# True if a Kafka broker answers on host:port: sends an ApiVersions v0 request
# (correlation id 1, client id "dev") and checks the response carries
# correlation id 1 and error code 0. No JVM needed, so it is quick.
kafka_answers() {
  local port="$1"
  # shellcheck disable=SC2016  # the inner script expands its own $0/$1
  timeout 3 bash -c '
    exec 3<>"/dev/tcp/$0/$1" || exit 1
    printf "\x00\x00\x00\x0d\x00\x12\x00\x00\x00\x00\x00\x01\x00\x03dev" >&3
    reply="$(head -c 10 <&3 | od -An -tx1 | tr -d " \n")"
    [[ "${reply:8:12}" == "000000010000" ]]
  ' "$KAFKA_HOST" "$port" 2>/dev/null
}

# The pid of the broker started from this data folder, if it is running.
# A pid is only trusted if that process's command line names our config file,
# so a stale pid file (reused pid after a reboot) is ignored.
broker_pid() {
  local pid=""
  if [[ -f "$PID_FILE" ]]; then
    pid="$(tr -dc '0-9' <"$PID_FILE")"
    if [[ -n "$pid" ]] && is_our_broker "$pid"; then
      printf '%s\n' "$pid"
      return 0
    fi
  fi
  # Pid file lost: look for a java process running our exact config file.
  local p
  for p in /proc/[0-9]*; do
    p="${p#/proc/}"
    if is_our_broker "$p"; then
      printf '%s\n' "$p"
      return 0
    fi
  done
  return 1
}

is_our_broker() {
  local pid="$1" cmd
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  cmd="$(tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null)" || return 1
  [[ "$cmd" == *"kafka.Kafka $CONFIG_FILE"* ]]
}

pid_alive() { kill -0 "$1" 2>/dev/null; }

# ---------------------------------------------------------------- config / storage

write_config() {
  mkdir -p "$KAFKA_DATA_DIR" "$LOG_DIRS" "$APP_LOG_DIR"
  local tmp="$CONFIG_FILE.tmp"
  sed -e "s|@PORT@|$KAFKA_PORT|g" \
      -e "s|@CONTROLLER_PORT@|$KAFKA_CONTROLLER_PORT|g" \
      -e "s|@DATA_DIR@|$KAFKA_DATA_DIR|g" \
      "$TEMPLATE" >"$tmp"
  mv "$tmp" "$CONFIG_FILE"
}

run_tool() {
  "$(java_bin)" -Xmx256m -Dlog4j.configuration="file:$LOG4J_TOOLS" -cp "$LIBS_DIR/*" "$@"
}

format_storage() {
  if [[ -f "$LOG_DIRS/meta.properties" ]]; then
    return 0
  fi
  local cluster_id
  cluster_id="$(run_tool kafka.tools.StorageTool random-uuid | tail -n 1)"
  [[ -n "$cluster_id" ]] || die "could not generate a cluster id"
  log "formatting storage in $LOG_DIRS (cluster id $cluster_id)"
  if ! run_tool kafka.tools.StorageTool format --ignore-formatted \
      -t "$cluster_id" -c "$CONFIG_FILE" >"$KAFKA_DATA_DIR/format.log" 2>&1; then
    cat "$KAFKA_DATA_DIR/format.log" >&2
    die "formatting the storage failed"
  fi
}

# ---------------------------------------------------------------- commands

# Serialise start/stop/reset on one data folder (two `start`s at once would
# otherwise both launch a JVM). fd 9 is closed for the broker so it does not
# inherit the lock.
take_lock() {
  command -v flock >/dev/null 2>&1 || return 0
  mkdir -p "$KAFKA_DATA_DIR"
  exec 9>"$LOCK_FILE"
  flock -w "$((KAFKA_START_TIMEOUT + 60))" 9 || die "another kafka.sh is busy with $KAFKA_DATA_DIR"
}

log_size() { if [[ -f "$SERVER_LOG" ]]; then wc -c <"$SERVER_LOG" | tr -d ' '; else echo 0; fi; }

# True once the started marker appears in server.log past byte $1.
started_since() {
  local from="$1" size
  size="$(log_size)"
  # The log rolled (size cap) since we started: search the whole new file.
  ((size < from)) && from=0
  tail -c +"$((from + 1))" "$SERVER_LOG" 2>/dev/null | grep -qF "$STARTED_MARKER"
}

show_log_tail() {
  if [[ -s "$SERVER_LOG" ]]; then
    err "---- last lines of $SERVER_LOG"
    tail -n 40 "$SERVER_LOG" >&2 || true
  fi
  if [[ -s "$OUT_FILE" ]]; then
    err "---- last lines of $OUT_FILE"
    tail -n 20 "$OUT_FILE" >&2 || true
  fi
}

# Wait until pid $1 is ready (started marker past log byte $2, and the port
# answers the Kafka protocol). Fails if the process dies or on timeout.
wait_ready() {
  local pid="$1" from="$2" deadline=$((SECONDS + KAFKA_START_TIMEOUT))
  while ((SECONDS < deadline)); do
    if ! pid_alive "$pid"; then
      err "broker process $pid exited during startup"
      show_log_tail
      rm -f "$PID_FILE"
      return 1
    fi
    if started_since "$from" && kafka_answers "$KAFKA_PORT"; then
      return 0
    fi
    sleep 0.5
  done
  err "broker (pid $pid) not ready after ${KAFKA_START_TIMEOUT}s"
  show_log_tail
  return 1
}

cmd_start() {
  local pid
  if pid="$(broker_pid)"; then
    if kafka_answers "$KAFKA_PORT"; then
      log "already running (pid $pid)"
      echo "kafka ready on $KAFKA_HOST:$KAFKA_PORT"
      return 0
    fi
    # Ours, but still starting (e.g. a parallel `start`): wait for it.
    log "broker (pid $pid) is starting; waiting"
    wait_ready "$pid" 0 || exit 1
    echo "kafka ready on $KAFKA_HOST:$KAFKA_PORT"
    return 0
  fi
  if kafka_answers "$KAFKA_PORT"; then
    log "a broker already answers on $KAFKA_HOST:$KAFKA_PORT (not started from $KAFKA_DATA_DIR); not starting another"
    echo "kafka ready on $KAFKA_HOST:$KAFKA_PORT"
    return 0
  fi
  local p
  for p in "$KAFKA_PORT" "$KAFKA_CONTROLLER_PORT"; do
    if port_open "$p"; then
      die "port $KAFKA_HOST:$p is in use by something that is not a Kafka broker"
    fi
  done

  fetch_libs
  local java
  java="$(java_bin)"
  write_config
  format_storage

  local from
  from="$(log_size)"
  # Own session (setsid) so that a caller killing its process group (an IDE,
  # a task runner's cleanup) does not take the broker down with it.
  local detach=()
  command -v setsid >/dev/null 2>&1 && detach=(setsid)
  # Java options as in Kafka's own kafka-server-start.sh / kafka-run-class.sh.
  # shellcheck disable=SC2086  # KAFKA_HEAP_OPTS / KAFKA_OPTS are word lists
  "${detach[@]}" nohup "$java" $KAFKA_HEAP_OPTS \
    -server -XX:+UseG1GC -XX:MaxGCPauseMillis=20 -XX:InitiatingHeapOccupancyPercent=35 \
    -XX:+ExplicitGCInvokesConcurrent -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dkafka.logs.dir="$APP_LOG_DIR" -Dlog4j.configuration="file:$LOG4J_BROKER" \
    ${KAFKA_OPTS:-} \
    -cp "$LIBS_DIR/*" kafka.Kafka "$CONFIG_FILE" \
    >"$OUT_FILE" 2>&1 </dev/null 9>&- &
  pid=$!
  # $! is the JVM (setsid and nohup exec into it); confirm once it has exec'd,
  # and fall back to looking it up should setsid have forked.
  local i
  for ((i = 0; i < 50; i++)); do
    is_our_broker "$pid" && break
    if ! pid_alive "$pid"; then
      pid="$(broker_pid)" && break
      err "broker process exited at once"
      show_log_tail
      exit 1
    fi
    sleep 0.1
  done
  echo "$pid" >"$PID_FILE"
  log "started broker (pid $pid), logs in $APP_LOG_DIR; waiting until ready"

  local t0=$SECONDS
  if ! wait_ready "$pid" "$from"; then
    if pid_alive "$pid"; then
      err "stopping the broker that did not come up"
      stop_pid "$pid"
    fi
    exit 1
  fi
  log "ready after $((SECONDS - t0))s"
  echo "kafka ready on $KAFKA_HOST:$KAFKA_PORT"
}

# SIGTERM (a clean shutdown takes a few seconds), SIGKILL after 30 s.
stop_pid() {
  local pid="$1" i
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < 60; i++)); do
    pid_alive "$pid" || break
    sleep 0.5
  done
  if pid_alive "$pid"; then
    err "broker (pid $pid) still running after 30s; sending SIGKILL"
    kill -KILL "$pid" 2>/dev/null || true
    for ((i = 0; i < 20; i++)); do
      pid_alive "$pid" || break
      sleep 0.25
    done
  fi
  rm -f "$PID_FILE"
}

cmd_stop() {
  local pid
  if ! pid="$(broker_pid)"; then
    rm -f "$PID_FILE"
    log "not running"
    return 0
  fi
  log "stopping broker (pid $pid)"
  stop_pid "$pid"
  log "stopped"
}

cmd_status() {
  local pid
  if pid="$(broker_pid)"; then
    if kafka_answers "$KAFKA_PORT"; then
      echo "running (pid $pid) on $KAFKA_HOST:$KAFKA_PORT"
    else
      echo "running (pid $pid), not answering on $KAFKA_HOST:$KAFKA_PORT yet"
    fi
    return 0
  fi
  if kafka_answers "$KAFKA_PORT"; then
    echo "running on $KAFKA_HOST:$KAFKA_PORT (not started from $KAFKA_DATA_DIR)"
    return 0
  fi
  echo "not running"
  return 1
}

cmd_reset() {
  cmd_stop
  if [[ -d "$KAFKA_DATA_DIR" ]]; then
    rm -rf "$KAFKA_DATA_DIR"
    log "deleted $KAFKA_DATA_DIR"
  fi
}

usage() {
  cat <<EOF
usage: $(basename "$0") start|stop|status|reset|fetch

  start   start the broker in the background (no-op if one already answers)
  stop    stop the broker started from the data folder
  status  print whether it is running; exit 0 if so, 1 if not
  reset   stop it and delete the data folder (keeps the jar cache)
  fetch   only download the jars into the cache

  KAFKA_PORT=$KAFKA_PORT KAFKA_CONTROLLER_PORT=$KAFKA_CONTROLLER_PORT
  KAFKA_DATA_DIR=$KAFKA_DATA_DIR
  KAFKA_CACHE_DIR=$KAFKA_CACHE_DIR
EOF
}

case "${1:-}" in
  start) take_lock && cmd_start ;;
  stop) take_lock && cmd_stop ;;
  status) cmd_status ;;
  reset) take_lock && cmd_reset ;;
  fetch) fetch_libs && log "jars in $LIBS_DIR" ;;
  -h | --help | help) usage ;;
  *)
    usage >&2
    exit 2
    ;;
esac
