#!/usr/bin/env bash
# Slow-log digest benchmark: pt-query-digest and `triage slowlog digest` side by side on generated logs.
#
#   plugins/slowlog/bench.sh            # 500 MB MySQL/Percona log and 200 MB TiDB log
#   plugins/slowlog/bench.sh --no-pt    # Triage only (pt-query-digest takes a minute per 500 MB)
#   SIZES="100" FLAVORS="mysql" plugins/slowlog/bench.sh   # other inputs
#
# Needs a built checkout (./mvnw -q install -DskipTests, or at least app/target/triage-app.jar), python3,
# GNU time (/usr/bin/time) and pt-query-digest (Debian: percona-toolkit). Inputs are generated once into
# plugins/slowlog/target/bench with ../shared/tools/gen-slowlog.py. Prints one line per run (wall and CPU seconds,
# peak RSS), then per file the ratios and whether every class id, count and total query time is equal.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out="$here/target/bench"
gen="${GEN_SLOWLOG:-$root/../shared/tools/gen-slowlog.py}"
mysql_mb="${MYSQL_MB:-500}"
tidb_mb="${TIDB_MB:-200}"
run_pt=1
[ "${1:-}" = "--no-pt" ] && run_pt=0
mkdir -p "$out"

files=()
for spec in "mysql:$mysql_mb" "tidb:$tidb_mb"; do
  flavor=${spec%%:*}; mb=${spec##*:}
  [ "$mb" = 0 ] && continue
  f="$out/$flavor-$mb.log"
  if [ ! -s "$f" ]; then
    echo "generating $f" >&2
    python3 "$gen" --size-mb "$mb" --flavor "$flavor" > "$f.tmp" 2> "$out/$flavor-$mb.gen.txt"
    mv "$f.tmp" "$f"
  fi
  files+=("$f")
done

echo "# $(date -u +%FT%TZ) load average: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
measure() { # name file outfile command...
  local name=$1 file=$2 result=$3; shift 3
  /usr/bin/time -f '%e %U %S %M' -o "$out/time.txt" "$@" > "$result" 2> "$out/stderr.txt" || {
    echo "$name failed on $file:" >&2; tail -5 "$out/stderr.txt" >&2; exit 1; }
  read -r wall user sys rss < <(tail -1 "$out/time.txt")
  cpu=$(python3 -c "print(f'{$user + $sys:.2f}')")
  printf '%-16s %-14s wall %7.2f s  cpu %7.2f s  rss %5d MB\n' "$name" "$(basename "$file")" "$wall" "$cpu" $((rss / 1024))
  echo "$wall $cpu"
}

for f in "${files[@]}"; do
  base=$(basename "$f" .log)
  t=$(measure triage "$f" "$out/$base.triage.json" \
      env TRIAGE_JAVA_OPTS="${TRIAGE_JAVA_OPTS:--Xmx1g -XX:+UseParallelGC}" "$root/triage" slowlog digest "$f" \
      --limit 100000 --format json)
  echo "$t" | head -1
  read -r tw tc < <(echo "$t" | tail -1)
  [ "$run_pt" = 1 ] || continue
  p=$(measure pt-query-digest "$f" "$out/$base.pt.json" \
      pt-query-digest --no-version-check --output json --limit 100%:100000 "$f")
  echo "$p" | head -1
  read -r pw pc < <(echo "$p" | tail -1)
  python3 - "$out/$base.pt.json" "$out/$base.triage.json" "$base" "$pw" "$pc" "$tw" "$tc" <<'EOF'
import json, sys
pt_file, tr_file, base, pw, pc, tw, tc = sys.argv[1:]
def body(path):
    text = open(path).read()
    return json.loads(text[text.index(text.lstrip()[0]):])
pt = {c["checksum"]: c for c in body(pt_file)["classes"]}
tr = {r["checksum"]: r for r in body(tr_file)}
bad = [k for k in pt if k not in tr or tr[k]["count"] != pt[k]["query_count"]
       or abs(tr[k]["queryTime"]["sum"] - float(pt[k]["metrics"]["Query_time"]["sum"])) > 1e-3]
equal = not bad and len(pt) == len(tr)
print(f"{base:<31} ratio wall {float(pw) / float(tw):5.1f}x  cpu {float(pc) / float(tc):5.1f}x  "
      f"classes {len(pt)} pt = {len(tr)} triage, ids/counts/totals {'all equal' if equal else 'DIFFER: ' + ', '.join(bad[:5])}")
sys.exit(0 if equal else 1)
EOF
done
