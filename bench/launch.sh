#!/usr/bin/env bash
# The production launch of Latchkey: bench/launch.sh JAR [ARGS...]
#
# On first use (or when the jar is newer than what was prepared) it prepares, next to the jar, in JAR's name with
# "-launch" instead of ".jar":
#   app/               the jar extracted by Spring Boot's tools (java -Djarmode=tools -jar JAR extract): classes
#                      load from plain jars, which class data sharing needs;
#   app.jsa            a CDS archive of every class the application loads while starting and serving its first
#                      requests, written by a training run (-XX:ArchiveClassesAtExit) against a throw-away
#                      in-memory H2 database that is asked for /login and the API once and then stopped;
#   aot                present when the jar holds Spring AOT's bean definitions (the build's process-aot step):
#                      the application then starts with -Dspring.aot.enabled=true, which skips reading
#                      configuration classes and evaluating conditions at start-up (the training run does too);
# and reuses them afterwards. Then it runs the application in the foreground (exec), with ARGS as its arguments,
# the archive mapped (-XX:SharedArchiveFile) and the production settings below.
#
# Spring AOT decides at build time which beans exist. Everything the README documents (the H2 default or
# PostgreSQL by profile and datasource properties, SMTP or the log for mail, reminders, leak reports, the cache and
# its notifications, limits) is read at run time and works the same. What AOT fixes are Spring Boot's own
# conditional switches (management.*, springdoc.*, server.forward-headers-strategy, spring.threads.virtual.*,
# spring.mvc.*, spring.flyway.enabled, spring.datasource.type, ...): when ARGS or the environment set one of those,
# or a configuration file this script cannot see may (SPRING_APPLICATION_JSON, spring.config.*, an application.*
# or config/ in the working directory), it says so and starts without AOT. LATCHKEY_AOT=false starts without it
# always.
#
# LAUNCH_PREPARE_ONLY=1 prepares and exits without starting the application.
#
# Production settings (LATCHKEY_JVM_OPTIONS replaces the JVM ones below, LATCHKEY_JAVA_OPTS is appended to them;
# ARGS override the Spring ones):
#   -Xms64m -Xmx160m         the heap: a request allocates a few kB and keeps nothing; the credential cache holds
#                            at most latchkey.api-keys.cache.max-entries keys (~1 kB each, 50,000 by default: give a
#                            tenant with that many keys in use -Xmx256m);
#   -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=30
#                            after a full collection the serial collector keeps 20-30 % of the old generation
#                            free (defaults 40/70): little there lives long (~40 MB after a collection), so more
#                            headroom costs memory. 40/70 → 20/40 with -Xmx160m, the trim and the arenas below:
#                            286 MB resident instead of 329 MB; 20/40 → 20/30: 287 MB instead of ~310 after the
#                            longer benchmark run. 10/20 went lower (277 MB) but made full collections (~100 ms
#                            on two busy cores, the p99 spikes) twice as frequent (bench/README.md);
#   -XX:+UseSerialGC         on 1-2 cores the serial collector has the smallest footprint and pauses of a few ms
#                            for a heap this size; with 4+ cores and a larger heap use -XX:+UseParallelGC or G1;
#   -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xss512k
#                            bounds on the JIT's code cache, class metadata and each thread's stack;
#   -XX:TrimNativeHeapInterval=5000
#                            every 5 s, hands memory that the JIT's compiler threads freed back to the OS;
#   MALLOC_ARENA_MAX=2       (environment, unless set) two malloc arenas instead of up to 8 per core: with 40-odd
#                            threads, the arenas' unused memory is the largest part of the native heap;
#   -XX:TieredStopAtLevel unchanged: full C2 compilation, the request path needs it;
#   server.tomcat.threads.max=32, accept-count 200: 32 request threads keep 2-8 cores busy (a request waits on
#                            no I/O when its key is cached); more threads only cost memory;
#   spring.datasource.hikari.maximum-pool-size=10: reads on a cache miss and the dashboard's queries.
set -euo pipefail

[[ $# -ge 1 && -f "$1" ]] || { echo "usage: $0 JAR [ARGS...]" >&2; exit 2; }
JAR=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
shift
PREPARED="${JAR%.jar}-launch"
NAME=$(basename "$JAR")
JVM_OPTIONS=${LATCHKEY_JVM_OPTIONS:-"-Xms64m -Xmx160m -Xmn24m -XX:MinHeapFreeRatio=20 -XX:MaxHeapFreeRatio=30 -XX:+UseSerialGC -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=160m -Xss512k -XX:TrimNativeHeapInterval=5000"}
export MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX:-2}

# The Spring Boot switches that AOT fixes at build time (see above), as property-name prefixes.
FIXED_BY_AOT='management. springdoc. server.forward-headers-strategy spring.threads. spring.mvc. spring.web.
spring.flyway.enabled spring.flyway.url spring.datasource.type spring.datasource.jndi-name
spring.datasource.connection-fetch spring.mail.jndi-name spring.mail.test-connection spring.jmx. spring.aop.
spring.application.admin. spring.servlet. spring.persistence. spring.http. spring.security.user.
spring.task.execution.mode spring.main. spring.config. spring.autoconfigure. debug'

# Prints why AOT cannot be used with these arguments and this environment, or nothing.
aot_refused() {
	local arg prefix env
	for arg in "$@"; do
		[[ $arg == --* ]] || continue
		arg=${arg#--}
		for prefix in $FIXED_BY_AOT; do
			[[ $arg == "$prefix"* ]] && { echo "--${arg%%=*} is given"; return; }
		done
	done
	for prefix in $FIXED_BY_AOT; do
		# the environment variable form: upper case, '.' and '-' as '_'
		env=$(echo "$prefix" | tr 'a-z.-' 'A-Z__')
		env=$(compgen -e | grep -m1 "^$env" || true)
		[[ -n "$env" ]] && { echo "$env is set"; return; }
	done
	[[ -z "${SPRING_APPLICATION_JSON:-}" ]] || { echo "SPRING_APPLICATION_JSON is set"; return; }
	for file in application.properties application.yml application.yaml config; do
		[[ -e $file ]] && { echo "./$file may set them"; return; }
	done
	return 0
}

prepare() {
	echo "[launch] preparing $PREPARED (extracted jar and CDS archive; once per jar)" >&2
	# Prepared in place: the archive records the class path it was written with, and is refused on another one.
	# The checksum file, written last, marks a finished preparation.
	rm -rf "$PREPARED"
	mkdir -p "$PREPARED"
	java -Djarmode=tools -jar "$JAR" extract --destination "$PREPARED/app" >&2
	local aot=""
	# (a jar's entry names are stored uncompressed, so grep finds the class AOT generates)
	if grep -qa 'dev/latchkey/LatchkeyApplication__ApplicationContextInitializer.class' "$JAR"; then
		aot="-Dspring.aot.enabled=true"
		touch "$PREPARED/aot"
	fi
	# The training run starts the application against a throw-away in-memory database (whatever profile or
	# database the environment names for the real start), asks for the sign-in page
	# and the API once (so the classes of the request path are archived too), and stops it; the JVM writes the
	# archive of every class it loaded as it exits. Same JVM options as the launch below, so the archive fits it.
	# shellcheck disable=SC2086
	java -XX:ArchiveClassesAtExit="$PREPARED/app.jsa" $JVM_OPTIONS $aot -jar "$PREPARED/app/$NAME" --server.port=0 \
		--server.address=127.0.0.1 --spring.profiles.active=default \
		--spring.datasource.url="jdbc:h2:mem:training;DB_CLOSE_DELAY=-1" --spring.datasource.driver-class-name=org.h2.Driver \
		--spring.datasource.username=sa --spring.datasource.password= --latchkey.bootstrap.admin-password= \
		>"$PREPARED/training.log" 2>&1 &
	local pid=$! port=""
	for _ in $(seq 1 1800); do
		port=$(grep -so 'Tomcat started on port [0-9]*' "$PREPARED/training.log" | grep -o '[0-9]*$' || true)
		[[ -n "$port" ]] && break
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	if [[ -n "$port" ]]; then
		for path in /login /api/hello_world /api/hello_world/authenticated /assets/css/latchkey.css; do
			curl -s -o /dev/null --max-time 30 -H 'x-api-key: key_000000000000000000000000000000000000000000000000' \
				"http://127.0.0.1:$port$path" || true
		done
	fi
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	[[ -n "$port" ]] || { echo "[launch] training run failed; see $PREPARED/training.log" >&2; exit 1; }
	[[ -s "$PREPARED/app.jsa" ]] || { echo "[launch] no CDS archive written; see $PREPARED/training.log" >&2; exit 1; }
	echo "$(cksum <"$JAR") $JVM_OPTIONS" >"$PREPARED/prepared-from"
}

# prepared from this very jar (its checksum) and these JVM options, else again; one launch prepares at a time
exec 9>"$PREPARED.lock"
flock 9
if [[ ! -f "$PREPARED/app.jsa" || "$(cat "$PREPARED/prepared-from" 2>/dev/null)" != "$(cksum <"$JAR") $JVM_OPTIONS" ]]; then
	prepare
fi
flock -u 9
exec 9>&-
[[ -z "${LAUNCH_PREPARE_ONLY:-}" ]] || exit 0 # LAUNCH_PREPARE_ONLY=1: prepare (if needed) and stop

AOT=""
if [[ -f "$PREPARED/aot" && "${LATCHKEY_AOT:-true}" != false ]]; then
	refused=$(aot_refused "$@")
	if [[ -z "$refused" ]]; then
		AOT="-Dspring.aot.enabled=true"
	else
		echo "[launch] starting without Spring AOT: $refused, and AOT fixed that setting when the jar was built" >&2
	fi
fi

# shellcheck disable=SC2086
exec java -XX:SharedArchiveFile="$PREPARED/app.jsa" -Xshare:auto $JVM_OPTIONS $AOT ${LATCHKEY_JAVA_OPTS:-} \
	-jar "$PREPARED/app/$NAME" \
	--server.tomcat.threads.max=32 --server.tomcat.accept-count=200 \
	--spring.datasource.hikari.maximum-pool-size=10 \
	"$@"
