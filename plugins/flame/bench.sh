#!/usr/bin/env bash
# Re-runs the flame-graph timings of issue 7 (docs/benchmarks.md, "Flame graphs"): one line per measurement.
#   plugins/flame/bench.sh [quick]      quick: the 127 MB file only (no 1 GB file, no speedscope)
# Generates inputs into plugins/flame/target/bench with ../shared/tools/gen-folded.py when missing, builds the module's
# classes when missing, and runs speedscope's own importer under node when npm can install it (else says why not).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
tools=${TRIAGE_TOOLS:-$root/../shared/tools}
bench=$here/target/bench
mkdir -p "$bench"
quick=${1:-}

gen() { # stacks seed file
  [ -s "$bench/$3" ] || python3 "$tools/gen-folded.py" --stacks "$1" --seed "$2" > "$bench/$3"
}
gen 100000 5 stacks-100k.folded
if [ "$quick" != quick ]; then
  gen 200000 3 stacks-200k.folded
  gen 400000 5 stacks-400k.folded
  gen 800000 7 stacks-800k.folded
fi

if [ ! -d "$here/target/test-classes/dev/triage/plugin/flame/bench" ]; then
  (cd "$root" && ./mvnw -o -q -B -pl plugins/flame -am package -DskipTests -Dcheckstyle.skip)
fi
if [ ! -s "$here/target/cp.txt" ]; then
  (cd "$here" && "$root/mvnw" -o -q -B dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test >/dev/null)
fi
cp="$here/target/test-classes:$here/target/classes:$(cat "$here/target/cp.txt")"
cd "$here"
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"

timed() { # label, command...: prints the command's own lines, then wall/CPU/RSS from /usr/bin/time
  local label=$1; shift
  /usr/bin/time -f "$label: %e s wall, %U s user + %S s sys CPU, max RSS %M KB, exit %x" "$@" 2>&1 | grep -v "WARNING\|CssStyleHelper\|PlatformImpl" || true
}

# 1. parse to trie + function table, 3 runs in one JVM (CPU of the whole process, heap after GC)
timed "triage parse 127 MB (3 runs)" java -Xmx2g -cp "$cp" dev.triage.plugin.flame.bench.ParseBench "$bench/stacks-100k.folded" 3

# 2. open + first paint in a real window (Xvfb), light theme, flame mode
if command -v xvfb-run >/dev/null; then
  timed "triage open + first paint 127 MB" xvfb-run -a -s "-screen 0 1440x900x24" java -Xmx2g -cp "$cp" \
    dev.triage.plugin.flame.ui.FlameViewShot "$bench/stacks-100k.folded" "$bench/first-paint.png" light flame
else
  echo "open + first paint: skipped (no xvfb-run)"
fi

[ "$quick" = quick ] && exit 0

# 3. the 1 GB file within a 2 GB heap: parse, then the whole function table
timed "triage parse 1 GB with -Xmx2g" java -Xmx2g -cp "$cp" dev.triage.plugin.flame.bench.ParseBench "$bench/stacks-800k.folded" 1

# 4. largest file each tool opens: Triage (-Xmx2g) and speedscope's importer (node, default heap and 2 GB)
for f in stacks-100k stacks-200k stacks-400k stacks-800k; do
  timed "triage $f ($(stat -c %s "$bench/$f.folded") bytes), -Xmx2g" java -Xmx2g -cp "$cp" \
    dev.triage.plugin.flame.bench.ParseBench "$bench/$f.folded" 1
done
ss=$bench/speedscope
if [ ! -d "$ss/node_modules/speedscope" ]; then
  mkdir -p "$ss"
  (cd "$ss" && npm install --no-audit --no-fund --silent speedscope@1.25.0 >/dev/null 2>&1) \
    || { echo "speedscope: not run (npm install speedscope failed: no network or no npm)"; exit 0; }
fi
node "$here/bench/speedscope-prepare.mjs" "$ss"
cp "$here/bench/ss-import.mjs" "$ss/ss-import.mjs"
for f in stacks-100k stacks-200k stacks-400k stacks-800k; do
  for heap in default 2048; do
    opt=(); [ "$heap" = default ] || opt=(--max-old-space-size=$heap)
    timed "speedscope $f, node heap $heap" timeout 1800 node "${opt[@]}" "$ss/ss-import.mjs" "$bench/$f.folded"
  done
done
