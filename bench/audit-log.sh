#!/usr/bin/env bash
# Times Settings → Audit log with a million events on H2 and on PostgreSQL (bench/MillionAuditEvents.java): the
# first page, filtered pages and a page half-way down by cursor, p50/p99. No application runs; the databases are
# throw-away (PostgreSQL from the io.zonky test binaries, listening on 127.0.0.1 only) and each run is bounded.
#   bench/audit-log.sh [COUNT] [RUNS]      defaults: 1000000 events, 200 runs per query
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT=${1:-1000000}
RUNS=${2:-200}
CLASSPATH_FILE=target/bench-classpath.txt
./mvnw -B -q compile
if [[ ! -s "$CLASSPATH_FILE" ]]; then
	./mvnw -B -q dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CLASSPATH_FILE" >/dev/null
fi
CP="target/classes:$(cat "$CLASSPATH_FILE")"
for db in h2 postgres; do
	echo "== $db: $COUNT events"
	timeout 1800 java -Xmx1g -cp "$CP" bench/MillionAuditEvents.java "$db" "$COUNT" "$RUNS" 2>"target/audit-bench-$db.log" \
		|| { echo "failed; see target/audit-bench-$db.log" >&2; exit 1; }
done
