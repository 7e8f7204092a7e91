#!/usr/bin/env bash
# Facts of search hits (logs hit-facts): rules over 200 hits, side by side with grep -c for the same terms.
# Usage: plugins/logs/bench-features.sh [SIZE_MB]   (run from the repository root after building the app)
set -euo pipefail
cd "$(dirname "$0")/../.."
size=${1:-2}
data=plugins/logs/target/bench-features-$size
home=plugins/logs/target/bench-features-home
kase=plugins/logs/target/bench-features-case-$size
if [ ! -f "$data/truth.json" ]; then
  python3 "${GEN:-../shared/tools/gen-serverlogs.py}" --out "$data" --size-mb "$size" --seed 3 >/dev/null
  touch -d 2026-03-02T00:00:00Z "$data"/*   # syslog stamps take the year of the file
fi
export TRIAGE_HOME=$home
if [ ! -f "$kase/case.duckdb" ]; then
  ./triage case new "$kase" --name bench >/dev/null
  ./triage logs import "$data" --case "$kase" --tz UTC >/dev/null 2>&1
fi
terms=(--any deadlock --any page_cleaner --any "Shrinking ISR" --any OutOfMemory --any Exception --any Aborted --any ERROR)
for i in 1 2 3; do
  out=$( { /usr/bin/time -f "%e %U %S" ./triage logs hit-facts --case "$kase" "${terms[@]}" --max-hits 200 --limit 0 | head -1; } 2>&1 )
  echo "hit-facts run $i: $(echo "$out" | head -1) | CLI wall/user/sys s: $(echo "$out" | tail -1)"
done
g=$( { /usr/bin/time -f "%e %U %S" grep -c -E 'deadlock|page_cleaner|Shrinking ISR|OutOfMemory|Exception|Aborted|ERROR' "$data"/app.log "$data"/mysql-error.log "$data"/tidb.log "$data"/syslog >/dev/null; } 2>&1 )
echo "grep -c -E same terms (plain files): wall/user/sys s: $g"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
