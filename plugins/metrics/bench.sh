#!/usr/bin/env bash
# Metrics benchmark (issue 13, docs/benchmarks.md): 200 series x 11,000 points backfilled into a local Prometheus
# (Debian's prometheus + promtool), then curl and promtool (the comparison clients) and Triage's fetch, store, load,
# anomaly marks, first chart and a render loop of 400 pans, one line per measurement with wall and CPU time.
# Usage: plugins/metrics/bench.sh            (from the repository root or from plugins/metrics)
# Needs: the module built (./mvnw -o -q -B -pl plugins/metrics -am install -DskipTests, or test-compile after that).
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
for tool in prometheus promtool prometheus-node-exporter curl; do
  command -v "$tool" >/dev/null || { echo "missing $tool (apt-get install prometheus prometheus-node-exporter curl)"; exit 2; }
done
if [ ! -d target/test-classes/dev/triage/plugin/metrics/infrastructure ] || [ ! -f target/classes/META-INF/services/dev.triage.core.plugin.Plugin ]; then
  (cd "$root" && ./mvnw -o -q -B -pl plugins/metrics test-compile)
fi
mkdir -p target/bench
if [ ! -s target/bench/classpath.txt ] || [ pom.xml -nt target/bench/classpath.txt ]; then
  (cd "$root" && ./mvnw -o -q -B -pl plugins/metrics dependency:build-classpath -Dmdep.includeScope=test \
      -Dmdep.outputFile="$root/plugins/metrics/target/bench/classpath.txt") >/dev/null
fi
echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
# the worktree's own core and testkit classes first, so a newer snapshot in ~/.m2 from another checkout does not win
own="$root/workbench-core/target/classes:$root/workbench-testkit/target/classes"
exec java -Xmx3g -Djava.awt.headless=true -cp "target/test-classes:target/classes:$own:$(cat target/bench/classpath.txt)" \
  dev.triage.plugin.metrics.infrastructure.MetricsBench target/bench 2> target/bench/stderr.log
