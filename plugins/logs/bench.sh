#!/usr/bin/env bash
# Benchmarks the logs plugin (issue 5) against grep on ~1 GB of generated server logs, side by side in one run.
# Needs a built checkout (./mvnw -q install -DskipTests: app/target/triage-app.jar and app/target/lib/).
# Generates the logs into plugins/logs/target/bench/data when missing (BENCH_MB, default 1000; seed 3, no .gz so that
# grep reads the same plain files). Prints one line per measurement: wall and CPU (user+sys) seconds, and the ratio.
# Usage: plugins/logs/bench.sh  (TRIAGE_JAVA_OPTS defaults to -Xmx1g -XX:+UseParallelGC: heap < 1 GB; BENCH_DIR, BENCH_MB;
# BENCH_SKIP_IMPORT=1 searches the case of an earlier run instead of importing again)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
gen=${GEN:-$root/../shared/tools/gen-serverlogs.py}
out=${BENCH_DIR:-$here/target/bench}
data="$out/data"
case="$out/case"
triage="$root/triage"
export TRIAGE_JAVA_OPTS=${TRIAGE_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC}
mkdir -p "$out"
if [ ! -f "$data/truth.json" ]; then
  echo "generating ${BENCH_MB:-1000} MB into $data ..."
  python3 "$gen" --out "$data" --size-mb "${BENCH_MB:-1000}" --seed 3 >/dev/null
fi
mapfile -t files < <(find "$data" -maxdepth 1 -type f ! -name truth.json | sort)
bytes=$(cat "${files[@]}" | wc -c)
echo "data: ${#files[@]} files, $bytes bytes; $(nproc) cores; load average: $(cut -d' ' -f1-3 /proc/loadavg)"

# measure CMD...: runs it with stdout to $out/last.out, sets W (wall s), C (user+sys s), M (max RSS MB).
measure() {
  local t
  t=$(mktemp)
  /usr/bin/time -f "%e %U %S %M" -o "$t" "$@" >"$out/last.out" 2>"$out/last.err" || { cat "$out/last.err" >&2; exit 1; }
  read -r W u s m <"$t"
  rm -f "$t"
  C=$(echo "$u + $s" | bc)
  M=$((m / 1024))
}
millis() { grep -o '"millis" : [0-9]*' "$out/last.out" | grep -o '[0-9]*$'; }
hits() { grep -o '"hits" : [0-9]*' "$out/last.out" | grep -o '[0-9]*$'; }
ratio() { echo "scale=2; $1 / $2" | bc; }
line() { printf '%-46s %s\n' "$1" "$2"; }

if [ -n "${BENCH_SKIP_IMPORT:-}" ] && [ -f "$case/case.duckdb" ]; then
  echo "import skipped (BENCH_SKIP_IMPORT): searching the existing case $case"
else
  rm -rf "$case"
  "$triage" case new "$case" >/dev/null
  measure "$triage" logs import "$data" --case "$case" --tz UTC --exclude '*.json'
  line "import + index (1 JVM, facts included)" \
    "wall ${W}s cpu ${C}s maxrss ${M}MB -> $(echo "scale=1; $bytes / 1048576 / $W" | bc) MB/s wall, $(echo "scale=1; $bytes / 1048576 / $C" | bc) MB/s per CPU-s (target >= 150 MB/s)"
fi
measure "$triage" logs files --case "$case"
line "JVM start + case open (logs files)" "wall ${W}s cpu ${C}s (included in every wall/cpu below)"

measure grep -c deadlock "${files[@]}"
measure grep -c deadlock "${files[@]}"
gw=$W
line "grep -c deadlock (warm)" "wall ${W}s cpu ${C}s"
measure "$triage" logs search --case "$case" --must deadlock --format json
line "first search --must deadlock" \
  "in-process $(millis) ms, wall ${W}s cpu ${C}s -> $(ratio "$(millis)/1000" "$gw")x grep in-process, $(ratio "$W" "$gw")x wall (target <= 1.5x)"
measure "$triage" logs search --case "$case" --must deadlock --format json
line "repeated search --must deadlock" "in-process $(millis) ms, wall ${W}s cpu ${C}s (target <= 1000 ms)"

re='served in 24[0-9] ms'
measure grep -c -E "$re" "${files[@]}"
gw=$W
ghits=$(awk -F: '{s += $NF} END {print s}' "$out/last.out")
line "grep -c -E '$re'" "wall ${W}s cpu ${C}s, $ghits lines"
measure "$triage" logs search --case "$case" --must served --regex "$re" --max-hits 1000000 --format json
line "search --must served --regex '$re'" \
  "in-process $(millis) ms, wall ${W}s cpu ${C}s maxrss ${M}MB, $(hits) hits (grep: $ghits) -> $(ratio "$(millis)/1000" "$gw")x grep (target < 5 s)"

measure "$triage" logs search --case "$case" --must Exception --max-hits 200 --format json
cp "$out/last.out" "$out/hits200.json"
measure java -cp "$root/app/target/triage-app.jar:$root/app/target/lib/*" "$here/bench/FactsOverHits.java" "$out/hits200.json"
read -r _ n f ms < <(grep '^first' "$out/last.out")
read -r _ _ _ best < <(grep '^best' "$out/last.out")
line "facts over $n hits (shipped rules, RE2J)" "$f facts, first ${ms} ms (rules loaded and compiled), then ${best} ms (target < 500 ms)"
line "20 concurrent searches on one case" "LogsFeaturesTest.runsTwentySearchesAtOnceOnOneCase (one DuckDB file per case: one process)"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
