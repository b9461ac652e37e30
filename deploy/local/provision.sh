#!/usr/bin/env bash
# Installs whatever the local infrastructure needs and is not there yet.
#
#   deploy/local/provision.sh [all|postgres|temporal|kafka|test-server|fonts|chromium|vegeta|zipkin]...
#
# `all` is what `npm start` needs. `chromium` is not part of it: only the portal's browser tests
# need it (deploy/local/test.sh provisions it); nor is `vegeta`, the benchmarks' load tool; nor
# `zipkin`, the trace UI, provisioned when tracing is on (TRACING=zipkin) and by npm test.
#
# Idempotent and cheap when everything is present (a few file checks), so
# infra.sh runs it before every start. Downloads only from the package
# registries this project can reach: apt, the Go module proxy, Maven Central.
set -euo pipefail
# shellcheck source=lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

APT_UPDATED=0
apt_install() {
  [[ $(id -u) == 0 ]] || die "need root to apt-get install $* (or install it yourself)"
  if [[ $APT_UPDATED == 0 ]]; then
    log "apt: updating package lists"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    APT_UPDATED=1
  fi
  log "apt: installing $*"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >/dev/null
}

provision_postgres() {
  local bin; bin=$(pg_newest_bin)
  if [[ -n $bin ]]; then
    log "postgres: already installed ($bin)"
    return
  fi
  local t0; t0=$(now_ms)
  # Debian's package also creates and may start its own cluster on 5432;
  # ours runs separately on $PGPORT with its data under .local, so the two
  # never interfere.
  apt_install postgresql
  log "postgres: installed in $(elapsed_since "$t0")"
}

# Supervision sets its letters (提醒函 / 督办函) in Noto Serif CJK SC, read from the Debian
# package's collections (services/supervision/src/letters/pdf/letter-fonts.ts); a machine that
# points LETTER_FONT_REGULAR / LETTER_FONT_BOLD at other faces needs nothing from here.
NOTO_CJK_DIR=/usr/share/fonts/opentype/noto
provision_fonts() {
  if [[ -n ${LETTER_FONT_REGULAR:-} && -n ${LETTER_FONT_BOLD:-} ]] \
    || [[ -f $NOTO_CJK_DIR/NotoSerifCJK-Regular.ttc && -f $NOTO_CJK_DIR/NotoSerifCJK-Bold.ttc ]]; then
    log "fonts: CJK letter fonts already installed"
    return
  fi
  local t0; t0=$(now_ms)
  apt_install fonts-noto-cjk
  log "fonts: installed fonts-noto-cjk in $(elapsed_since "$t0")"
}

# The portal's browser tests (test/browser) drive Debian's chromium through playwright-core: no
# browser download is possible here, so the distribution's package it is (PORTAL_CHROMIUM to use
# another binary).
provision_chromium() {
  if [[ -n ${PORTAL_CHROMIUM:-} && -x ${PORTAL_CHROMIUM:-} ]] || [[ -x /usr/bin/chromium ]]; then
    log "chromium: already installed (${PORTAL_CHROMIUM:-/usr/bin/chromium})"
    return
  fi
  local t0; t0=$(now_ms)
  apt_install chromium
  log "chromium: installed in $(elapsed_since "$t0")"
}

provision_java() {
  if command -v java >/dev/null && command -v mvn >/dev/null; then return; fi
  apt_install openjdk-17-jre-headless maven
}

# Fetches the jars named by a committed pom into a libs dir. The pom's hash is
# kept next to the jars so editing a version in the pom triggers a refresh,
# and the copy goes to a temp dir first so an interrupted download is never
# mistaken for a complete one. Sets LIBS_FRESH=1 when it downloaded, so the
# caller knows to re-verify (a global rather than the exit status, because
# bash disables `set -e` inside functions called from && / || lists).
provision_maven_libs() {
  local name=$1 pom=$2 dest=$3
  local hash; hash=$(sha256sum "$pom" | cut -c1-64)
  LIBS_FRESH=0
  if [[ -f $dest/.complete && $(<"$dest/.complete") == "$hash" ]]; then
    log "$name: libraries already downloaded ($(find "$dest" -name '*.jar' | wc -l) jars)"
    return
  fi
  provision_java
  local t0 tmp="$dest.tmp" mlog="$LOG_DIR/maven-$name.log"; t0=$(now_ms)
  log "$name: downloading libraries from Maven Central (${pom#"$ROOT"/}, log ${mlog#"$ROOT"/})"
  rm -rf "$tmp"
  mkdir -p "$(dirname "$dest")"
  mvn -B -q -f "$pom" dependency:copy-dependencies -DincludeScope=runtime \
    -DoutputDirectory="$tmp" >"$mlog" 2>&1 \
    || { tail -n 30 "$mlog" >&2; die "$name: maven download failed"; }
  echo "$hash" >"$tmp/.complete"
  rm -rf "$dest"
  mv "$tmp" "$dest"
  LIBS_FRESH=1
  log "$name: downloaded $(find "$dest" -name '*.jar' | wc -l) jars in $(elapsed_since "$t0")"
}

provision_kafka() {
  provision_maven_libs kafka "$DEPLOY_DIR/kafka/pom.xml" "$KAFKA_LIBS"
  [[ $LIBS_FRESH == 1 ]] || return 0
  # A missing runtime module only shows up as NoClassDefFoundError when a
  # class is first used, so load the storage tool once now.
  kafka_java kafka.tools.StorageTool random-uuid >/dev/null 2>&1 \
    || die "kafka: the downloaded classpath cannot run kafka.tools.StorageTool"
  log "kafka: classpath verified (kafka.tools.StorageTool runs)"
}

provision_test_server() {
  provision_maven_libs temporal-test-server "$DEPLOY_DIR/temporal-test-server/pom.xml" "$TEST_SERVER_LIBS"
  mkdir -p "$BIN_DIR"
  # The TS SDK runs `<wrapper> <port> --enable-time-skipping` and gives the
  # server ~5 s to answer, while a busy 2-core CI box can need 2-4 s for a
  # cold JVM start. Hence: Serial GC + C1-only JIT (a test server never needs
  # C2 or G1) and an AppCDS archive of the server's own classes (see
  # build_test_server_cds), which together halve the start-up time.
  # Paths are resolved from the wrapper's own location, so .local can move
  # with the checkout. TEMPORAL_TEST_SERVER_JAVA_OPTS is for the CDS
  # training run (and for debugging).
  local wrapper
  wrapper=$(cat <<'EOF'
#!/usr/bin/env bash
# Generated by deploy/local/provision.sh -- Temporal's time-skipping test
# server (Java), started by @temporalio/testing as `$0 <port> --enable-time-skipping`.
dir="$(cd "$(dirname "$(readlink -f "$0")")/../temporal-test-server" && pwd)"
cds=()
# A stale archive (other JDK, changed jars) is ignored by the JVM; the -Xlog
# flags only silence its warning about that.
if [[ -f $dir/test-server.jsa && -z ${TEMPORAL_TEST_SERVER_JAVA_OPTS:-} ]]; then
  cds=(-XX:SharedArchiveFile="$dir/test-server.jsa" -Xlog:cds=off -Xlog:cds+dynamic=off)
fi
# shellcheck disable=SC2086 # the opts variable is a list of flags
exec java -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto -Xss512k "${cds[@]}" \
  ${TEMPORAL_TEST_SERVER_JAVA_OPTS:-} -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  -cp "$dir/libs/*" io.temporal.testserver.TestServer "$@"
EOF
)
  local changed=0
  if [[ -x $TEST_SERVER_BIN && $(<"$TEST_SERVER_BIN") == "$wrapper" ]]; then
    log "temporal-test-server: wrapper already in place (${TEST_SERVER_BIN#"$ROOT"/})"
  else
    printf '%s\n' "$wrapper" >"$TEST_SERVER_BIN"
    chmod +x "$TEST_SERVER_BIN"
    log "temporal-test-server: wrote wrapper ${TEST_SERVER_BIN#"$ROOT"/}"
    changed=1
  fi

  # The archive is only valid for the exact JDK build and jars it was made
  # from, so it is rebuilt when either changes.
  local jsa="$TEST_SERVER_DIR/test-server.jsa" stamp
  stamp="$(java -version 2>&1 | tr '\n' ' ')| $(<"$TEST_SERVER_LIBS/.complete")"
  if [[ $LIBS_FRESH == 1 || $changed == 1 || ! -f $jsa || ! -f $jsa.stamp || $(<"$jsa.stamp") != "$stamp" ]]; then
    build_test_server_cds "$jsa"
    echo "$stamp" >"$jsa.stamp"
    time_test_server_start
  else
    log "temporal-test-server: class-data archive up to date"
  fi
}

# Free TCP port on 127.0.0.1 (asks the kernel via node, which the repo needs anyway).
free_port() {
  node -e 'const s=require("net").createServer().listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'
}

# Training run: the JVM records every class the server loads and writes them
# to a dynamic CDS archive when it exits. A workflow start/describe through
# the CLI (if already built) makes it load the gRPC request path too.
build_test_server_cds() {
  local jsa=$1 port pid t0 clog="$LOG_DIR/temporal-test-server-check.log"
  t0=$(now_ms)
  log "temporal-test-server: building class-data (AppCDS) archive for faster start-up"
  rm -f "$jsa" "$jsa.tmp"
  port=$(free_port)
  TEMPORAL_TEST_SERVER_JAVA_OPTS="-XX:ArchiveClassesAtExit=$jsa.tmp" \
    "$TEST_SERVER_BIN" "$port" --enable-time-skipping </dev/null >"$clog" 2>&1 9>&- &
  pid=$!
  wait_for_port 127.0.0.1 "$port" 60 temporal-test-server "$pid" "$clog"
  if [[ -x $TEMPORAL_BIN ]]; then
    "$TEMPORAL_BIN" workflow start --address "127.0.0.1:$port" --type CdsTraining \
      --task-queue cds-training --workflow-id cds-training >/dev/null 2>&1 || true
    "$TEMPORAL_BIN" workflow describe --address "127.0.0.1:$port" -w cds-training >/dev/null 2>&1 || true
  fi
  kill -TERM "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  if [[ -s $jsa.tmp ]]; then
    mv "$jsa.tmp" "$jsa"
    log "temporal-test-server: archive built in $(elapsed_since "$t0")"
  else
    warn "temporal-test-server: no class-data archive was written (see ${clog#"$ROOT"/}); starting without it"
  fi
}

# Measures launch-to-listening time of the wrapper exactly as the SDK runs it.
time_test_server_start() {
  local port t0 pid ms clog="$LOG_DIR/temporal-test-server-check.log"
  port=$(free_port)
  t0=$(now_ms)
  "$TEST_SERVER_BIN" "$port" --enable-time-skipping </dev/null >>"$clog" 2>&1 9>&- &
  pid=$!
  wait_for_port 127.0.0.1 "$port" 30 temporal-test-server "$pid" "$clog"
  ms=$(( $(now_ms) - t0 ))
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  log "temporal-test-server: verified, listening ${ms} ms after launch"
  (( ms < 4000 )) || warn "temporal-test-server took ${ms} ms to listen; the TS SDK allows ~5 s"
}

# `go install` leaves no trace of the version in `temporal --version` (it
# prints 0.0.0-DEV), but the module version is embedded in the binary.
temporal_cli_version() { go version -m "$TEMPORAL_BIN" 2>/dev/null | awk '$1 == "mod" { print $3; exit }'; }

provision_temporal() {
  command -v go >/dev/null || die "temporal: Go is required to build the Temporal CLI (Debian's golang is too old; install Go >= 1.23)"
  # Another build of the CLI (a parallel checkout or a developer's shell)
  # may be compiling right now; two 2-core builds in parallel would both
  # take twice as long, so wait for it and reuse its result.
  local other
  while other=$(pgrep -f "go install github.com/temporalio/cli/cmd/temporal" | head -n 1) && [[ -n $other ]]; do
    log "temporal: another Temporal CLI build is running (pid $other), waiting for it"
    while pid_alive "$other"; do sleep 2; done
  done
  if [[ -x $TEMPORAL_BIN ]]; then
    local have; have=$(temporal_cli_version)
    if [[ -z $have || $have == "$TEMPORAL_CLI_VERSION" ]]; then
      log "temporal: CLI already installed (${TEMPORAL_BIN#"$ROOT"/} ${have:-version unknown})"
      return
    fi
    log "temporal: CLI is $have, want $TEMPORAL_CLI_VERSION"
  fi
  local t0 blog="$LOG_DIR/temporal-build.log"; t0=$(now_ms)
  log "temporal: building CLI $TEMPORAL_CLI_VERSION with go install -- this takes several minutes on 2 cores (log ${blog#"$ROOT"/})"
  mkdir -p "$BIN_DIR"
  GOBIN="$BIN_DIR" go install "github.com/temporalio/cli/cmd/temporal@$TEMPORAL_CLI_VERSION" >"$blog" 2>&1 9>&- \
    || { tail -n 30 "$blog" >&2; die "temporal: CLI build failed"; }
  log "temporal: CLI built in $(elapsed_since "$t0")"
}

# The benchmarks' HTTP load (scripts/bench/lib/load.js): vegeta sends at a constant rate whatever
# the answers (open loop), so a figure at "200 requests/s" is latency at that arrival rate, not of
# bursts. Only `npm run bench` asks for it.
VEGETA_VERSION=v12.13.0
VEGETA_BIN="$BIN_DIR/vegeta"
# Zipkin, the trace UI (ADR 0024): one executable jar from Maven Central, copied into .local/zipkin
# through a temp name so an interrupted download is never taken for the jar.
provision_zipkin() {
  if [[ -f $ZIPKIN_JAR ]]; then
    log "zipkin: already downloaded (${ZIPKIN_JAR#"$ROOT"/})"
    return
  fi
  provision_java
  local t0 tmp="$LOCAL/zipkin.tmp" mlog="$LOG_DIR/maven-zipkin.log"; t0=$(now_ms)
  log "zipkin: downloading io.zipkin:zipkin-server:$ZIPKIN_VERSION:exec from Maven Central (log ${mlog#"$ROOT"/})"
  rm -rf "$tmp"
  mvn -B -q dependency:copy "-Dartifact=io.zipkin:zipkin-server:$ZIPKIN_VERSION:jar:exec" -DoutputDirectory="$tmp" >"$mlog" 2>&1 \
    || { tail -n 30 "$mlog" >&2; die "zipkin: maven download failed"; }
  mkdir -p "$(dirname "$ZIPKIN_JAR")"
  mv "$tmp/$(basename "$ZIPKIN_JAR")" "$ZIPKIN_JAR"
  rm -rf "$tmp"
  log "zipkin: downloaded in $(elapsed_since "$t0")"
}

provision_vegeta() {
  if [[ -x $VEGETA_BIN ]] && go version -m "$VEGETA_BIN" 2>/dev/null | grep -q "mod.*$VEGETA_VERSION"; then
    log "vegeta: already installed (${VEGETA_BIN#"$ROOT"/} $VEGETA_VERSION)"
    return
  fi
  command -v go >/dev/null || die "vegeta: Go is required to build the load tool"
  local t0; t0=$(now_ms)
  mkdir -p "$BIN_DIR"
  GOBIN="$BIN_DIR" go install "github.com/tsenart/vegeta/v12@$VEGETA_VERSION" >"$LOG_DIR/vegeta-build.log" 2>&1 9>&- \
    || { tail -n 30 "$LOG_DIR/vegeta-build.log" >&2; die "vegeta: build failed"; }
  log "vegeta: built $VEGETA_VERSION in $(elapsed_since "$t0")"
}

provision() {
  ensure_dirs
  local c
  for c in "$@"; do
    case $c in
      # temporal before test-server: its CLI drives the test server's CDS training run.
      all) provision_postgres; provision_kafka; provision_temporal; provision_test_server; provision_fonts ;;
      postgres) provision_postgres ;;
      kafka) provision_kafka ;;
      temporal) provision_temporal ;;
      test-server) provision_test_server ;;
      fonts) provision_fonts ;;
      chromium) provision_chromium ;;
      vegeta) provision_vegeta ;;
      zipkin) provision_zipkin ;;
      *) die "unknown component '$c' (expected all, postgres, kafka, temporal, test-server, fonts, chromium, vegeta, zipkin)" ;;
    esac
  done
}

(( $# )) || set -- all
with_infra_lock provision "$@"
