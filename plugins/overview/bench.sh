#!/usr/bin/env bash
# Capacity benchmark of the alert engine (issue #9): 1,000 rules evaluated on every target every 10 s must cost < 1 s of CPU
# per round. Runs `triage alerts bench` (synthetic rules and samples, in-process, CPU time per round from the JVM) and the
# whole command under /usr/bin/time for the process's user+sys. No comparison tool: Prometheus is not installed here.
# Usage: plugins/overview/bench.sh   (after ./mvnw -q -pl app -am install -DskipTests)
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
export TRIAGE_HOME=${TRIAGE_HOME:-$here/plugins/overview/target/bench-home}
mkdir -p "$TRIAGE_HOME"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
for spec in "1000 20 60" "1000 100 30" "5000 20 30"; do
  set -- $spec
  out=$( { /usr/bin/time -f "process: %e s wall, %U s user, %S s sys, %M KB max RSS" ./triage alerts bench --rules "$1" --targets "$2" --rounds "$3"; } 2>&1 )
  echo "$out" | grep -E "alerts bench|process:"
done
