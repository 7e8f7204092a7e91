#!/usr/bin/env bash
# Builds (or takes) the Triage .deb, puts it in a fresh root and starts the installed launcher:
#   triage --version, a slow-log digest (DuckDB), then `gui --screenshot` under Xvfb, with TRIAGE_HOME
#   in a temp folder.
# Prints the package and installed sizes and the start times. Slow (a minute or two): .ci/run calls it
# only with TRIAGE_INSTALLER_TEST=1.
#
# Usage: installers/linux/test-deb.sh [--install] [--keep] [path/to/triage_*.deb]
#   no .deb given  builds one with ./mvnw -B -Pinstaller -pl installers -am package -DskipTests
#   default        extracts it with dpkg-deb -x into a temp root (nothing on the machine changes)
#   --install      installs it with apt-get (root only, meant for CI machines): dependencies resolved,
#                  postinst run (menu entry), the launcher in /opt/triage; removed again at the end
#                  unless --keep
# Needs: dpkg-deb, xvfb-run (apt-get install -y xvfb xauth libgtk-3-0), and to build: fakeroot.
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
install=0; keep=0; deb=""
for a in "$@"; do
  case "$a" in
    --install) install=1 ;;
    --keep) keep=1 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) deb=$a ;;
  esac
done
fail() { echo "test-deb: FAIL: $*" >&2; exit 1; }
now() { date +%s.%N; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", b - a }'; }
command -v dpkg-deb >/dev/null || fail "dpkg-deb is missing (not a Debian-like system?)"
command -v xvfb-run >/dev/null || fail "xvfb-run is missing: apt-get install -y xvfb xauth libgtk-3-0"

if [ -z "$deb" ]; then
  echo "test-deb: building the .deb (./mvnw -B -Pinstaller -pl installers -am package -DskipTests)"
  t0=$(now)
  (cd "$repo" && ./mvnw -q -B -ntp -Pinstaller -pl installers -am package -DskipTests)
  echo "test-deb: build took $(secs "$t0" "$(now)") s"
  deb=$(ls "$repo"/installers/target/installers/triage_*.deb 2>/dev/null | head -1)
  [ -n "$deb" ] || fail "the build made no .deb (is fakeroot installed?)"
fi
[ -f "$deb" ] || fail "$deb does not exist"
deb=$(cd "$(dirname "$deb")" && pwd)/$(basename "$deb")

work=$(mktemp -d "${TMPDIR:-/tmp}/triage-deb-test.XXXXXX")
cleanup() {
  if [ "$install" = 1 ] && [ "$keep" = 0 ]; then apt-get remove -y -q triage >/dev/null 2>&1 || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

echo "test-deb: package $(basename "$deb"): $(du -h "$deb" | cut -f1) ($(stat -c %s "$deb") bytes)"
echo "test-deb: control: $(dpkg-deb -f "$deb" Package Version Depends Installed-Size | tr '\n' ' ')"

if [ "$install" = 1 ]; then
  [ "$(id -u)" = 0 ] || fail "--install needs root"
  t0=$(now)
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$deb" >"$work/apt.log" 2>&1 || { cat "$work/apt.log" >&2; fail "apt-get install failed"; }
  echo "test-deb: installed with apt-get in $(secs "$t0" "$(now)") s"
  root=""
else
  root=$work/root
  dpkg-deb -x "$deb" "$root"
  echo "test-deb: extracted into $root"
fi
appdir=$root/opt/triage
launcher=$appdir/bin/Triage
[ -x "$launcher" ] || fail "no launcher at $launcher"
ls "$appdir"/lib/*.desktop >/dev/null 2>&1 || fail "no .desktop menu entry in $appdir/lib"
if [ "$install" = 1 ]; then
  # postinst links the launcher for the CLI.
  [ "$(readlink -f /usr/bin/triage)" = "$launcher" ] || fail "/usr/bin/triage does not point to $launcher"
  launcher=/usr/bin/triage
fi
echo "test-deb: installed size $(du -sh "$appdir" | cut -f1) (runtime $(du -sh "$appdir/lib/runtime" | cut -f1), jars $(du -sh "$appdir/lib/app" | cut -f1))"

export TRIAGE_HOME=$work/home
mkdir -p "$TRIAGE_HOME"

t0=$(now)
version=$("$launcher" --version) || fail "--version exited with $?"
echo "test-deb: --version in $(secs "$t0" "$(now)") s: $(echo "$version" | tr '\n' ' ')"
echo "$version" | grep -q "^Triage " || fail "--version printed no 'Triage ' line"

# A CLI command that goes through DuckDB: its JNI library must be in the (trimmed) jar.
cat >"$work/slow.log" <<'LOG'
# Time: 2024-05-01T10:00:00.000000Z
# User@Host: app[app] @ localhost []  Id:    12
# Query_time: 1.500000  Lock_time: 0.000100 Rows_sent: 1  Rows_examined: 1000
SET timestamp=1714557600;
SELECT * FROM orders WHERE id = 42;
# Time: 2024-05-01T10:00:01.000000Z
# User@Host: app[app] @ localhost []  Id:    12
# Query_time: 2.500000  Lock_time: 0.000100 Rows_sent: 1  Rows_examined: 2000
SET timestamp=1714557601;
SELECT * FROM orders WHERE id = 43;
LOG
t0=$(now)
"$launcher" plugin run slowlog.digest "files=$work/slow.log" limit=10 --format json >"$work/digest.json" 2>"$work/digest.err" \
  || { cat "$work/digest.err" >&2; fail "slowlog.digest exited with an error"; }
grep -q '"count" : 2' "$work/digest.json" || { cat "$work/digest.json" "$work/digest.err" >&2; fail "slowlog.digest did not count 2 queries"; }
echo "test-deb: slowlog.digest (DuckDB) in $(secs "$t0" "$(now)") s"

shot=$work/out.png
t0=$(now)
xvfb-run -a -s "-screen 0 1440x900x24" "$launcher" gui --screenshot "$shot" >"$work/gui.log" 2>&1 \
  || { cat "$work/gui.log" >&2; fail "gui --screenshot exited with an error"; }
echo "test-deb: gui --screenshot in $(secs "$t0" "$(now)") s (JVM start to exit, Xvfb start included)"
[ -s "$shot" ] || { cat "$work/gui.log" >&2; fail "no screenshot at $shot"; }
head -c 8 "$shot" | od -An -c | grep -q "P   N   G" || fail "$shot is not a PNG"
echo "test-deb: screenshot $(stat -c %s "$shot") bytes"
first=$(grep -rhoE "First window shown [0-9]+ ms" "$work/gui.log" "$TRIAGE_HOME" 2>/dev/null | head -1 || true)
[ -n "$first" ] && echo "test-deb: $first after the JVM started"
if [ -n "${TRIAGE_DEB_SCREENSHOT:-}" ]; then cp "$shot" "$TRIAGE_DEB_SCREENSHOT"; echo "test-deb: screenshot copied to $TRIAGE_DEB_SCREENSHOT"; fi
echo "test-deb: OK"
