#!/usr/bin/env bash
# Opens the SQL editor in a real window (Xvfb, JavaFX's real glass platform, not Monocle) against a MariaDB the run
# starts itself, runs scripts as a user does and writes target/sql-editor-{light,dark,plan}.png; prints the time from
# the key press to the first page of a 1,000,000-row result, alone and inside a script.
# Needs: ./mvnw -o -q -B -pl plugins/sql -am test-compile (from the repository root) and xvfb-run.
set -euo pipefail
cd "$(dirname "$0")"
ROWS="${1:-1000000}"
CP_FILE=target/shot-classpath.txt
if [ ! -s "$CP_FILE" ]; then
  (cd ../.. && ./mvnw -o -q -B -pl plugins/sql -am dependency:build-classpath -Dmdep.includeScope=test \
    -Dmdep.outputFile="$PWD/plugins/sql/$CP_FILE")
fi
CP="target/test-classes:target/classes:$(cat "$CP_FILE")"
# Monocle is on the test class path; leave glass.platform unset so the real (GTK) window system is used
xvfb-run -a -s "-screen 0 1440x900x24" /usr/bin/time -f "wall %e s, user %U s, sys %S s, max RSS %M KB" \
  java -Xmx1g -Dprism.order=sw -cp "$CP" dev.triage.plugin.sql.ui.SqlViewShot target/sql-editor "$ROWS"
