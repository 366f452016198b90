#!/usr/bin/env bash
# Benchmarks the API-key check and the key list on the embedded H2 default and on PostgreSQL, on 127.0.0.1 only,
# and prints one table. See bench/README.md. Every load run and every wait is bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."

QUICK=""
for arg in "$@"; do
	case $arg in
	--quick) QUICK=1 ;;
	--million) MILLION_KEYS=${MILLION_KEYS:-1000000} ;;
	--million-only) MILLION_KEYS=${MILLION_KEYS:-1000000} MILLION_ONLY=1 ;;
	*) echo "usage: $0 [--quick] [--million | --million-only]" >&2; exit 2 ;;
	esac
done
if [[ -n "$QUICK" ]]; then # shorter runs and fewer keys; still medians of 3 rounds
	DURATION=${DURATION:-4} WARMUP=${WARMUP:-10} ARGON2_SECONDS=${ARGON2_SECONDS:-3} TOTAL_KEYS=${TOTAL_KEYS:-2000} REVOCATIONS=${REVOCATIONS:-50}
	COLD_ROUNDS=${COLD_ROUNDS:-3} MILLION_KEYS=${MILLION_KEYS:-0}
fi

PORT=${PORT:-18083}
PORT_B=${PORT_B:-18084}            # the second instance, for the revocation timing
PG_PORT=${PG_PORT:-18432}
ROUNDS=${ROUNDS:-3}
DURATION=${DURATION:-8}            # seconds per wrk run
WARMUP=${WARMUP:-10}               # seconds of mixed load before the first round
REVOCATIONS=${REVOCATIONS:-200}    # deactivations timed across two instances (PostgreSQL)
ARGON2_SECONDS=${ARGON2_SECONDS:-5} # per Argon2 timing (one thread, then every core)
COLD_ROUNDS=${COLD_ROUNDS:-3}      # cold starts of each launch, alternating
BASELINE_JAR=${BASELINE_JAR:-}     # the jar to compare cold starts with (default: the built jar, plain java -jar)
MILLION_SECONDS=${MILLION_SECONDS:-10} # per million-key timing, at one connection
MILLION_KEYS=${MILLION_KEYS:-1000000} # keys added by SQL for the list timings at scale; 0 skips (--quick skips
                                   # unless --million is given)
CONNECTIONS=${CONNECTIONS:-32}
WRK_THREADS=${WRK_THREADS:-2}
TOTAL_KEYS=${TOTAL_KEYS:-10000}    # keys in the tenant, for the list timings
ROTATED_KEYS=${ROTATED_KEYS:-1000} # distinct keys in rotation
DATABASES=${DATABASES:-"h2 postgres"}
APP_CPUS=${APP_CPUS:-}             # e.g. 0-7: pin the application and PostgreSQL to these CPUs (taskset)
LOAD_CPUS=${LOAD_CPUS:-}           # e.g. 8-15: pin wrk and the other clients to these
JAVA_OPTS=${JAVA_OPTS:-}           # e.g. -XX:StartFlightRecording=filename=target/bench/app.jfr,settings=profile
MILLION_ONLY=${MILLION_ONLY:-}     # --million-only: just the million-key timings (no load runs, cold starts, Argon2
                                   # or revocation), for checking the key list's queries

ADMIN=admin@latchkey.local
PASSWORD="bench-$RANDOM-$RANDOM-$RANDOM"
BASE="http://127.0.0.1:$PORT"
WORK="$PWD/target/bench"
BENCH="$PWD/bench"
APP_PID=""
APP_B_PID=""
PG_PID=""

PIN_APP=()
[[ -n "$APP_CPUS" ]] && PIN_APP=(taskset -c "$APP_CPUS")
PIN_LOAD=()
[[ -n "$LOAD_CPUS" ]] && PIN_LOAD=(taskset -c "$LOAD_CPUS")

log() { echo "[bench] $*" >&2; }
fail() { log "FAILED: $*"; exit 1; }

stop_app() {
	if [[ -n "$APP_PID" ]]; then
		kill "$APP_PID" 2>/dev/null || true
		for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$APP_PID" 2>/dev/null || true
		APP_PID=""
	fi
}

stop_postgres() {
	if [[ -n "$PG_PID" ]]; then
		kill "$PG_PID" 2>/dev/null || true
		for _ in $(seq 1 100); do kill -0 "$PG_PID" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$PG_PID" 2>/dev/null || true
		PG_PID=""
	fi
}

stop_app_b() {
	if [[ -n "$APP_B_PID" ]]; then
		kill "$APP_B_PID" 2>/dev/null || true
		for _ in $(seq 1 100); do kill -0 "$APP_B_PID" 2>/dev/null || break; sleep 0.1; done
		kill -9 "$APP_B_PID" 2>/dev/null || true
		APP_B_PID=""
	fi
}

trap 'stop_app; stop_app_b; stop_postgres' EXIT INT TERM

now_ms() { date +%s%3N; }
WRK_TIMEOUT=5s # a request slower than this counts as a timeout (60 s for the million-key timings)

CLASSPATH_FILE="$WORK/classpath.txt"
test_classpath() { # the test class path (H2, PostgreSQL driver, io.zonky), built once
	if [[ ! -s "$CLASSPATH_FILE" ]]; then
		./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
	fi
	cat "$CLASSPATH_FILE"
}


# --- tools -------------------------------------------------------------------------------------------------------
command -v curl >/dev/null || fail "curl is required"
command -v java >/dev/null || fail "a JDK 17+ is required"
if ! command -v wrk >/dev/null; then
	log "installing wrk (Debian package)"
	apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null && apt-get install -y wrk >/dev/null; }
fi

TABLE_ONLY=${TABLE_ONLY:-}         # set to reprint the table of the last run from target/bench/results

if [[ -z "$TABLE_ONLY" ]]; then
	rm -rf "$WORK"
	mkdir -p "$WORK/results"
	cut -d' ' -f1 /proc/loadavg >"$WORK/results/load-at-start"
	log "building the jar"
	./mvnw -B -q -DskipTests package >&2 # stdout is the table's
	JAR=$(ls target/latchkey-*.jar | grep -v '\.original$' | head -1)
	# the production launch prepares its CDS archive next to the jar once; that preparing start is not measured
	log "preparing the production launch (bench/launch.sh: extracted jar, CDS archive)"
	LAUNCH_PREPARE_ONLY=1 bench/launch.sh "$JAR"
fi

# --- the application -----------------------------------------------------------------------------------------------

# Starts the jar with the given database arguments; sets COLD_START_MS to the time from launch to the first 200,
# and COLD_START_CPU_MS to the CPU time the process used until then.
start_app() {
	local name=$1
	shift
	local started
	started=$(now_ms)
	LATCHKEY_JAVA_OPTS="$JAVA_OPTS" "${PIN_APP[@]}" bench/launch.sh "$JAR" --server.port="$PORT" --server.address=127.0.0.1 \
		--latchkey.bootstrap.admin-password="$PASSWORD" --latchkey.limits.max-active-keys=$((TOTAL_KEYS + 10)) \
		"$@" >"$WORK/app-$name.log" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 1200); do
		if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/api/hello_world" || true)" == 200 ]]; then
			COLD_START_MS=$(($(now_ms) - started))
			# CPU time to the first 200 (user + system), which other load on the machine hardly changes
			COLD_START_CPU_MS=$(awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f", ($14 + $15) * 1000 / hz }' \
				"/proc/$APP_PID/stat")
			return
		fi
		kill -0 "$APP_PID" 2>/dev/null || fail "the application exited; see $WORK/app-$name.log"
		sleep 0.02
	done
	fail "no 200 within 60 s; see $WORK/app-$name.log"
}

# Signs in to the dashboard like a browser: the login form's CSRF token, then the form post. Sets SESSION_COOKIE.
# First waits until the application is ready: /login answers as soon as Tomcat has started, but on a new database
# the bootstrap admin exists only once start-up is complete (the readiness probe says so), ~1 s later.
sign_in() {
	local jar=$WORK/cookies.txt csrf
	for _ in $(seq 1 600); do
		[[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$BASE/actuator/health/readiness" || true)" == 200 ]] && break
		sleep 0.1
	done
	rm -f "$jar"
	csrf=$(curl -s --max-time 60 -c "$jar" -b "$jar" "$BASE/login" | grep -o 'name="_csrf"[^>]*value="[^"]*"' \
		| sed 's/.*value="\([^"]*\)"/\1/' | head -1)
	[[ -n "$csrf" ]] || fail "no CSRF token on /login"
	local location
	location=$(curl -s --max-time 60 -c "$jar" -b "$jar" -o /dev/null -w '%{redirect_url}' "$BASE/login" \
		--data-urlencode "username=$ADMIN" --data-urlencode "password=$PASSWORD" --data-urlencode "_csrf=$csrf")
	[[ "$location" != *error* && -n "$location" ]] || fail "sign-in refused (redirected to '$location')"
	SESSION_COOKIE=$(awk '$6 == "SESSION" { print $7 }' "$jar")
	[[ -n "$SESSION_COOKIE" ]] || fail "no SESSION cookie after sign-in"
}

# The first key comes from the dashboard, as a new customer's would: Settings → API Credentials → Create API key,
# the dialog's form posted with its CSRF token, with Full access (it creates the other keys over the API).
dashboard_create_key() {
	local jar=$WORK/cookies.txt csrf token
	csrf=$(curl -s --max-time 60 -c "$jar" -b "$jar" "$BASE/settings/api-credentials" \
		| grep -o 'name="_csrf"[^>]*value="[^"]*"' | sed 's/.*value="\([^"]*\)"/\1/' | head -1)
	[[ -n "$csrf" ]] || fail "no CSRF token on the API Credentials page"
	token=$(curl -s --max-time 60 -c "$jar" -b "$jar" "$BASE/settings/api-credentials" -H "HX-Request: true" \
		--data-urlencode "name=bench dashboard key" --data-urlencode "expiration=never" \
		--data-urlencode "environment=development" --data-urlencode "access=full" --data-urlencode "_csrf=$csrf" | grep -o 'key_[0-9a-f]\{48\}' | head -1)
	[[ -n "$token" ]] || fail "the dashboard showed no token after Create API key"
	echo "$token"
}

api() { # METHOD PATH [JSON]
	local args=(-s --max-time 10 -X "$1" "$BASE$2" -H "x-api-key: $API_KEY")
	[[ $# -ge 3 ]] && args+=(-H 'Content-Type: application/json' -d "$3")
	curl "${args[@]}"
}

# Creates keys with the API, four at a time, until the tenant has TOTAL_KEYS (the dashboard's included). wrk runs
# for its whole duration even when every thread is done, so it is stopped once the tokens have all arrived.
create_keys() {
	local wanted=$((TOTAL_KEYS - 2)) created=0
	rm -f "$WORK"/tokens.* # the previous database's tokens
	PER_THREAD=$(((wanted + 3) / 4)) OUT="$WORK/tokens" API_KEY=$API_KEY \
		"${PIN_LOAD[@]}" wrk -t4 -c4 -d600s -s "$BENCH/create-keys.lua" "$BASE/api/credentials/keys" >"$WORK/create-keys.txt" &
	local wrk_pid=$!
	for _ in $(seq 1 6000); do
		created=$(cat "$WORK"/tokens.* 2>/dev/null | wc -l || true)
		((created >= wanted)) && break
		kill -0 "$wrk_pid" 2>/dev/null || break
		sleep 0.1
	done
	kill "$wrk_pid" 2>/dev/null || true
	wait "$wrk_pid" 2>/dev/null || true
	((created >= wanted)) || fail "created only $created of $wanted keys"
	cat "$WORK"/tokens.* >"$WORK/all-tokens.txt"
	head -n "$ROTATED_KEYS" "$WORK/all-tokens.txt" >"$WORK/rotated-tokens.txt"
	local page
	page=$(api GET "/api/credentials/keys?size=1")
	KEY_COUNT=$(grep -o '"total":[0-9]*' <<<"$page" | cut -d: -f2)
	# the list counts up to 1,000; beyond, total_exact is false
	grep -q '"total_exact":false' <<<"$page" && KEY_COUNT="${KEY_COUNT}+"
	log "the tenant has $KEY_COUNT keys; $(wc -l <"$WORK/rotated-tokens.txt") in rotation"
}

# --- measuring ---------------------------------------------------------------------------------------------------

to_ms() { # wrk prints 812.00us, 1.23ms, 1.01s
	awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'
}

# measure DB SCENARIO CONNECTIONS DURATION PATH [wrk args...]: appends "rps p50 p99 non2xx requests" to a file
measure() {
	local db=$1 scenario=$2 connections=$3 duration=$4 path=$5
	shift 5
	local threads=$WRK_THREADS out
	((connections < threads)) && threads=$connections
	out=$("${PIN_LOAD[@]}" wrk -t"$threads" -c"$connections" -d"${duration}s" --timeout "$WRK_TIMEOUT" --latency "$@" "$BASE$path")
	echo "$out" >>"$WORK/results/$db.$scenario.wrk"
	local rps p50 p99 non2xx requests
	rps=$(awk '/^Requests\/sec:/ { print $2 }' <<<"$out")
	p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
	p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
	non2xx=$(awk '/Non-2xx or 3xx responses:/ { print $5 }' <<<"$out")
	requests=$(awk '/requests in/ { print $1 }' <<<"$out")
	echo "$rps $p50 $p99 ${non2xx:-0} $requests" >>"$WORK/results/$db.$scenario"
}

expect_200() { # PATH [curl args]: what is measured must be the real page, not a redirect or an error
	local path=$1 status
	shift
	status=$(curl -s -o /dev/null -w '%{http_code}' --max-time 120 "$@" "$BASE$path")
	[[ "$status" == 200 ]] || fail "GET $path answered $status, not 200"
}

median() { sort -g | awk '{ a[NR] = $1 } END { if (NR == 0) print "-"; else if (NR % 2) print a[(NR + 1) / 2]; else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

column_median() { # FILE COLUMN
	awk -v c="$2" '{ print $c }' "$1" | median
}

bench_database() {
	local db=$1
	shift
	log "[$db] starting the application"
	start_app "$db" "$@"
	echo "$COLD_START_MS" >"$WORK/results/$db.cold-start"
	echo "$COLD_START_CPU_MS" >"$WORK/results/$db.cold-start-cpu"
	log "[$db] first 200 after $COLD_START_MS ms ($COLD_START_CPU_MS ms of CPU)"

	sign_in
	API_KEY=$(dashboard_create_key)
	log "[$db] created the first key in the dashboard; creating the others with the API"
	[[ "$(curl -s -o /dev/null -w '%{http_code}' -H "x-api-key: $API_KEY" "$BASE/api/hello_world/authenticated")" == 200 ]] \
		|| fail "the dashboard's key does not authenticate"
	if [[ -n "$MILLION_ONLY" ]]; then
		echo 1 >"$WORK/results/$db.key-count"
		stop_app
		return 0
	fi
	local deactivated deactivated_token
	deactivated=$(api POST /api/credentials/keys '{"name": "bench deactivated"}')
	deactivated_token=$(grep -o 'key_[0-9a-f]\{48\}' <<<"$deactivated")
	api POST "/api/credentials/keys/$(grep -o '"heron_id":"[^"]*"' <<<"$deactivated" | cut -d'"' -f4)/deactivate" >/dev/null
	create_keys
	echo "$KEY_COUNT" >"$WORK/results/$db.key-count"
	local unknown="key_$(printf '0%.0s' $(seq 1 48))"

	# Every load scenario of the rounds is run before the first round, so that the JIT has compiled each path (the
	# authenticated one, the 401s, the Lua client's) before any of them is timed; otherwise the first round's pairs
	# time the compiler as much as the request.
	log "[$db] warming up for $((WARMUP + 6 * (WARMUP / 2)))s"
	local warm=(-t"$WRK_THREADS" -c"$CONNECTIONS" -d"$((WARMUP / 2))s")
	TOKENS="$WORK/rotated-tokens.txt" "${PIN_LOAD[@]}" wrk -t"$WRK_THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" \
		-s "$BENCH/rotate-keys.lua" "$BASE/api/hello_world/authenticated" >/dev/null
	"${PIN_LOAD[@]}" wrk "${warm[@]}" "$BASE/api/hello_world" >/dev/null
	"${PIN_LOAD[@]}" wrk "${warm[@]}" -H "x-api-key: $API_KEY" "$BASE/api/hello_world/authenticated" >/dev/null
	HEADER=x-bench-ignored TOKENS="$WORK/rotated-tokens.txt" "${PIN_LOAD[@]}" wrk "${warm[@]}" \
		-s "$BENCH/rotate-keys.lua" "$BASE/api/hello_world" >/dev/null
	"${PIN_LOAD[@]}" wrk "${warm[@]}" -s "$BENCH/random-keys.lua" "$BASE/api/hello_world/authenticated" >/dev/null
	"${PIN_LOAD[@]}" wrk "${warm[@]}" -H "x-api-key: $deactivated_token" "$BASE/api/hello_world/authenticated" >/dev/null
	API_KEY=$API_KEY TOKENS="$WORK/rotated-tokens.txt" "${PIN_LOAD[@]}" wrk "${warm[@]}" -s "$BENCH/verify.lua" \
		"$BASE/api/keys/verify" >/dev/null

	expect_200 /settings/api-credentials -H "Cookie: SESSION=$SESSION_COOKIE"
	expect_200 /api/credentials/keys -H "x-api-key: $API_KEY"
	expect_200 /api/hello_world/authenticated -H "x-api-key: $(head -1 "$WORK/rotated-tokens.txt")"
	for round in $(seq 1 "$ROUNDS"); do
		log "[$db] round $round of $ROUNDS"
		# Each authenticated scenario is paired with an unauthenticated run made the same way (wrk's fixed request,
		# or the Lua rotation sending the tokens in a header the application ignores), in the order A B B A with
		# half-length runs, so that load drifting during the round favours neither side; ratios are taken per pair.
		local half=$(((DURATION + 1) / 2))
		measure "$db" unauthenticated "$CONNECTIONS" "$half" /api/hello_world
		measure "$db" single-key "$CONNECTIONS" "$half" /api/hello_world/authenticated -H "x-api-key: $API_KEY"
		measure "$db" single-key "$CONNECTIONS" "$half" /api/hello_world/authenticated -H "x-api-key: $API_KEY"
		measure "$db" unauthenticated "$CONNECTIONS" "$half" /api/hello_world
		HEADER=x-bench-ignored TOKENS="$WORK/rotated-tokens.txt" measure "$db" unauthenticated-rotation \
			"$CONNECTIONS" "$half" /api/hello_world -s "$BENCH/rotate-keys.lua"
		TOKENS="$WORK/rotated-tokens.txt" measure "$db" rotated-keys "$CONNECTIONS" "$half" \
			/api/hello_world/authenticated -s "$BENCH/rotate-keys.lua"
		TOKENS="$WORK/rotated-tokens.txt" measure "$db" rotated-keys "$CONNECTIONS" "$half" \
			/api/hello_world/authenticated -s "$BENCH/rotate-keys.lua"
		HEADER=x-bench-ignored TOKENS="$WORK/rotated-tokens.txt" measure "$db" unauthenticated-rotation \
			"$CONNECTIONS" "$half" /api/hello_world -s "$BENCH/rotate-keys.lua"
		measure "$db" unknown-key "$CONNECTIONS" "$DURATION" /api/hello_world/authenticated -H "x-api-key: $unknown"
		measure "$db" random-unknown-keys "$CONNECTIONS" "$DURATION" /api/hello_world/authenticated \
			-s "$BENCH/random-keys.lua"
		measure "$db" deactivated-key "$CONNECTIONS" "$DURATION" /api/hello_world/authenticated \
			-H "x-api-key: $deactivated_token"
		# One connection: the latency is the server's time plus a loopback round trip.
		measure "$db" page-first 1 3 /settings/api-credentials -H "Cookie: SESSION=$SESSION_COOKIE"
		measure "$db" page-search 1 3 "/settings/api-credentials?q=bench%201-77" -H "Cookie: SESSION=$SESSION_COOKIE"
		measure "$db" api-first 1 3 "/api/credentials/keys" -H "x-api-key: $API_KEY"
		measure "$db" api-search 1 3 "/api/credentials/keys?q=bench%201-77" -H "x-api-key: $API_KEY"
		# The verify endpoint a tenant's services call (target: p99 under 5 ms on loopback), alone and under load.
		API_KEY=$API_KEY TOKENS="$WORK/rotated-tokens.txt" measure "$db" verify-1 1 3 /api/keys/verify \
			-s "$BENCH/verify.lua"
		API_KEY=$API_KEY TOKENS="$WORK/rotated-tokens.txt" measure "$db" verify "$CONNECTIONS" "$half" \
			/api/keys/verify -s "$BENCH/verify.lua"
	done

	ps -o rss= -p "$APP_PID" | awk '{ printf "%.0f\n", $1 / 1024 }' >"$WORK/results/$db.rss"
	# the resident set by mapping (the heap and other anonymous memory, the CDS archive, the JDK's modules, ...)
	awk '/^[0-9a-f]+-[0-9a-f]+ / { name = ($6 == "") ? "[anonymous]" : $6 } /^Rss:/ { rss[name] += $2 }
		END { for (n in rss) if (rss[n] >= 1024) printf "%6.1f MB  %s\n", rss[n] / 1024, n }' \
		"/proc/$APP_PID/smaps" 2>/dev/null | sort -rn >"$WORK/results/$db.resident" || true
	# with JAVA_OPTS=-XX:NativeMemoryTracking=summary: where the resident memory went, by the JVM's account
	if [[ "$JAVA_OPTS" == *NativeMemoryTracking* ]]; then
		jcmd "$APP_PID" VM.native_memory summary scale=MB >"$WORK/results/$db.native-memory" 2>&1 || true
	fi
	stop_app
}

# --- cold start: today's launch (java -jar) and bench/launch.sh side by side -----------------------------------

# wait_200 URL PID STARTED_MS: prints the ms from STARTED_MS until URL answered 200; fails if PID exits first
wait_200() {
	for _ in $(seq 1 3000); do
		if [[ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$1" || true)" == 200 ]]; then
			echo $(($(now_ms) - $3))
			return 0
		fi
		kill -0 "$2" 2>/dev/null || return 1
		sleep 0.02
	done
	return 1
}

# Process start to the first 200 of /login on a fresh H2 file, no password given (a new install), alternating
# which launch goes first in each round so a drifting load favours neither.
cold_starts() {
	local baseline=${BASELINE_JAR:-$JAR} round launch ms started
	for round in $(seq 1 "$COLD_ROUNDS"); do
		local order="plain production"
		((round % 2 == 0)) && order="production plain"
		for launch in $order; do
			rm -rf "$WORK/cold"
			local args=(--server.port="$PORT" --server.address=127.0.0.1
				"--spring.datasource.url=jdbc:h2:file:$WORK/cold/latchkey;AUTO_SERVER=FALSE;WRITE_DELAY=0")
			started=$(now_ms)
			if [[ $launch == plain ]]; then
				"${PIN_APP[@]}" java -jar "$baseline" "${args[@]}" >"$WORK/cold-$launch.log" 2>&1 &
			else
				"${PIN_APP[@]}" bench/launch.sh "$JAR" "${args[@]}" >"$WORK/cold-$launch.log" 2>&1 &
			fi
			APP_PID=$!
			ms=$(wait_200 "$BASE/login" "$APP_PID" "$started") || fail "no 200 on /login ($launch); see $WORK/cold-$launch.log"
			echo "$ms" >>"$WORK/results/cold.$launch"
			# CPU time (user + system) to the first 200: what other load on the machine hardly changes
			awk -v hz="$(getconf CLK_TCK)" '{ printf "%.0f\n", ($14 + $15) * 1000 / hz }' "/proc/$APP_PID/stat" \
				>>"$WORK/results/cold.$launch-cpu"
			log "[cold start] round $round, $launch: $ms ms ($(tail -1 "$WORK/results/cold.$launch-cpu") ms of CPU)"
			stop_app
		done
	done
}

# --- revocation across two instances (PostgreSQL) ----------------------------------------------------------------

# revocation LABEL [ARGS...]: two instances on the benchmark's PostgreSQL; Revocation.java deactivates keys on A
# and times until B refuses each; appends "p50 p99 max" to results/postgres.revocation-LABEL
revocation() {
	local label=$1 started
	shift
	log "[postgres] revocation across two instances ($label), $REVOCATIONS keys"
	started=$(now_ms)
	"${PIN_APP[@]}" bench/launch.sh "$JAR" --server.port="$PORT" --server.address=127.0.0.1 "${PG_ARGS[@]}" \
		--latchkey.limits.max-active-keys=$((TOTAL_KEYS + REVOCATIONS + 10)) "$@" \
		>"$WORK/app-revocation-$label-a.log" 2>&1 &
	APP_PID=$!
	"${PIN_APP[@]}" bench/launch.sh "$JAR" --server.port="$PORT_B" --server.address=127.0.0.1 "${PG_ARGS[@]}" \
		--latchkey.limits.max-active-keys=$((TOTAL_KEYS + REVOCATIONS + 10)) "$@" \
		>"$WORK/app-revocation-$label-b.log" 2>&1 &
	APP_B_PID=$!
	wait_200 "$BASE/login" "$APP_PID" "$started" >/dev/null || fail "instance A did not start"
	wait_200 "http://127.0.0.1:$PORT_B/login" "$APP_B_PID" "$started" >/dev/null || fail "instance B did not start"
	sign_in
	API_KEY=$(dashboard_create_key)
	timeout 600 "${PIN_LOAD[@]}" java "$BENCH/Revocation.java" "$BASE" "http://127.0.0.1:$PORT_B" "$API_KEY" "$REVOCATIONS" \
		>"$WORK/results/postgres.revocation-$label" || fail "the revocation timing failed"
	log "[postgres] revocation ($label): p50 p99 max ms = $(cat "$WORK/results/postgres.revocation-$label")"
	stop_app
	stop_app_b
}

if [[ -z "$TABLE_ONLY" && -z "$MILLION_ONLY" ]]; then
	log "cold starts: java -jar and bench/launch.sh, $COLD_ROUNDS rounds"
	cold_starts
	log "Argon2id verifications per second (sign-in), ${ARGON2_SECONDS}s"
	java -cp "$(test_classpath)" "$BENCH/Argon2Rate.java" "$ARGON2_SECONDS" >"$WORK/results/argon2" \
		|| fail "the Argon2 timing failed"
fi

# --- a million keys ---------------------------------------------------------------------------------------------

# million_keys DB JDBC_URL USER PASSWORD [APP ARGS...]: with the application stopped, adds MILLION_KEYS keys to
# the tenant by SQL (MillionKeys.java), starts it again and times the list page, a search by name prefix and by key
# prefix, on the dashboard and the API, at one connection.
million_keys() {
	local db=$1 url=$2 user=$3 password=$4 started
	shift 4
	((MILLION_KEYS > 0)) || return 0
	log "[$db] adding $MILLION_KEYS keys with SQL"
	started=$(now_ms)
	timeout 1800 java -cp "$(test_classpath)" "$BENCH/MillionKeys.java" "$url" "$user" "$password" "$MILLION_KEYS" \
		2>"$WORK/million-$db.log" || fail "adding the keys failed; see $WORK/million-$db.log"
	echo $((($(now_ms) - started) / 1000)) >"$WORK/results/$db.million-seconds"
	log "[$db] added in $(cat "$WORK/results/$db.million-seconds") s; starting the application"
	start_app "$db-million" "$@"
	sign_in # API_KEY, the dashboard's key, is still the one the tenant's first run made
	WRK_TIMEOUT=60s
	local prefix
	prefix=$(curl -s --max-time 120 -H "x-api-key: $API_KEY" "$BASE/api/credentials/keys?size=1&q=bulk%20777" | grep -o '"token_prefix":"[^"]*"' | head -1 | cut -d'"' -f4)
	[[ -n "$prefix" ]] || prefix=key_
	echo "$prefix" >"$WORK/results/$db.million-prefix"
	local cookie="Cookie: SESSION=$SESSION_COOKIE"
	expect_200 /settings/api-credentials -H "$cookie"
	expect_200 "/api/credentials/keys?q=bulk%20123456" -H "x-api-key: $API_KEY"
	# warm: the dashboard with its session cookie only, the API with its key only; then the page is checked again,
	# as wrk counts a redirect to the sign-in form as a success (twice the session was gone by the timings)
	for path in /settings/api-credentials "/settings/api-credentials?q=bulk%20123456"; do
		curl -s -o /dev/null --max-time 120 -H "$cookie" "$BASE$path" || true
	done
	curl -s -o /dev/null --max-time 120 -H "x-api-key: $API_KEY" "$BASE/api/credentials/keys" || true
	expect_200 /settings/api-credentials -H "$cookie"
	measure "$db" million-page-first 1 "$MILLION_SECONDS" /settings/api-credentials -H "$cookie"
	measure "$db" million-page-name 1 "$MILLION_SECONDS" "/settings/api-credentials?q=bulk%20123456" -H "$cookie"
	measure "$db" million-page-prefix 1 "$MILLION_SECONDS" "/settings/api-credentials?q=$prefix" -H "$cookie"
	measure "$db" million-api-first 1 "$MILLION_SECONDS" /api/credentials/keys -H "x-api-key: $API_KEY"
	measure "$db" million-api-name 1 "$MILLION_SECONDS" "/api/credentials/keys?q=bulk%20123456" -H "x-api-key: $API_KEY"
	measure "$db" million-api-prefix 1 "$MILLION_SECONDS" "/api/credentials/keys?q=$prefix" -H "x-api-key: $API_KEY"
	WRK_TIMEOUT=5s
	stop_app
}

# --- the databases -----------------------------------------------------------------------------------------------

for db in $DATABASES; do
	[[ -n "$TABLE_ONLY" ]] && break
	case $db in
	h2)
		bench_database h2 "--spring.datasource.url=jdbc:h2:file:$WORK/h2/latchkey;AUTO_SERVER=FALSE;WRITE_DELAY=0"
		million_keys h2 "jdbc:h2:file:$WORK/h2/latchkey;AUTO_SERVER=FALSE;WRITE_DELAY=0" sa "" \
			"--spring.datasource.url=jdbc:h2:file:$WORK/h2/latchkey;AUTO_SERVER=FALSE;WRITE_DELAY=0"
		;;
	postgres)
		log "[postgres] starting an embedded PostgreSQL (io.zonky binaries) on 127.0.0.1:$PG_PORT"
		"${PIN_APP[@]}" java -cp "$(test_classpath)" "$BENCH/EmbeddedPostgresServer.java" "$PG_PORT" "$WORK/postgres" 60 \
			>"$WORK/postgres.log" 2>&1 &
		PG_PID=$!
		for _ in $(seq 1 600); do grep -qs '^READY' "$WORK/postgres.log" && break; sleep 0.1; done
		grep -q '^READY' "$WORK/postgres.log" || fail "PostgreSQL did not start; see $WORK/postgres.log"
		PG_ARGS=(--spring.profiles.active=postgres "--spring.datasource.url=jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
			--spring.datasource.username=postgres --spring.datasource.password=postgres
			--latchkey.bootstrap.admin-password="$PASSWORD")
		bench_database postgres "${PG_ARGS[@]:0:4}"
		if [[ -z "$MILLION_ONLY" ]]; then
			revocation notify
			revocation poll --latchkey.api-keys.cache.notifications=false
		fi
		million_keys postgres "jdbc:postgresql://127.0.0.1:$PG_PORT/postgres" postgres postgres "${PG_ARGS[@]:0:4}"
		stop_postgres
		;;
	*) fail "unknown database '$db' (h2 or postgres)" ;;
	esac
done

[[ -n "$TABLE_ONLY" ]] || cut -d' ' -f1 /proc/loadavg >"$WORK/results/load-at-end"

# --- the table ---------------------------------------------------------------------------------------------------

ratio_median() { # DB SCENARIO BASELINE: the median over rounds of the scenario's mean req/s in the round ÷ the
	# baseline's (with the A B B A pairs, a load drifting steadily during the round cancels out)
	awk -v rounds="$ROUNDS" '
		FNR == 1 { file++; lines[file] = 0 }
		{ lines[file]++; value[file, lines[file]] = $1 }
		END {
			for (r = 0; r < rounds; r++) {
				for (f = 1; f <= 2; f++) {
					per = lines[f] / rounds; sum[f] = 0
					for (i = 1; i <= per; i++) sum[f] += value[f, r * per + i]
					mean[f] = sum[f] / per
				}
				printf "%.3f\n", mean[1] / mean[2]
			}
		}' "$WORK/results/$1.$2" "$WORK/results/$1.$3" | median
}

row() { # DB SCENARIO LABEL [BASELINE]
	local file="$WORK/results/$1.$2" ratio="" refused
	[[ -f "$file" ]] || return 0
	[[ $# -ge 4 ]] && ratio=$(ratio_median "$1" "$2" "$4")
	refused=$(awk '{ n += $4; t += $5 } END { if (t > 0) printf "%.0f%%", 100 * n / t; else print "-" }' "$file")
	printf "| %-8s | %-44s | %9s | %7s | %7s | %6s | %7s |\n" "$1" "$3" "$(column_median "$file" 1)" \
		"$(column_median "$file" 2)" "$(column_median "$file" 3)" "$ratio" "$refused"
}

echo
echo "Latchkey API-key benchmark, $(date -u +%Y-%m-%d), $(nproc) cores ($(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')),"
echo "$(java -version 2>&1 | head -1), wrk $WRK_THREADS threads / $CONNECTIONS connections, $DURATION s per scenario and round, medians of $ROUNDS rounds,"
echo "load average $(cat "$WORK/results/load-at-start") at the start and $(cat "$WORK/results/load-at-end") at the end (other processes share the cores)"
echo
echo "| Database | Scenario                                     |  Requests/s |  p50 ms |  p99 ms | ÷ unauth | non-2xx |"
echo "| -------- | -------------------------------------------- | ---------: | ------: | ------: | -----: | ------: |"
for db in $DATABASES; do
	row "$db" unauthenticated "GET /api/hello_world (no key)"
	row "$db" single-key "authenticated, one key" unauthenticated
	row "$db" unauthenticated-rotation "GET /api/hello_world (no key), Lua client"
	row "$db" rotated-keys "authenticated, $ROTATED_KEYS keys in rotation" unauthenticated-rotation
	row "$db" unknown-key "unknown key (the same one)" unauthenticated
	row "$db" random-unknown-keys "unknown keys (random, a new one each request)" unauthenticated-rotation
	row "$db" deactivated-key "deactivated key" unauthenticated
	keys=$(cat "$WORK/results/$db.key-count")
	row "$db" page-first "API Credentials page, $keys keys, first page, 1 conn"
	row "$db" page-search "API Credentials page, search, 1 conn"
	row "$db" api-first "GET /api/credentials/keys, first page, 1 conn"
	row "$db" api-search "GET /api/credentials/keys?q=, search, 1 conn"
	row "$db" verify-1 "POST /api/keys/verify, 1 conn"
	row "$db" verify "POST /api/keys/verify" unauthenticated
	printf "| %-8s | %-44s | %9s | %7s | %7s | %6s | %7s |\n" "$db" "cold start to first 200, ms (CPU ms)" "" \
		"$(cat "$WORK/results/$db.cold-start")" "($(cat "$WORK/results/$db.cold-start-cpu"))" "" ""
	[[ -f "$WORK/results/$db.rss" ]] && printf "| %-8s | %-44s | %9s | %7s | %7s | %6s | %7s |\n" "$db" \
		"process RSS after the run (MB)" "" "$(cat "$WORK/results/$db.rss")" "" "" ""
	if [[ -f "$WORK/results/$db.million-page-first" ]]; then
		mk="$(cat "$WORK/results/$db.million-seconds") s"
		row "$db" million-page-first "+$MILLION_KEYS keys (SQL, $mk): page, first"
		row "$db" million-page-name "+1M: page, search by name prefix"
		row "$db" million-page-prefix "+1M: page, search by key prefix"
		row "$db" million-api-first "+1M: API list, first page"
		row "$db" million-api-name "+1M: API list, search by name prefix"
		row "$db" million-api-prefix "+1M: API list, search by key prefix"
	fi
	for label in notify poll; do
		file="$WORK/results/$db.revocation-$label"
		[[ -f "$file" ]] || continue
		printf "| %-8s | %-44s | %9s | %7s | %7s | %6s | %7s |\n" "$db" \
			"revoked on A, refused on B, ms ($label)" "" "$(cut -d' ' -f1 "$file")" "$(cut -d' ' -f2 "$file")" "" ""
	done
done
if [[ -f "$WORK/results/argon2" ]]; then
	read -r argon_one argon_all argon_cores <"$WORK/results/argon2"
	printf "| %-8s | %-44s | %9s | %7s | %7s | %6s | %7s |\n" - "sign-in: Argon2id checks/s, one thread" \
		"$argon_one" "" "" "" ""
	printf "| %-8s | %-44s | %9s | %7s | %7s | %6s | %7s |\n" - "sign-in: Argon2id checks/s, all $argon_cores cores" \
		"$argon_all" "" "" "" ""
fi
if [[ -f "$WORK/results/cold.plain" ]]; then
	plain=$(median <"$WORK/results/cold.plain")
	production=$(median <"$WORK/results/cold.production")
	plain_cpu=$(median <"$WORK/results/cold.plain-cpu")
	production_cpu=$(median <"$WORK/results/cold.production-cpu")
	printf "| %-8s | %-44s | %9s | %7s | %7s | %6s | %7s |\n" h2 "cold start to 1st 200 of /login, java -jar: ms (CPU)" \
		"" "$plain" "($plain_cpu)" "" ""
	printf "| %-8s | %-44s | %9s | %7s | %7s | %6s | %7s |\n" h2 "cold start, bench/launch.sh: ms (CPU), ÷ java -jar" "" \
		"$production" "($production_cpu)" "$(awk -v a="$production" -v b="$plain" 'BEGIN { printf "%.3f", a / b }')" ""
	printf "| %-8s | %-44s | %9s | %7s | %7s | %6s | %7s |\n" h2 "cold start CPU time, launch.sh ÷ java -jar" "" \
		"" "" "$(awk -v a="$production_cpu" -v b="$plain_cpu" 'BEGIN { printf "%.3f", a / b }')" ""
fi
echo
echo "Raw wrk output and application logs: $WORK"
